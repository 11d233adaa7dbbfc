package io.headhuntr.sandbox.store;

import java.util.List;

/** A prospect pool with its ordered stages. */
public record ProspectPool(long id, String name, boolean active, List<NamedRef> stages) {}

package io.headhuntr.sandbox.store;

/** An id with a name, such as a prospect pool stage. */
public record NamedRef(long id, String name) {}

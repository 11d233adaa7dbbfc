package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An id and a name nested in a record, e.g. the {@code type} of a source or rejection reason. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NamedRef(Long id, String name) {}

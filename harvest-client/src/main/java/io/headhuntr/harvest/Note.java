package io.headhuntr.harvest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A note on a candidate's activity feed; {@code visiblity} is Greenhouse's legacy misspelling, kept
 * as sent.
 */
public record Note(
    long id,
    Instant createdAt,
    String body,
    UserRef user,
    @JsonProperty("private") boolean isPrivate,
    String visiblity,
    String visibility) {}

package io.headhuntr.harvest;

import java.time.Instant;

/**
 * A file attached to a candidate or application; its URL is signed and expires after 7 days, so
 * download it at once.
 */
public record Attachment(
    String filename, String url, String type, String contentType, Instant createdAt) {}

package io.headhuntr.sandbox.store;

/**
 * A file attached to a candidate or an application; the url stands in for Greenhouse's signed S3
 * url. The id is 0 until the account numbers it (seeded files get theirs when Harvest v3 starts).
 */
public record Attachment(
    long id,
    String filename,
    String url,
    String type,
    String contentType,
    String visibility,
    long createdAt) {

  /** A file not yet numbered, visible to everyone who can see the person. */
  public Attachment(String filename, String url, String type, String contentType, long createdAt) {
    this(0, filename, url, type, contentType, "public", createdAt);
  }

  /** The same file with another id. */
  public Attachment withId(long newId) {
    return new Attachment(newId, filename, url, type, contentType, visibility, createdAt);
  }

  /** The same file, now filed under another type (a replaced resume becomes "other"). */
  public Attachment withType(String newType) {
    return new Attachment(id, filename, url, newType, contentType, visibility, createdAt);
  }
}

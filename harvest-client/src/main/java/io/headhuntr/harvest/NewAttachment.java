package io.headhuntr.harvest;

import java.util.Base64;

/**
 * A file to attach: base64 {@code content} with its {@code content_type}, or a fetchable {@code
 * url}.
 */
public record NewAttachment(
    String filename,
    String type,
    String content,
    String contentType,
    String url,
    String visibility) {
  public NewAttachment {
    if (filename == null || filename.isBlank()) {
      throw new IllegalArgumentException("an attachment needs a filename");
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("an attachment needs a type (resume, cover_letter, ...)");
    }
    if ((content == null) == (url == null)) {
      throw new IllegalArgumentException("an attachment needs exactly one of content or url");
    }
    if (content != null && (contentType == null || contentType.isBlank())) {
      throw new IllegalArgumentException("an attachment sent as content needs a content type");
    }
  }

  /** A file sent inline; the bytes are base64-encoded here. */
  public static NewAttachment ofBytes(
      String filename, String type, byte[] bytes, String contentType) {
    return new NewAttachment(
        filename, type, Base64.getEncoder().encodeToString(bytes), contentType, null, null);
  }

  /** A file Greenhouse fetches from a machine-readable URL (not a cloud share link). */
  public static NewAttachment ofUrl(String filename, String type, String url) {
    return new NewAttachment(filename, type, null, null, url, null);
  }

  /**
   * The same attachment with a visibility ({@code public|private|admin_only}; application level,
   * type other).
   */
  public NewAttachment withVisibility(String visibility) {
    return new NewAttachment(filename, type, content, contentType, url, visibility);
  }

  @Override
  public String toString() {
    return "NewAttachment[filename="
        + filename
        + ", type="
        + type
        + ", contentType="
        + contentType
        + (content != null ? ", content=" + content.length() + " base64 chars" : ", url=<set>")
        + "]";
  }
}

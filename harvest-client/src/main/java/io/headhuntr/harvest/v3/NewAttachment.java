package io.headhuntr.harvest.v3;

import java.util.Base64;
import java.util.Set;

/**
 * The body of {@code POST /v3/attachments}: a file on an application, sent inline (base64 {@code
 * content}) or fetched by Greenhouse from a {@code url}, never both. A new {@code resume} or {@code
 * cover_letter} turns the application's previous one into {@code other}.
 */
public record NewAttachment(
    long applicationId,
    String filename,
    String type,
    String content,
    String url,
    String contentType,
    String visibility) {
  static final Set<String> TYPES =
      Set.of("resume", "cover_letter", "admin_only", "offer_packet", "other");

  public NewAttachment {
    Checks.id("application_id", applicationId);
    Checks.text("filename", filename);
    Checks.text("type", type);
    Checks.oneOf("type", type, TYPES);
    if ((content == null) == (url == null)) {
      throw new IllegalArgumentException("an attachment needs exactly one of content or url");
    }
    Checks.optionalText("content", content);
    Checks.optionalText("url", url);
    Checks.optionalText("content_type", contentType);
    Checks.oneOf("visibility", visibility, NewNote.VISIBILITIES);
  }

  /** A file sent inline: the bytes are base64-encoded here. */
  public static NewAttachment ofBytes(
      long applicationId, String filename, String type, byte[] bytes, String contentType) {
    return new NewAttachment(
        applicationId,
        filename,
        type,
        Base64.getEncoder().encodeToString(bytes),
        null,
        contentType,
        null);
  }

  /** A file Greenhouse downloads from a URL it can reach (not a share page). */
  public static NewAttachment ofUrl(long applicationId, String filename, String type, String url) {
    return new NewAttachment(applicationId, filename, type, null, url, null, null);
  }

  /**
   * The same attachment with a visibility ({@code admin_only}, {@code private}, {@code public}).
   */
  public NewAttachment withVisibility(String value) {
    return new NewAttachment(applicationId, filename, type, content, url, contentType, value);
  }

  @Override
  public String toString() {
    return "NewAttachment[applicationId="
        + applicationId
        + ", type="
        + type
        + ", contentType="
        + contentType
        + (content != null ? ", content=" + content.length() + " base64 chars" : ", url=<set>")
        + "]";
  }
}

package io.headhuntr.connector.greenhouse;

import java.util.Optional;

/**
 * A file to attach: its name and type ({@code resume}, {@code cover_letter}, ...), and either its
 * content (base64, with a content type) or a URL Greenhouse fetches it from. {@link #toString()}
 * leaves the content out.
 */
public record FileEntry(
    String filename,
    String type,
    Optional<String> content,
    Optional<String> contentType,
    Optional<String> url) {

  /** A file Greenhouse downloads from {@code url}. */
  public static FileEntry ofUrl(String filename, String type, String url) {
    return new FileEntry(filename, type, Optional.empty(), Optional.empty(), Optional.of(url));
  }

  /** A file sent inline, base64-encoded. */
  public static FileEntry ofContent(
      String filename, String type, String base64Content, String contentType) {
    return new FileEntry(
        filename, type, Optional.of(base64Content), Optional.of(contentType), Optional.empty());
  }

  /** The same name and type: how a file is recognised when read back. */
  public boolean sameFileAs(FileEntry other) {
    return filename.equals(other.filename) && type.equals(other.type);
  }

  @Override
  public String toString() {
    return "FileEntry[filename="
        + filename
        + ", type="
        + type
        + (content.isPresent() ? ", content=<" + content.get().length() + " chars>" : "")
        + url.map(u -> ", url=<set>").orElse("")
        + "]";
  }
}

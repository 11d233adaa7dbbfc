package io.headhuntr.connector.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.api.ProblemException;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Which attachments a push may carry: a resume or cover letter, either base64 {@code content} with
 * {@code filename} and a {@code content_type} Greenhouse accepts, at most {@code maxBytes} decoded,
 * or an {@code https} {@code url} Greenhouse fetches itself.
 */
final class AttachmentRules {
  /**
   * Greenhouse's attachment content types: the ones its docs name (PDF, Word, plain text, HTML,
   * PNG, JPEG) plus RTF, ODT and GIF, which its full list includes.
   */
  static final Set<String> CONTENT_TYPES =
      Set.of(
          "application/pdf",
          "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/rtf",
          "text/rtf",
          "application/vnd.oasis.opendocument.text",
          "text/plain",
          "text/html",
          "image/png",
          "image/jpeg",
          "image/gif");

  private static final Set<String> TYPES = Set.of("resume", "cover_letter");
  private static final Set<String> FIELDS =
      Set.of("type", "filename", "content_type", "content", "url");

  private final long maxBytes;

  AttachmentRules(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  ArrayNode validate(JsonNode list) {
    ArrayNode out = Json.mapper().createArrayNode();
    int i = 0;
    for (JsonNode item : PushValidator.array(list, "attachments")) {
      String here = "attachments[" + i++ + "]";
      if (!item.isObject()) {
        throw ProblemException.invalid(here, here + " must be an object");
      }
      PushValidator.unknownFields(item, FIELDS, here + ".");
      String type = PushValidator.requiredText(item, "type", here + ".type");
      if (!TYPES.contains(type)) {
        throw ProblemException.invalid(here + ".type", "type must be resume or cover_letter");
      }
      String filename = PushValidator.requiredText(item, "filename", here + ".filename");
      if (filename.length() > 255 || filename.contains("/") || filename.contains("\\")) {
        throw ProblemException.invalid(here + ".filename", "filename must be a plain file name");
      }
      JsonNode contentNode = item.get("content");
      if (contentNode != null && !contentNode.isNull() && !contentNode.isTextual()) {
        throw ProblemException.invalid(
            here + ".content", here + ".content must be a base64 string");
      }
      String content =
          contentNode == null || contentNode.isNull() || contentNode.asText().isBlank()
              ? null
              : contentNode.asText();
      String url = PushValidator.optionalText(item, "url", here + ".url");
      if ((content == null) == (url == null)) {
        throw ProblemException.invalid(
            here, here + " needs exactly one of content (base64) or url");
      }
      var node = out.addObject().put("type", type).put("filename", filename);
      if (content != null) {
        String contentType =
            PushValidator.requiredText(item, "content_type", here + ".content_type")
                .toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(contentType)) {
          throw ProblemException.invalid(
              here + ".content_type",
              "Greenhouse does not accept "
                  + contentType
                  + "; use one of "
                  + String.join(", ", CONTENT_TYPES.stream().sorted().toList()));
        }
        byte[] bytes;
        try {
          bytes = Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException e) {
          throw ProblemException.invalid(here + ".content", "content is not valid base64");
        }
        if (bytes.length == 0) {
          throw ProblemException.invalid(here + ".content", "the file is empty");
        }
        if (bytes.length > maxBytes) {
          throw ProblemException.invalid(
              here + ".content",
              "the file has " + bytes.length + " bytes; at most " + maxBytes + " are accepted");
        }
        node.put("content_type", contentType)
            .put("content", Base64.getEncoder().encodeToString(bytes));
      } else {
        URI uri;
        try {
          uri = URI.create(url);
        } catch (IllegalArgumentException e) {
          throw ProblemException.invalid(here + ".url", "url is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
          throw ProblemException.invalid(
              here + ".url", "url must be an https URL Greenhouse can fetch");
        }
        node.put("url", url);
      }
    }
    return out;
  }
}

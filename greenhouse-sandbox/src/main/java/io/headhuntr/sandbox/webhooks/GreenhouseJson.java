package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON the way Greenhouse's webhook bodies are escaped: compact, {@code <} {@code >} {@code
 * &} as {@code \u003c} {@code \u003e} {@code \u0026}, {@code /} as {@code \/}, every non-ASCII
 * character as a lowercase {@code \}{@code uXXXX} (UTF-16 units, so emoji become surrogate pairs);
 * the result is pure ASCII.
 *
 * <p>WEBHOOKS.md section 3 documents the {@code <}/{@code >} escapes and the ping fixture shows
 * {@code \/}; the exact set is undocumented, so this follows the rule (non-ASCII escaped
 * too).
 */
public final class GreenhouseJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GreenhouseJson() {}

  /** The escaped bytes (ASCII) of {@code node}. */
  public static byte[] write(JsonNode node) {
    return writeString(node).getBytes(StandardCharsets.US_ASCII);
  }

  /** The escaped text of {@code node}. */
  public static String writeString(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    append(out, node);
    return out.toString();
  }

  private static void append(StringBuilder out, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, field.getKey());
        out.append(':');
        append(out, field.getValue());
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, node.get(i));
      }
      out.append(']');
    } else if (node.isTextual()) {
      appendString(out, node.textValue());
    } else if (node.isBinary()) {
      appendString(out, node.asText());
    } else {
      // numbers and booleans: Jackson's own text is valid JSON
      out.append(node.toString());
    }
  }

  static void appendString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append("\\/");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&') {
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}

package io.headhuntr.sandbox.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** The shared Jackson mapper and the Harvest timestamp format (ISO-8601, milliseconds, Z). */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Epoch millis as Harvest prints them; 0 means "no value" and puts null. */
  public static void time(ObjectNode node, String field, long epochMillis) {
    if (epochMillis == 0) {
      node.putNull(field);
    } else {
      node.put(field, iso(epochMillis));
    }
  }

  public static String iso(long epochMillis) {
    return ISO.format(Instant.ofEpochMilli(epochMillis));
  }

  /** An id, or null when 0. */
  public static void id(ObjectNode node, String field, long id) {
    if (id == 0) {
      node.putNull(field);
    } else {
      node.put(field, id);
    }
  }

  public static ArrayNode ids(Collection<Long> ids) {
    ArrayNode array = array();
    ids.forEach(array::add);
    return array;
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }
}

package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An e-mail address, phone number, address, website or social-media entry: a value and its type
 * (social-media entries have none, so an absent type is not written).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactDetail(String value, String type) {
  /** A typed entry, e.g. {@code ContactDetail.of("ada@example.com", "personal")}. */
  public static ContactDetail of(String value, String type) {
    return new ContactDetail(value, type);
  }

  /** An untyped entry, as social-media addresses are in v3. */
  public static ContactDetail of(String value) {
    return new ContactDetail(value, null);
  }
}

package io.headhuntr.harvest;

/**
 * A phone number, address, e-mail, website or social-media entry: a value and its type (absent for
 * social media).
 */
public record ContactDetail(String value, String type) {
  /** A contact detail with a type, e.g. {@code ContactDetail.of("a@b.com", "work")}. */
  public static ContactDetail of(String value, String type) {
    return new ContactDetail(value, type);
  }
}

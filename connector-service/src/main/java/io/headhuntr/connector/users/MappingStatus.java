package io.headhuntr.connector.users;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the last check against Greenhouse found for a mapped Greenhouse user id. */
public enum MappingStatus {
  /** The id exists in Greenhouse and the user is active: writes can be made on their behalf. */
  VERIFIED,
  /** Not checked yet (no Greenhouse credential saved when the mapping was saved). */
  UNVERIFIED,
  /** Greenhouse has no user with this id. */
  NOT_FOUND,
  /** The Greenhouse user is deactivated: Greenhouse refuses writes on their behalf. */
  DISABLED,
  /**
   * The Greenhouse user exists and is active, but their email is not the platform user's: writes
   * would be attributed to somebody else. Not usable until an admin confirms the pair.
   */
  EMAIL_MISMATCH,
  /** The platform user has no Greenhouse user id yet (only in listings, never stored). */
  UNMAPPED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MappingStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}

package io.headhuntr.connector.tenant;

import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's token, which manages tenants: given by {@code CONNECTOR_ADMIN_TOKEN}, or generated
 * on first start and then known only by its SHA-256 (kept in {@code connector_settings}).
 */
public final class AdminToken {
  static final String PREFIX = "ghc_admin_";
  private static final String SETTING = "admin_token_sha256";
  private final byte[] hash;

  private AdminToken(byte[] hash) {
    this.hash = hash;
  }

  /** Uses {@code configured} when present; never stores it. */
  public static AdminToken configured(String token) {
    return new AdminToken(TokenHash.of(token));
  }

  /**
   * Loads the stored admin token hash, or generates a token, stores its hash and hands the secret
   * to {@code firstStart} (which prints it: the only time it is shown).
   */
  public static AdminToken storedOrGenerated(
      Jdbi jdbi, java.util.function.Consumer<String> firstStart) {
    Optional<String> stored =
        jdbi.withHandle(
            h ->
                h.createQuery("select value from connector_settings where name = :name")
                    .bind("name", SETTING)
                    .mapTo(String.class)
                    .findOne());
    if (stored.isPresent()) {
      return new AdminToken(HexFormat.of().parseHex(stored.get()));
    }
    String token = PREFIX + TokenHash.randomSecret();
    byte[] hash = TokenHash.of(token);
    int inserted =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "insert into connector_settings (name, value) values (:name, :value)"
                            + " on conflict (name) do nothing")
                    .bind("name", SETTING)
                    .bind("value", HexFormat.of().formatHex(hash))
                    .execute());
    if (inserted == 0) {
      return storedOrGenerated(jdbi, firstStart); // another instance won the race
    }
    firstStart.accept(token);
    return new AdminToken(hash);
  }

  public boolean matches(String presented) {
    return TokenHash.matches(presented, hash);
  }

  @Override
  public String toString() {
    return "AdminToken[****]";
  }
}

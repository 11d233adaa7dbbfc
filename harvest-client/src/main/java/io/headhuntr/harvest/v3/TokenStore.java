package io.headhuntr.harvest.v3;

import java.util.Optional;

/**
 * Where the caller keeps a partner authorization's tokens (e.g. encrypted in its database). The
 * client keeps no refresh token of its own: it loads the pair before each refresh and saves the new
 * pair before it sends the new access token, because the old refresh token no longer works.
 *
 * <p>Implementations must be safe to call from several threads; when several processes share one
 * authorization, {@link #save} should be atomic and {@link #load} should see other processes'
 * saves.
 */
public interface TokenStore {
  /** The last saved pair, or empty before the first authorization. */
  Optional<TokenPair> load();

  /**
   * Keeps {@code pair} in place of the previous one. If this throws, the client does not use the
   * new access token and the call fails.
   */
  void save(TokenPair pair);
}

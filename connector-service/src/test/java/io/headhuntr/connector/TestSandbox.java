package io.headhuntr.connector;

import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;

/**
 * One Greenhouse sandbox per test JVM (DEMO seed, small, no rate limit on v1 or v3), holding {@link
 * #FULL_KEY} with every permission and the demo custom client {@code sandbox-custom} with every
 * scope. Tests that need other keys create them with {@code POST /sandbox/keys}, other clients with
 * {@code addOAuthClient}; none changes the shared key or client.
 */
public final class TestSandbox {
  public static final String FULL_KEY = "sandbox-full-key-7f3a9c";
  private static GreenhouseSandbox shared;

  private TestSandbox() {}

  public static synchronized GreenhouseSandbox shared() {
    if (shared == null) {
      shared =
          GreenhouseSandbox.builder()
              .apiKey(FULL_KEY)
              .seed(SandboxSeed.DEMO)
              .candidates(20)
              .rateLimit(0)
              .v3RateLimit(0)
              .start();
      GreenhouseSandbox sandbox = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "test-sandbox-stop"));
    }
    return shared;
  }
}

package io.headhuntr.connector.demo;

import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import java.net.URI;
import java.util.Map;

/**
 * What the demo tenant connects with: the sandbox's v3 custom client (client credentials, today's
 * Greenhouse) or its v1 API key (the setup guide as written). Local demo secrets only.
 */
record DemoCredential(String api, String sandboxApiKey, String clientId, String clientSecret) {

  static DemoCredential of(String api, String sandboxApiKey, GreenhouseSandbox sandbox) {
    if (api.equals("v1")) {
      return new DemoCredential(api, sandboxApiKey, null, null);
    }
    ClientCredentials custom = sandbox.demoCustomClient();
    return new DemoCredential(api, sandboxApiKey, custom.clientId(), custom.secret().value());
  }

  /** The body of {@code PUT .../greenhouse/credential}. */
  Map<String, String> body(URI sandbox) {
    if (api.equals("v1")) {
      return Map.of("api_key", sandboxApiKey, "base_url", sandbox.toString());
    }
    return Map.of(
        "kind",
        "v3_client_credentials",
        "client_id",
        clientId,
        "client_secret",
        clientSecret,
        "base_url",
        sandbox.toString(),
        "auth_url",
        sandbox.toString());
  }

  String describe() {
    return api.equals("v1")
        ? "Harvest v1 API key"
        : "Harvest v3 client credentials (client " + clientId + ")";
  }

  @Override
  public String toString() {
    return "DemoCredential[" + api + "]";
  }
}

package io.headhuntr.connector.greenhouse;

import java.lang.reflect.Proxy;

/**
 * The Greenhouse of a tenant whose saved URL the connector may no longer call (the operator
 * narrowed {@code CONNECTOR_ALLOW_GREENHOUSE_URLS}, or it was saved before hosts were checked):
 * every call is refused at once, without a byte sent, as Greenhouse refusing the credential would
 * be, with the reason; a person must save the credential again. A dynamic proxy, so the port's many
 * methods need no hand-written refusal.
 */
final class DisallowedGreenhouse {
  private DisallowedGreenhouse() {}

  static Greenhouse refusing(String reason) {
    String message =
        "the saved Greenhouse URL may not be called ("
            + reason
            + "): save the Greenhouse credential again";
    return (Greenhouse)
        Proxy.newProxyInstance(
            Greenhouse.class.getClassLoader(),
            new Class<?>[] {Greenhouse.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "toString" -> "DisallowedGreenhouse[" + reason + "]";
                  case "hashCode" -> System.identityHashCode(proxy);
                  default -> proxy == args[0];
                };
              }
              throw new GreenhouseException.Refused("-", method.getName(), 403, message, null);
            });
  }
}

package io.headhuntr.connector.tenant;

/** A token just created: the only time its secret {@code token} is shown. */
public record CreatedToken(ApiToken info, String token) {
  @Override
  public String toString() {
    return "CreatedToken[" + info + ", token=****]";
  }
}

package io.headhuntr.connector.demo;

import java.net.URI;

/**
 * A recruiter's edit of a candidate in the sandbox ({@code PATCH /v1/candidates/{id}} on behalf of
 * a mapped user), which makes the sandbox send the {@code update_candidate} webhook.
 */
public record SampleAction(URI candidate, String sandboxApiKey, String onBehalfOf) {

  public static final String BODY = "{\"title\": \"Head of Demos\"}";

  /** The same call as a curl command line. */
  public String curl() {
    return "curl -u '"
        + sandboxApiKey
        + ":' -X PATCH -H 'On-Behalf-Of: "
        + onBehalfOf
        + "' -H 'Content-Type: application/json' -d '"
        + BODY
        + "' "
        + candidate;
  }

  @Override
  public String toString() {
    return "SampleAction[" + candidate + " on behalf of " + onBehalfOf + "]";
  }
}

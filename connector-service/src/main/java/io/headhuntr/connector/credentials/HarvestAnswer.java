package io.headhuntr.connector.credentials;

/** One raw answer of Greenhouse to a probe: its status and body (bodies hold no secrets). */
record HarvestAnswer(int status, String body) {
  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}

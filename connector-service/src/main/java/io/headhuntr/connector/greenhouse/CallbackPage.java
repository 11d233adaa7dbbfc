package io.headhuntr.connector.greenhouse;

/**
 * What the browser sees when it comes back from Greenhouse's consent page: an HTTP status, a
 * heading and one sentence (never a token).
 */
public record CallbackPage(int status, String heading, String detail) {}

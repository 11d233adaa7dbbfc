package io.headhuntr.connector.users;

/** A Headhuntr.io user of a tenant: the platform's id, the work email, a display name. */
public record PlatformUser(String id, String email, String name) {}

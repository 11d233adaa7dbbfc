package io.headhuntr.connector.credentials;

import java.net.URI;
import java.time.Instant;

/** A tenant's decrypted credential, in memory only while it is used. */
public record StoredCredential(ApiKey apiKey, URI baseUrl, Instant verifiedAt, Instant updatedAt) {}

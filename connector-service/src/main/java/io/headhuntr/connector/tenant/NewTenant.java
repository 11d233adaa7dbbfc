package io.headhuntr.connector.tenant;

import java.util.Optional;

/** What creating a tenant takes, already validated by the API. */
public record NewTenant(String name, String errorRecipientEmail, Optional<String> publicBaseUrl) {}

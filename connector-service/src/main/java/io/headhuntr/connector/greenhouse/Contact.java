package io.headhuntr.connector.greenhouse;

import java.util.Optional;

/** An email address, phone number, address or link of a person, with its type if given. */
public record Contact(String value, Optional<String> type) {}

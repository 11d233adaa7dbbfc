package io.headhuntr.sandbox.store;

/**
 * A contact entry of a person (e-mail, phone, address, website, social profile); type may be null.
 */
public record Contact(String value, String type) {}

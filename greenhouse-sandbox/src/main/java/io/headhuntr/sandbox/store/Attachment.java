package io.headhuntr.sandbox.store;

/**
 * A file attached to a candidate or an application; the url stands in for Greenhouse's signed S3
 * url.
 */
public record Attachment(
    String filename, String url, String type, String contentType, long createdAt) {}

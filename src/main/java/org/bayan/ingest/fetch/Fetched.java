package org.bayan.ingest.fetch;

/**
 * An answer: {@code notModified} when a conditional request found nothing new (then {@code body} is empty),
 * else the body with its content type and the validators to send next time.
 */
public record Fetched(String url, boolean notModified, byte[] body, String contentType, String etag, String lastModified) {}

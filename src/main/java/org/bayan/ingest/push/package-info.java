/**
 * Releases pushed by agencies: API keys (kept only as SHA-256 hashes, compared in constant time), reading a
 * pushed batch (a JSON object, a JSON array or JSON Lines) into raw records, and the push service that
 * validates, stores durably, indexes and answers per record. Depends on {@code ingest}, {@code store} and
 * {@code statement}; knows nothing of HTTP.
 */
package org.bayan.ingest.push;

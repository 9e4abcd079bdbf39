/**
 * Fetching agency URLs over HTTP(S) safely: connect and overall timeouts, a size cap, conditional requests
 * (ETag / If-Modified-Since), a delay between requests to one host, redirects followed by hand so every hop
 * is checked, and no private, loopback or link-local addresses unless a setting allows them. Depends on
 * nothing else in Bayan.
 */
package org.bayan.ingest.fetch;

/**
 * Agency release pages: reading title, date and body out of an HTML page with the agency's CSS selectors
 * (or the documented fallback), and fetching a page under the agency's registered URL prefixes. Depends on
 * {@code ingest}, {@code ingest.fetch}, {@code store} and {@code statement}.
 */
package org.bayan.ingest.page;

/**
 * Agency feeds: RSS 2.0 and Atom read with ROME (document type declarations refused, so no external entity
 * is ever resolved), items mapped to releases, and the poller that fetches each registered feed
 * conditionally, validates, stores and indexes its items. Depends on {@code ingest}, {@code ingest.fetch},
 * {@code store} and {@code statement}.
 */
package org.bayan.ingest.feed;

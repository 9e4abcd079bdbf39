/**
 * Getting releases in: readers for release files, admission (validation and agency signature check, the one
 * gate of every ingest path) with file:line rejections, the indexer job (store first, then log and index,
 * with progress), and the follower that brings the transparency log and the index up to date with the
 * store. Depends on {@code statement}, {@code store}, {@code provenance}, {@code index} and {@code analysis}.
 *
 * <p>Adding a source format: one reader producing {@link org.bayan.ingest.RawRecord}s with their location,
 * a fixture, and a test that a malformed record is rejected with its location while its neighbours land.
 */
package org.bayan.ingest;

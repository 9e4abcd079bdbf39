/**
 * Getting releases in: one record reader for every channel ({@link org.bayan.ingest.RecordReader}: JSON
 * Lines and JSON documents cut into records with their exact bytes), readers for release files, admission (validation and agency signature check, the one
 * gate of every ingest path) with file:line rejections, the indexer job (store first, then log and index,
 * with progress), the follower that brings the transparency log and the index up to date with the store,
 * the folder watcher, HTML to text and ids for items with foreign keys. Channels live in sub-packages:
 * {@code fetch} (safe HTTP fetching), {@code feed} (RSS/Atom), {@code page} (release pages), {@code push}
 * (releases pushed with an API key). Depends on {@code statement}, {@code store}, {@code provenance},
 * {@code index} and {@code analysis}.
 *
 * <p>Adding a source format: one reader producing {@link org.bayan.ingest.RawRecord}s with their location,
 * a fixture, and a test that a malformed record is rejected with its location while its neighbours land.
 */
package org.bayan.ingest;

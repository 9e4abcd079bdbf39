/**
 * The Lucene index, derived from the release store, and {@link org.bayan.index.DerivedIndex}, what any engine's
 * index offers the code that keeps it up to date: field names (defined once, in {@link
 * org.bayan.index.Fields}), the mapping of a statement version to a document, and the IndexWriter /
 * SearcherManager lifecycle with the store offset recorded in every commit, and (in {@code dedup}) the
 * duplicate group each statement is indexed in. Depends on {@code statement}, {@code analysis} and
 * {@code classify} (the statement type indexed for filtering).
 */
package org.bayan.index;

/**
 * The Lucene index, derived from the release store, and {@link org.bayan.index.DerivedIndex}, what any engine's
 * index offers the code that keeps it up to date: field names (defined once, in {@link
 * org.bayan.index.Fields}), the mapping of a statement version to a document, and the IndexWriter /
 * SearcherManager lifecycle with the store offset recorded in every commit. Depends on {@code statement} and
 * {@code analysis}.
 */
package org.bayan.index;

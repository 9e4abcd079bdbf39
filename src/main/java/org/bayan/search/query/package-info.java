/**
 * The search box's query language as syntax: {@link org.bayan.search.query.QueryLanguage} reads what a user
 * typed into a {@link org.bayan.search.query.ParsedQuery} of {@link org.bayan.search.query.Node}s (words,
 * "phrases", prefixes*, field filters, exclusions, OR groups). It never rejects input and knows nothing of
 * Lucene; turning the tree into a Lucene query is {@code search.QueryCompiler}'s job. Depends only on
 * {@code index.Fields} (for the names of filterable fields).
 */
package org.bayan.search.query;

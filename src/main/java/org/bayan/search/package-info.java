/**
 * Answering questions: turning a user's query and filters into a Lucene query, running it, highlighting,
 * and reading statements back. Depends on {@code index}, {@code analysis}, {@code statement} and, for
 * reading whole statements and their versions, {@code store}. Knows nothing of HTTP.
 */
package org.bayan.search;

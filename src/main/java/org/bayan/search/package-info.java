/**
 * Answering questions: turning a user's query and filters into a Lucene query ({@link
 * org.bayan.search.SearchPlan}, shared by every engine), running it, highlighting, and reading statements
 * back. {@link org.bayan.search.StatementSearch} is what the HTTP layer asks of an engine. Depends on {@code index}, {@code analysis}, {@code statement} and, for
 * reading whole statements and their versions, {@code store}. Knows nothing of HTTP.
 */
package org.bayan.search;

/**
 * Claim lookup for fact-checkers: a pasted claim (prose, never query syntax) becomes a weighted query of its
 * salient terms with proximity boosts; each hit comes with its evidence sentences (offsets into the
 * statement text, matched words marked), its coverage of the claim (the claim's words it holds and lacks,
 * a weak-match mark below a measured threshold), a citation and a schema.org description. The query, evidence and
 * citations are built here for every engine; an engine only answers term statistics and runs the query
 * ({@link org.bayan.search.claims.ClaimIndex}: the embedded index here, the cluster in {@code opensearch}).
 * Depends on {@code search} (filters, parameters, agencies, term statistics), {@code index}, {@code analysis}
 * results through the index's analyzer, and {@code statement}.
 */
package org.bayan.search.claims;

/**
 * Claim lookup for fact-checkers: a pasted claim (prose, never query syntax) becomes a weighted query of its
 * salient terms with proximity boosts; each hit comes with its evidence sentences (offsets into the
 * statement text, matched words marked), a citation and a schema.org description. Depends on {@code search}
 * (filters, parameters, agencies), {@code index}, {@code analysis} results through the index's analyzer, and
 * {@code statement}.
 */
package org.bayan.search.claims;

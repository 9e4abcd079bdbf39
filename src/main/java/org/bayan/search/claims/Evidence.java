package org.bayan.search.claims;

/**
 * A sentence of a statement that supports matching it to the claim.
 *
 * @param text the sentence as an HTML fragment: escaped, with the words that match the claim in {@code <mark>}
 * @param start offset of the sentence's first character in the statement body (UTF-16 code units, as
 *     JavaScript's {@code String.slice} counts)
 * @param end offset just past its last character
 * @param matched the claim's words found in it, as written in the statement
 * @param score how well it matches (sum of the weights of the distinct claim terms it holds, with a bonus
 *     for adjacent matches); comparable between sentences of one answer only
 */
public record Evidence(String text, int start, int end, java.util.List<String> matched, double score) {}

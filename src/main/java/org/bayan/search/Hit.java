package org.bayan.search;

import java.util.List;

/**
 * One search result. {@code title} and {@code snippet} are HTML fragments: the statement's text escaped,
 * with matches in {@code <mark>}. Everything else is plain data. {@code status} is the signature status
 * ({@code signed}/{@code unsigned}); {@code updated} says the statement was edited after its first version;
 * {@code alsoPublishedBy} lists the other statements of the same duplicate group, collapsed into this hit.
 */
public record Hit(
    String id, AgencyRef agency, String title, String snippet, String publishedAt, String sourceUrl,
    String language, float score, int version, String contentHash, String status, boolean updated,
    List<DuplicateRef> alsoPublishedBy) {}

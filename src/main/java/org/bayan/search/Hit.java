package org.bayan.search;

import java.util.List;

/**
 * One search result. {@code title} and {@code snippet} are HTML fragments: the statement's text escaped,
 * with matches in {@code <mark>}. Everything else is plain data. {@code alsoPublishedBy} lists the other
 * statements of the same duplicate group, which are collapsed into this hit.
 */
public record Hit(
    String id, AgencyRef agency, String title, String snippet, String publishedAt, String sourceUrl,
    String language, float score, int version, String contentHash, List<DuplicateRef> alsoPublishedBy) {}

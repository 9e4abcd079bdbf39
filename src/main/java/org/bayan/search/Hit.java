package org.bayan.search;

/**
 * One search result. {@code title} and {@code snippet} are HTML fragments: the statement's text escaped,
 * with matches in {@code <mark>}. Everything else is plain data.
 */
public record Hit(
    String id, AgencyRef agency, String title, String snippet, String publishedAt, String sourceUrl,
    String language, float score, int version, String contentHash) {}

package org.bayan.search;

/** Another statement with the same (or nearly the same) text, as listed beside a hit or a statement. */
public record DuplicateRef(String id, AgencyRef agency, String publishedAt) {}

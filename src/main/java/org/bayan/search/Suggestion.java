package org.bayan.search;

/**
 * A completion for what is being typed: a statement title ({@code kind} "title", with the statement's id) or
 * an agency name ({@code kind} "agency", with the agency's slug as id). {@code text} is plain text.
 */
public record Suggestion(String text, String kind, String id, String language) {}

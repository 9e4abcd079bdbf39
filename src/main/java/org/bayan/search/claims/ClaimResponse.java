package org.bayan.search.claims;

import java.util.List;

/**
 * The answer to a claim lookup.
 *
 * @param terms the claim's salient terms as searched (analyzed forms, most weighted first): what the lookup
 *     understood of the claim
 * @param claimWords the claim's words each hit's coverage is measured on, as the claim writes them, in claim
 *     order
 * @param notInIndex the claim's words no statement holds, in any form or language: no hit can confirm or
 *     deny that part of the claim
 * @param weakMatchBelow a hit whose coverage share is below this is marked as a weak match
 * @param total statements matching at least one term and the filters (exact up to 10,000)
 */
public record ClaimResponse(List<String> terms, List<String> claimWords, List<String> notInIndex,
    double weakMatchBelow, long total, long tookMs, List<ClaimHit> hits) {}

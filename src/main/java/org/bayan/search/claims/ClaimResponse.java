package org.bayan.search.claims;

import java.util.List;

/**
 * The answer to a claim lookup.
 *
 * @param terms the claim's salient terms as searched (analyzed forms, most weighted first): what the lookup
 *     understood of the claim
 * @param total statements matching at least one term and the filters (exact up to 10,000)
 */
public record ClaimResponse(List<String> terms, long total, long tookMs, List<ClaimHit> hits) {}

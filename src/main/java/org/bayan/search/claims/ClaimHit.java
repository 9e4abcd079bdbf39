package org.bayan.search.claims;

import java.util.List;
import java.util.Map;
import org.bayan.search.AgencyRef;
import org.bayan.search.DuplicateRef;

/**
 * A statement found for a claim, with its evidence and how to cite it.
 *
 * @param title the headline as an HTML fragment (escaped, claim words in {@code <mark>})
 * @param permalink Bayan's stable link to the statement, {@code /s/{id}} (absolute when the request gave an
 *     origin)
 * @param type declared or detected statement type, or null
 * @param contentHash SHA-256 of the statement's canonical form, hex
 * @param evidence the 1-3 body sentences that best match the claim, best first (empty when only the title
 *     matched)
 * @param coverage how much of the claim the statement covers: the claim's words it holds and those it does not
 * @param weakMatch the coverage is below {@link ClaimService#WEAK_MATCH_BELOW}: the statement shares words with
 *     the claim but most likely does not speak of it
 * @param alsoPublishedBy the other statements of its duplicate group (the same text, published again), which
 *     the lookup folds into this hit as {@code /api/search} does
 * @param citation a plain-text citation to paste: agency, title, date, permalink, SHA-256
 * @param jsonLd a schema.org description of the statement, usable as the {@code appearance} of a Claim or
 *     evidence in a ClaimReview
 */
public record ClaimHit(
    String id, AgencyRef agency, String title, String publishedAt, String permalink, String sourceUrl,
    String language, String type, float score, Coverage coverage, boolean weakMatch, int version,
    String contentHash, List<Evidence> evidence, List<DuplicateRef> alsoPublishedBy, String citation,
    Map<String, Object> jsonLd) {}

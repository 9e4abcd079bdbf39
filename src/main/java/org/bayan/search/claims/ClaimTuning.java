package org.bayan.search.claims;

/**
 * The weights of claim retrieval, tuned on the ans-train test set (a claim → the headline it paraphrases or
 * contradicts) and confirmed on ans-dev; see docs/claims.md.
 *
 * @param maxTerms salient terms kept (by tf·idf in the claim), as MoreLikeThis keeps its top terms
 * @param variantBoost weight of a word's other article/conjunction forms (الوزارة for وزارة and back)
 * @param numberBoost weight of number terms (digits of any script, folded by the analysis chain)
 * @param nameBoost weight of capitalized words inside an English sentence (names)
 * @param pairBoost weight of each pair of neighbouring claim words found close together
 * @param pairSlop how many positions apart a pair may be found
 * @param titleBoost weight of the title fields relative to the body fields
 * @param idfExponent how much a term's rarity adds to its weight beyond what BM25 already gives it (0: none)
 * @param k1 BM25 term-frequency saturation for claim lookup
 * @param b BM25 length normalization for claim lookup
 * @param fuzzyBoost weight of spellings one edit away (typos, a letter more or less), for words of 5 letters
 *     or more (0: none)
 */
/* k1 and b: BM25 parameters for a tuning run; 0 (the default) scores with the index's own similarity. */
public record ClaimTuning(
    int maxTerms, float variantBoost, float numberBoost, float nameBoost, float pairBoost, int pairSlop,
    float titleBoost, float idfExponent, float k1, float b, float fuzzyBoost) {
  public static final ClaimTuning DEFAULT = new ClaimTuning(30, 0.5f, 1.5f, 1.3f, 0.05f, 3, 2.0f, 0f, 0f, 0f, 0f);

  public ClaimTuning withVariantBoost(float v) {
    return new ClaimTuning(maxTerms, v, numberBoost, nameBoost, pairBoost, pairSlop, titleBoost, idfExponent, k1, b, fuzzyBoost);
  }

  public ClaimTuning withNumberBoost(float v) {
    return new ClaimTuning(maxTerms, variantBoost, v, nameBoost, pairBoost, pairSlop, titleBoost, idfExponent, k1, b, fuzzyBoost);
  }

  public ClaimTuning withPair(float boost, int slop) {
    return new ClaimTuning(maxTerms, variantBoost, numberBoost, nameBoost, boost, slop, titleBoost, idfExponent, k1, b, fuzzyBoost);
  }

  public ClaimTuning withIdfExponent(float v) {
    return new ClaimTuning(maxTerms, variantBoost, numberBoost, nameBoost, pairBoost, pairSlop, titleBoost, v, k1, b, fuzzyBoost);
  }

  public ClaimTuning withBm25(float k1, float b) {
    return new ClaimTuning(maxTerms, variantBoost, numberBoost, nameBoost, pairBoost, pairSlop, titleBoost, idfExponent,
        k1, b, fuzzyBoost);
  }

  public ClaimTuning withFuzzyBoost(float v) {
    return new ClaimTuning(maxTerms, variantBoost, numberBoost, nameBoost, pairBoost, pairSlop, titleBoost, idfExponent,
        k1, b, v);
  }
}

package org.bayan.search;

/** One value of a facet with how many matching statements have it; agencies also carry their names. */
public record FacetValue(String value, long count, String nameAr, String nameEn) {}

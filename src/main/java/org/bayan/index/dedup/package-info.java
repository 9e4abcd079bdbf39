/**
 * Duplicate detection for the index: text fingerprints (an exact hash of the normalized body and a 64-bit
 * SimHash over word shingles), blocks repeated inside one release, and the in-memory table that assigns
 * every statement to a duplicate group as it is indexed. Depends on nothing else in Bayan.
 */
package org.bayan.index.dedup;

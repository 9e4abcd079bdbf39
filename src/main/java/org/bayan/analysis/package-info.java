/**
 * Text analysis: builds Lucene analyzers from the chains declared as data in {@code analyzers/}, and holds
 * Bayan's own token filters with their SPI factories. Depends on Lucene and Jackson only.
 */
package org.bayan.analysis;

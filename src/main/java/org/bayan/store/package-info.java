/**
 * The source of truth: the append-only release store (every accepted version of every statement, durable
 * before it is acknowledged), the agency registry file, and the layout of a data folder. Depends on
 * {@code statement}, {@code provenance} (content hashes) and Jackson; never on Lucene.
 */
package org.bayan.store;

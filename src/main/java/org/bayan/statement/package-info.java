/**
 * Domain records of Bayan: a release as an agency publishes it, the agency that issued it with its signing
 * keys, a stored statement version, and the signature status of an admitted release. Plain data with validation of its own invariants; depends on nothing else in Bayan.
 */
package org.bayan.statement;

/**
 * Domain records of Bayan: a release as an agency publishes it, the agency that issued it, and a stored
 * statement version. Plain data with validation of its own invariants; depends on nothing else in Bayan.
 */
package org.bayan.statement;

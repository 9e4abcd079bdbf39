/**
 * Classifying statements by what they do (announce, decide, deny, clarify, correct), from the agency's
 * declared type or, when it declares none, from documented wording rules. Used when a statement is indexed,
 * so the type is a filter and a facet. Depends on {@code statement} only.
 */
package org.bayan.classify;

/**
 * Provenance: the canonical form and content hash of a release, agency signatures, and the append-only
 * transparency log with its Merkle proofs and signed checkpoints. Depends only on {@code statement}.
 */
package org.bayan.provenance;

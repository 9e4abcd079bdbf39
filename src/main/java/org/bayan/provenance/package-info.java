/**
 * Provenance: the canonical form and content hash of a release ({@link org.bayan.provenance.CanonicalForm}),
 * Ed25519 agency signatures ({@link org.bayan.provenance.Keys}, {@link org.bayan.provenance.Signatures}), and
 * the durable append-only transparency log ({@link org.bayan.provenance.TransparencyLog}) with its RFC 9162
 * Merkle proofs ({@link org.bayan.provenance.MerkleTree}, checked by the independent
 * {@link org.bayan.provenance.MerkleVerifier}) and C2SP signed-note checkpoints
 * ({@link org.bayan.provenance.CheckpointSigner}, {@link org.bayan.provenance.CheckpointVerifier}); key files
 * ({@link org.bayan.provenance.KeyFiles}), the log as published with its checkpoint key
 * ({@link org.bayan.provenance.PublicLog}), and the offline check of a downloaded statement
 * ({@link org.bayan.provenance.OfflineVerifier}).
 *
 * <p>Depends only on {@code statement}, the JDK and Jackson. No static state: everything is built from
 * constructors or pure static functions.
 */
package org.bayan.provenance;

package org.bayan.ingest;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bayan.provenance.Keys;
import org.bayan.provenance.Signatures;
import org.bayan.statement.Agency;
import org.bayan.statement.AgencyKey;
import org.bayan.statement.Release;
import org.bayan.statement.SignatureStatus;

/**
 * The gate every release passes before it is stored, whatever path brought it (release files today): format
 * validation, then the agency signature. A release without a signature is admitted as
 * {@link SignatureStatus#UNSIGNED}; one with a signature is admitted as {@link SignatureStatus#SIGNED} only
 * when a key its agency registered, with that key id, verifies it and was valid when the release was
 * published. Anything else is rejected with the reason, so a forged or altered release never reaches the
 * store, the log or the index.
 */
public final class Admission {
  private final ReleaseParser parser;
  private final Function<String, Optional<Agency>> agencies;
  private final Map<String, PublicKey> decoded = new ConcurrentHashMap<>();

  public Admission(Function<String, Optional<Agency>> agencies, int maxBodyChars) {
    this.agencies = agencies;
    this.parser = new ReleaseParser(id -> agencies.apply(id).isPresent(), maxBodyChars);
  }

  /** Parses and verifies one record; the release to store. */
  public Release admit(byte[] record) throws InvalidRecordException {
    Release r = parser.parse(record);
    verify(r);
    return r;
  }

  /**
   * Checks the signature of an already validated release.
   *
   * @return {@link SignatureStatus#SIGNED} or {@link SignatureStatus#UNSIGNED}
   * @throws InvalidRecordException saying why the signature is not accepted
   */
  public String verify(Release r) throws InvalidRecordException {
    if (r.signature() == null && r.keyId() == null) return SignatureStatus.UNSIGNED;
    if (r.signature() == null) throw new InvalidRecordException("'key_id' is set but 'signature' is missing", r.id());
    if (r.keyId() == null) throw new InvalidRecordException("'signature' is set but 'key_id' is missing", r.id());
    Agency agency = agencies.apply(r.agency()).orElseThrow(
        () -> new InvalidRecordException("unknown agency '" + r.agency() + "'", r.id()));
    AgencyKey key = agency.key(r.keyId()).orElseThrow(() -> new InvalidRecordException(
        "unknown key id '" + abbreviate(r.keyId()) + "': agency '" + r.agency() + "' has no such key registered",
        r.id()));
    Instant published = r.publishedInstant();
    if (!key.covers(published)) {
      throw new InvalidRecordException("key '" + key.id() + "' of agency '" + r.agency() + "' is valid from "
          + key.validFrom() + (key.validTo() == null ? "" : " to " + key.validTo()) + ", which does not cover"
          + " published_at " + r.publishedAt(), r.id());
    }
    PublicKey pub;
    try {
      pub = decoded.computeIfAbsent(key.publicKey(), Keys::decodePublicKey);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("key '" + key.id() + "' of agency '" + r.agency()
          + "' is not a usable Ed25519 key: " + e.getMessage(), r.id());
    }
    if (!Signatures.verify(pub, r)) {
      throw new InvalidRecordException("invalid signature: it does not verify with key '" + key.id()
          + "' over the release's canonical form (the content was changed after signing, or signed by another key)",
          r.id());
    }
    return SignatureStatus.SIGNED;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}

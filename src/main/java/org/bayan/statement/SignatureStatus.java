package org.bayan.statement;

/**
 * What Bayan concluded about a stored release's agency signature. Releases with an invalid signature are
 * never stored, so a stored release is {@link #SIGNED} exactly when it carries a signature.
 */
public final class SignatureStatus {
  public static final String SIGNED = "signed";
  public static final String UNSIGNED = "unsigned";

  private SignatureStatus() {}

  /** The status of a release that was admitted (its signature, if any, already verified). */
  public static String of(Release admitted) {
    return admitted.signature() != null ? SIGNED : UNSIGNED;
  }

  public static boolean isValid(String status) {
    return SIGNED.equals(status) || UNSIGNED.equals(status);
  }
}

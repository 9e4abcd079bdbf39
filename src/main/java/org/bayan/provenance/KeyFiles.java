package org.bayan.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;

/**
 * Key files: one line of standard base64 of the raw 32-byte key ({@link Keys}). Private key files are
 * created with owner-only permissions (0600) before a byte is written, and never overwritten.
 */
public final class KeyFiles {
  private KeyFiles() {}

  /** Writes a new private key file; refuses to replace an existing one. */
  public static void writePrivate(Path file, PrivateKey key) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    FileAttribute<?>[] attrs = ownerOnly(dir);
    try {
      Files.createFile(file, attrs);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(file + " already exists; a private key is never overwritten", e);
    }
    Files.write(file, (Keys.encodePrivateKey(key) + "\n").getBytes(StandardCharsets.US_ASCII),
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
  }

  /** Writes a public key file (base64 raw key and a newline). */
  public static void writePublic(Path file, PublicKey key) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, Keys.encodePublicKey(key) + "\n", StandardCharsets.US_ASCII);
  }

  /** Reads a private key file, naming the file in any error. */
  public static PrivateKey readPrivate(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      return Keys.decodePrivateKey(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": not an Ed25519 private key file (base64 of 32 bytes): " + e.getMessage(), e);
    }
  }

  /** Reads a public key file, naming the file in any error. */
  public static PublicKey readPublic(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    try {
      return Keys.decodePublicKey(text);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": not an Ed25519 public key file (base64 of 32 bytes): " + e.getMessage(), e);
    }
  }

  /** The private key in {@code file}, generating and writing a new one there first if there is none. */
  public static PrivateKey loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      KeyPair pair = Keys.generate();
      try {
        writePrivate(file, pair.getPrivate());
      } catch (IOException e) {
        if (!Files.exists(file)) throw e; // else another process created it first: use theirs
      }
    }
    return readPrivate(file);
  }

  private static FileAttribute<?>[] ownerOnly(Path dir) {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
    Set<java.nio.file.attribute.PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(rw)};
  }
}

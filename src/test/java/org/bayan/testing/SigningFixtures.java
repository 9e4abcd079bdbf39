package org.bayan.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.bayan.provenance.Keys;
import org.bayan.provenance.Signatures;
import org.bayan.statement.Release;
import org.bayan.store.ReleaseCodec;

/** An agency with an Ed25519 key, and release lines signed (or not) by it. */
public final class SigningFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();
  public final String agency;
  public final KeyPair pair = Keys.generate();
  public final String keyId;

  public SigningFixtures(String agency) {
    this.agency = agency;
    this.keyId = Keys.keyId(agency, pair.getPublic());
  }

  /** An agencies.json in {@code dir} registering the agency with its key valid over [from, to). */
  public Path agenciesFile(Path dir, String validFrom, String validTo) throws IOException {
    ArrayNode arr = JSON.createArrayNode();
    ObjectNode o = arr.addObject();
    o.put("id", agency);
    o.put("name_ar", "وزارة " + agency);
    o.put("name_en", "Ministry of " + agency);
    ObjectNode k = o.putArray("keys").addObject();
    k.put("id", keyId);
    k.put("public_key", Keys.encodePublicKey(pair.getPublic()));
    k.put("valid_from", validFrom);
    if (validTo != null) k.put("valid_to", validTo);
    Files.createDirectories(dir);
    Path f = dir.resolve("agencies.json");
    JSON.writeValue(f.toFile(), arr);
    return f;
  }

  /** A release as Bayan stores it (language given, title trimmed), so its canonical form is what was signed. */
  public Release release(String id, String title, String body, String publishedAt) {
    return new Release(id, agency, title, body, "en", publishedAt, null, null, null, null, null);
  }

  public String signedLine(Release r) {
    return ReleaseCodec.toJson(Signatures.signed(r, pair.getPrivate(), keyId)).toString();
  }

  public static String unsignedLine(Release r) {
    return ReleaseCodec.toJson(r).toString();
  }
}

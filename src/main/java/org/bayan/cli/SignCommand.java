package org.bayan.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.concurrent.Callable;
import org.bayan.ingest.InvalidRecordException;
import org.bayan.ingest.RawRecord;
import org.bayan.ingest.Rejection;
import org.bayan.ingest.ReleaseFiles;
import org.bayan.ingest.ReleaseParser;
import org.bayan.provenance.KeyFiles;
import org.bayan.provenance.Signatures;
import org.bayan.statement.Release;
import org.bayan.store.ReleaseCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sign", mixinStandardHelpOptions = true,
    description = "Sign every release in a release file with an agency's private key, filling 'signature' and "
        + "'key_id'. Releases are written as Bayan will read them (title trimmed, language filled in, dates in "
        + "canonical form), so the signed bytes are exactly what anyone can recompute from the output.")
final class SignCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RELEASES", description = "A .jsonl or .jsonl.gz release file.")
  Path releases;

  @Option(names = "--key", required = true, paramLabel = "PRIVATE_KEY_FILE", description = "From 'bayan keys generate'.")
  Path key;

  @Option(names = "--key-id", required = true, paramLabel = "ID", description = "The key's id as registered for the agency.")
  String keyId;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the signed releases (default: standard output).")
  Path out;

  @Option(names = "--max-body-chars", defaultValue = "" + ReleaseParser.DEFAULT_MAX_BODY_CHARS,
      description = "Reject releases whose body is longer. Default: ${DEFAULT-VALUE}.")
  int maxBodyChars;

  @Override
  public Integer call() throws Exception {
    PrivateKey priv = KeyFiles.readPrivate(key);
    // The agency is checked when the signed file is indexed; signing only needs the release to be valid.
    ReleaseParser parser = new ReleaseParser(id -> true, maxBodyChars);
    int[] counts = {0, 0};
    Writer w = out == null
        ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
        : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    try (w) {
      new ReleaseFiles(8L * maxBodyChars + (1 << 16)).read(releases, new ReleaseFiles.Sink() {
        @Override
        public void record(RawRecord r) {
          try {
            Release signed = Signatures.signed(parser.parse(r.bytes()).withoutSignature(), priv, keyId);
            w.write(ReleaseCodec.toJson(signed).toString());
            w.write('\n');
            counts[0]++;
          } catch (InvalidRecordException e) {
            rejected(new Rejection(r.source(), r.line(), e.getMessage(), e.id()));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }

        @Override
        public void rejected(Rejection rejection) {
          counts[1]++;
          System.err.println("not signed " + rejection);
        }
      });
    }
    System.err.println("signed " + counts[0] + " releases with key " + keyId
        + (counts[1] > 0 ? "; " + counts[1] + " invalid records were left out" : ""));
    return counts[1] > 0 ? 1 : 0;
  }
}

package org.bayan.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bayan.provenance.OfflineVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check offline that a downloaded statement is the one recorded in Bayan's transparency log: "
        + "content hash, log entry, leaf hash, checkpoint signature and inclusion proof. Exits 1 naming the "
        + "step that failed.")
final class VerifyCommand implements Callable<Integer> {
  @Option(names = "--statement", required = true, paramLabel = "S.json",
      description = "The statement, from GET /api/statements/{id}?version=N.")
  Path statement;

  @Option(names = "--proof", required = true, paramLabel = "P.json",
      description = "Its proof, from GET /api/statements/{id}/proof?version=N.")
  Path proof;

  @Option(names = "--checkpoint", required = true, paramLabel = "C.txt",
      description = "A signed checkpoint of the proof's tree size (the proof's 'checkpoint', or one a witness saw).")
  Path checkpoint;

  @Option(names = "--key", required = true, paramLabel = "VERIFIER_KEY",
      description = "The log's verifier key (GET /api/log/key), or a file holding it.")
  String key;

  @Option(names = "--origin", paramLabel = "ORIGIN", description = "Expected log origin (default: the key's name).")
  String origin;

  @Override
  public Integer call() throws Exception {
    String verifierKey = Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)).strip() : key.strip();
    try {
      for (String line : new OfflineVerifier().verify(Files.readAllBytes(statement), Files.readAllBytes(proof),
          Files.readString(checkpoint, StandardCharsets.UTF_8), verifierKey, origin)) {
        System.out.println("ok    " + line);
      }
      System.out.println("VERIFIED");
      return 0;
    } catch (OfflineVerifier.Failure f) {
      System.out.println("FAIL  " + f.getMessage());
      System.out.println("NOT VERIFIED (step failed: " + f.step() + ")");
      return 1;
    }
  }
}

package org.bayan.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.provenance.OfflineVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check offline that a downloaded statement is the one recorded in Bayan's transparency log: "
        + "content hash, log entry, leaf hash, checkpoint signature and inclusion proof. Exits 1 naming the "
        + "step that failed.",
        "With --consistency OLD NEW: check that the log kept its history between a checkpoint saved earlier and "
        + "a newer one (both signatures, and the consistency proof given with --proof)."})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--statement", paramLabel = "S.json",
      description = "The statement, from GET /api/statements/{id}?version=N.")
  Path statement;

  @Option(names = "--proof", paramLabel = "P.json",
      description = "Its proof, from GET /api/statements/{id}/proof?version=N[&tree_size=SIZE]; with "
          + "--consistency, the answer of GET /api/log/consistency?from=OLD_SIZE&to=NEW_SIZE.")
  Path proof;

  @Option(names = "--checkpoint", paramLabel = "C.txt",
      description = "A signed checkpoint of the proof's tree size (the proof's 'checkpoint', or one saved earlier).")
  Path checkpoint;

  @Option(names = "--consistency", arity = "2", paramLabel = "CHECKPOINT",
      description = "Two signed checkpoints, the older first: check the newer log still holds the older one.")
  List<Path> consistency;

  @Option(names = "--key", required = true, paramLabel = "VERIFIER_KEY",
      description = "The log's verifier key (GET /api/log/key), or a file holding it.")
  String key;

  @Option(names = "--origin", paramLabel = "ORIGIN", description = "Expected log origin (default: the key's name).")
  String origin;

  @Override
  public Integer call() throws Exception {
    String verifierKey = Files.isRegularFile(Path.of(key)) ? Files.readString(Path.of(key)).strip() : key.strip();
    if (proof == null) throw new ParameterException(spec.commandLine(), "--proof is required");
    OfflineVerifier verifier = new OfflineVerifier();
    try {
      List<String> passed;
      if (consistency != null) {
        if (statement != null || checkpoint != null) {
          throw new ParameterException(spec.commandLine(),
              "--consistency checks two checkpoints; --statement and --checkpoint belong to a statement check");
        }
        passed = verifier.verifyConsistency(read(consistency.get(0)), read(consistency.get(1)), bytes(proof),
            verifierKey, origin);
      } else {
        if (statement == null || checkpoint == null) {
          throw new ParameterException(spec.commandLine(),
              "give --statement, --proof and --checkpoint (or --consistency OLD NEW with --proof)");
        }
        passed = verifier.verify(bytes(statement), bytes(proof), read(checkpoint), verifierKey, origin);
      }
      for (String line : passed) System.out.println("ok    " + line);
      System.out.println(consistency != null ? "CONSISTENT" : "VERIFIED");
      return 0;
    } catch (OfflineVerifier.Failure f) {
      System.out.println("FAIL  " + f.getMessage());
      System.out.println((consistency != null ? "NOT CONSISTENT" : "NOT VERIFIED") + " (step failed: " + f.step() + ")");
      return 1;
    }
  }

  private static byte[] bytes(Path p) throws java.io.IOException {
    return Files.readAllBytes(p);
  }

  private static String read(Path p) throws java.io.IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}

package org.bayan.cli;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import org.bayan.provenance.KeyFiles;
import org.bayan.provenance.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage keys.",
    subcommands = {KeysCommand.Generate.class})
final class KeysCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Generate an Ed25519 signing key pair for an agency: NAME.key (private, mode 0600; keep it "
          + "with the agency) and NAME.pub (public; register it with 'bayan agency add-key').")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Key name, normally the agency slug.")
    String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the key files in.")
    Path out;

    @Override
    public Integer call() throws Exception {
      KeyPair pair = Keys.generate();
      String id = Keys.keyId(name, pair.getPublic());
      Path priv = out.resolve(name + ".key");
      Path pub = out.resolve(name + ".pub");
      KeyFiles.writePrivate(priv, pair.getPrivate());
      KeyFiles.writePublic(pub, pair.getPublic());
      System.out.println("private key: " + priv + " (keep it secret)");
      System.out.println("public key:  " + pub);
      System.out.println("key id:      " + id);
      System.out.println("register it: bayan agency add-key " + name + " --public-key-file " + pub
          + " --valid-from " + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
      System.out.println("sign with:   bayan sign RELEASES.jsonl --key " + priv + " --key-id " + id + " --out SIGNED.jsonl");
      return 0;
    }
  }
}

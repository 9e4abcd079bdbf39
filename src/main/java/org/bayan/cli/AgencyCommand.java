package org.bayan.cli;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;

import java.util.concurrent.Callable;
import org.bayan.provenance.KeyFiles;
import org.bayan.provenance.Keys;
import org.bayan.statement.Agency;
import org.bayan.statement.AgencyKey;
import org.bayan.store.AgencyRegistry;
import org.bayan.store.DataLayout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "agency", mixinStandardHelpOptions = true,
    description = "List and register agencies and their signing keys (the agencies.json of a data folder; a "
        + "running server picks up changes within a second).",
    subcommands = {AgencyCommand.ListAgencies.class, AgencyCommand.Add.class, AgencyCommand.AddKey.class})
final class AgencyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static AgencyRegistry registry(DataOptions data) {
    return new AgencyRegistry(new DataLayout(data.data()).agenciesFile());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the registered agencies and keys.")
  static final class ListAgencies implements Callable<Integer> {
    @Mixin DataOptions data;

    @Override
    public Integer call() {
      java.util.List<Agency> all = registry(data).all();
      for (Agency a : all) {
        System.out.printf("%s\t%s\t%s%n", a.id(), a.nameAr() == null ? "" : a.nameAr(),
            a.nameEn() == null ? "" : a.nameEn());
        for (AgencyKey k : a.keys()) {
          System.out.printf("  key %s  valid %s .. %s  %s%n", k.id(), k.validFrom(),
              k.validTo() == null ? "(open)" : k.validTo(), k.publicKey());
        }
      }
      System.out.println(all.size() + " agencies");
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Register (or update) an agency.")
  static final class Add implements Callable<Integer> {
    @Mixin DataOptions data;

    @Parameters(paramLabel = "ID", description = "Agency slug (lower-case letters, digits, . _ -).")
    String id;

    @Option(names = "--name-ar") String nameAr;
    @Option(names = "--name-en") String nameEn;
    @Option(names = "--kind", description = "e.g. ministry, authority.") String kind;
    @Option(names = "--website") String website;

    @Override
    public Integer call() {
      if (!id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
        throw new IllegalArgumentException("agency id '" + id + "' is not a slug (lower-case letters, digits, . _ -)");
      }
      AgencyRegistry registry = registry(data);
      Agency before = registry.get(id).orElse(null);
      Agency a = new Agency(id, pick(nameAr, before == null ? null : before.nameAr()),
          pick(nameEn, before == null ? null : before.nameEn()), pick(kind, before == null ? null : before.kind()),
          pick(website, before == null ? null : before.website()), before == null ? java.util.List.of() : before.keys());
      registry.register(java.util.List.of(a));
      System.out.println((before == null ? "registered " : "updated ") + id);
      return 0;
    }

    private static String pick(String given, String old) {
      return given != null ? given : old;
    }
  }

  @Command(name = "add-key", mixinStandardHelpOptions = true,
      description = "Register an Ed25519 public key an agency signs releases with, and when it is valid.")
  static final class AddKey implements Callable<Integer> {
    @Mixin DataOptions data;

    @Parameters(paramLabel = "AGENCY", description = "Agency slug.")
    String agency;

    @ArgGroup(multiplicity = "1") KeySource source;

    static final class KeySource {
      @Option(names = "--public-key", paramLabel = "BASE64", description = "Base64 of the raw 32-byte public key.")
      String base64;

      @Option(names = "--public-key-file", paramLabel = "FILE", description = "A public key file from 'bayan keys generate'.")
      Path file;
    }

    @Option(names = "--key-id", paramLabel = "ID",
        description = "Key id releases name in key_id (default: the key's signed-note id for the agency slug, as "
            + "'bayan keys generate --name AGENCY' prints).")
    String keyId;

    @Option(names = "--valid-from", required = true, paramLabel = "DATE",
        description = "First publication date (or date-time with offset) the key signs for.")
    String validFrom;

    @Option(names = "--valid-to", paramLabel = "DATE",
        description = "Publication date (or date-time) from which the key no longer signs; open-ended if absent.")
    String validTo;

    @Override
    public Integer call() throws Exception {
      PublicKey pub = source.file != null ? KeyFiles.readPublic(source.file) : Keys.decodePublicKey(source.base64.strip());
      String id = keyId != null ? keyId : Keys.keyId(agency, pub);
      Instant from = AgencyRegistry.instant("--valid-from", validFrom);
      Instant to = AgencyRegistry.instant("--valid-to", validTo);
      registry(data).addKey(agency, new AgencyKey(id, Keys.encodePublicKey(pub), from, to));
      System.out.println("added key " + id + " to " + agency + " (valid from " + from
          + (to == null ? "" : " to " + to) + ")");
      return 0;
    }
  }
}

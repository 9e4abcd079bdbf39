package org.bayan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.ingest.push.ApiKey;
import org.bayan.ingest.push.ApiKeys;
import org.bayan.store.DataLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "api-keys", mixinStandardHelpOptions = true,
    description = "Manage the API keys of the write and admin endpoints: scope ingest may push releases "
        + "(POST /api/admin/releases), scope admin may operate the server (POST /api/admin/snapshot).",
    subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
final class ApiKeysCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a key and print it once; only its SHA-256 is kept.")
  static final class Create implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin DataOptions data;

    @Parameters(index = "0", paramLabel = "NAME", description = "A name for the key (a slug, e.g. the agency's).")
    String name;

    @Option(names = "--agency", paramLabel = "SLUG",
        description = "Agency the key may push for (repeatable; default: any registered agency).")
    List<String> agencies;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = ApiKey.INGEST, split = ",",
        description = "What the key may do: ingest (push releases) or admin (operate the server); repeatable. "
            + "Default: ${DEFAULT-VALUE}.")
    List<String> scopes;

    @Override
    public Integer call() {
      for (String s : scopes) {
        if (!ApiKey.SCOPES.contains(s)) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(),
              "--scope: unknown scope '" + s + "'; scopes are " + String.join(", ", ApiKey.SCOPES));
        }
      }
      String key = new ApiKeys(new DataLayout(data.data()).apiKeysFile()).create(name, agencies, scopes);
      System.err.println("created key '" + name + "'; store it now, it cannot be shown again:");
      System.out.println(key);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (names, scope, state).")
  static final class ListKeys implements Callable<Integer> {
    @Mixin DataOptions data;

    @Override
    public Integer call() {
      for (ApiKey k : new ApiKeys(new DataLayout(data.data()).apiKeysFile()).list()) {
        System.out.printf("%-24s %-8s scopes: %-13s created %s%s  agencies: %s%n", k.name(),
            k.active() ? "active" : "revoked", String.join(",", k.scopes()),
            k.createdAt(), k.revokedAt() == null ? "" : ", revoked " + k.revokedAt(),
            k.agencies().isEmpty() ? "any" : String.join(",", k.agencies()));
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key; a running server stops accepting it at once.")
  static final class Revoke implements Callable<Integer> {
    @Mixin DataOptions data;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      boolean done = new ApiKeys(new DataLayout(data.data()).apiKeysFile()).revoke(name);
      System.out.println(done ? "revoked key '" + name + "'" : "no active key named '" + name + "'");
      return done ? 0 : 1;
    }
  }
}

package org.bayan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.bayan.ingest.RejectsReport;
import org.bayan.store.DataLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rejects", mixinStandardHelpOptions = true,
    description = "List the quarantine: every rejected record with where it came from and why. With --raw, "
        + "print the raw records (JSON Lines) to fix and submit again (bayan index FILE, or push them).")
final class RejectsCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(names = "--raw", description = "Print the raw records, one per line, instead of the reasons.")
  boolean raw;

  @Option(names = "--source", paramLabel = "TEXT", description = "Only rejections whose source contains TEXT.")
  String source;

  @Override
  public Integer call() {
    RejectsReport report = new RejectsReport(new DataLayout(data.data()).rejectsFile());
    int n = 0;
    for (JsonNode r : report.read()) {
      String src = r.path("source").asText();
      if (source != null && !src.contains(source)) continue;
      n++;
      if (raw) {
        if (r.hasNonNull("raw")) System.out.println(r.get("raw").asText());
        continue;
      }
      String where = r.has("line") ? src + ":" + r.get("line").asLong() : src;
      System.out.printf("%s  %s%s: %s%n", r.path("at").asText(), where,
          r.hasNonNull("id") ? " (" + r.get("id").asText() + ")" : "", r.path("reason").asText());
    }
    if (!raw) System.err.println(n + " rejected records in " + report.file());
    return 0;
  }
}

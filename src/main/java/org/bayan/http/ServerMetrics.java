package org.bayan.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.bayan.ingest.push.PushResult;

/**
 * What {@code /metrics} reports, in Prometheus text format: requests per route template (never the raw path,
 * which would make one series per statement id) with status and outcome, pushed records by result, the
 * gauges the server is given (sizes of store, index and log, indexing backlog) and the JVM's memory and
 * threads, and the time each search stage takes.
 */
final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  ServerMetrics(List<BayanServer.Gauge> gauges) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    for (BayanServer.Gauge g : gauges) {
      DoubleSupplier v = g.value();
      // Held strongly: Micrometer holds a gauge's source weakly by default, and nothing else holds these
      // lambdas, so after the first garbage collection every gauge read NaN.
      io.micrometer.core.instrument.Gauge.builder(g.name(), v, s -> {
        try {
          return s.getAsDouble();
        } catch (RuntimeException e) {
          return Double.NaN; // a file being replaced mid-scrape: no value this time, not a failed scrape
        }
      }).description(g.help()).strongReference(true).register(registry);
    }
  }

  void request(Context ctx, float ms) {
    int status = ctx.statusCode();
    Timer.builder("bayan.http.requests").description("HTTP requests by route template, method and status")
        .tag("route", AccessLog.route(ctx)).tag("method", ctx.method().name()).tag("status", Integer.toString(status))
        .tag("outcome", outcome(status))
        .register(registry).record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
  }

  /**
   * The time each stage of one search took (stage → milliseconds, {@code SearchResponse.timing}): a timer per
   * stage, so a scrape shows where searches spend their time and a benchmark can compare stage shares.
   */
  void stages(Map<String, Double> millis) {
    if (millis == null) return;
    millis.forEach((stage, ms) -> Timer.builder("bayan.search.stage")
        .description("Time spent in each stage of a search (plan, first pass, rescore, collapse, facets, ...)")
        .tag("stage", stage).register(registry).record(Math.round(ms * 1_000_000), TimeUnit.NANOSECONDS));
  }

  void pushed(PushResult r) {
    count("accepted", r.accepted());
    count("unchanged", r.unchanged());
    count("rejected", r.rejected());
  }

  private void count(String result, int n) {
    Counter.builder("bayan.ingest.records").description("Records received through the push API, by result")
        .tag("channel", "push").tag("result", result).register(registry).increment(n);
  }

  private static String outcome(int status) {
    if (status == 429) return "rate_limited";
    if (status >= 500) return "server_error";
    if (status >= 400) return "client_error";
    if (status >= 300) return "redirection";
    return "success";
  }

  void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }
}

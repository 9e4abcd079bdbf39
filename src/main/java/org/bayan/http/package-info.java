/**
 * The HTTP API: the Javalin app, one controller per resource, and the single place that turns exceptions
 * into {@code {error, detail}} JSON (or, for a 404 to a browser, the {@code web} subpackage's page). The only package that imports Javalin. Handlers are thin: they read
 * parameters, call {@code search}, and return records. Depends on {@code search}, {@code statement},
 * {@code provenance} (the public transparency log), for releases pushed by agencies and their API keys,
 * {@code ingest.push}, and for snapshots, {@code backup}. Cross-cutting guards run before handlers, each in
 * one place: {@code Access} (API keys, checked against the scope declared on the matched route) and
 * {@code Limits} (per-client rate limit); {@code AccessLog} and {@code ServerMetrics} (Micrometer, Prometheus
 * format) see every request after it. The {@code web} subpackage renders the human pages and serves the embeddable widget.
 */
package org.bayan.http;

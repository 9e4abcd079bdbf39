/**
 * The HTTP API: the Javalin app, one controller per resource, and the single place that turns exceptions
 * into {@code {error, detail}} JSON. The only package that imports Javalin. Handlers are thin: they read
 * parameters, call {@code search}, and return records. Depends on {@code search}, {@code statement},
 * {@code provenance} (the public transparency log) and, for releases pushed by agencies, {@code ingest.push}.
 * The {@code web} subpackage renders the human pages and serves the embeddable widget.
 */
package org.bayan.http;

package org.bayan.ingest.push;

import java.util.List;

/** The answer to a pushed batch: counts, then one result per record in submission order. */
public record PushResult(int accepted, int unchanged, int rejected, List<RecordResult> results) {}

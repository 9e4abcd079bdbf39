/**
 * Measuring retrieval quality: test sets (corpus, topics, relevance judgments), the metrics of the project's
 * evaluation guide (nDCG@10, MRR@10, Recall@100), TREC run files, and two retrievers to compare: Bayan's
 * production search path and stock Lucene as the baseline. Depends on {@code search}, {@code index},
 * {@code analysis}, {@code ingest} (release files and language detection) and {@code statement}.
 */
package org.bayan.eval;

/**
 * OpenSearch as the search engine: the index definition generated from {@code analyzers/*.json} and
 * {@code index.Fields}, the index kept from the release store like the embedded one, and search, claim lookup,
 * spelling and completion translating the queries that {@code search} and {@code search.claims} build for
 * every engine to the query DSL, with index-wide term statistics asked of the cluster. Talks to the cluster
 * over its REST API (JDK HttpClient and Jackson). Depends on {@code search}, {@code index}, {@code analysis},
 * {@code classify} (the statement type a document carries) and {@code statement}.
 */
package org.bayan.opensearch;

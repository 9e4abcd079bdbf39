/**
 * OpenSearch as the search engine: the index definition generated from {@code analyzers/*.json} and
 * {@code index.Fields}, the index kept from the release store like the embedded one, and search translating
 * the same {@code search.SearchPlan} to the query DSL. Talks to the cluster over its REST API (JDK HttpClient
 * and Jackson). Depends on {@code search}, {@code index}, {@code analysis} and {@code statement}.
 */
package org.bayan.opensearch;

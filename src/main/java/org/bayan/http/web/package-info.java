/**
 * Bayan's web pages: the server-rendered search, claim and statement pages, the framable search box, the
 * {@code <bayan-search>} widget script and the pages' static files. Part of {@code http} (it uses Javalin's
 * context like the API controllers); reads through {@code search} and shows {@code statement} data. All
 * statement and query text goes through {@link org.bayan.http.web.Html#esc}, or arrives as the API's
 * fragments (titles, snippets, evidence), which are that text escaped once with {@code <mark>} added.
 */
package org.bayan.http.web;

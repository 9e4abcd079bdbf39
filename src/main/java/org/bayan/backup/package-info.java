/**
 * Backups of a data folder: a consistent snapshot of store, transparency log, index and the small settings
 * files, taken while the server keeps serving and writing, with a manifest of sizes and hashes; and its
 * restore into an empty data folder. May depend on store, index, ingest and provenance; nothing depends on
 * it but http (the admin endpoint) and cli.
 */
package org.bayan.backup;

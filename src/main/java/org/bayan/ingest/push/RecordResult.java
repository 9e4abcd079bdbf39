package org.bayan.ingest.push;

/**
 * What happened to one pushed record: {@code accepted} (stored as a new statement or a new version),
 * {@code unchanged} (the same id with the same content was already stored) or {@code rejected} with the
 * reason. {@code index} is the record's position from 1 (array element or line), {@code version} the stored
 * version of an accepted or unchanged record.
 */
public record RecordResult(long index, String id, String status, Integer version, String reason) {
  public static final String ACCEPTED = "accepted";
  public static final String UNCHANGED = "unchanged";
  public static final String REJECTED = "rejected";
}

package org.bayan.store;

/** The store file holds a damaged record that is not a torn tail; the message names file and offset. */
public class StoreCorruptException extends RuntimeException {
  public StoreCorruptException(String message) {
    super(message);
  }
}

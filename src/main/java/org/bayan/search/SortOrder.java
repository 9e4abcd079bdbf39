package org.bayan.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How hits are ordered: by relevance (the default when there is text), newest or oldest first. */
public enum SortOrder {
  RELEVANCE, NEWEST, OLDEST;

  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SortOrder parse(String value) {
    if (value == null || value.isBlank()) return null;
    for (SortOrder s : values()) if (s.param().equals(value.strip().toLowerCase(Locale.ROOT))) return s;
    throw new InvalidParameterException("sort", "'" + value + "' is not a sort order: use "
        + Arrays.stream(values()).map(SortOrder::param).collect(Collectors.joining(", ")));
  }
}

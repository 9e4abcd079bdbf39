package org.bayan.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** One analysis chain as written in {@code analyzers/NAME.json}. */
@JsonIgnoreProperties(value = {"description", "why"})
public record AnalyzerDefinition(List<Step> charFilters, Step tokenizer, List<Step> filters) {

  public AnalyzerDefinition {
    charFilters = charFilters == null ? List.of() : charFilters;
    filters = filters == null ? List.of() : filters;
  }

  /** A char filter, tokenizer or token filter by its SPI name, with its parameters. */
  @JsonIgnoreProperties(value = {"why"})
  public record Step(String name, Map<String, String> params) {
    public Step {
      params = params == null ? Map.of() : params;
    }
  }
}

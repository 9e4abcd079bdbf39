package org.bayan.analysis;

/** An analyzer definition that cannot be built; the message names the analyzer and its file. */
public class AnalyzerConfigException extends RuntimeException {
  public AnalyzerConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

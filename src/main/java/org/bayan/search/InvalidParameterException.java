package org.bayan.search;

/** A request parameter with a value that cannot be used; the message names the parameter. */
public class InvalidParameterException extends RuntimeException {
  private final String parameter;

  public InvalidParameterException(String parameter, String detail) {
    super("parameter '" + parameter + "': " + detail);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}

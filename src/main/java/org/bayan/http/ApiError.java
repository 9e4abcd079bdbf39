package org.bayan.http;

/** The body of every error answer: a stable machine code and a human sentence naming what was wrong. */
public record ApiError(String error, String detail) {}

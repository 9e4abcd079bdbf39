package org.bayan.search;

import org.bayan.statement.StatementVersion;

/** A statement version as shown to a reader, with its agency and how many versions exist. */
public record StatementView(StatementVersion version, AgencyRef agency, int versionCount) {}

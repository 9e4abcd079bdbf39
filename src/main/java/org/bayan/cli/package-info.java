/**
 * The {@code bayan} command and its subcommands, and the composition root that opens a data folder and
 * wires store, index, search and server together. May depend on every other package.
 */
package org.bayan.cli;

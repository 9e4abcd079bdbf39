package org.bayan.provenance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * How the append-only files (the release store, the transparency log) open their channels. Production uses
 * {@link #FILES}; a test passes one whose writes fail as a full disk would, to prove a failed append changes
 * nothing.
 */
@FunctionalInterface
public interface ChannelOpener {
  ChannelOpener FILES = FileChannel::open;

  FileChannel open(Path file, OpenOption... options) throws IOException;
}

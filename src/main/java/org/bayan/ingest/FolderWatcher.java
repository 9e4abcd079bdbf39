package org.bayan.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches a folder for release files that appear or change, by polling (portable, and it works on network
 * and container file systems where change events are unreliable). A file is handed over only once its size
 * and modification time held still between two looks, so a file still being written is not read half-way;
 * after a change it is handed over again, whole: re-ingesting is idempotent, so only what is new or changed
 * lands.
 */
public final class FolderWatcher {
  /** Receives a file that is new or changed and has stopped changing. */
  public interface Handler {
    void ingest(Path file) throws IOException;
  }

  private record Seen(long size, long mtime) {}

  private final Path dir;
  private final Handler handler;
  private final Map<Path, Seen> lastLook = new HashMap<>();
  private final Map<Path, Seen> ingested = new HashMap<>();

  public FolderWatcher(Path dir, Handler handler) {
    this.dir = dir;
    this.handler = handler;
  }

  /** One look at the folder; returns the files handed over. */
  public List<Path> scan() throws IOException {
    List<Path> done = new ArrayList<>();
    Map<Path, Seen> now = new HashMap<>();
    for (Path f : ReleaseFiles.expand(List.of(dir))) {
      try {
        now.put(f, new Seen(Files.size(f), Files.getLastModifiedTime(f).toMillis()));
      } catch (java.nio.file.NoSuchFileException e) {
        // removed between listing and looking
      }
    }
    for (Map.Entry<Path, Seen> e : now.entrySet()) {
      Path f = e.getKey();
      Seen s = e.getValue();
      boolean stable = s.equals(lastLook.get(f));
      if (stable && !s.equals(ingested.get(f))) {
        handler.ingest(f);
        ingested.put(f, s);
        done.add(f);
      }
    }
    lastLook.clear();
    lastLook.putAll(now);
    ingested.keySet().retainAll(now.keySet());
    return done;
  }

  /** Looks every {@code intervalMs} until the thread is interrupted. */
  public void run(long intervalMs) throws IOException {
    while (!Thread.currentThread().isInterrupted()) {
      scan();
      try {
        Thread.sleep(intervalMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

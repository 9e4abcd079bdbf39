package org.bayan.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Blocks a serving command until the process is asked to stop (Ctrl-C, SIGTERM), then lets the command's
 * try-with-resources close the server and commit the index before the JVM exits. Without this the JVM would
 * exit from the signal with the index uncommitted; nothing would be lost (the store is replayed), but the
 * next start would redo the work.
 */
final class UntilStopped {
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  UntilStopped() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      try {
        closed.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bayan-shutdown"));
  }

  void await() throws InterruptedException {
    stop.await();
  }

  /** Called once the resources are closed. */
  void closed() {
    closed.countDown();
  }
}

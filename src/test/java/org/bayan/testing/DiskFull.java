package org.bayan.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.bayan.provenance.ChannelOpener;

/**
 * A disk that fills up on cue: once {@link #fillAfter armed}, the Nth write from then on and every write after
 * it throw {@code IOException("No space left on device")}, as the kernel's ENOSPC does, until {@link #free}.
 * It wraps the file channels of the store and the log ({@link #channels}) and the index's Lucene directory
 * ({@link #directory}): a channel counts each write and force, the directory each file it creates and each
 * sync, so that low values of N fall on different steps of a segment flush or a commit.
 */
public final class DiskFull {
  public static final String MESSAGE = "No space left on device";
  private final AtomicLong writesLeft = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong faults = new AtomicLong();

  /** The {@code n}th write from now (1: the next one) fails, and every one after it. */
  public void fillAfter(long n) {
    writesLeft.set(n);
  }

  /** Space returns: writes succeed again. */
  public void free() {
    writesLeft.set(Long.MAX_VALUE);
  }

  /** How many writes have failed so far. */
  public long faults() {
    return faults.get();
  }

  private void spend() throws IOException {
    if (writesLeft.get() == Long.MAX_VALUE) return;
    if (writesLeft.getAndUpdate(n -> n <= 1 ? 0 : n - 1) <= 1) {
      faults.incrementAndGet();
      throw new IOException(MESSAGE);
    }
  }

  /** Opens channels whose writes go through this disk. */
  public ChannelOpener channels() {
    return (file, options) -> new Channel(FileChannel.open(file, options));
  }

  /** A directory whose new files and syncs go through this disk. */
  public Directory directory(Directory in) {
    return new FilterDirectory(in) {
      @Override
      public IndexOutput createOutput(String name, IOContext context) throws IOException {
        spend();
        return super.createOutput(name, context);
      }

      @Override
      public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        spend();
        return super.createTempOutput(prefix, suffix, context);
      }

      @Override
      public void sync(Collection<String> names) throws IOException {
        spend();
        super.sync(names);
      }

      @Override
      public void syncMetaData() throws IOException {
        spend();
        super.syncMetaData();
      }
    };
  }

  private final class Channel extends FileChannel {
    private final FileChannel in;
    private boolean dirty; // written since the last force: only then can a force run out of space

    Channel(FileChannel in) {
      this.in = in;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return in.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return in.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      spend();
      dirty = true;
      return in.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      spend();
      dirty = true;
      return in.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
      return in.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      in.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return in.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      in.truncate(size); // cutting a file frees space: allowed on a full disk, and so is forcing the cut
      dirty = false;
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      if (dirty) spend();
      dirty = false;
      in.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return in.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      spend();
      return in.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return in.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      spend();
      dirty = true;
      // A full disk often takes part of a write before refusing the rest: leave a torn half behind.
      if (writesLeft.get() == 1 && src.remaining() > 1) {
        ByteBuffer half = src.duplicate();
        half.limit(src.position() + src.remaining() / 2);
        int n = in.write(half, position);
        src.position(src.position() + n);
        return n;
      }
      return in.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return in.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return in.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return in.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      in.close();
    }
  }
}

package io.gpulab.cpu.process;

import io.gpulab.api.BackendException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file in shared memory ({@code /dev/shm} when it exists and has room, else the temp directory) through which
 * the bulk data of a job crosses between the parent and its workers; deleted on close.
 *
 * <p>The parent copies inputs in and results out with positional reads and writes (one copy into or out of the
 * page cache, which on tmpfs is the shared memory itself, with no 2 GiB limit per mapping); workers memory-map just
 * the region of their shard. Every open file is known to {@link ProcessCleanup}, whose shutdown hook deletes it when
 * the JVM ends on a signal. Names carry the parent's pid so that files left by a parent killed with {@code kill -9}
 * are swept by the next pool that starts ({@link #sweepStale()}), and never those of a parent that still runs.
 */
final class SharedFile implements AutoCloseable {

    private static final String PREFIX = "gpulab-process-";
    private static final AtomicLong SERIAL = new AtomicLong();
    private static final Method INVOKE_CLEANER;
    private static final Object UNSAFE;

    static {
        Method m = null;
        Object u = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            u = f.get(null);
            m = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no jdk.unsupported: mappings are then released by the garbage collector
        }
        INVOKE_CLEANER = m;
        UNSAFE = u;
    }

    private final Path path;
    private final long size;
    private final FileChannel channel;

    private SharedFile(Path path, long size, FileChannel channel) {
        this.path = path;
        this.size = size;
        this.channel = channel;
    }

    /** Creates a zero-filled shared file of {@code size} bytes whose name mentions {@code purpose}. */
    static SharedFile create(String purpose, long size) {
        return ProcessCleanup.register(() -> open(purpose, size));
    }

    private static SharedFile open(String purpose, long size) {
        Path dir = directoryFor(size);
        Path p = dir.resolve(PREFIX + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet() + "-" + purpose);
        try {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (size > 0) {
                // writing the last byte sizes the file; tmpfs pages are allocated (zeroed) as they are touched
                ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
            return new SharedFile(p, size, ch);
        } catch (IOException e) {
            throw new BackendException("cannot create shared-memory file " + p + " of " + size + " bytes: "
                    + e.getMessage(), e);
        }
    }

    /** Returns /dev/shm when it is a writable directory with twice {@code size} free, else the temp directory. */
    static Path directoryFor(long size) {
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm)
                    && Files.getFileStore(shm).getUsableSpace() > 2 * size + (64L << 20)) {
                return shm;
            }
        } catch (IOException e) {
            // fall through to the temp directory
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Deletes shared files whose owning parent process no longer runs (left by a parent killed with kill -9). */
    static void sweepStale() {
        for (Path dir : new Path[] {Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir"))}) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
                for (Path f : files) {
                    String rest = f.getFileName().toString().substring(PREFIX.length());
                    int dash = rest.indexOf('-');
                    long pid = dash > 0 ? parsePid(rest.substring(0, dash)) : -1;
                    if (pid > 0 && ProcessHandle.of(pid).isEmpty()) {
                        Files.deleteIfExists(f);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // sweeping is a courtesy; a file we cannot delete belongs to someone else
            }
        }
    }

    private static long parsePid(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Returns the file's path, which workers open by name. */
    Path path() {
        return path;
    }

    /** Returns the file's size in bytes. */
    long size() {
        return size;
    }

    /** Copies {@code len} bytes of {@code src} from {@code off} into the file at {@code pos}. */
    void write(long pos, byte[] src, int off, int len) {
        ByteBuffer b = ByteBuffer.wrap(src, off, len);
        try {
            long p = pos;
            while (b.hasRemaining()) {
                p += channel.write(b, p);
            }
        } catch (IOException e) {
            throw new BackendException("cannot write shared-memory file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Copies {@code len} bytes of the file at {@code pos} into {@code dst} from {@code off}. */
    void read(long pos, byte[] dst, int off, int len) {
        ByteBuffer b = ByteBuffer.wrap(dst, off, len);
        try {
            long p = pos;
            while (b.hasRemaining()) {
                int n = channel.read(b, p);
                if (n < 0) {
                    throw new BackendException("shared-memory file " + path + " is shorter than expected");
                }
                p += n;
            }
        } catch (IOException e) {
            throw new BackendException("cannot read shared-memory file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Maps {@code len} bytes of an existing shared file at {@code pos}, for reading or for writing. */
    static MappedByteBuffer map(Path file, long pos, int len, boolean writable) throws IOException {
        StandardOpenOption[] opts = writable
                ? new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.READ};
        try (FileChannel ch = FileChannel.open(file, opts)) {
            if (pos + len > ch.size()) {
                throw new IOException("region [" + pos + ", " + (pos + len) + ") lies beyond the end of " + file
                        + " (" + ch.size() + " bytes)");
            }
            return ch.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY, pos, len);
        }
    }

    /** Releases a mapping now instead of at the next garbage collection; it must not be used afterwards. */
    static void unmap(MappedByteBuffer buffer) {
        if (INVOKE_CLEANER != null && buffer != null) {
            try {
                INVOKE_CLEANER.invoke(UNSAFE, buffer);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the garbage collector will release it
            }
        }
    }

    /** Closes the channel and deletes the file. */
    @Override
    public void close() {
        delete();
        ProcessCleanup.forget(this);
    }

    /** Closes the channel and deletes the file, also from the shutdown hook of {@link ProcessCleanup}. */
    void delete() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing fails only if the channel is already broken; the file is still deleted below
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // deleting a tmpfs file fails only if it is already gone
        }
    }
}

package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.PathJob;
import io.gpulab.api.SerialItems;
import io.gpulab.cli.auto.HostRouting;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Hashes files on a backend in batches bounded by a memory budget and prints one {@code sha256sum} line per file,
 * in input order. A file larger than the budget is streamed through the JDK's SHA-256 on the host, with a note on
 * stderr, because a batch must fit in memory. On a backend that hashes each file on one serial thread (a GPU:
 * {@link Backend#serialItems}), the files of a batch that would hold it up are routed to the JDK's SHA-256 on the
 * host too, with a note ({@link HostRouting#toHost} chooses them, the choice that {@code --backend auto} predicts
 * from {@link #batchSizes}). On a backend whose workers read files themselves ({@link io.gpulab.api.PathJobs}), a
 * batch ships only the paths of its files, planned by their sizes.
 */
final class Sha256Files {

    /** Stands for a file of the batch that the backend's workers read by path. */
    private static final byte[] BY_PATH = new byte[0];
    /** The largest array the JVM allocates, a little under {@code Integer.MAX_VALUE}. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private final Batches batches;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long budget;
    private final List<InputFiles.Entry> pending = new ArrayList<>();
    private final List<byte[]> pendingData = new ArrayList<>();
    private long pendingBytes;
    private long hashedOnBackend;
    private long hashed;
    private long streamed;
    private long routed;
    private long failed;
    private long bytes;

    /** Creates the hasher; {@code budget} bounds the bytes of one batch. */
    Sha256Files(Batches batches, PrintWriter out, PrintWriter err, long budget) {
        this.batches = batches;
        this.out = out;
        this.err = err;
        this.budget = budget;
    }

    /**
     * Returns the sizes of the files of each batch that {@link #run} makes of these inputs, in their order, from the
     * files' sizes alone: what the cost model of {@code --backend auto} needs. A file that cannot be read, or is not
     * a regular file, or is streamed, is in no batch; a non-regular file ends the batch before it, as in the run.
     */
    static List<long[]> batchSizes(List<String> inputs, long budget) {
        List<long[]> batches = new ArrayList<>();
        List<Long> batch = new ArrayList<>();
        long[] pending = new long[1];
        Runnable flush = () -> {
            if (!batch.isEmpty()) {
                batches.add(batch.stream().mapToLong(Long::longValue).toArray());
                batch.clear();
            }
            pending[0] = 0;
        };
        InputFiles.walk(inputs, e -> {
            if (e.error() != null) {
                return;
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(e.path(), BasicFileAttributes.class);
            } catch (IOException ex) {
                return;
            }
            long size = a.size();
            if (!a.isRegularFile() || streams(size, budget)) {
                flush.run();
                return;
            }
            if (overflows(pending[0], size, budget)) {
                flush.run();
            }
            batch.add(size);
            pending[0] += size;
        });
        flush.run();
        return batches;
    }

    /** Returns whether a file of this size is streamed on the host rather than held in a batch. */
    private static boolean streams(long size, long budget) {
        return size > budget || size > MAX_ARRAY;
    }

    /** Returns whether a file of this size ends the batch of {@code pending} bytes before it. */
    private static boolean overflows(long pending, long size, long budget) {
        return pending + size > budget;
    }

    /** Hashes every file under the inputs on the batches' backend and prints their lines. */
    void run(List<String> inputs) {
        InputFiles.walk(inputs, this::accept);
        flush();
    }

    private void accept(InputFiles.Entry e) {
        if (e.error() != null) {
            pending.add(e);
            pendingData.add(null);
            return;
        }
        long size;
        try {
            BasicFileAttributes a = Files.readAttributes(e.path(), BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                // a device or a FIFO has no size to plan with, and may never end (/dev/zero): read it on its own
                flush();
                special(e);
                return;
            }
            size = a.size();
        } catch (IOException ex) {
            pending.add(new InputFiles.Entry(e.display(), e.path(), InputFiles.describe(ex)));
            pendingData.add(null);
            return;
        }
        if (streams(size, budget)) {
            flush();
            stream(e, size);
            return;
        }
        if (overflows(pendingBytes, size, budget)) {
            flush();
        }
        if (batches.byPath()) {
            pending.add(e);
            pendingData.add(BY_PATH);
            pendingBytes += size;
            return;
        }
        try {
            byte[] data = Files.readAllBytes(e.path());
            pending.add(e);
            pendingData.add(data);
            pendingBytes += data.length;
        } catch (IOException ex) {
            pending.add(new InputFiles.Entry(e.display(), e.path(), InputFiles.describe(ex)));
            pendingData.add(null);
        }
    }

    /** Hashes the pending files on the backend and prints the pending lines, errors included, in order. */
    private void flush() {
        batches.progress().clear();
        if (batches.byPath()) {
            flushByPath();
            return;
        }
        boolean[] toHost = toHost();
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pendingData.get(i) != null && !toHost[i]) {
                messages.add(pendingData.get(i));
            }
        }
        List<byte[]> digests = List.of();
        if (!messages.isEmpty()) {
            digests = batches.run(Tasks.SHA256, new Sha256Input.Messages(messages)).digests();
            hashedOnBackend += messages.size();
        }
        int d = 0;
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < pending.size(); i++) {
            InputFiles.Entry e = pending.get(i);
            if (pendingData.get(i) == null) {
                err.println("gpulab: " + e.display() + ": " + e.error());
                failed++;
            } else if (toHost[i]) {
                MessageDigest md = sha256();
                md.update(pendingData.get(i));
                err.println("note: routed to the host CPU (one " + batches.backend().id() + " thread would hold up "
                        + "its batch): " + e.display() + " (" + pendingData.get(i).length + " bytes)");
                printLine(hex.formatHex(md.digest()), e.display());
                bytes += pendingData.get(i).length;
                hashed++;
                routed++;
            } else {
                printLine(hex.formatHex(digests.get(d++)), e.display());
                bytes += pendingData.get(i).length;
                hashed++;
            }
        }
        pending.clear();
        pendingData.clear();
        pendingBytes = 0;
    }

    /**
     * Returns, per pending file, whether it goes to the host: those the backend's serial-item model
     * ({@link Backend#serialItems}) says would hold up the batch; none on a backend without one.
     */
    private boolean[] toHost() {
        boolean[] host = new boolean[pending.size()];
        Optional<SerialItems> serial = batches.backend().serialItems(Tasks.SHA256);
        if (serial.isEmpty()) {
            return host;
        }
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pendingData.get(i) != null) {
                read.add(i);
            }
        }
        boolean[] routed = HostRouting.toHost(serial.get(), read.stream().mapToLong(i -> pendingData.get(i).length)
                .toArray());
        for (int j = 0; j < routed.length; j++) {
            host[read.get(j)] = routed[j];
        }
        return host;
    }

    /** Hashes the pending files where the backend's workers read them, and prints the pending lines in order. */
    private void flushByPath() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            if (pendingData.get(i) == BY_PATH) {
                paths.add(pending.get(i).path());
            }
        }
        List<PathJob.Outcome> outcomes = paths.isEmpty() ? List.of() : batches.runPaths(new Sha256PathJob(paths));
        int k = 0;
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < pending.size(); i++) {
            InputFiles.Entry e = pending.get(i);
            byte[] data = pendingData.get(i);
            String error = data == null ? e.error() : null;
            if (data == BY_PATH) {
                PathJob.Outcome o = outcomes.get(k++);
                error = o.error();
                if (error == null) {
                    hashedOnBackend++;
                    bytes += o.units();
                    hashed++;
                    printLine(hex.formatHex(o.value()), e.display());
                    continue;
                }
            }
            err.println("gpulab: " + e.display() + ": " + error);
            failed++;
        }
        pending.clear();
        pendingData.clear();
        pendingBytes = 0;
    }

    /**
     * Reads a file that is not a regular file (a device, a FIFO) with nothing else pending: what ends within the
     * budget joins a batch for the backend; what goes on is streamed on the host, so that no more than the budget is
     * ever held, whatever the file's length (an endless one, such as {@code /dev/zero}, is hashed for as long as it
     * runs, as {@code sha256sum} does).
     */
    private void special(InputFiles.Entry e) {
        int limit = (int) Math.min(budget, MAX_ARRAY);
        try (InputStream is = Files.newInputStream(e.path())) {
            byte[] head = is.readNBytes(limit);
            int more = head.length < limit ? -1 : is.read();
            if (more < 0 && batches.byPath()) {
                // the workers cannot read this stream again: hash what was read here
                MessageDigest md = sha256();
                md.update(head);
                done(e, md, head.length);
                return;
            }
            if (more < 0) {
                pending.add(e);
                pendingData.add(head);
                pendingBytes += head.length;
                return;
            }
            MessageDigest md = sha256();
            md.update(head);
            md.update((byte) more);
            long size = head.length + 1L;
            head = null; // the budget holds for the rest of the stream
            size += digest(is, md);
            done(e, md, size);
        } catch (IOException ex) {
            batches.progress().clear();
            err.println("gpulab: " + e.display() + ": " + InputFiles.describe(ex));
            failed++;
        }
    }

    private void stream(InputFiles.Entry e, long size) {
        MessageDigest md = sha256();
        try (InputStream is = Files.newInputStream(e.path())) {
            size = digest(is, md);
        } catch (IOException ex) {
            batches.progress().clear();
            err.println("gpulab: " + e.display() + ": " + InputFiles.describe(ex));
            failed++;
            return;
        }
        done(e, md, size);
    }

    private void done(InputFiles.Entry e, MessageDigest md, long size) {
        batches.progress().clear();
        err.println("note: streamed on the host CPU: " + e.display() + " (" + size + " bytes)");
        printLine(HexFormat.of().formatHex(md.digest()), e.display());
        hashed++;
        streamed++;
        bytes += size;
    }

    /** Feeds the rest of the stream to the digest through a buffer of at most 1 MiB; returns the bytes read. */
    private long digest(InputStream is, MessageDigest md) throws IOException {
        byte[] buf = new byte[(int) Math.min(1 << 20, Math.max(1 << 12, budget))];
        long n = 0;
        for (int r; (r = is.read(buf)) >= 0; ) {
            md.update(buf, 0, r);
            n += r;
        }
        return n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("the JDK has no SHA-256", ex);
        }
    }

    /** Prints the line as GNU sha256sum does, escaping a name with a backslash, newline or carriage return. */
    private void printLine(String hex, String name) {
        out.println(sha256sumLine(hex, name));
    }

    /** Returns {@code <hex>  <name>}, or {@code \<hex>  <escaped name>} as sha256sum writes awkward names. */
    static String sha256sumLine(String hex, String name) {
        if (name.indexOf('\\') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return hex + "  " + name;
        }
        String escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return "\\" + hex + "  " + escaped;
    }

    /** Returns the files hashed on the backend, the work units of the timing. */
    long hashedOnBackend() {
        return hashedOnBackend;
    }

    /** Returns every file hashed, streamed ones included. */
    long hashed() {
        return hashed;
    }

    /** Returns the files streamed on the host. */
    long streamed() {
        return streamed;
    }

    /** Returns the files of a batch routed to the host because one backend thread would hold the batch up. */
    long routed() {
        return routed;
    }

    /** Returns the files that could not be read. */
    long failed() {
        return failed;
    }

    /** Returns the bytes hashed. */
    long bytes() {
        return bytes;
    }
}

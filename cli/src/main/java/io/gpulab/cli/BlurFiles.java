package io.gpulab.cli;

import io.gpulab.api.PathJob;
import io.gpulab.images.Image;
import io.gpulab.tasks.BlurInput;
import io.gpulab.tasks.BlurSpec;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Blurs image files on a backend in batches bounded by a memory budget and writes {@code DIR/<name>.png} for each,
 * in input order. Bad files are named on stderr and skipped; the others are done. On a backend whose workers read
 * files themselves ({@link io.gpulab.api.PathJobs}), only the paths, the output paths and the blur go to the workers,
 * which decode, blur, encode and write each image, and send back its outcome.
 */
final class BlurFiles {

    /** Bytes held per sample of a batch: the decoded input, the output and a backend's intermediate. */
    private static final long BYTES_PER_SAMPLE = 3;

    private final Batches batches;
    private final ImageFiles codec;
    private final BlurSpec spec;
    private final Path outDir;
    private final PrintWriter out;
    private final PrintWriter err;
    private final long budget;
    private final Set<String> usedNames = new HashSet<>();
    private final List<InputFiles.Entry> pending = new ArrayList<>();
    private final List<Image> pendingImages = new ArrayList<>();
    private final List<Path> pendingTargets = new ArrayList<>();
    private long pendingBytes;
    private long pixels;
    private long done;
    private long failed;

    /** Creates the blurrer; {@code budget} bounds the bytes of one batch. */
    BlurFiles(Batches batches, ImageFiles codec, BlurSpec spec, Path outDir, PrintWriter out, PrintWriter err,
            long budget) {
        this.batches = batches;
        this.codec = codec;
        this.spec = spec;
        this.outDir = outDir;
        this.out = out;
        this.err = err;
        this.budget = budget;
    }

    /**
     * Blurs every image under the inputs on the batches' backend and writes the results. The inputs are listed
     * before anything is written, leaving out the output folder where a walk meets it, so that no result is read
     * back as an input; an output that would replace one of the inputs is refused, because with several batches or
     * names mapped to one another it could be written before that input was read.
     *
     * @throws CliException a usage error naming the first input its output would overwrite, before any is written
     */
    void run(List<String> inputs) {
        List<InputFiles.Entry> entries = new ArrayList<>();
        InputFiles.walk(inputs, outDir, entries::add);
        Map<Object, String> inputKeys = new HashMap<>();
        for (InputFiles.Entry e : entries) {
            if (e.error() == null) {
                inputKeys.putIfAbsent(fileKey(e.path()), e.display());
            }
        }
        List<Path> targets = new ArrayList<>();
        for (InputFiles.Entry e : entries) {
            Path target = e.error() == null ? outDir.resolve(outputName(e)) : null;
            targets.add(target);
            String input = target != null && Files.exists(target)
                    ? inputKeys.get(fileKey(target)) : null;
            if (input != null) {
                throw CliException.usage("--output " + outDir + " would overwrite the input " + input + " with "
                        + target.getFileName() + "; choose another folder");
            }
        }
        if (batches.byPath()) {
            runByPath(entries, targets);
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            accept(entries.get(i), targets.get(i));
        }
        flush();
    }

    /** Has the backend's workers blur the files by path and prints every input's line in order. */
    private void runByPath(List<InputFiles.Entry> entries, List<Path> targets) {
        List<Path> files = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).error() == null) {
                files.add(entries.get(i).path());
                outs.add(targets.get(i));
            }
        }
        List<PathJob.Outcome> outcomes = files.isEmpty() ? List.of()
                : batches.runPaths(new BlurPathJob(files, outs, spec, budget / (BYTES_PER_SAMPLE * 4)));
        int k = 0;
        for (int i = 0; i < entries.size(); i++) {
            InputFiles.Entry e = entries.get(i);
            if (e.error() != null) {
                err.println("gpulab: " + e.display() + ": " + e.error());
                failed++;
                continue;
            }
            PathJob.Outcome o = outcomes.get(k++);
            for (String n : o.notes()) {
                err.println("note: " + e.display() + ": " + n);
            }
            if (o.error() == null) {
                out.println(e.display() + " -> " + targets.get(i));
                pixels += o.units();
                done++;
            } else {
                err.println("gpulab: " + (o.writeError() ? targets.get(i) : e.display()) + ": " + o.error());
                failed++;
            }
        }
    }

    /** Returns what identifies the file (device and inode here), or the real path where the system has no key. */
    private static Object fileKey(Path p) {
        try {
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return key != null ? key : p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private void accept(InputFiles.Entry e, Path target) {
        if (e.error() != null) {
            pending.add(e);
            pendingImages.add(null);
            pendingTargets.add(null);
            return;
        }
        Image img;
        try {
            List<String> notes = new ArrayList<>();
            img = codec.read(e.path(), budget / (BYTES_PER_SAMPLE * 4), notes);
            for (String n : notes) {
                batches.progress().clear();
                err.println("note: " + e.display() + ": " + n);
            }
        } catch (IOException ex) {
            pending.add(new InputFiles.Entry(e.display(), e.path(), InputFiles.describe(ex)));
            pendingImages.add(null);
            pendingTargets.add(null);
            return;
        }
        // decoded into the heap, then moved where the backend reads it without a copy, outside the timing
        img = batches.backend().hostImage(img);
        long bytes = img.sampleCount() * BYTES_PER_SAMPLE;
        if (pendingBytes + bytes > budget) {
            flush();
        }
        pending.add(e);
        pendingImages.add(img);
        pendingTargets.add(target);
        pendingBytes += bytes;
    }

    /** Blurs the pending images on the backend, writes them and prints the pending lines, in order. */
    private void flush() {
        batches.progress().clear();
        List<Image> images = pendingImages.stream().filter(i -> i != null).toList();
        List<Image> blurred = List.of();
        if (!images.isEmpty()) {
            BlurInput in = new BlurInput(images, spec);
            blurred = batches.run(Tasks.BLUR, in).images();
            pixels += Tasks.BLUR.workUnits(in);
        }
        int b = 0;
        for (int i = 0; i < pending.size(); i++) {
            InputFiles.Entry e = pending.get(i);
            if (pendingImages.get(i) == null) {
                err.println("gpulab: " + e.display() + ": " + e.error());
                failed++;
                continue;
            }
            Path target = pendingTargets.get(i);
            try {
                codec.writePng(blurred.get(b++), target);
                out.println(e.display() + " -> " + target);
                done++;
            } catch (IOException ex) {
                err.println("gpulab: " + target + ": write error: " + InputFiles.describe(ex));
                failed++;
            }
        }
        pending.clear();
        pendingImages.clear();
        pendingTargets.clear();
        pendingBytes = 0;
    }

    /**
     * Returns {@code <name>.png} for the input's file name without its extension; a name an earlier input of this
     * run already took becomes {@code <name>-2.png}, {@code <name>-3.png}, ..., with a note, so none is overwritten.
     */
    private String outputName(InputFiles.Entry e) {
        String file = FileNames.fileName(e.path());
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String safe = FileNames.encodable(stem);
        if (!safe.equals(stem)) {
            // the JVM cannot create a name its locale cannot encode (LC_ALL=C and a non-ASCII name)
            err.println("note: " + e.display() + " written as " + safe + ".png: the locale cannot encode its name");
            stem = safe;
        }
        String name = stem + ".png";
        for (int k = 2; !usedNames.add(name.toLowerCase(Locale.ROOT)); k++) {
            name = stem + "-" + k + ".png";
        }
        if (!name.equals(stem + ".png")) {
            err.println("note: " + e.display() + " written as " + name + ": " + stem + ".png is taken by an "
                    + "earlier input");
        }
        return name;
    }

    /** Returns the pixels blurred on the backend, the work units of the timing. */
    long pixels() {
        return pixels;
    }

    /** Returns the images blurred and written. */
    long done() {
        return done;
    }

    /** Returns the inputs that failed to decode or write. */
    long failed() {
        return failed;
    }
}

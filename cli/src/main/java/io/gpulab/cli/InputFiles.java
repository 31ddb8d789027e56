package io.gpulab.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Expands {@code --input} paths into files: a file is itself, a folder is walked depth-first with the entries of
 * each folder sorted by name, so the order is the same on every file system.
 */
final class InputFiles {

    /**
     * One input file, or one path that could not be used.
     *
     * @param display the path as the user gave it, or as walked from it
     * @param path the file to read
     * @param error why the path cannot be read, or null
     */
    record Entry(String display, Path path, String error) {
    }

    private InputFiles() {
    }

    /** Hands every file under the given paths, and every path that failed, to the consumer in order. */
    static void walk(List<String> inputs, Consumer<Entry> consumer) {
        walk(inputs, null, consumer);
    }

    /**
     * Hands every file under the given paths to the consumer in order, leaving out the folder {@code skip} (the
     * output folder of {@code blur}) wherever a walk meets it, so a command never reads what it writes; a path the
     * user names is never left out.
     */
    static void walk(List<String> inputs, Path skip, Consumer<Entry> consumer) {
        for (String in : inputs) {
            Path p;
            try {
                p = FileNames.toPath(in);
            } catch (IOException e) {
                consumer.accept(new Entry(in, Path.of(""), describe(e)));
                continue;
            }
            new Walk(skip, consumer).visit(in, p, true);
        }
    }

    /** One walk, with the folder it leaves out. */
    private record Walk(Path skip, Consumer<Entry> consumer) {
        void visit(String display, Path path, boolean top) {
            InputFiles.visit(display, path, top, this);
        }

        boolean skipped(Path dir) {
            try {
                return skip != null && Files.isSameFile(dir, skip);
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static void visit(String display, Path path, boolean top, Walk walk) {
        Consumer<Entry> consumer = walk.consumer();
        if (!top && Files.isSymbolicLink(path) && Files.isDirectory(path)) {
            // a link inside a walked folder may point back up the tree; only folders named by the user are followed
            consumer.accept(new Entry(display, path, "symbolic link to a folder, not followed"));
            return;
        }
        if (!Files.isDirectory(path)) {
            consumer.accept(new Entry(display, path, Files.exists(path) ? null : missing(path)));
            return;
        }
        if (!top && walk.skipped(path)) {
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
            ds.forEach(children::add);
        } catch (IOException e) {
            consumer.accept(new Entry(display, path, describe(e)));
            return;
        }
        // names are bytes: sort them as bytes, the same order under every locale, and show them as they are
        List<byte[]> names = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            names.add(FileNames.rawFileName(children.get(i)));
            order.add(i);
        }
        order.sort((a, b) -> Arrays.compareUnsigned(names.get(a), names.get(b)));
        String prefix = display.endsWith("/") ? display : display + "/";
        for (int i : order) {
            visit(prefix + FileNames.fromBytes(names.get(i)), children.get(i), false, walk);
        }
    }

    /** Returns why a path that does not exist cannot be read: a loop of links is not a missing file. */
    private static String missing(Path path) {
        try {
            Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            return "No such file or directory";
        } catch (IOException e) {
            String why = describe(e);
            // the JDK adds "or unable to access attributes of symbolic link" to the system's ELOOP message
            return why.startsWith("Too many levels of symbolic links") ? "Too many levels of symbolic links" : why;
        }
    }

    /** Returns the cause of an I/O failure in the words of the coreutils ({@code No such file or directory}). */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Returns the size of a file, or 0 when it cannot be read (its error then comes when it is read). */
    static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Returns the most bytes of input to hold in memory at once by default: a quarter of the maximum heap. */
    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }
}

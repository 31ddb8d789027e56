package io.gpulab.cli.auto;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps calibrations in the user's cache folder, one file per machine key: {@code gpulab.cacheDir} (a system
 * property, used by the tests), else {@code GPULAB_CACHE_DIR}, else {@code $XDG_CACHE_HOME/gpulab}, else
 * {@code ~/.cache/gpulab}. A file that cannot be read as a calibration is reported and replaced, never fatal.
 */
public final class CalibrationStore {

    /** The system property that names the cache folder. */
    public static final String DIR_PROPERTY = "gpulab.cacheDir";

    private final Path dir;

    /** Creates a store in this folder. */
    public CalibrationStore(Path dir) {
        this.dir = dir;
    }

    /** Returns the store in the user's cache folder, as the class comment says. */
    public static CalibrationStore user() {
        String p = System.getProperty(DIR_PROPERTY);
        if (p != null && !p.isBlank()) {
            return new CalibrationStore(Path.of(p));
        }
        String env = System.getenv("GPULAB_CACHE_DIR");
        if (env != null && !env.isBlank()) {
            return new CalibrationStore(Path.of(env));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new CalibrationStore(Path.of(xdg, "gpulab"));
        }
        return new CalibrationStore(Path.of(System.getProperty("user.home"), ".cache", "gpulab"));
    }

    /** Returns the file of the calibration with this key. */
    public Path file(String key) {
        return dir.resolve("calibration-" + MachineKey.hash(key) + ".json");
    }

    /**
     * What reading the calibration gave.
     *
     * @param calibration the calibration, or null when there is none usable
     * @param note why there is none, for stderr, or null when the file was read or simply absent
     */
    public record Loaded(Calibration calibration, String note) {
    }

    /** Reads the calibration of this key; a missing file gives neither calibration nor note. */
    public Loaded load(String key) {
        Path f = file(key);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(null, null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(null, "calibration file " + f + " cannot be read (" + e.getMessage()
                    + "); measuring again");
        }
        Calibration c;
        try {
            c = Calibration.fromJson(JsonParser.parseString(text));
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            return new Loaded(null, "calibration file " + f + " is corrupt (" + oneLine(e)
                    + "); rebuilding it");
        }
        if (!c.key().equals(key)) {
            return new Loaded(null, "calibration file " + f + " was measured for another machine or gpulab "
                    + "version; measuring again");
        }
        return new Loaded(c, null);
    }

    /**
     * Writes the calibration atomically (a temporary file moved into place).
     *
     * @throws IOException when the folder or file cannot be written
     */
    public Path save(Calibration c) throws IOException {
        Files.createDirectories(dir);
        Path f = file(c.key());
        Path tmp = Files.createTempFile(dir, "calibration-", ".tmp");
        try {
            String json = new GsonBuilder().setPrettyPrinting().create().toJson(c.toJson());
            Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return f;
    }

    private static String oneLine(Exception e) {
        Throwable t = e.getCause() != null && e instanceof JsonParseException ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ');
    }
}

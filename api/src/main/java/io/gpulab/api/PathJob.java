package io.gpulab.api;

import java.io.Serializable;
import java.util.List;

/**
 * Work on a list of files named by path, run where the files are read: a cluster backend ships the job (paths and
 * options only) and lets each of its workers run a range of the files on its own local backend. Files fail alone: a
 * file that cannot be read or decoded gives an {@link Outcome} with an error, not an exception.
 */
public interface PathJob extends Serializable {

    /**
     * What one file gave.
     *
     * @param value the file's result (a digest), or null where there is none
     * @param units the work units of the file: its bytes hashed, its pixels blurred
     * @param notes what the work lost and the user should know (a precision reduced on decoding)
     * @param error the one-line reason the file failed, or null
     * @param writeError true when the error is about writing the file's output, not reading the file
     */
    record Outcome(byte[] value, long units, List<String> notes, String error, boolean writeError)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Copies the notes. */
        public Outcome {
            notes = List.copyOf(notes);
        }
    }

    /** Returns the task the job runs, for events and errors: {@code sha256}, {@code blur}. */
    String task();

    /** Returns the number of files. */
    int size();

    /** Returns file {@code i}'s path as the user gave or walked it. */
    String path(int i);

    /**
     * Runs files {@code [from, to)} on {@code inner} and returns their outcomes in order.
     *
     * @throws BackendException when the inner backend fails (not a file)
     */
    List<Outcome> run(Backend inner, int from, int to);
}

package io.gpulab.cli;

import io.gpulab.api.Backend;
import io.gpulab.api.BackendException;
import io.gpulab.api.Kernel;
import io.gpulab.tasks.Sha256Fold;
import io.gpulab.tasks.Sha256Input;
import io.gpulab.tasks.Sha256Output;
import io.gpulab.tasks.Tasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hashes files where they are read: each range of files is read on its worker and hashed there on the local backend
 * as one batch of messages; a file that cannot be read fails alone, with the reason {@code sha256} would give here.
 */
final class Sha256PathJob extends FilePathJob {

    private static final long serialVersionUID = 1L;

    /** Creates the job over these regular files, which the command has planned to fit its memory budget together. */
    Sha256PathJob(List<Path> files) {
        super(files);
    }

    @Override
    public String task() {
        return "sha256";
    }

    @Override
    public List<Outcome> run(Backend inner, int from, int to) {
        List<Outcome> out = new ArrayList<>(to - from);
        List<byte[]> messages = new ArrayList<>();
        List<Integer> read = new ArrayList<>();
        for (int i = from; i < to; i++) {
            try {
                messages.add(Files.readAllBytes(file(i)));
                read.add(i - from);
                out.add(null);
            } catch (IOException e) {
                out.add(new Outcome(null, 0, List.of(), InputFiles.describe(e), false));
            }
        }
        if (!messages.isEmpty()) {
            Sha256Input in = new Sha256Input.Messages(messages);
            List<byte[]> digests;
            try (Kernel<Sha256Input, Sha256Output> k = inner.prepare(Tasks.SHA256, in)) {
                digests = k.run(in).digests();
            }
            if (digests.size() != messages.size()) {
                throw new BackendException("backend " + inner.id() + " returned " + digests.size() + " digests for "
                        + messages.size() + " files");
            }
            for (int k = 0; k < digests.size(); k++) {
                out.set(read.get(k), new Outcome(digests.get(k), messages.get(k).length, List.of(), null, false));
            }
        }
        return out;
    }

    @Override
    void verify(Verifier verifier, List<Outcome> outcomes) {
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).error() == null) {
                try {
                    messages.add(Files.readAllBytes(file(i)));
                } catch (IOException e) {
                    throw new CliException(ExitCode.OTHER, "--verify: " + path(i) + ": " + InputFiles.describe(e), e);
                }
                digests.add(outcomes.get(i).value());
            }
        }
        if (!messages.isEmpty()) {
            byte[] fold = Sha256Fold.fold(0, digests.toArray(byte[][]::new));
            verifier.check(Tasks.SHA256, new Sha256Input.Messages(messages), new Sha256Output(fold, digests));
        }
    }
}

package io.gpulab.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks backend options against what a backend declares, in the one place every backend is opened through
 * ({@link Backends#open}): unknown {@code extra} keys (with a suggestion for a near miss) and the machine's bounds on
 * threads and workers ({@link Parallelism}). Each failure is an {@link InvalidOptionException}, a usage error.
 */
public final class OptionCheck {

    private OptionCheck() {
    }

    /**
     * Checks the options for this provider; {@code all} are every provider found, used to say which backend a key
     * belongs to when it is not this one's.
     *
     * @throws InvalidOptionException naming the first bad option and what is allowed
     */
    public static void check(BackendProvider provider, BackendOptions options, List<BackendProvider> all) {
        Parallelism.checkThreads(options.threads(), "threads");
        Parallelism.checkWorkers(options.workers(), "workers");
        List<BackendOptionKey> known = provider.optionKeys();
        List<String> names = known.stream().map(BackendOptionKey::key).toList();
        for (String key : options.extra().keySet()) {
            if (!names.contains(key) && !underPrefix(key, names)) {
                throw new InvalidOptionException(unknownKey(provider.id(), key, known, all));
            }
        }
    }

    /**
     * Returns true when a declared key ending in {@code .*} covers this key: {@code spark.*} declares every key that
     * starts with {@code spark.}, for a backend that passes a whole family of settings through to its engine.
     */
    static boolean underPrefix(String key, List<String> names) {
        return names.stream().anyMatch(n -> n.endsWith(".*") && key.startsWith(n.substring(0, n.length() - 1)));
    }

    /** Returns the one-line message for an unknown key: a suggestion, the owning backend, and the known keys. */
    static String unknownKey(String backend, String key, List<BackendOptionKey> known, List<BackendProvider> all) {
        StringBuilder m = new StringBuilder("unknown backend option '" + key + "' for backend " + backend);
        String owner = null;
        for (BackendProvider p : all) {
            if (!p.id().equals(backend) && p.optionKeys().stream().anyMatch(k -> k.key().equals(key))) {
                owner = p.id();
            }
        }
        String near = suggestion(key, known.stream().map(BackendOptionKey::key).toList());
        if (owner != null) {
            m.append(" (it is an option of backend ").append(owner).append(')');
        } else if (near != null) {
            m.append("; did you mean ").append(near).append('?');
        }
        if (known.isEmpty()) {
            m.append("; backend ").append(backend).append(" takes no -X options");
        } else {
            List<String> list = new ArrayList<>();
            for (BackendOptionKey k : known) {
                list.add(k.key() + " (" + k.description() + ")");
            }
            m.append("; known: ").append(String.join(", ", list));
        }
        return m.toString();
    }

    /**
     * Returns the known key closest to {@code key}: one whose part after the backend prefix equals it, else one
     * within an edit distance of a third of its length (at least 2), ignoring case; null when none is that close.
     */
    static String suggestion(String key, List<String> known) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.endsWith("." + k) || c.substring(c.indexOf('.') + 1).equals(k.substring(k.indexOf('.') + 1))) {
                return candidate;
            }
        }
        int limit = Math.max(2, k.length() / 3);
        return known.stream()
                .filter(c -> distance(k, c.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt(c -> distance(k, c.toLowerCase(Locale.ROOT))))
                .orElse(null);
    }

    /** Returns the Levenshtein distance between two strings. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

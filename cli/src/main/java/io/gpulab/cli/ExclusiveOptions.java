package io.gpulab.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Words a clash of options from one exclusive group ({@code --sigma} with {@code --box}) as a user reads it. */
final class ExclusiveOptions {

    private ExclusiveOptions() {
    }

    /**
     * Returns "--sigma and --box cannot be used together; give one of: --sigma, --box" for the first exclusive group
     * of which the arguments use two alternatives (an option, or any option of a sub-group), or null when none does.
     */
    static String clash(CommandSpec spec, List<String> args) {
        for (ArgGroupSpec g : spec.argGroups()) {
            String m = clash(g, args);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static String clash(ArgGroupSpec g, List<String> args) {
        if (g.exclusive()) {
            List<String> used = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (OptionSpec o : g.options()) {
                all.add(o.longestName());
                if (given(o, args)) {
                    used.add(o.longestName());
                }
            }
            for (ArgGroupSpec sub : g.subgroups()) {
                List<OptionSpec> opts = sub.allOptionsNested();
                all.add(opts.get(0).longestName());
                opts.stream().filter(o -> given(o, args)).findFirst().ifPresent(o -> used.add(o.longestName()));
            }
            if (used.size() > 1) {
                return String.join(" and ", used) + " cannot be used together; give one of: " + String.join(", ",
                        all);
            }
        }
        for (ArgGroupSpec sub : g.subgroups()) {
            String m = clash(sub, args);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static boolean given(OptionSpec o, List<String> args) {
        for (String a : args) {
            for (String n : o.names()) {
                if (a.equals(n) || a.startsWith(n + "=")) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.gpulab.cli.lab;

import java.io.PrintWriter;
import java.util.List;

/** Prints an experiment's result on the terminal: per step expected, observed, why and the computed verdicts. */
final class TextSheet {

    private TextSheet() {
    }

    /** Prints the machine once, at the top. */
    static void machine(PrintWriter out, LabMachine m) {
        out.println("Machine: " + m.cores() + " cores, " + m.cpu() + ", " + m.memory() + ", load " + m.load());
        out.println("         " + m.jvm() + ", " + m.os());
        for (String b : m.backends()) {
            out.println("         " + b);
        }
        out.println("Timings are noisy when other users share the machine: each step is repeated, and a verdict "
                + "whose repeats disagree by more than " + Format.percent(Verdicts.BUSY_SPREAD)
                + " is called inconclusive.");
        out.println();
    }

    /** Prints one experiment's result. */
    static void result(PrintWriter out, LabResult r) {
        out.println("== " + r.id() + ": " + r.title());
        out.println("   question: " + r.question());
        out.println("   setup:    " + r.setup());
        for (Step s : r.steps()) {
            out.println();
            out.println("-- " + s.name());
            out.println("   expected: " + s.expected());
            out.println("   observed: " + s.observed());
            if (!s.why().isEmpty()) {
                out.println("   why:      " + s.why());
            }
            for (Judgment j : s.judgments()) {
                out.println("   verdict:  " + j.line());
            }
            out.println("   verified: " + s.verified() + (s.ok() ? "" : "  <-- CHECK FAILED"));
        }
        for (LabTable t : r.tables()) {
            out.println();
            out.println("   " + t.title());
            table(out, t.header(), t.rows());
        }
        out.println();
        out.println("   lesson: " + r.lesson());
        out.println();
        out.flush();
    }

    private static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        line(out, header, w);
        for (List<String> r : rows) {
            line(out, r, w);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder("   ");
        for (int i = 0; i < cells.size(); i++) {
            b.append(cells.get(i)).append(" ".repeat(w[i] - cells.get(i).length() + 2));
        }
        out.println(b.toString().stripTrailing());
    }
}

package io.gpulab.cli;

/**
 * One task on one backend in {@code gpulab compare}.
 *
 * @param task the task id
 * @param backend the backend id
 * @param status {@code ok}, {@code mismatch}, {@code failed}, {@code unavailable} or {@code unsupported}
 * @param device the device that ran the task, or null when none did
 * @param medianSeconds median of the timed runs, NaN when none ran
 * @param minSeconds fastest timed run, NaN when none ran
 * @param workUnits the work units of the input
 * @param unit the name of one work unit
 * @param speedup seq's median over this median, NaN without a seq measurement
 * @param verified true when the output agreed with seq, false when not, null when not checked
 * @param reason why the backend did not run or failed, or the first mismatch; null when ok
 */
record CompareRow(String task, String backend, String status, String device, double medianSeconds,
        double minSeconds, long workUnits, String unit, double speedup, Boolean verified, String reason) {

    /** Returns the work units per second at the median, NaN when none ran. */
    double throughput() {
        return medianSeconds > 0 ? workUnits / medianSeconds : Double.NaN;
    }

    /** Returns true when the backend produced a timed result. */
    boolean measured() {
        return status.equals("ok") || status.equals("mismatch");
    }

    /** Returns a row for a backend that did not run this task, with the reason. */
    static CompareRow notRun(String task, String backend, String status, String unit, String reason) {
        return new CompareRow(task, backend, status, null, Double.NaN, Double.NaN, 0, unit, Double.NaN, null,
                reason);
    }
}

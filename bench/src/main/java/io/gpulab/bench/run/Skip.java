package io.gpulab.bench.run;

/**
 * Records a benchmark combination that was requested but not measured, and why.
 *
 * @param task the task id
 * @param backend the backend (or device) parameter
 * @param size the size name, or {@code *} for every size of the task
 * @param reason one readable line
 */
public record Skip(String task, String backend, String size, String reason) {
}

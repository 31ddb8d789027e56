/**
 * {@code --backend auto}: a measured cost model per backend and task on this machine (fixed setup, per-run overhead,
 * per-unit time, bytes over the link for device backends), its calibration and its cache in the user's cache
 * folder, the JIT warm-up of a fresh JVM, and the choice of the backend predicted fastest for one input. Prints
 * nothing in the command's JVM (the commands of {@code io.gpulab.cli} print what it returns); {@link
 * io.gpulab.cli.auto.ColdStart}'s child JVM prints its run times to its parent.
 */
package io.gpulab.cli.auto;

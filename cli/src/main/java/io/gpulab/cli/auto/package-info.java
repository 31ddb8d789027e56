/**
 * {@code --backend auto}: a measured cost model per backend and task on this machine (fixed setup, per-run overhead,
 * per-unit time, bytes over the link for device backends), its calibration and its cache in the user's cache
 * folder, and the choice of the backend predicted fastest for one input. Prints nothing itself: the commands of
 * {@code io.gpulab.cli} print what it returns.
 */
package io.gpulab.cli.auto;

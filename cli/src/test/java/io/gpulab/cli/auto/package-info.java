/** Tests of the cost model, its calibration store and the choice of {@code --backend auto}. */
package io.gpulab.cli.auto;

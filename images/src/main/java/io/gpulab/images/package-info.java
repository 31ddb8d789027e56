/**
 * Pixels and files only: the {@link io.gpulab.images.Image} record, decoding and encoding through Apache Commons
 * Imaging, seeded synthetic images and blur weights. Knows nothing of tasks or backends.
 */
package io.gpulab.images;

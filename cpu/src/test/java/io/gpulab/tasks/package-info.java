/** Tests of the fold of a SHA-256 batch against the seq digests it sums. */
package io.gpulab.tasks;

/** Tests of the task API: option checks. */
package io.gpulab.api;

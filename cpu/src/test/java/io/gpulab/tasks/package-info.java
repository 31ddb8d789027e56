/** Tests of the task-side helpers shared by every backend: the cached, self-tested provider probe. */
package io.gpulab.tasks;

/** Tests of the task layer: each task's decomposition into shards and the merge of their partial outputs. */
package io.gpulab.tasks;

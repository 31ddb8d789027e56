/**
 * The {@code spark} backend: the three tasks cut into shards that an Apache Spark cluster runs, each on a local
 * gpulab backend of its executor ({@code -X spark.inner}), GPUs scheduled by Spark ({@code -X spark.gpusPerTask}).
 */
package io.gpulab.spark;

/** The CPU backends: {@code seq} (the reference), {@code forkjoin} (threads) and {@code process} (worker JVMs). */
package io.gpulab.cpu;

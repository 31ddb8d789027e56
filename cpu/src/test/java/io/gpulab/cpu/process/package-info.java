/** Tests of the process backend: conformance, injected worker faults (killed, hung, garbage) and orphan workers. */
package io.gpulab.cpu.process;

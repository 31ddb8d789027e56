/** Tests of the seq reference against outside truth: NIST vectors, published prime counts, blur identities. */
package io.gpulab.cpu.seq;

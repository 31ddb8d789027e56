/** Tests of decoding and encoding: real photos round-trip, malformed files give a typed error naming the file. */
package io.gpulab.images;

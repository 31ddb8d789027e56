package io.gpulab.cli.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Holds the course's CPU-bound programs translated line by line from its Python: the heavy SHA-256 loop and the
 * trial-division prime test, so that threads and processes are compared on the very work the course gives.
 */
public final class CourseCode {

    private CourseCode() {
    }

    /** Hashes the string's UTF-8 bytes, then the digest again and again: {@code iterations} hashes in all. */
    public static String heavyHash(String text, int iterations) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < iterations; i++) {
                h = md.digest(h);
            }
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Tests {@code n} for primality by trial division by 2 and the odd numbers up to its square root. */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Counts the primes p with {@code from <= p < to} by trial division, as the course's loop does. */
    public static long countPrimes(long from, long to) {
        long c = 0;
        for (long n = from; n < to; n++) {
            if (isPrime(n)) {
                c++;
            }
        }
        return c;
    }
}

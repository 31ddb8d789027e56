/*
 * Segmented odd-only sieve of Eratosthenes. One work-group sieves one segment of SIEVE_WORDS * 32 odd numbers
 * in local memory: bit i of segment s stands for the odd number base + 2 * (s * SIEVE_BITS + i).
 * Work-items stride over the odd sieving primes (ascending, uploaded once per job) and cross off multiples from
 * max(p * p, first odd multiple in the segment) with local atomic ORs; after a barrier they count the surviving
 * bits with popcount and reduce per group. Launch: 1-D, one group of SIEVE_GROUP items per segment.
 */
#ifndef SIEVE_WORDS
#define SIEVE_WORDS 4096
#endif
#define SIEVE_BITS (SIEVE_WORDS * 32)

/*
 * base: the first odd number of segment 0 (odd); last: the largest odd number to sieve (>= base);
 * primes: the odd sieving primes ascending, nprimes of them; counts[s]: primes of segment s;
 * bitmaps: when keep_bitmaps != 0, SIEVE_WORDS words per segment with bit i set when the number is prime.
 */
KERNEL void sieve_segments(u64 base, u64 last, GLOBAL const u32 *primes, u32 nprimes, GLOBAL u32 *counts,
                           GLOBAL u32 *bitmaps, u32 keep_bitmaps)
{
    LOCAL_ARRAY(u32, bits, SIEVE_WORDS);
    LOCAL_ARRAY(u32, total, 1);
    const u32 lid = LOCAL_ID0;
    const u32 seg = GROUP_ID0;
    const u64 seg_lo = base + 2 * (u64) seg * SIEVE_BITS;
    const u64 span_hi = seg_lo + 2 * (u64) (SIEVE_BITS - 1);
    const u64 seg_hi = span_hi < last ? span_hi : last;
    const u32 nbits = (u32) ((seg_hi - seg_lo) / 2 + 1);

    for (u32 w = lid; w < SIEVE_WORDS; w += LOCAL_SIZE0) {
        bits[w] = 0;
    }
    if (lid == 0) {
        total[0] = 0;
    }
    BARRIER();
    for (u32 k = lid; k < nprimes; k += LOCAL_SIZE0) {
        const u64 p = primes[k];
        const u64 pp = p * p;
        if (pp > seg_hi) {
            break; /* primes ascend, so this item's later primes start beyond the segment too */
        }
        u64 off;
        if (pp >= seg_lo) {
            off = pp - seg_lo; /* odd minus odd: even */
        } else {
            const u64 r = seg_lo % p;
            off = r == 0 ? 0 : p - r;
            if (off & 1) {
                off += p; /* skip the even multiple */
            }
        }
        for (u64 i = off / 2; i < nbits; i += p) {
            ATOMIC_OR(&bits[(u32) i >> 5], 1u << ((u32) i & 31));
        }
    }
    BARRIER();
    u32 c = 0;
    for (u32 w = lid; w < SIEVE_WORDS; w += LOCAL_SIZE0) {
        const u32 first = w * 32;
        u32 valid = 0;
        if (first + 32 <= nbits) {
            valid = 0xffffffffu;
        } else if (first < nbits) {
            valid = (1u << (nbits - first)) - 1;
        }
        const u32 prime_bits = ~bits[w] & valid;
        c += POPCOUNT32(prime_bits);
        if (keep_bitmaps) {
            bitmaps[(u64) seg * SIEVE_WORDS + w] = prime_bits;
        }
    }
    ATOMIC_ADD(&total[0], c);
    BARRIER();
    if (lid == 0) {
        counts[seg] = total[0];
    }
}

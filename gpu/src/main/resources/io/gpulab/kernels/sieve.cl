/*
 * Segmented odd-only sieve of Eratosthenes. One work-group sieves one segment of SIEVE_WORDS * 32 odd numbers
 * in local memory: bit i of segment s stands for the odd number base + 2 * (s * SIEVE_BITS + i).
 * Multiples are crossed off from max(p * p, first odd multiple in the segment) with local atomic ORs: primes below
 * SIEVE_SMALL_PRIME (thousands of multiples per segment each) are shared by the whole group, one prime after the
 * other, work-item l taking multiples l, l + group size, ...; larger primes (few multiples each) go one per
 * work-item, striding over the odd sieving primes (ascending, uploaded once per job). After a barrier the items
 * count the surviving bits with popcount and reduce per group. Launch: 1-D, one group per segment (any size).
 */
#ifndef SIEVE_WORDS
#define SIEVE_WORDS 4096
#endif
#ifndef SIEVE_SMALL_PRIME
#define SIEVE_SMALL_PRIME 1024
#endif
#define SIEVE_BITS (SIEVE_WORDS * 32)

/* Returns the bit of the first multiple of the odd prime p to cross off: p * p, or the first odd multiple >= seg_lo. */
DEVICE_FN u64 first_bit(u64 p, u64 seg_lo)
{
    const u64 pp = p * p;
    if (pp >= seg_lo) {
        return (pp - seg_lo) / 2; /* odd minus odd: even */
    }
    const u64 r = seg_lo % p;
    u64 off = r == 0 ? 0 : p - r;
    if (off & 1) {
        off += p; /* skip the even multiple */
    }
    return off / 2;
}

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
    /*
     * Shared small primes: one work-item per prime would leave the item holding p = 3 crossing off 43690 bits
     * serially while the group waits at the barrier. Every item runs the same k and breaks at the same prime.
     */
    u32 k = 0;
    for (; k < nprimes; k++) {
        const u64 p = primes[k];
        if (p >= SIEVE_SMALL_PRIME || p * p > seg_hi) {
            break;
        }
        for (u64 i = first_bit(p, seg_lo) + lid * p; i < nbits; i += (u64) LOCAL_SIZE0 * p) {
            ATOMIC_OR(&bits[(u32) i >> 5], 1u << ((u32) i & 31));
        }
    }
    for (u32 j = k + lid; j < nprimes; j += LOCAL_SIZE0) {
        const u64 p = primes[j];
        if (p * p > seg_hi) {
            break; /* primes ascend, so this item's later primes start beyond the segment too */
        }
        for (u64 i = first_bit(p, seg_lo); i < nbits; i += p) {
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

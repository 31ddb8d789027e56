/*
 * Segmented odd-only sieve of Eratosthenes. One work-group sieves one segment of SIEVE_WORDS * 32 odd numbers, in
 * consecutive chunks of SIEVE_CHUNK_WORDS * 32 bits held in local memory: bit i of segment s stands for the odd
 * number base + 2 * (s * SIEVE_BITS + i). Per chunk, four tiers of sieving primes cross off their multiples:
 *  - pattern primes (the 17 odd primes below 64, whatever the range): word-parallel, no atomics. Each work-item
 *    owns whole words and writes each one once, ORing for every pattern prime its bit mask shifted by the prime's
 *    residue at that word; the residues step from word to word by a constant, so no division is left in the loop.
 *  - carried primes (the next SIEVE_CARRY sieving primes): one prime per work-item, local atomic ORs (one
 *    instruction on a GPU, rarely contended since items hold different primes). Each prime's next multiple is
 *    computed once per segment with one 64-bit modulo and carried from chunk to chunk in local memory.
 *  - per-chunk primes (from the carried ones up to index kb: the primes below the chunk span, SIEVE_CHUNK_BITS, or
 *    all of the rest when the host does not bucket): one prime per work-item, the start recomputed per chunk; they
 *    break off at p * p > chunk end.
 *  - bucketed primes (index kb on, all above the chunk span, so each crosses a chunk at most once): sieve_buckets
 *    has appended each of their multiples in the launch to its chunk's bucket, hits[chunk * cap ...], fill[chunk]
 *    of them; the tier loads each hit and crosses it (one load and one OR per hit, no modulo), then zeroes the fill
 *    for the next launch. A fill past cap (entries lost) makes the segment's count SIEVE_OVERFLOW, which no count
 *    reaches (at most SIEVE_BITS), and the host re-runs the launch with a larger cap.
 * After each chunk the items count the surviving bits with popcount (and store them when keep_bitmaps != 0).
 * Launch: 1-D, one group per segment, any group size. Static local memory: 4 * (SIEVE_CHUNK_WORDS + SIEVE_CARRY +
 * 19) bytes (32 KiB by default).
 */
#ifndef SIEVE_WORDS
#define SIEVE_WORDS 32768
#endif
#ifndef SIEVE_CHUNK_WORDS
#define SIEVE_CHUNK_WORDS 4096
#endif
#ifndef SIEVE_CARRY
#define SIEVE_CARRY 4096
#endif
#if SIEVE_WORDS % SIEVE_CHUNK_WORDS != 0
#error "SIEVE_WORDS must be a multiple of SIEVE_CHUNK_WORDS"
#endif
#ifndef SIEVE_SERIAL_CROSSING
#define SIEVE_SERIAL_CROSSING 0
#endif
#if SIEVE_SERIAL_CROSSING
/* A CPU device runs a group's work-items one after the other anyway: one item crosses with plain ORs. */
#define SIEVE_CROSSERS 1u
#define SIEVE_CROSS(word, mask) (*(word) |= (mask))
#else
#define SIEVE_CROSSERS size
#define SIEVE_CROSS(word, mask) ATOMIC_OR((word), (mask))
#endif
#define SIEVE_BITS (SIEVE_WORDS * 32)
#define SIEVE_CHUNK_BITS (SIEVE_CHUNK_WORDS * 32)
#define SIEVE_PATTERNS 17
#define SIEVE_NONE 0xffffffffu
#define SIEVE_OVERFLOW 0xffffffffu
#define SIEVE_CHUNKS (SIEVE_WORDS / SIEVE_CHUNK_WORDS)

/* The odd primes below 64, and for each the word with bits 0, p, 2p, ... set (p > 32: bit 0 only). */
CONSTANT u32 SIEVE_PATTERN_PRIME[SIEVE_PATTERNS] = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61};
CONSTANT u32 SIEVE_PATTERN_MASK[SIEVE_PATTERNS] = {
    0x49249249u, 0x42108421u, 0x10204081u, 0x00400801u, 0x04002001u, 0x00020001u, 0x00080001u, 0x00800001u,
    0x20000001u, 0x80000001u, 1u, 1u, 1u, 1u, 1u, 1u, 1u
};

/* Returns the bit of the first multiple of the odd prime p to cross off: p * p, or the first odd multiple >= lo. */
DEVICE_FN u64 first_bit(u64 p, u64 lo)
{
    const u64 pp = p * p;
    if (pp >= lo) {
        return (pp - lo) / 2; /* odd minus odd: even */
    }
    const u64 r = lo % p;
    u64 off = r == 0 ? 0 : p - r;
    if (off & 1) {
        off += p; /* skip the even multiple */
    }
    return off / 2;
}

/* Returns the pattern word of segment word wg for one pattern prime: bit j set when bit 32 wg + j is a multiple. */
DEVICE_FN u32 pattern_word(u32 t, u32 r)
{
    return r < 32 ? SIEVE_PATTERN_MASK[t] << r : 0u;
}

/*
 * Appends every multiple in the launch's window of each bucketed prime (indices kb to nprimes, all above the chunk
 * span) to its chunk's bucket: slot = fill[chunk]++, hits[chunk * cap + slot] = its bit within the chunk when slot <
 * cap (a fill past cap tells the sieve that entries were lost). base, last, primes: as sieve_segments; chunk c of
 * the window is chunk c % SIEVE_CHUNKS of segment c / SIEVE_CHUNKS. The fills start at 0 (sieve_segments zeroes
 * those it reads).
 *  - GPU (SIEVE_SERIAL_CROSSING 0): 1-D, one work-item per bucketed prime, any group size; one 64-bit modulo per
 *    prime for its first multiple in the window, appends through global atomic adds (not yet aggregated per warp).
 *  - CPU device (SIEVE_SERIAL_CROSSING 1): work-group g's first item fills chunks [g * run_chunks, (g + 1) *
 *    run_chunks) alone, with plain stores, one modulo per prime and group; the other items return.
 */
KERNEL void sieve_buckets(u64 base, u64 last, GLOBAL const u32 *primes, u32 kb, u32 nprimes, u32 run_chunks,
                          GLOBAL u32 *fill, GLOBAL u32 *hits, u32 cap)
{
    const u64 nbits = (last - base) / 2 + 1;
#if SIEVE_SERIAL_CROSSING
    const u64 lo_bit = (u64) GROUP_ID0 * run_chunks * SIEVE_CHUNK_BITS;
    if (LOCAL_ID0 != 0 || lo_bit >= nbits) {
        return;
    }
    const u64 run_hi = lo_bit + (u64) run_chunks * SIEVE_CHUNK_BITS;
    const u64 hi_bit = run_hi < nbits ? run_hi : nbits;
    const u64 lo = base + 2 * lo_bit;
    const u64 hi = base + 2 * (hi_bit - 1);
    for (u32 k = kb; k < nprimes; k++) {
        const u64 p = primes[k];
        if (p * p > hi) {
            break; /* primes ascend: the later ones start past the run too */
        }
        for (u64 i = lo_bit + first_bit(p, lo); i < hi_bit; i += p) {
            const u32 c = (u32) (i / SIEVE_CHUNK_BITS);
            const u32 slot = fill[c]++;
            if (slot < cap) {
                hits[(u64) c * cap + slot] = (u32) i & (SIEVE_CHUNK_BITS - 1);
            }
        }
    }
#else
    (void) run_chunks;
    const u32 k = kb + GLOBAL_ID0;
    if (k >= nprimes) {
        return;
    }
    const u64 p = primes[k];
    for (u64 i = first_bit(p, base); i < nbits; i += p) {
        const u32 c = (u32) (i / SIEVE_CHUNK_BITS);
        const u32 slot = ATOMIC_ADD(&fill[c], 1u);
        if (slot < cap) {
            hits[(u64) c * cap + slot] = (u32) i & (SIEVE_CHUNK_BITS - 1);
        }
    }
#endif
}

/*
 * base: the first odd number of segment 0 (odd); last: the largest odd number to sieve (>= base);
 * primes: the odd sieving primes ascending, nprimes of them (the first ones are 3, 5, 7, ...); kb: the first
 * bucketed prime (nprimes when none is); counts[s]: primes of segment s, or SIEVE_OVERFLOW; bitmaps: when
 * keep_bitmaps != 0, SIEVE_WORDS words per segment with bit i set when the number is prime; fill, hits, cap: the
 * buckets sieve_buckets filled for this launch (unread when kb >= nprimes).
 */
KERNEL void sieve_segments(u64 base, u64 last, GLOBAL const u32 *primes, u32 nprimes, u32 kb, GLOBAL u32 *counts,
                           GLOBAL u32 *bitmaps, u32 keep_bitmaps, GLOBAL u32 *fill, GLOBAL const u32 *hits,
                           u32 cap)
{
    LOCAL_ARRAY(u32, bits, SIEVE_CHUNK_WORDS);
    LOCAL_ARRAY(u32, carried, SIEVE_CARRY);
    LOCAL_ARRAY(u32, residue, SIEVE_PATTERNS);
    LOCAL_ARRAY(u32, total, 1);
    LOCAL_ARRAY(u32, overflow, 1);
    const u32 lid = LOCAL_ID0;
    const u32 size = LOCAL_SIZE0;
    const u32 seg = GROUP_ID0;
    const u64 seg_lo = base + 2 * (u64) seg * SIEVE_BITS;
    const u64 span_hi = seg_lo + 2 * (u64) (SIEVE_BITS - 1);
    const u64 seg_hi = span_hi < last ? span_hi : last;
    const u32 nbits = (u32) ((seg_hi - seg_lo) / 2 + 1);
    /* The array begins with the pattern primes it holds; the carried tier follows them. */
    const u32 k0 = nprimes < SIEVE_PATTERNS ? nprimes : SIEVE_PATTERNS;
    const u32 kc = nprimes - k0 < SIEVE_CARRY ? nprimes : k0 + SIEVE_CARRY;
    /* the per-chunk tier: [kc, kl) */
    const u32 kl = kb < kc ? kc : (kb < nprimes ? kb : nprimes);

    if (lid < SIEVE_PATTERNS) {
        /* bit i is a multiple of p when seg_lo + 2i = 0 (mod p): i = -seg_lo / 2 = (p - seg_lo mod p) (p + 1) / 2 */
        const u32 p = SIEVE_PATTERN_PRIME[lid];
        const u32 m = (p - (u32) (seg_lo % p)) % p;
        residue[lid] = (m * ((p + 1) / 2)) % p;
    }
    if (lid == 0) {
        total[0] = 0;
        overflow[0] = 0;
    }
    for (u32 k = k0 + lid; k < kc; k += size) {
        const u64 b = first_bit(primes[k], seg_lo);
        carried[k - k0] = b < SIEVE_BITS ? (u32) b : SIEVE_NONE;
    }
    BARRIER();
    /*
     * r[t]: for the word this item fills next, (residue - 32 * word) mod p, so the word's multiples of p sit at bits
     * r, r + p, ...; each item moves on by size words at a time, so r steps down by 32 * size mod p.
     */
    u32 r[SIEVE_PATTERNS];
    u32 step[SIEVE_PATTERNS];
#pragma unroll
    for (u32 t = 0; t < SIEVE_PATTERNS; t++) {
        const u32 p = SIEVE_PATTERN_PRIME[t];
        step[t] = (32 * size) % p;
        r[t] = (residue[t] + (p << 20) - 32 * lid % p) % p; /* 32 * lid < 2^20 for any group size */
    }
    u32 c = 0;
    for (u32 chunk = 0; chunk < SIEVE_WORDS / SIEVE_CHUNK_WORDS; chunk++) {
        const u32 chunk_lo = chunk * SIEVE_CHUNK_BITS;
        if (chunk_lo >= nbits) {
            /* the same for every item: the segment (the range's last) ends before this chunk */
            if (keep_bitmaps) {
                for (u32 w = chunk * SIEVE_CHUNK_WORDS + lid; w < SIEVE_WORDS; w += size) {
                    bitmaps[(u64) seg * SIEVE_WORDS + w] = 0;
                }
            }
            break;
        }
        const u32 chunk_hi = chunk_lo + SIEVE_CHUNK_BITS;
        u32 wg = chunk * SIEVE_CHUNK_WORDS + lid;
        if (SIEVE_CHUNK_WORDS % size != 0 && chunk > 0) {
            /* the step from this item's last word to its first word of the next chunk is not size words */
#pragma unroll
            for (u32 t = 0; t < SIEVE_PATTERNS; t++) {
                const u32 p = SIEVE_PATTERN_PRIME[t];
                r[t] = (residue[t] + (p << 20) - 32 * wg % p) % p;
            }
        }
        for (u32 w = lid; w < SIEVE_CHUNK_WORDS; w += size, wg += size) {
            u32 word = 0;
#pragma unroll
            for (u32 t = 0; t < SIEVE_PATTERNS; t++) {
                word |= pattern_word(t, r[t]);
                const u32 p = SIEVE_PATTERN_PRIME[t];
                r[t] = r[t] >= step[t] ? r[t] - step[t] : r[t] + p - step[t];
            }
            if (wg == 0 && seg_lo < 64) {
                /* the pattern primes themselves are prime: all of them in the segment lie in its word 0 */
#pragma unroll
                for (u32 t = 0; t < SIEVE_PATTERNS; t++) {
                    const u32 p = SIEVE_PATTERN_PRIME[t];
                    if (p >= seg_lo) {
                        word &= ~(1u << ((p - (u32) seg_lo) / 2));
                    }
                }
            }
            bits[w] = word;
        }
        BARRIER();
        for (u32 k = k0 + lid; lid < SIEVE_CROSSERS && k < kc; k += SIEVE_CROSSERS) {
            u32 i = carried[k - k0];
            if (i < chunk_hi) {
                const u32 p = primes[k];
                for (; i < chunk_hi; i += p) {
                    SIEVE_CROSS(&bits[(i - chunk_lo) >> 5], 1u << (i & 31));
                }
                carried[k - k0] = i < SIEVE_BITS ? i : SIEVE_NONE;
            }
        }
        if (kc < kl) {
            const u64 lo = seg_lo + 2 * (u64) chunk_lo;
            const u64 hi = lo + 2 * (u64) (SIEVE_CHUNK_BITS - 1);
            for (u32 k = kc + lid; lid < SIEVE_CROSSERS && k < kl; k += SIEVE_CROSSERS) {
                const u64 p = primes[k];
                if (p * p > hi) {
                    break; /* primes ascend, so this item's later primes start beyond the chunk too */
                }
                for (u64 i = first_bit(p, lo); i < SIEVE_CHUNK_BITS; i += p) {
                    SIEVE_CROSS(&bits[(u32) i >> 5], 1u << ((u32) i & 31));
                }
            }
        }
        const u32 gc = seg * SIEVE_CHUNKS + chunk;
        if (kl < nprimes) {
            const u32 n = fill[gc];
            if (lid == 0 && n > cap) {
                overflow[0] = 1;
            }
            const u32 m = n < cap ? n : cap;
            GLOBAL const u32 *h = hits + (u64) gc * cap;
            for (u32 j = lid; lid < SIEVE_CROSSERS && j < m; j += SIEVE_CROSSERS) {
                const u32 i = h[j];
                SIEVE_CROSS(&bits[i >> 5], 1u << (i & 31));
            }
        }
        BARRIER();
        if (lid == 0 && kl < nprimes) {
            fill[gc] = 0; /* every item has read it before the barrier */
        }
        for (u32 w = lid; w < SIEVE_CHUNK_WORDS; w += size) {
            const u32 first = chunk_lo + w * 32;
            u32 valid = 0;
            if (first + 32 <= nbits) {
                valid = 0xffffffffu;
            } else if (first < nbits) {
                valid = (1u << (nbits - first)) - 1;
            }
            const u32 prime_bits = ~bits[w] & valid;
            c += POPCOUNT32(prime_bits);
            if (keep_bitmaps) {
                bitmaps[(u64) seg * SIEVE_WORDS + chunk * SIEVE_CHUNK_WORDS + w] = prime_bits;
            }
        }
        BARRIER(); /* the next chunk's pattern stores overwrite these words */
    }
    ATOMIC_ADD(&total[0], c);
    BARRIER();
    if (lid == 0) {
        counts[seg] = overflow[0] ? SIEVE_OVERFLOW : total[0];
    }
}

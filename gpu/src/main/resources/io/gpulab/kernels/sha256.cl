/*
 * SHA-256 of a batch, one message per work-item. Messages come either packed in one buffer (offsets and lengths)
 * or are generated on the device by the synthetic rule: byte j of message i is byte (j mod 8) of the
 * little-endian 64-bit value seed + i. Padding is built on the fly, block by block, so any length works.
 * Iterations > 1 re-hash the 32-byte digest on the device.
 *
 * sha256_messages writes each 32-byte digest. sha256_synthetic writes no digest: each work-item folds its final
 * digest into four 64-bit lane values (the fold of io.gpulab.tasks.Sha256Fold, defined in the README), the work-group
 * sums them in local memory, and one partial fold of 4 u64 per group goes out; the host adds the partials.
 *
 * sha256_synthetic1 (messages of at most 55 bytes, one iteration: one block) and sha256_synthetic64 (64 bytes, one
 * iteration: the message block, then the fixed padding block whose schedule is a constant) do the same with no
 * loop and no branch left in a work-item's hashing: message words are built whole from the value with shifts and
 * masks, so a GPU runs them without divergence and a CPU device (PoCL) vectorizes the work-items across SIMD lanes.
 *
 * On a CPU device the host builds sha256_synthetic1 with -D SHA256_LANES=16: each work-item then hashes 16
 * consecutive messages in 16-lane vector types (hashcat's way on CPUs), since PoCL's implicit vectorization of
 * work-items picks only 4 lanes for code this large. A GPU keeps 1 (one message per thread), the shipped default.
 *
 * The host must launch the sha256_synthetic kernels with work-groups of exactly SHA256_GROUP work-items (a power of
 * two; -D SHA256_GROUP=n overrides the default 256), because the reduction array is sized for it.
 */

#ifndef SHA256_GROUP
#define SHA256_GROUP 256
#endif
#if SHA256_GROUP < 1 || (SHA256_GROUP & (SHA256_GROUP - 1)) != 0
#error "SHA256_GROUP must be a power of two"
#endif
#ifndef SHA256_LANES
#define SHA256_LANES 1
#endif
#if SHA256_LANES == 1
typedef u32 u32x;
typedef u64 u64x;
#define U32X_OF(x) ((u32) (x))
#define U64X_OF(x) ((u64) (x))
#define LANE_OFFSETS 0ul
#define LANE_MASK(c) ((c) ? ~0ul : 0ul)
#define LANE_SUM(x) (x)
#elif SHA256_LANES == 16 && defined(__OPENCL_VERSION__)
typedef uint16 u32x;
typedef ulong16 u64x;
#define U32X_OF(x) convert_uint16(x)
#define U64X_OF(x) convert_ulong16(x)
#define LANE_OFFSETS ((ulong16) (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
/* A vector comparison gives -1 (all bits) or 0 per lane. */
#define LANE_MASK(c) as_ulong16(c)
#define LANE_SUM(x) lane_sum16(x)

/* Returns the sum of the 16 lanes of x (mod 2^64). */
DEVICE_FN u64 lane_sum16(ulong16 x)
{
    const ulong8 a = x.lo + x.hi;
    const ulong4 b = a.lo + a.hi;
    const ulong2 c = b.lo + b.hi;
    return c.x + c.y;
}
#else
#error "SHA256_LANES must be 1, or 16 on OpenCL"
#endif

/*
 * The choice and majority functions. OpenCL's bitselect gives each as one instruction where the device has a
 * three-input logic op (AVX-512's vpternlogd; PoCL otherwise emitted an extra and-not per round for the choice).
 */
#ifdef __OPENCL_VERSION__
#define SHA256_CH(e, f, g) bitselect((g), (f), (e))
#define SHA256_MAJ(a, b, c) bitselect((a), (b), (c) ^ (a))
#else
#define SHA256_CH(e, f, g) (((e) & (f)) ^ (~(e) & (g)))
#define SHA256_MAJ(a, b, c) (((a) & (b)) ^ ((a) & (c)) ^ ((b) & (c)))
#endif

CONSTANT u32 SHA256_K[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u
};

/* K[t] + W[t] of the padding block that follows a 64-byte message (0x80, zeros, bit length 512): a constant. */
CONSTANT u32 SHA256_KW_PAD64[64] = {
    0xc28a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf374u,
    0x649b69c1u, 0xf0fe4786u, 0x0fe1edc6u, 0x240cf254u, 0x4fe9346fu, 0x6cc984beu, 0x61b9411eu, 0x16f988fau,
    0xf2c65152u, 0xa88e5a6du, 0xb019fc65u, 0xb9d99ec7u, 0x9a1231c3u, 0xe70eeaa0u, 0xfdb1232bu, 0xc7353eb0u,
    0x3069bad5u, 0xcb976d5fu, 0x5a0f118fu, 0xdc1eeefdu, 0x0a35b689u, 0xde0b7a04u, 0x58f4ca9du, 0xe15d5b16u,
    0x007f3e86u, 0x37088980u, 0xa507ea32u, 0x6fab9537u, 0x17406110u, 0x0d8cd6f1u, 0xcdaa3b6du, 0xc0bbbe37u,
    0x83613bdau, 0xdb48a363u, 0x0b02e931u, 0x6fd15ca7u, 0x521afacau, 0x31338431u, 0x6ed41a95u, 0x6d437890u,
    0xc39c91f2u, 0x9eccabbdu, 0xb5c9a0e6u, 0x532fb63cu, 0xd2c741c6u, 0x07237ea3u, 0xa4954b68u, 0x4c191d76u
};

DEVICE_FN void sha256_init(u32 *h)
{
    h[0] = 0x6a09e667u; h[1] = 0xbb67ae85u; h[2] = 0x3c6ef372u; h[3] = 0xa54ff53au;
    h[4] = 0x510e527fu; h[5] = 0x9b05688cu; h[6] = 0x1f83d9abu; h[7] = 0x5be0cd19u;
}

/* Compresses one 64-byte block, given as 16 big-endian words (overwritten as the schedule), into h. */
DEVICE_FN void sha256_block(u32 *h, u32 *w)
{
    u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    /*
     * Unrolled so that every index into w is a constant: a rolled loop indexes w[(t - 15) & 15] at run time, which
     * forces the schedule out of registers into (off-chip) local memory, 16 stores and 48 loads per block.
     */
#pragma unroll
    for (int t = 0; t < 64; t++) {
        u32 wt;
        if (t < 16) {
            wt = w[t];
        } else {
            const u32 w15 = w[(t - 15) & 15];
            const u32 w2 = w[(t - 2) & 15];
            const u32 s0 = ROTR32(w15, 7) ^ ROTR32(w15, 18) ^ (w15 >> 3);
            const u32 s1 = ROTR32(w2, 17) ^ ROTR32(w2, 19) ^ (w2 >> 10);
            wt = w[t & 15] + s0 + w[(t - 7) & 15] + s1;
            w[t & 15] = wt;
        }
        const u32 t1 = hh + (ROTR32(e, 6) ^ ROTR32(e, 11) ^ ROTR32(e, 25)) + SHA256_CH(e, f, g) + SHA256_K[t] + wt;
        const u32 t2 = (ROTR32(a, 2) ^ ROTR32(a, 13) ^ ROTR32(a, 22)) + SHA256_MAJ(a, b, c);
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

/* Compresses one block of SHA256_LANES messages at once (the same as sha256_block, lane by lane) into h. */
DEVICE_FN void sha256_block_x(u32x *h, u32x *w)
{
    u32x a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
#pragma unroll
    for (int t = 0; t < 64; t++) {
        u32x wt;
        if (t < 16) {
            wt = w[t];
        } else {
            const u32x w15 = w[(t - 15) & 15];
            const u32x w2 = w[(t - 2) & 15];
            const u32x s0 = ROTR32(w15, 7) ^ ROTR32(w15, 18) ^ (w15 >> 3);
            const u32x s1 = ROTR32(w2, 17) ^ ROTR32(w2, 19) ^ (w2 >> 10);
            wt = w[t & 15] + s0 + w[(t - 7) & 15] + s1;
            w[t & 15] = wt;
        }
        const u32x t1 = hh + (ROTR32(e, 6) ^ ROTR32(e, 11) ^ ROTR32(e, 25)) + SHA256_CH(e, f, g) + SHA256_K[t] + wt;
        const u32x t2 = (ROTR32(a, 2) ^ ROTR32(a, 13) ^ ROTR32(a, 22)) + SHA256_MAJ(a, b, c);
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

/* Compresses the fixed padding block of a 64-byte message into h: K[t] + W[t] come from a table, no schedule. */
DEVICE_FN void sha256_block_pad64(u32 *h)
{
    u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
#pragma unroll
    for (int t = 0; t < 64; t++) {
        const u32 t1 = hh + (ROTR32(e, 6) ^ ROTR32(e, 11) ^ ROTR32(e, 25)) + SHA256_CH(e, f, g) + SHA256_KW_PAD64[t];
        const u32 t2 = (ROTR32(a, 2) ^ ROTR32(a, 13) ^ ROTR32(a, 22)) + SHA256_MAJ(a, b, c);
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

/*
 * Returns word t of the synthetic messages of len bytes with the values v, lane by lane, padded (0x80, then zeros; the
 * length words are the caller's), built whole: byte j of a message is byte (j mod 8) of its v, so the word's bytes are
 * v's low or high half swapped, kept where they lie before len, with the 0x80 byte where len falls inside the word.
 */
DEVICE_FN u32x synthetic_word_x(u64x v, u32 len, u32 t)
{
    const u32x full = BSWAP32(U32X_OF(v >> (32 * (t & 1))));
    const int n = (int) len - (int) (4 * t); /* message bytes in this word, if below 4 */
    const u32 keep = n >= 4 ? 0xffffffffu : (n <= 0 ? 0u : ~(0xffffffffu >> (8 * n)));
    const u32 pad = n >= 0 && n < 4 ? 0x80000000u >> (8 * n) : 0u;
    return (full & keep) | pad;
}

/* Returns the message byte at j (< len): from the synthetic value v, or from the packed buffer. */
DEVICE_FN u32 message_byte(GLOBAL const u8 *msg, u32 synthetic, u64 v, u64 j)
{
    return synthetic ? (u32) (v >> ((j & 7) * 8)) & 0xffu : (u32) msg[j];
}

/* Returns the big-endian padded-message word at byte j (a multiple of 4); the length words are set by the caller. */
DEVICE_FN u32 message_word(GLOBAL const u8 *msg, u32 synthetic, u64 v, u64 len, u64 j)
{
    if (j + 3 < len) {
        if (synthetic) {
            return BSWAP32((u32) (v >> ((j & 4) * 8)));
        }
        return ((u32) msg[j] << 24) | ((u32) msg[j + 1] << 16) | ((u32) msg[j + 2] << 8) | (u32) msg[j + 3];
    }
    u32 word = 0;
    for (u32 q = 0; q < 4; q++) {
        const u64 at = j + q;
        const u32 byte = at < len ? message_byte(msg, synthetic, v, at) : (at == len ? 0x80u : 0u);
        word |= byte << (24 - 8 * q);
    }
    return word;
}

/* Hashes a len-byte message (synthetic value v, or packed bytes at msg), then re-hashes the digest. */
DEVICE_FN void sha256_message(GLOBAL const u8 *msg, u32 synthetic, u64 v, u64 len, u32 iterations, u32 *h)
{
    u32 w[16];
    const u64 blocks = (len + 9 + 63) / 64;
    sha256_init(h);
    for (u64 b = 0; b < blocks; b++) {
#pragma unroll
        for (u32 t = 0; t < 16; t++) {
            w[t] = message_word(msg, synthetic, v, len, b * 64 + 4 * t);
        }
        if (b == blocks - 1) {
            w[14] = (u32) ((len * 8) >> 32);
            w[15] = (u32) (len * 8);
        }
        sha256_block(h, w);
    }
    for (u32 it = 1; it < iterations; it++) {
#pragma unroll
        for (u32 t = 0; t < 8; t++) {
            w[t] = h[t];
        }
        w[8] = 0x80000000u;
#pragma unroll
        for (u32 t = 9; t < 15; t++) {
            w[t] = 0;
        }
        w[15] = 256;
        sha256_init(h);
        sha256_block(h, w);
    }
}

DEVICE_FN void store_digest(GLOBAL u8 *out, u32 i, const u32 *h)
{
#pragma unroll
    for (u32 t = 0; t < 8; t++) {
        out[(u64) i * 32 + 4 * t] = (u8) (h[t] >> 24);
        out[(u64) i * 32 + 4 * t + 1] = (u8) (h[t] >> 16);
        out[(u64) i * 32 + 4 * t + 2] = (u8) (h[t] >> 8);
        out[(u64) i * 32 + 4 * t + 3] = (u8) h[t];
    }
}

/* Hashes n packed messages once each: message i is lengths[i] bytes at data + offsets[i]. */
KERNEL void sha256_messages(GLOBAL const u8 *data, GLOBAL const u64 *offsets, GLOBAL const u32 *lengths, u32 n,
                            GLOBAL u8 *out)
{
    const u32 i = GLOBAL_ID0;
    if (i >= n) {
        return;
    }
    u32 h[8];
    sha256_message(data + offsets[i], 0, 0, lengths[i], 1, h);
    store_digest(out, i, h);
}

/* The SplitMix64 finalizer: a bijection of 64-bit words (xorshifts and odd multipliers are invertible). */
DEVICE_FN u64 fold_mix(u64 x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ul;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBul;
    return x ^ (x >> 31);
}

/* Does what fold_mix does, lane by lane. */
DEVICE_FN u64x fold_mix_x(u64x x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ul;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBul;
    return x ^ (x >> 31);
}

/* Adds the fold of message index's digest h into the four lanes x (the fold of io.gpulab.tasks.Sha256Fold). */
DEVICE_FN void fold_digest(u64 *x, const u32 *h, u64 index)
{
    const u64 key = index * 0x9E3779B97F4A7C15ul;
    x[0] += fold_mix((((u64) h[0] << 32) | h[1]) ^ (key + 0x243F6A8885A308D3ul));
    x[1] += fold_mix((((u64) h[2] << 32) | h[3]) ^ (key + 0x13198A2E03707344ul));
    x[2] += fold_mix((((u64) h[4] << 32) | h[5]) ^ (key + 0xA4093822299F31D0ul));
    x[3] += fold_mix((((u64) h[6] << 32) | h[7]) ^ (key + 0x082EFA98EC4E6C89ul));
}

/*
 * Sums the work-group's four lanes x in local memory and writes the group's partial fold: lanes 0..3 at
 * partials[4 * group + lane]. Every work-item must call it.
 */
DEVICE_FN void reduce_group(LOCAL u64 *lanes, const u64 *x, GLOBAL u64 *partials)
{
    const u32 lid = LOCAL_ID0;
#pragma unroll
    for (u32 j = 0; j < 4; j++) {
        lanes[j * SHA256_GROUP + lid] = x[j];
    }
    BARRIER();
    /* Tree reduction: every work-item reaches every barrier, the branch only guards the adds. */
    for (u32 stride = SHA256_GROUP / 2; stride > 0; stride >>= 1) {
        if (lid < stride) {
#pragma unroll
            for (u32 j = 0; j < 4; j++) {
                lanes[j * SHA256_GROUP + lid] += lanes[j * SHA256_GROUP + lid + stride];
            }
        }
        BARRIER();
    }
    if (lid == 0) {
#pragma unroll
        for (u32 j = 0; j < 4; j++) {
            partials[4 * (u64) GROUP_ID0 + j] = lanes[j * SHA256_GROUP];
        }
    }
}

/* Folds work-item i's digest h (when valid) and reduces the group's folds into its partial fold. */
DEVICE_FN void fold_group(LOCAL u64 *lanes, const u32 *h, u32 valid, u64 index, GLOBAL u64 *partials)
{
    u64 x[4] = {0, 0, 0, 0};
    if (valid) {
        fold_digest(x, h, index);
    }
    reduce_group(lanes, x, partials);
}

/* Sets h to SHA-256's initial state in every lane. */
DEVICE_FN void sha256_init_x(u32x *h)
{
    h[0] = (u32x) (0x6a09e667u); h[1] = (u32x) (0xbb67ae85u);
    h[2] = (u32x) (0x3c6ef372u); h[3] = (u32x) (0xa54ff53au);
    h[4] = (u32x) (0x510e527fu); h[5] = (u32x) (0x9b05688cu);
    h[6] = (u32x) (0x1f83d9abu); h[7] = (u32x) (0x5be0cd19u);
}

/*
 * Folds the digests of messages m0 + l (lane l) in the lanes (no digest leaves its lane; a lane past n adds nothing)
 * and adds the group's sum to partials, as fold_group does for one message.
 */
DEVICE_FN void fold_group_x(LOCAL u64 *lanes, const u32x *h, u64 first_index, u64 m0, u32 n, GLOBAL u64 *partials)
{
    const u64x index = first_index + m0 + LANE_OFFSETS;
    const u64x valid = LANE_MASK(m0 + LANE_OFFSETS < (u64) n);
    const u64x key = index * 0x9E3779B97F4A7C15ul;
    const u64x f0 = fold_mix_x(((U64X_OF(h[0]) << 32) | U64X_OF(h[1])) ^ (key + 0x243F6A8885A308D3ul)) & valid;
    const u64x f1 = fold_mix_x(((U64X_OF(h[2]) << 32) | U64X_OF(h[3])) ^ (key + 0x13198A2E03707344ul)) & valid;
    const u64x f2 = fold_mix_x(((U64X_OF(h[4]) << 32) | U64X_OF(h[5])) ^ (key + 0xA4093822299F31D0ul)) & valid;
    const u64x f3 = fold_mix_x(((U64X_OF(h[6]) << 32) | U64X_OF(h[7])) ^ (key + 0x082EFA98EC4E6C89ul)) & valid;
    const u64 x[4] = {LANE_SUM(f0), LANE_SUM(f1), LANE_SUM(f2), LANE_SUM(f3)};
    reduce_group(lanes, x, partials);
}

/*
 * Hashes synthetic messages first_index + i (i < n) of a batch, message k having the value seed + k (first_value is
 * seed + first_index), each iterations times, and writes the partial fold of each work-group's messages: lanes
 * 0..3 at partials[4 * group + lane]. Work-items past n add nothing but still take part in the reduction.
 */
KERNEL void sha256_synthetic(u64 first_value, u64 first_index, u32 n, u32 length, u32 iterations,
                             GLOBAL u64 *partials)
{
    LOCAL_ARRAY(u64, lanes, 4 * SHA256_GROUP);
    const u32 i = GLOBAL_ID0;
    u32 h[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    if (i < n) {
        sha256_message(0, 1, first_value + i, length, iterations, h);
    }
    fold_group(lanes, h, i < n, first_index + i, partials);
}

/*
 * Does what sha256_synthetic does for length <= 55 and one iteration (the arguments are the same): one block.
 * Work-item i hashes messages i * SHA256_LANES + l (l < SHA256_LANES), so the host launches n / SHA256_LANES items.
 */
KERNEL void sha256_synthetic1(u64 first_value, u64 first_index, u32 n, u32 length, u32 iterations,
                              GLOBAL u64 *partials)
{
    LOCAL_ARRAY(u64, lanes, 4 * SHA256_GROUP);
    const u64 m0 = (u64) GLOBAL_ID0 * SHA256_LANES;
    const u64x v = first_value + m0 + LANE_OFFSETS;
    u32x w[16];
#pragma unroll
    for (u32 t = 0; t < 14; t++) {
        w[t] = synthetic_word_x(v, length, t);
    }
    w[14] = (u32x) (0u);
    w[15] = (u32x) (length * 8);
    u32x h[8];
    sha256_init_x(h);
    sha256_block_x(h, w);
    fold_group_x(lanes, h, first_index, m0, n, partials);
}

/*
 * Does what sha256_synthetic does for length 64 and one iteration (the same arguments): the padding block is fixed.
 * With SHA256_LANES 1 (GPUs) a work-item hashes one message and the padding block's K + W come from a table; with 16
 * (CPU devices, as sha256_synthetic1) a work-item hashes 16 messages in vector types, so the host launches
 * n / SHA256_LANES items.
 */
KERNEL void sha256_synthetic64(u64 first_value, u64 first_index, u32 n, u32 length, u32 iterations,
                               GLOBAL u64 *partials)
{
    LOCAL_ARRAY(u64, lanes, 4 * SHA256_GROUP);
#if SHA256_LANES == 1
    const u32 i = GLOBAL_ID0;
    const u64 v = first_value + i;
    const u32 lo = BSWAP32((u32) v);
    const u32 hi = BSWAP32((u32) (v >> 32));
    u32 w[16];
#pragma unroll
    for (u32 t = 0; t < 16; t += 2) {
        w[t] = lo;
        w[t + 1] = hi;
    }
    u32 h[8];
    sha256_init(h);
    sha256_block(h, w);
    sha256_block_pad64(h);
    fold_group(lanes, h, i < n, first_index + i, partials);
#else
    const u64 m0 = (u64) GLOBAL_ID0 * SHA256_LANES;
    const u64x v = first_value + m0 + LANE_OFFSETS;
    u32x w[16];
#pragma unroll
    for (u32 t = 0; t < 16; t++) {
        w[t] = synthetic_word_x(v, 64, t);
    }
    u32x h[8];
    sha256_init_x(h);
    sha256_block_x(h, w);
#pragma unroll
    for (u32 t = 0; t < 16; t++) {
        w[t] = (u32x) (t == 0 ? 0x80000000u : (t == 15 ? 512u : 0u));
    }
    sha256_block_x(h, w);
    fold_group_x(lanes, h, first_index, m0, n, partials);
#endif
}

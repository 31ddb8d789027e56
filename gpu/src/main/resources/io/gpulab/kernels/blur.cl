/*
 * Separable blur of one band of an interleaved 8-bit image (1 to 4 channels), borders replicating the edge.
 * Pass 1 (blur_rows) filters each uploaded row into a 16-bit fixed-point buffer; pass 2 (blur_cols) filters columns,
 * rounds as (int)(v + 0.5f) clamped to 0..255 and writes the band's output rows. Sums run k = -r..r in float, in
 * the reference's order.
 *
 * The intermediate: a row-pass sum v lies in 0..255 (the weights are positive and sum to 1), so it is stored as
 * round(v x 256), 0..65280, in 16 bits (8 fraction bits): at most 1/512 of a level off, against 1/16 for fp16 at
 * 128..255. The column pass sums the raw values and scales by 1/256 (exact in float) before rounding, so its
 * result is within 1/512 + float rounding (about 0.002) of the float reference: a sample can round the other way
 * only when the exact value lies that close to a half level, and never by more than one level. It halves the
 * intermediate's bytes (8 per RGBA pixel instead of 16 each way) without the halo rows' repeated row pass that
 * fusing both passes would cost.
 *
 * When the radius is at most BLUR_LOCAL_RADIUS, both passes stage their inputs in local-memory tiles and their
 * weights in local memory, and switch once on the channel count to a body where it is a literal: RGBA pixels are
 * float4 tiles (one 16-byte local load per tap and work-item, consecutive work-items on consecutive pixels, so no
 * bank conflicts; a CPU device does a tap's four channels as one SIMD operation), their weights read four at a time
 * (one 16-byte load that every work-item makes at the same address, a broadcast, per four taps), read from and
 * written to global memory as one 32-bit word per pixel and one 64-bit word (four 16-bit samples) per intermediate
 * pixel; 1 to 3 channels use the same tile as floats. Larger radii read global memory directly.
 *
 * Launch shapes: blur_rows 2-D (x, row) with work-groups of BLUR_TILE x 1;
 *                blur_cols 2-D (x, output row) with work-groups of BLUR_COL_X x BLUR_COL_Y.
 */
#ifndef BLUR_TILE
#define BLUR_TILE 128
#endif
#ifndef BLUR_COL_X
#define BLUR_COL_X 16
#endif
#ifndef BLUR_COL_Y
#define BLUR_COL_Y 16
#endif
#ifndef BLUR_LOCAL_RADIUS
#define BLUR_LOCAL_RADIUS 32
#endif
/* The weights staged in local memory as float4s: 2r + 1 floats for the largest tiled radius, rounded up to 4. */
#define BLUR_WEIGHT_VECS ((2 * BLUR_LOCAL_RADIUS + 4) / 4)

/* Returns the RGBA pixel packed little-endian in p (channel 0 in the low byte) as floats. */
DEVICE_FN float4 unpack_rgba(u32 p)
{
    return MAKE_FLOAT4((float) (p & 0xffu), (float) ((p >> 8) & 0xffu), (float) ((p >> 16) & 0xffu),
                       (float) (p >> 24));
}

/* Returns a filtered sample rounded half up and clamped to a byte. */
DEVICE_FN u32 to_byte(float v)
{
    return (u32) clamp_int((int) (v + 0.5f), 0, 255);
}

/* Returns acc + w * v, channel by channel (CUDA's float4 has no operators). */
DEVICE_FN float4 add_tap(float4 acc, float w, float4 v)
{
    acc.x += w * v.x;
    acc.y += w * v.y;
    acc.z += w * v.z;
    acc.w += w * v.w;
    return acc;
}

/* Returns a row-pass sum (0..255) as 16-bit fixed point with 8 fraction bits, rounded to nearest. */
DEVICE_FN u32 to_fixed(float v)
{
    return (u32) clamp_int((int) (v * 256.0f + 0.5f), 0, 65535);
}

/* Returns a column-pass sum of fixed-point samples rounded to a byte: the 1/256 scale is exact in float. */
DEVICE_FN u32 fixed_to_byte(float v)
{
    return to_byte(v * (1.0f / 256.0f));
}

/* Stages row pixels x0 - r .. x0 + BLUR_TILE + r - 1 (clamped to the row) of ch channels in the tile. */
DEVICE_FN void rows_load(GLOBAL const u8 *src, LOCAL float4 *tile, int lx, int x0, int r, int width, u64 row,
                         const int ch)
{
    if (ch == 4) {
        GLOBAL const u32 *px = (GLOBAL const u32 *) src;
        for (int i = lx; i < BLUR_TILE + 2 * r; i += BLUR_TILE) {
            tile[i] = unpack_rgba(px[row + (u64) clamp_int(x0 - r + i, 0, width - 1)]);
        }
    } else {
        LOCAL float *t = (LOCAL float *) tile;
        for (int i = lx; i < (BLUR_TILE + 2 * r) * ch; i += BLUR_TILE) {
            const int xx = clamp_int(x0 - r + i / ch, 0, width - 1);
            t[i] = (float) src[(row + (u64) xx) * (u64) ch + (u64) (i % ch)];
        }
    }
}

/* Filters pixel x (tile position lx) of the row from the tile into tmp, ch channels. */
DEVICE_FN void rows_filter(GLOBAL u16 *tmp, LOCAL const float4 *tile, LOCAL const float4 *w4, int lx, int r,
                           u64 at, const int ch)
{
    LOCAL const float *wts = (LOCAL const float *) w4;
    if (ch == 4) {
        float4 acc = MAKE_FLOAT4(0.0f, 0.0f, 0.0f, 0.0f);
        int k = 0;
        for (; k + 3 <= 2 * r; k += 4) {
            const float4 wk = w4[k >> 2];
            acc = add_tap(acc, wk.x, tile[lx + k]);
            acc = add_tap(acc, wk.y, tile[lx + k + 1]);
            acc = add_tap(acc, wk.z, tile[lx + k + 2]);
            acc = add_tap(acc, wk.w, tile[lx + k + 3]);
        }
        for (; k <= 2 * r; k++) {
            acc = add_tap(acc, wts[k], tile[lx + k]);
        }
        ((GLOBAL u64 *) tmp)[at] = (u64) (to_fixed(acc.x) | (to_fixed(acc.y) << 16))
                | ((u64) (to_fixed(acc.z) | (to_fixed(acc.w) << 16)) << 32);
    } else {
        LOCAL const float *t = (LOCAL const float *) tile;
        for (int c = 0; c < ch; c++) {
            float acc = 0.0f;
            for (int k = 0; k <= 2 * r; k++) {
                acc += wts[k] * t[(lx + k) * ch + c];
            }
            tmp[at * (u64) ch + (u64) c] = (u16) to_fixed(acc);
        }
    }
}

/* src and tmp hold rows rows of width pixels of ch channels; w holds 2r + 1 weights. */
KERNEL void blur_rows(GLOBAL const u8 *src, GLOBAL u16 *tmp, GLOBAL const float *w, int r, int width, int rows,
                      int ch)
{
    LOCAL_ARRAY(float4, tile, BLUR_TILE + 2 * BLUR_LOCAL_RADIUS);
    LOCAL_ARRAY(float4, w4, BLUR_WEIGHT_VECS);
    LOCAL float *wts = (LOCAL float *) w4;
    const int lx = (int) LOCAL_ID0;
    const int x = (int) GLOBAL_ID0;
    const int y = (int) GLOBAL_ID1;
    const int x0 = (int) GROUP_ID0 * BLUR_TILE;
    const u64 row = (u64) y * (u64) width;
    /* the barrier stays outside any branch: every work-item of the group reaches it */
    const int use_tile = r <= BLUR_LOCAL_RADIUS;
    if (use_tile) {
        for (int i = lx; i <= 2 * r; i += BLUR_TILE) {
            wts[i] = w[i];
        }
        switch (ch) {
        case 1: rows_load(src, tile, lx, x0, r, width, row, 1); break;
        case 2: rows_load(src, tile, lx, x0, r, width, row, 2); break;
        case 3: rows_load(src, tile, lx, x0, r, width, row, 3); break;
        default: rows_load(src, tile, lx, x0, r, width, row, 4); break;
        }
    }
    BARRIER();
    if (x >= width) {
        return;
    }
    if (use_tile) {
        switch (ch) {
        case 1: rows_filter(tmp, tile, w4, lx, r, row + (u64) x, 1); break;
        case 2: rows_filter(tmp, tile, w4, lx, r, row + (u64) x, 2); break;
        case 3: rows_filter(tmp, tile, w4, lx, r, row + (u64) x, 3); break;
        default: rows_filter(tmp, tile, w4, lx, r, row + (u64) x, 4); break;
        }
        return;
    }
    for (int c = 0; c < ch; c++) {
        float acc = 0.0f;
        for (int k = -r; k <= r; k++) {
            acc += w[k + r] * (float) src[(row + (u64) clamp_int(x + k, 0, width - 1)) * (u64) ch + (u64) c];
        }
        tmp[(row + (u64) x) * (u64) ch + (u64) c] = (u16) to_fixed(acc);
    }
}

/* Returns the band row of image row y + k, replicated at the image edges and kept inside the uploaded band. */
DEVICE_FN int band_row(int y, int height, int src_row0, int src_rows)
{
    return clamp_int(clamp_int(y, 0, height - 1) - src_row0, 0, src_rows - 1);
}

/*
 * Stages the column pass's tile: BLUR_COL_Y + 2r rows of BLUR_COL_X pixels of ch channels from tmp, as floats of
 * the raw fixed-point values (exact: at most 65535).
 */
DEVICE_FN void cols_load(GLOBAL const u16 *tmp, LOCAL float4 *tile, int lid, int x0, int y0, int r, int width,
                         int height, int src_row0, int src_rows, const int ch)
{
    if (ch == 4) {
        GLOBAL const u64 *t4 = (GLOBAL const u64 *) tmp;
        for (int i = lid; i < (BLUR_COL_Y + 2 * r) * BLUR_COL_X; i += BLUR_COL_X * BLUR_COL_Y) {
            const int tx = i % BLUR_COL_X;
            const int xx = x0 + tx < width ? x0 + tx : width - 1;
            const int yy = band_row(y0 - r + i / BLUR_COL_X, height, src_row0, src_rows);
            const u64 q = t4[(u64) yy * (u64) width + (u64) xx];
            const u32 lo = (u32) q;
            const u32 hi = (u32) (q >> 32);
            tile[i] = MAKE_FLOAT4((float) (lo & 0xffffu), (float) (lo >> 16), (float) (hi & 0xffffu),
                                  (float) (hi >> 16));
        }
    } else {
        LOCAL float *t = (LOCAL float *) tile;
        const int line = BLUR_COL_X * ch;
        for (int i = lid; i < (BLUR_COL_Y + 2 * r) * line; i += BLUR_COL_X * BLUR_COL_Y) {
            const int rem = i % line;
            const int xx = x0 + rem / ch < width ? x0 + rem / ch : width - 1;
            const int yy = band_row(y0 - r + i / line, height, src_row0, src_rows);
            t[i] = (float) tmp[((u64) yy * (u64) width + (u64) xx) * (u64) ch + (u64) (rem % ch)];
        }
    }
}

/* Filters output pixel at (column lx, row ly of the tile) into dst at pixel index at, ch channels. */
DEVICE_FN void cols_filter(GLOBAL u8 *dst, LOCAL const float4 *tile, LOCAL const float4 *w4, int lx, int ly, int r,
                           u64 at, const int ch)
{
    LOCAL const float *wts = (LOCAL const float *) w4;
    if (ch == 4) {
        float4 acc = MAKE_FLOAT4(0.0f, 0.0f, 0.0f, 0.0f);
        int k = 0;
        for (; k + 3 <= 2 * r; k += 4) {
            const float4 wk = w4[k >> 2];
            acc = add_tap(acc, wk.x, tile[(ly + k) * BLUR_COL_X + lx]);
            acc = add_tap(acc, wk.y, tile[(ly + k + 1) * BLUR_COL_X + lx]);
            acc = add_tap(acc, wk.z, tile[(ly + k + 2) * BLUR_COL_X + lx]);
            acc = add_tap(acc, wk.w, tile[(ly + k + 3) * BLUR_COL_X + lx]);
        }
        for (; k <= 2 * r; k++) {
            acc = add_tap(acc, wts[k], tile[(ly + k) * BLUR_COL_X + lx]);
        }
        ((GLOBAL u32 *) dst)[at] = fixed_to_byte(acc.x) | (fixed_to_byte(acc.y) << 8)
                | (fixed_to_byte(acc.z) << 16) | (fixed_to_byte(acc.w) << 24);
    } else {
        LOCAL const float *t = (LOCAL const float *) tile;
        for (int c = 0; c < ch; c++) {
            float acc = 0.0f;
            for (int k = 0; k <= 2 * r; k++) {
                acc += wts[k] * t[((ly + k) * BLUR_COL_X + lx) * ch + c];
            }
            dst[at * (u64) ch + (u64) c] = (u8) fixed_to_byte(acc);
        }
    }
}

/*
 * tmp holds src_rows rows starting at image row src_row0; dst receives out_rows rows starting at image row
 * out_row0; height is the whole image's, for the edge replication.
 */
KERNEL void blur_cols(GLOBAL const u16 *tmp, GLOBAL u8 *dst, GLOBAL const float *w, int r, int width, int height,
                      int ch, int src_row0, int src_rows, int out_row0, int out_rows)
{
    LOCAL_ARRAY(float4, tile, (BLUR_COL_Y + 2 * BLUR_LOCAL_RADIUS) * BLUR_COL_X);
    LOCAL_ARRAY(float4, w4, BLUR_WEIGHT_VECS);
    LOCAL float *wts = (LOCAL float *) w4;
    const int lx = (int) LOCAL_ID0;
    const int ly = (int) LOCAL_ID1;
    const int lid = ly * BLUR_COL_X + lx;
    const int x = (int) GLOBAL_ID0;
    const int oy = (int) GLOBAL_ID1;
    const int y = out_row0 + oy;
    const int x0 = (int) GROUP_ID0 * BLUR_COL_X;
    const int y0 = out_row0 + (int) GROUP_ID1 * BLUR_COL_Y;
    const int use_tile = r <= BLUR_LOCAL_RADIUS;
    if (use_tile) {
        for (int i = lid; i <= 2 * r; i += BLUR_COL_X * BLUR_COL_Y) {
            wts[i] = w[i];
        }
        switch (ch) {
        case 1: cols_load(tmp, tile, lid, x0, y0, r, width, height, src_row0, src_rows, 1); break;
        case 2: cols_load(tmp, tile, lid, x0, y0, r, width, height, src_row0, src_rows, 2); break;
        case 3: cols_load(tmp, tile, lid, x0, y0, r, width, height, src_row0, src_rows, 3); break;
        default: cols_load(tmp, tile, lid, x0, y0, r, width, height, src_row0, src_rows, 4); break;
        }
    }
    BARRIER(); /* outside any branch: every work-item of the group reaches it */
    if (x >= width || oy >= out_rows) {
        return;
    }
    const u64 at = (u64) oy * (u64) width + (u64) x;
    if (use_tile) {
        switch (ch) {
        case 1: cols_filter(dst, tile, w4, lx, ly, r, at, 1); break;
        case 2: cols_filter(dst, tile, w4, lx, ly, r, at, 2); break;
        case 3: cols_filter(dst, tile, w4, lx, ly, r, at, 3); break;
        default: cols_filter(dst, tile, w4, lx, ly, r, at, 4); break;
        }
        return;
    }
    for (int c = 0; c < ch; c++) {
        float acc = 0.0f;
        for (int k = -r; k <= r; k++) {
            acc += w[k + r] * (float) tmp[((u64) band_row(y + k, height, src_row0, src_rows) * (u64) width
                    + (u64) x) * (u64) ch + (u64) c];
        }
        dst[at * (u64) ch + (u64) c] = (u8) fixed_to_byte(acc);
    }
}

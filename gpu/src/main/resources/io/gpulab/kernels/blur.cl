/*
 * Separable blur of one band of an interleaved 8-bit image (1 to 4 channels), borders replicating the edge.
 * Pass 1 (blur_rows) filters each uploaded row into a float buffer; pass 2 (blur_cols) filters columns, rounds
 * as (int)(v + 0.5f) clamped to 0..255 and writes the band's output rows. Sums run k = -r..r in float, in the
 * reference's order.
 *
 * When the radius is at most BLUR_LOCAL_RADIUS, both passes stage their inputs in local-memory tiles and their
 * weights in local memory, and switch once on the channel count to a body where it is a literal: RGBA pixels are
 * float4 tiles (one 16-byte local load per tap and work-item, consecutive work-items on consecutive pixels, so no
 * bank conflicts; a CPU device does a tap's four channels as one SIMD operation), read from and written to global
 * memory as one 32-bit word per pixel and one float4 per intermediate pixel; 1 to 3 channels use the same tile
 * as floats. Larger radii read global memory directly.
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
DEVICE_FN void rows_filter(GLOBAL float *tmp, LOCAL const float4 *tile, LOCAL const float *wts, int lx, int r,
                           u64 at, const int ch)
{
    if (ch == 4) {
        float4 acc = MAKE_FLOAT4(0.0f, 0.0f, 0.0f, 0.0f);
        for (int k = 0; k <= 2 * r; k++) {
            const float wk = wts[k];
            const float4 v = tile[lx + k];
            acc.x += wk * v.x;
            acc.y += wk * v.y;
            acc.z += wk * v.z;
            acc.w += wk * v.w;
        }
        ((GLOBAL float4 *) tmp)[at] = acc;
    } else {
        LOCAL const float *t = (LOCAL const float *) tile;
        for (int c = 0; c < ch; c++) {
            float acc = 0.0f;
            for (int k = 0; k <= 2 * r; k++) {
                acc += wts[k] * t[(lx + k) * ch + c];
            }
            tmp[at * (u64) ch + (u64) c] = acc;
        }
    }
}

/* src and tmp hold rows rows of width pixels of ch channels; w holds 2r + 1 weights. */
KERNEL void blur_rows(GLOBAL const u8 *src, GLOBAL float *tmp, GLOBAL const float *w, int r, int width, int rows,
                      int ch)
{
    LOCAL_ARRAY(float4, tile, BLUR_TILE + 2 * BLUR_LOCAL_RADIUS);
    LOCAL_ARRAY(float, wts, 2 * BLUR_LOCAL_RADIUS + 1);
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
        case 1: rows_filter(tmp, tile, wts, lx, r, row + (u64) x, 1); break;
        case 2: rows_filter(tmp, tile, wts, lx, r, row + (u64) x, 2); break;
        case 3: rows_filter(tmp, tile, wts, lx, r, row + (u64) x, 3); break;
        default: rows_filter(tmp, tile, wts, lx, r, row + (u64) x, 4); break;
        }
        return;
    }
    for (int c = 0; c < ch; c++) {
        float acc = 0.0f;
        for (int k = -r; k <= r; k++) {
            acc += w[k + r] * (float) src[(row + (u64) clamp_int(x + k, 0, width - 1)) * (u64) ch + (u64) c];
        }
        tmp[(row + (u64) x) * (u64) ch + (u64) c] = acc;
    }
}

/* Returns the band row of image row y + k, replicated at the image edges and kept inside the uploaded band. */
DEVICE_FN int band_row(int y, int height, int src_row0, int src_rows)
{
    return clamp_int(clamp_int(y, 0, height - 1) - src_row0, 0, src_rows - 1);
}

/* Stages the column pass's tile: BLUR_COL_Y + 2r rows of BLUR_COL_X pixels of ch channels from tmp. */
DEVICE_FN void cols_load(GLOBAL const float *tmp, LOCAL float4 *tile, int lid, int x0, int y0, int r, int width,
                         int height, int src_row0, int src_rows, const int ch)
{
    if (ch == 4) {
        GLOBAL const float4 *t4 = (GLOBAL const float4 *) tmp;
        for (int i = lid; i < (BLUR_COL_Y + 2 * r) * BLUR_COL_X; i += BLUR_COL_X * BLUR_COL_Y) {
            const int tx = i % BLUR_COL_X;
            const int xx = x0 + tx < width ? x0 + tx : width - 1;
            const int yy = band_row(y0 - r + i / BLUR_COL_X, height, src_row0, src_rows);
            tile[i] = t4[(u64) yy * (u64) width + (u64) xx];
        }
    } else {
        LOCAL float *t = (LOCAL float *) tile;
        const int line = BLUR_COL_X * ch;
        for (int i = lid; i < (BLUR_COL_Y + 2 * r) * line; i += BLUR_COL_X * BLUR_COL_Y) {
            const int rem = i % line;
            const int xx = x0 + rem / ch < width ? x0 + rem / ch : width - 1;
            const int yy = band_row(y0 - r + i / line, height, src_row0, src_rows);
            t[i] = tmp[((u64) yy * (u64) width + (u64) xx) * (u64) ch + (u64) (rem % ch)];
        }
    }
}

/* Filters output pixel at (column lx, row ly of the tile) into dst at pixel index at, ch channels. */
DEVICE_FN void cols_filter(GLOBAL u8 *dst, LOCAL const float4 *tile, LOCAL const float *wts, int lx, int ly, int r,
                           u64 at, const int ch)
{
    if (ch == 4) {
        float4 acc = MAKE_FLOAT4(0.0f, 0.0f, 0.0f, 0.0f);
        for (int k = 0; k <= 2 * r; k++) {
            const float wk = wts[k];
            const float4 v = tile[(ly + k) * BLUR_COL_X + lx];
            acc.x += wk * v.x;
            acc.y += wk * v.y;
            acc.z += wk * v.z;
            acc.w += wk * v.w;
        }
        ((GLOBAL u32 *) dst)[at] = to_byte(acc.x) | (to_byte(acc.y) << 8) | (to_byte(acc.z) << 16)
                | (to_byte(acc.w) << 24);
    } else {
        LOCAL const float *t = (LOCAL const float *) tile;
        for (int c = 0; c < ch; c++) {
            float acc = 0.0f;
            for (int k = 0; k <= 2 * r; k++) {
                acc += wts[k] * t[((ly + k) * BLUR_COL_X + lx) * ch + c];
            }
            dst[at * (u64) ch + (u64) c] = (u8) to_byte(acc);
        }
    }
}

/*
 * tmp holds src_rows rows starting at image row src_row0; dst receives out_rows rows starting at image row
 * out_row0; height is the whole image's, for the edge replication.
 */
KERNEL void blur_cols(GLOBAL const float *tmp, GLOBAL u8 *dst, GLOBAL const float *w, int r, int width, int height,
                      int ch, int src_row0, int src_rows, int out_row0, int out_rows)
{
    LOCAL_ARRAY(float4, tile, (BLUR_COL_Y + 2 * BLUR_LOCAL_RADIUS) * BLUR_COL_X);
    LOCAL_ARRAY(float, wts, 2 * BLUR_LOCAL_RADIUS + 1);
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
        case 1: cols_filter(dst, tile, wts, lx, ly, r, at, 1); break;
        case 2: cols_filter(dst, tile, wts, lx, ly, r, at, 2); break;
        case 3: cols_filter(dst, tile, wts, lx, ly, r, at, 3); break;
        default: cols_filter(dst, tile, wts, lx, ly, r, at, 4); break;
        }
        return;
    }
    for (int c = 0; c < ch; c++) {
        float acc = 0.0f;
        for (int k = -r; k <= r; k++) {
            acc += w[k + r] * tmp[((u64) band_row(y + k, height, src_row0, src_rows) * (u64) width + (u64) x)
                    * (u64) ch + (u64) c];
        }
        dst[at * (u64) ch + (u64) c] = (u8) to_byte(acc);
    }
}

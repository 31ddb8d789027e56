/*
 * Separable blur of one band of an interleaved 8-bit image (1 to 4 channels), borders replicating the edge.
 * Pass 1 (blur_rows) filters each uploaded row into a float buffer; pass 2 (blur_cols) filters columns, rounds
 * as (int)(v + 0.5f) clamped to 0..255 and writes the band's output rows. Both passes stage their inputs in
 * local-memory tiles when the radius is at most BLUR_LOCAL_RADIUS, and read global memory directly otherwise.
 * Sums run k = -r..r in float, in the reference's order.
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

/* src and tmp hold rows rows of width pixels of ch channels; w holds 2r + 1 weights. */
KERNEL void blur_rows(GLOBAL const u8 *src, GLOBAL float *tmp, GLOBAL const float *w, int r, int width, int rows,
                      int ch)
{
    LOCAL_ARRAY(float, tile, (BLUR_TILE + 2 * BLUR_LOCAL_RADIUS) * 4);
    const int lx = (int) LOCAL_ID0;
    const int x = (int) GLOBAL_ID0;
    const int y = (int) GLOBAL_ID1;
    const int x0 = (int) GROUP_ID0 * BLUR_TILE;
    const u64 row = (u64) y * (u64) width;
    /* the barrier stays outside any branch: every work-item of the group reaches it */
    const int use_tile = r <= BLUR_LOCAL_RADIUS;
    const int span = use_tile ? (BLUR_TILE + 2 * r) * ch : 0;
    for (int i = lx; i < span; i += BLUR_TILE) {
        const int xx = clamp_int(x0 - r + i / ch, 0, width - 1);
        tile[i] = (float) src[(row + (u64) xx) * (u64) ch + (u64) (i % ch)];
    }
    BARRIER();
    if (x >= width) {
        return;
    }
    for (int c = 0; c < ch; c++) {
        float acc = 0.0f;
        for (int k = -r; k <= r; k++) {
            const float v = use_tile ? tile[(lx + r + k) * ch + c]
                    : (float) src[(row + (u64) clamp_int(x + k, 0, width - 1)) * (u64) ch + (u64) c];
            acc += w[k + r] * v;
        }
        tmp[(row + (u64) x) * (u64) ch + (u64) c] = acc;
    }
}

/* Returns the band row of image row y + k, replicated at the image edges and kept inside the uploaded band. */
DEVICE_FN int band_row(int y, int height, int src_row0, int src_rows)
{
    return clamp_int(clamp_int(y, 0, height - 1) - src_row0, 0, src_rows - 1);
}

/*
 * tmp holds src_rows rows starting at image row src_row0; dst receives out_rows rows starting at image row
 * out_row0; height is the whole image's, for the edge replication.
 */
KERNEL void blur_cols(GLOBAL const float *tmp, GLOBAL u8 *dst, GLOBAL const float *w, int r, int width, int height,
                      int ch, int src_row0, int src_rows, int out_row0, int out_rows)
{
    LOCAL_ARRAY(float, tile, (BLUR_COL_Y + 2 * BLUR_LOCAL_RADIUS) * BLUR_COL_X * 4);
    const int lx = (int) LOCAL_ID0;
    const int ly = (int) LOCAL_ID1;
    const int x = (int) GLOBAL_ID0;
    const int oy = (int) GLOBAL_ID1;
    const int y = out_row0 + oy;
    const int x0 = (int) GROUP_ID0 * BLUR_COL_X;
    const int y0 = out_row0 + (int) GROUP_ID1 * BLUR_COL_Y;
    const int use_tile = r <= BLUR_LOCAL_RADIUS;
    const int line = BLUR_COL_X * ch;
    const int span = use_tile ? (BLUR_COL_Y + 2 * r) * line : 0;
    for (int i = ly * BLUR_COL_X + lx; i < span; i += BLUR_COL_X * BLUR_COL_Y) {
        const int ty = i / line;
        const int rem = i % line;
        const int xx = x0 + rem / ch < width ? x0 + rem / ch : width - 1;
        const int yy = band_row(y0 - r + ty, height, src_row0, src_rows);
        tile[i] = tmp[((u64) yy * (u64) width + (u64) xx) * (u64) ch + (u64) (rem % ch)];
    }
    BARRIER(); /* outside any branch: every work-item of the group reaches it */
    if (x >= width || oy >= out_rows) {
        return;
    }
    for (int c = 0; c < ch; c++) {
        float acc = 0.0f;
        for (int k = -r; k <= r; k++) {
            const float v = use_tile ? tile[(ly + r + k) * line + lx * ch + c]
                    : tmp[((u64) band_row(y + k, height, src_row0, src_rows) * (u64) width + (u64) x) * (u64) ch
                            + (u64) c];
            acc += w[k + r] * v;
        }
        const int v = clamp_int((int) (acc + 0.5f), 0, 255);
        dst[((u64) oy * (u64) width + (u64) x) * (u64) ch + (u64) c] = (u8) v;
    }
}

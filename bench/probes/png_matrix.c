/* PNG encoding options on the reference line/bar chart (WORKLOAD.md), measured in one process:
 * row filter (None, Sub, Up, min-sum heuristic, Up-or-None, Up when more pixels repeat the one above than the
 * one to the left) × zlib level (1, 2, 3, 6) × strategy (default, filtered, RLE) × memLevel (8, 6).
 * Prints ms/chart (filter + deflate, no file I/O) and bytes/chart, plus cairo's own writer and the colour count.
 *
 *   cc -O2 -I ../shared/bench -o .build/bench/png_matrix bench/probes/png_matrix.c $(pkg-config --cflags --libs cairo zlib)
 *   .build/bench/png_matrix 40 line; .build/bench/png_matrix 40 bar
 */
#define main cairo_render_main
#include "cairo_render.c"
#undef main
#include <time.h>
#include <zlib.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

enum { W_ = 1200, H_ = 750, RB = W_ * 3 };
static unsigned char raw[RB * H_], filt[(RB + 1) * H_], outb[8000000];

static int count_colors(const uint32_t *px, int n) {
    static uint32_t tab[4096];
    static unsigned char used[4096];
    memset(used, 0, sizeof used);
    int c = 0;
    uint32_t last = ~0u;
    for (int i = 0; i < n; i++) {
        uint32_t p = px[i];
        if (p == last) continue;
        last = p;
        unsigned h = (p * 2654435761u) >> 20;
        while (used[h] && tab[h] != p) h = (h + 1) & 4095;
        if (!used[h]) { used[h] = 1; tab[h] = p; if (++c > 3000) return c; }
    }
    return c;
}

/* filter of row y: 0 none, 1 sub, 2 up; mode 9 = min sum of |signed bytes| over {0,1,2}; 5 = up or none by the
 * same sum; 7 = up when more pixels equal the pixel above than the pixel to the left */
static int choose(int mode, const unsigned char *r, const unsigned char *pr, const uint32_t *p, const uint32_t *pp) {
    if (mode < 3) return mode;
    if (!pr) return 0;
    if (mode == 7) {
        int up = 0, left = 0;
        for (int x = 1; x < W_; x++) { up += p[x] == pp[x]; left += p[x] == p[x - 1]; }
        return up > left ? 2 : 0;
    }
    long s0 = 0, s1 = 0, s2 = 0;
    for (int i = 0; i < RB; i++) {
        s0 += abs((signed char)r[i]);
        s1 += abs((signed char)(r[i] - (i >= 3 ? r[i - 3] : 0)));
        s2 += abs((signed char)(r[i] - pr[i]));
    }
    if (mode == 5) return s2 < s0 ? 2 : 0;
    int f = 0;
    long m = s0;
    if (s1 < m) { m = s1; f = 1; }
    if (s2 < m) f = 2;
    return f;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 20, bar = argc > 2 && !strcmp(argv[2], "bar");
    const int modes[] = {0, 1, 2, 9, 5, 7}, levels[] = {1, 2, 3, 6}, strats[] = {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_RLE},
              mems[] = {8, 6};
    const char *mn[] = {"none", "sub", "up", "minsum", "up|none", "up-if-vertical"}, *sn[] = {"default", "filtered", "rle"};
    static double tt[6][4][3][2], sz[6][4][3][2];
    double tcount = 0, tcairo = 0, scairo = 0;
    int colors = 0, maxcolors = 0;
    cairo_surface_t *sf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W_, H_);
    long v[NSER][NYEAR];
    for (int k = 0; k < n; k++) {
        chart_data(k, v);
        cairo_t *cr = cairo_create(sf);
        draw_chart(cr, (const long(*)[NYEAR])v, bar);
        cairo_destroy(cr);
        cairo_surface_flush(sf);
        const unsigned char *d = cairo_image_surface_get_data(sf);
        int stride = cairo_image_surface_get_stride(sf);
        double t0 = now();
        size_t cb = 0;
        cairo_surface_write_to_png_stream(sf, write_null, &cb);
        tcairo += now() - t0;
        scairo += cb;
        t0 = now();
        int c = count_colors((const uint32_t *)d, W_ * H_);
        tcount += now() - t0;
        colors += c;
        if (c > maxcolors) maxcolors = c;
        for (int y = 0; y < H_; y++) {
            const uint32_t *p = (const uint32_t *)(d + y * stride);
            for (int x = 0; x < W_; x++) {
                raw[y * RB + 3 * x] = p[x] >> 16;
                raw[y * RB + 3 * x + 1] = p[x] >> 8;
                raw[y * RB + 3 * x + 2] = p[x];
            }
        }
        for (int mi = 0; mi < 6; mi++)
            for (int li = 0; li < 4; li++)
                for (int si = 0; si < 3; si++)
                    for (int ki = 0; ki < 2; ki++) {
                        double t1 = now();
                        unsigned char *o = filt;
                        for (int y = 0; y < H_; y++) {
                            unsigned char *r = raw + y * RB, *pr = y ? r - RB : NULL;
                            const uint32_t *p = (const uint32_t *)(d + y * stride);
                            const uint32_t *pp = y ? (const uint32_t *)(d + (y - 1) * stride) : NULL;
                            int f = choose(modes[mi], r, pr, p, pp);
                            *o++ = f;
                            for (int i = 0; i < RB; i++)
                                o[i] = r[i] - (f == 1 ? (i >= 3 ? r[i - 3] : 0) : f == 2 ? (pr ? pr[i] : 0) : 0);
                            o += RB;
                        }
                        z_stream zs;
                        memset(&zs, 0, sizeof zs);
                        deflateInit2(&zs, levels[li], Z_DEFLATED, 15, mems[ki], strats[si]);
                        zs.next_in = filt;
                        zs.avail_in = (RB + 1) * H_;
                        zs.next_out = outb;
                        zs.avail_out = sizeof outb;
                        deflate(&zs, Z_FINISH);
                        sz[mi][li][si][ki] += zs.total_out;
                        deflateEnd(&zs);
                        tt[mi][li][si][ki] += now() - t1;
                    }
    }
    printf("%s chart, %d charts: cairo_surface_write_to_png %.2f ms, %.0f bytes; colours avg %d max %d (counting %.2f ms)\n",
           bar ? "bar" : "line", n, tcairo * 1000 / n, scairo / n, colors / n, maxcolors, tcount * 1000 / n);
    for (int mi = 0; mi < 6; mi++)
        for (int li = 0; li < 4; li++)
            for (int si = 0; si < 3; si++)
                for (int ki = 0; ki < 2; ki++)
                    printf("%-15s level %d %-8s memLevel %d %7.2f ms %8.0f bytes\n", mn[mi], levels[li], sn[si], mems[ki],
                           tt[mi][li][si][ki] * 1000 / n, sz[mi][li][si][ki] / n);
    return 0;
}

// The windows' kept draws of one value split into its three windows (disjoint, in order, each including its
// bounds) and counted in buckets of equal width over each window's bounds, for `Bandteilung` (Fensterauswahl).
// In C because the loop is short here: each draw is a few compares, three stores and one count (Swift's checked
// conversions and packed counters made it about 45 instructions). The bucket of a draw is defined once, here
// (`eckwert_eimer`), and the Swift side calls it too, so the counts and the later passes agree. Header only.
#ifndef ECKWERT_FENSTER_H
#define ECKWERT_FENSTER_H

#include <stdint.h>

#pragma clang fp contract(off)

// The bucket of v in a window with lower value `dlo` and scale `skala`: ⌊(v − dlo) · skala⌋, 0 where that is not
// above 0 (NaN included), at most `oben` (the last bucket). Monotone in v (each step rounds monotonically).
static inline __attribute__((always_inline)) long eckwert_eimer(float v, double dlo, double skala, double oben) {
    double y = ((double)v - dlo) * skala;
    y = y > 0 ? y : 0;
    y = y < oben ? y : oben;
    return (long)y;
}

// Adds x[0 ..< c] to the windows: a draw above h0 lies in window 1 or 2, above h1 in window 2; window i's draws go
// to w[i] + z[i] (z[i] advanced) and are counted at eimer[i · eimerstride + bucket], the bucket from par[i] (dlo)
// and par[4 + i] (skala), at most `oben`.
static inline void eckwert_fenster_aufteilen(
    const float *x, long c, float h0, float h1, const double *par, double oben, float *w0, float *w1, float *w2,
    long *z, int32_t *eimer, long eimerstride) {
    long z0 = z[0], z1 = z[1], z2 = z[2];
    for (long j = 0; j < c; j++) {
        float v = x[j];
        long k1 = v > h0, k2 = v > h1;
        w0[z0] = v;
        w1[z1] = v;
        w2[z2] = v;
        z0 += 1 - k1;
        z1 += k1 - k2;
        z2 += k2;
        long i = k1 + k2;
        eimer[i * eimerstride + eckwert_eimer(v, par[i], par[4 + i], oben)] += 1;
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
}

// Moves the draws of w[0 ..< m] in bucket b to the front (in their order); returns how many.
static inline long eckwert_fenster_eimerwahl(float *w, long m, long b, double dlo, double skala, double oben) {
    long c = 0;
    for (long j = 0; j < m; j++) {
        float v = w[j];
        w[c] = v;
        c += eckwert_eimer(v, dlo, skala, oben) == b;
    }
    return c;
}

// The smallest draw of w[0 ..< m] in bucket a (into *l) and the largest in bucket b (into *h); +∞ and −∞ where
// a bucket holds none.
static inline void eckwert_fenster_umfassend(
    const float *w, long m, long a, long b, double dlo, double skala, double oben, float *l, float *h) {
    float lo = __builtin_inff(), hi = -__builtin_inff();
    for (long j = 0; j < m; j++) {
        float v = w[j];
        long e = eckwert_eimer(v, dlo, skala, oben);
        lo = (e == a && v < lo) ? v : lo;
        hi = (e == b && v > hi) ? v : hi;
    }
    *l = lo;
    *h = hi;
}

#endif

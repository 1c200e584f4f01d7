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

// Keeps the draws of w[0 ..< m] in [l, h] at the front, in their order, and returns how many; adds those below l
// to *unter (those above h are dropped).
static inline long eckwert_fenster_filtern(float *w, long m, float l, float h, long *unter) {
    long c = 0, u = 0;
    for (long j = 0; j < m; j++) {
        float v = w[j];
        w[c] = v;
        c += (l <= v) & (v <= h);
        u += v < l;
    }
    *unter += u;
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

// ---- Filing sixteen draws against a value's three ordered windows (Fensterspeicher.einordnen16) ----

typedef float eckwert_f8 __attribute__((vector_size(32), aligned(4)));
typedef int32_t eckwert_i8 __attribute__((vector_size(32), aligned(4)));

// The draws v[0 ..< 16] against windows lo[0…2], hi[0…2] (disjoint, in order, each including its bounds): a
// draw lies inside one where it has passed an odd number of the six bounds (v ≥ a lower one, v > an upper one).
// Writes those inside to ziel in their order (ziel has room for 16) and returns how many; adds the draws below
// window k's lower bound to unter[k]; sets *sonder where a draw is NaN or −0 (whose place among equal draws
// depends on the algorithm). Comparisons only: every build gives the same result.
static inline __attribute__((always_inline)) long eckwert__einordnen16(
    const float *v, const float *lo, const float *hi, float *ziel, long *unter, int *sonder) {
    eckwert_f8 a = *(const eckwert_f8 *)v, b = *(const eckwert_f8 *)(v + 8);
    eckwert_i8 ai = *(const eckwert_i8 *)v, bi = *(const eckwert_i8 *)(v + 8);
    eckwert_i8 s = (a != a) | (b != b) | (ai == INT32_MIN) | (bi == INT32_MIN);
    eckwert_i8 a0 = a >= lo[0], a1 = a >= lo[1], a2 = a >= lo[2];
    eckwert_i8 b0 = b >= lo[0], b1 = b >= lo[1], b2 = b >= lo[2];
    // −1 (all bits) where inside: the exclusive or of the six comparisons (each −1 or 0).
    eckwert_i8 da = a0 ^ a1 ^ a2 ^ (a > hi[0]) ^ (a > hi[1]) ^ (a > hi[2]);
    eckwert_i8 db = b0 ^ b1 ^ b2 ^ (b > hi[0]) ^ (b > hi[1]) ^ (b > hi[2]);
    // Per window, minus the draws at or above its lower bound (lanes of −1 and 0 added).
    eckwert_i8 n0 = a0 + b0, n1 = a1 + b1, n2 = a2 + b2;
    long c = 0;
    int32_t t0 = 0, t1 = 0, t2 = 0, sv = 0;
    for (int d = 0; d < 8; d++) {
        ziel[c] = a[d];
        c += da[d] & 1;
    }
    for (int d = 0; d < 8; d++) {
        ziel[c] = b[d];
        c += db[d] & 1;
    }
    for (int d = 0; d < 8; d++) {
        t0 += n0[d];
        t1 += n1[d];
        t2 += n2[d];
        sv |= s[d];
    }
    unter[0] += 16 + t0;
    unter[1] += 16 + t1;
    unter[2] += 16 + t2;
    if (sv) *sonder = 1;
    return c;
}

static inline long eckwert__einordnen16_basis(
    const float *v, const float *lo, const float *hi, float *ziel, long *unter, int *sonder) {
    return eckwert__einordnen16(v, lo, hi, ziel, unter, sonder);
}

#if defined(__x86_64__)
#include <immintrin.h>

// The same with AVX2 written out: each comparison of eight draws one instruction and its lanes one byte
// (movemask), the counts by popcount (the generic loop compiled to vector spills and bit tests).
__attribute__((target("avx2,popcnt"))) static inline long eckwert__einordnen16_avx2(
    const float *v, const float *lo, const float *hi, float *ziel, long *unter, int *sonder) {
    __m256 a = _mm256_loadu_ps(v), b = _mm256_loadu_ps(v + 8);
    __m256i mz = _mm256_set1_epi32(INT32_MIN);
    unsigned s = (unsigned)_mm256_movemask_ps(_mm256_cmp_ps(a, a, _CMP_UNORD_Q)) |
                 (unsigned)_mm256_movemask_ps(_mm256_cmp_ps(b, b, _CMP_UNORD_Q)) |
                 (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_castps_si256(a), mz))) |
                 (unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_castps_si256(b), mz)));
    // Per comparison a 16-bit mask: draws 0–7 from a, 8–15 from b.
#define ECKWERT_MASKE(x, op)                                                                                      \
    ((unsigned)_mm256_movemask_ps(_mm256_cmp_ps(a, _mm256_set1_ps(x), op)) |                                       \
     ((unsigned)_mm256_movemask_ps(_mm256_cmp_ps(b, _mm256_set1_ps(x), op)) << 8))
    unsigned g0 = ECKWERT_MASKE(lo[0], _CMP_GE_OQ), g1 = ECKWERT_MASKE(lo[1], _CMP_GE_OQ);
    unsigned g2 = ECKWERT_MASKE(lo[2], _CMP_GE_OQ);
    unsigned drin = g0 ^ g1 ^ g2 ^ ECKWERT_MASKE(hi[0], _CMP_GT_OQ) ^ ECKWERT_MASKE(hi[1], _CMP_GT_OQ) ^
                    ECKWERT_MASKE(hi[2], _CMP_GT_OQ);
#undef ECKWERT_MASKE
    long c = 0;
    for (int d = 0; d < 16; d++) {
        ziel[c] = v[d];
        c += (drin >> d) & 1;
    }
    unter[0] += 16 - __builtin_popcount(g0);
    unter[1] += 16 - __builtin_popcount(g1);
    unter[2] += 16 - __builtin_popcount(g2);
    if (s) *sonder = 1;
    return c;
}
#endif

// See `eckwert__einordnen16`; with AVX2 where `avx2` is set.
static inline long eckwert_einordnen16(
    const float *v, const float *lo, const float *hi, float *ziel, long *unter, int *sonder, int avx2) {
#if defined(__x86_64__)
    if (avx2) return eckwert__einordnen16_avx2(v, lo, hi, ziel, unter, sonder);
#endif
    return eckwert__einordnen16_basis(v, lo, hi, ziel, unter, sonder);
}

// ---- A value's windows from its sample (Ziehungslauf.fensterSetzen) ----

// The lower edge of bucket k (dlo + k / skala) as a Float not above it, and the upper edge of bucket k (the next
// bucket's lower edge, `oben` for the last) as a Float not below it.
static inline __attribute__((always_inline)) float eckwert_kante_unten(double dlo, double skala, long k) {
    if (k <= 0) return (float)dlo;
    double e = dlo + (double)k / skala;
    float f = (float)e;
    return (double)f > e ? __builtin_nextafterf(f, -__builtin_inff()) : f;
}
static inline __attribute__((always_inline)) float eckwert_kante_oben(
    double dlo, double skala, long k, long nb, float oben) {
    if (k >= nb - 1) return oben;
    double e = dlo + (double)(k + 1) / skala;
    float f = (float)e;
    return (double)f < e ? __builtin_nextafterf(f, __builtin_inff()) : f;
}

// The windows from the counts z[0 ..< nb] of the S sample values (see `eckwert__probe_fenster`): the bucket of each
// rank inside the sample by a running count over the buckets, then each window's bounds at its buckets' edges.
static inline __attribute__((always_inline)) void eckwert__probe_grenzen(
    const int32_t *z, long S, long nb, double dlo, double skala, float mx, const long *raenge, float *lo, float *hi) {
    long bucket[6] = {0, 0, 0, 0, 0, 0};
    for (int r = 0; r < 6; r++) {
        long k = raenge[r];
        if (k < 0 || k >= S) continue;
        long b = 0, kum = z[0];
        while (kum <= k) kum += z[++b];
        bucket[r] = b;
    }
    for (int i = 0; i < 3; i++) {
        long a = raenge[2 * i], b = raenge[2 * i + 1];
        lo[i] = a < 0 ? -__builtin_inff()
                      : (a >= S ? __builtin_inff() : eckwert_kante_unten(dlo, skala, bucket[2 * i]));
        hi[i] = b >= S ? __builtin_inff()
                       : (b < 0 ? -__builtin_inff() : eckwert_kante_oben(dlo, skala, bucket[2 * i + 1], nb, mx));
    }
}

// The three windows of one value from its sample x[0 ..< S] (finite values): the sample counted in nb = min(1024,
// S / 2) buckets of equal width over [min, max] (the bucket of v: ⌊(v − min) · skala⌋, at most nb − 1, skala = nb /
// (max − min), as `eckwert_eimer`), then for window i with sample ranks a = raenge[2i] and b = raenge[2i + 1]
// (0-based, a ≤ b) the lower bound the lower edge of the bucket that holds rank a and the upper bound the upper
// edge of the one that holds rank b: each at most one bucket wider than the sample's order statistic (no value of
// those buckets lies outside; −∞ where a < 0, +∞ where a ≥ S; +∞ where b ≥ S, −∞ where b < 0). One pass for the
// range, one for the counts: no copy and no selection. z: room for 1024 counts. Returns 0, writing nothing, where
// S < 64, the values are all equal or their range is not finite.
static inline __attribute__((always_inline)) long eckwert__probe_fenster(
    const float *x, long S, const long *raenge, int32_t *z, float *lo, float *hi) {
    if (S < 64) return 0;
    float mn = x[0], mx = x[0];
    for (long j = 0; j < S; j++) {
        float v = x[j];
        mn = v < mn ? v : mn;
        mx = v > mx ? v : mx;
    }
    long nb = S / 2 < 1024 ? S / 2 : 1024;
    double dlo = (double)mn, skala = (double)nb / ((double)mx - dlo), oben = (double)(nb - 1);
    if (!(mn < mx) || !(skala > 0) || skala != skala || skala == __builtin_inf()) return 0;
    for (long k = 0; k < nb; k++) z[k] = 0;
    for (long j = 0; j < S; j++) z[eckwert_eimer(x[j], dlo, skala, oben)] += 1;
    eckwert__probe_grenzen(z, S, nb, dlo, skala, mx, raenge, lo, hi);
    return 1;
}

static inline long eckwert__probe_fenster_basis(
    const float *x, long S, const long *raenge, int32_t *z, float *lo, float *hi) {
    return eckwert__probe_fenster(x, S, raenge, z, lo, hi);
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) static inline long eckwert__probe_fenster_avx2(
    const float *x, long S, const long *raenge, int32_t *z, float *lo, float *hi) {
    return eckwert__probe_fenster(x, S, raenge, z, lo, hi);
}
#endif

// See `eckwert__probe_fenster`; compiled for AVX2 where `avx2` is set (the same operations either way).
static inline long eckwert_probe_fenster(
    const float *x, long S, const long *raenge, int32_t *z, float *lo, float *hi, int avx2) {
#if defined(__x86_64__)
    if (avx2) return eckwert__probe_fenster_avx2(x, S, raenge, z, lo, hi);
#endif
    return eckwert__probe_fenster_basis(x, S, raenge, z, lo, hi);
}

#endif

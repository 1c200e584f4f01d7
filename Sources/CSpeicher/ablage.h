// The per-draw sums of the Monte-Carlo draws (Unsicherheit.summieren): each unit's net cost and cases per forecast
// year, summed over its products in order. One body, compiled twice: for the baseline processor (SSE2) and, chosen
// at run time, for processors with AVX2. Each year is one lane; per lane the same additions in the same order on
// both paths (no FMA, no contraction: `fp contract(off)`), so both give the same bits. Two units are summed side
// by side, so that each addition waits less for the one before it. Header only.
#ifndef ECKWERT_ABLAGE_H
#define ECKWERT_ABLAGE_H

#include <string.h>
#include "prozessor.h"

#pragma clang fp contract(off)

typedef double eckwert_v4 __attribute__((vector_size(32)));
typedef double eckwert_v2 __attribute__((vector_size(16)));

// Adds the vector of the same type at p (unaligned) to v.
#define ECKWERT_ADDIEREN(v, p)          \
    do {                                \
        __typeof__(v) eckwert_x;        \
        memcpy(&eckwert_x, (p), sizeof eckwert_x); \
        (v) += eckwert_x;               \
    } while (0)

// One unit's sums: z (net cost) and f (cases) in lanes 0-3 (x) and 4-7 (y), or 4-5 (q) for six lanes.
typedef struct {
    eckwert_v4 zx, zy, fx, fy;
    eckwert_v2 zq, fq;
} eckwert_summe;

// Adds product row o (jahre values) to the sums s, in `breit` lanes (6 or 8).
static inline __attribute__((always_inline)) void eckwert_addieren(
    eckwert_summe *s, const double *pz, const double *pf, long o, int breit) {
    ECKWERT_ADDIEREN(s->zx, pz + o);
    ECKWERT_ADDIEREN(s->fx, pf + o);
    if (breit == 8) {
        ECKWERT_ADDIEREN(s->zy, pz + o + 4);
        ECKWERT_ADDIEREN(s->fy, pf + o + 4);
    } else {
        ECKWERT_ADDIEREN(s->zq, pz + o + 4);
        ECKWERT_ADDIEREN(s->fq, pf + o + 4);
    }
}

// Unit e's sums as Float: z[(e · jahre + t) · schritt], and the cases at f[(fallplatz[e] · jahre + t) · schritt]
// where f is given and fallplatz[e] ≥ 0.
static inline __attribute__((always_inline)) void eckwert_ablegen(
    const eckwert_summe *s, long e, const long *fallplatz, float *z, float *f, long jahre, long schritt, int breit) {
    double zw[8], fw[8];
    memcpy(zw, &s->zx, 32);
    memcpy(fw, &s->fx, 32);
    if (breit == 8) {
        memcpy(zw + 4, &s->zy, 32);
        memcpy(fw + 4, &s->fy, 32);
    } else {
        memcpy(zw + 4, &s->zq, 16);
        memcpy(fw + 4, &s->fq, 16);
    }
    // Value by value (vectorised, these few stores would become masked ones, which are slow).
#pragma clang loop vectorize(disable)
    for (long t = 0; t < jahre; t++) z[(e * jahre + t) * schritt] = (float)zw[t];
    if (f && fallplatz[e] >= 0) {
#pragma clang loop vectorize(disable)
        for (long t = 0; t < jahre; t++) f[(fallplatz[e] * jahre + t) * schritt] = (float)fw[t];
    }
}

// A run of consecutive values copied as Float, each as the sum 0 + x (so that −0 becomes 0, as a unit's sum from
// 0 does): nach[i · schritt] = (float)(0 + von[i]) for i < n, vectorised where schritt is 1.
static inline __attribute__((always_inline)) void eckwert_lauf_ablegen(
    const double *von, long n, float *nach, long schritt) {
    if (schritt == 1) {
        // Four at a time in explicit vectors (left to itself, the compiler folded the tail into masked stores,
        // which take dozens of cycles each on AMD processors).
        typedef float f4 __attribute__((vector_size(16)));
        long i = 0;
        for (; i + 4 <= n; i += 4) {
            eckwert_v4 x;
            memcpy(&x, von + i, sizeof x);
            f4 y = __builtin_convertvector((eckwert_v4){0, 0, 0, 0} + x, f4);
            memcpy(nach + i, &y, sizeof y);
        }
#pragma clang loop vectorize(disable)
        for (; i < n; i++) nach[i] = (float)(0.0 + von[i]);
    } else {
#pragma clang loop vectorize(disable)
        for (long i = 0; i < n; i++) nach[i * schritt] = (float)(0.0 + von[i]);
    }
}

// The sums of units 0 ..< nE (members glied[start[e] ..< start[e + 1]], product i's years at pz[i · jahre ...],
// read in vectors of `breit` values: 6 or 8 ≥ jahre, the arrays padded so that every read stays inside), after
// the plan (see `eckwert_einheitensummen`): the units of one member in runs, the others two side by side.
static inline __attribute__((always_inline)) void eckwert_summen_breit(
    const long *start, const long *glied, const long *fallplatz, const double *pz, const double *pf, float *z,
    float *f, long jahre, long schritt, const long *plan, long nMehr, long nLauf, long nFall, int breit) {
    const eckwert_summe null = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0}, {0, 0}};
    const long *laeufe = plan + nMehr, *fallLaeufe = laeufe + 3 * nLauf;
    for (long r = 0; r < nLauf; r++) {
        long e0 = laeufe[3 * r], n = laeufe[3 * r + 1], g0 = laeufe[3 * r + 2];
        eckwert_lauf_ablegen(pz + g0 * jahre, n * jahre, z + e0 * jahre * schritt, schritt);
    }
    if (f) {
        for (long r = 0; r < nFall; r++) {
            long p0 = fallLaeufe[3 * r], n = fallLaeufe[3 * r + 1], g0 = fallLaeufe[3 * r + 2];
            eckwert_lauf_ablegen(pf + g0 * jahre, n * jahre, f + p0 * jahre * schritt, schritt);
        }
    }
    for (long m = 0; m < nMehr; m += 2) {
        const int zwei = m + 1 < nMehr;
        long e = plan[m], e1 = zwei ? plan[m + 1] : 0;
        eckwert_summe a = null, b = null;
        long i = start[e], ie = start[e + 1];
        long j = zwei ? start[e1] : 0, je = zwei ? start[e1 + 1] : 0;
        for (; i < ie && j < je; i++, j++) {
            eckwert_addieren(&a, pz, pf, glied[i] * jahre, breit);
            eckwert_addieren(&b, pz, pf, glied[j] * jahre, breit);
        }
        for (; i < ie; i++) eckwert_addieren(&a, pz, pf, glied[i] * jahre, breit);
        for (; j < je; j++) eckwert_addieren(&b, pz, pf, glied[j] * jahre, breit);
        eckwert_ablegen(&a, e, fallplatz, z, f, jahre, schritt, breit);
        if (zwei) eckwert_ablegen(&b, e1, fallplatz, z, f, jahre, schritt, breit);
    }
}

#define ECKWERT_SUMMEN_PARAMETER                                                                               \
    const long *start, const long *glied, const long *fallplatz, const double *pz, const double *pf, float *z, \
        float *f, long jahre, long schritt, const long *plan, long nMehr, long nLauf, long nFall
#define ECKWERT_SUMMEN_ARGUMENTE start, glied, fallplatz, pz, pf, z, f, jahre, schritt, plan, nMehr, nLauf, nFall

// The same in six lanes for up to six years (for five, a quarter fewer loads and additions than eight).
static inline __attribute__((always_inline)) void eckwert_summen_rumpf(ECKWERT_SUMMEN_PARAMETER) {
    if (jahre <= 6) {
        eckwert_summen_breit(ECKWERT_SUMMEN_ARGUMENTE, 6);
    } else {
        eckwert_summen_breit(ECKWERT_SUMMEN_ARGUMENTE, 8);
    }
}

// The sums of every unit e (jahre ≤ 8): z[(e · jahre + t) · schritt] = (float)(0 + Σ pz[glied[k] · jahre + t]) over
// k in start[e] ..< start[e + 1] in order, and the cases likewise from pf at f[(fallplatz[e] · jahre + t) ·
// schritt] where f is given and fallplatz[e] ≥ 0. The plan (`Unsicherheit.Summenplan`): the nMehr units that do
// not have exactly one member, then nLauf runs (e0, n, g0) of units e0 ..< e0 + n of one member each, g0 … in
// order (their sums are a copy: one vectorised conversion per run instead of ten stores per unit), then nFall runs
// (p0, n, g0) of such units whose places among the units with cases are p0 … in order. `avx2` (from
// `eckwert_avx2`) picks the AVX2 build: per lane the same additions in the same order.
ECKWERT_ZWEI_PFADE(eckwert_einheitensummen, eckwert_summen_rumpf, ECKWERT_SUMMEN_PARAMETER, ECKWERT_SUMMEN_ARGUMENTE)

typedef float eckwert_f8 __attribute__((vector_size(32)));

// Rows to runs: value k of row i (x[i · zeile + k], i < w, k < anzahl) to nach[k · w + i]. Full tiles of 16 rows
// in blocks of 8 values, each block two 8 × 8 transposes in vectors; the rest value by value. Only copies.
static inline __attribute__((always_inline)) void eckwert_kachel_rumpf(
    const float *x, long zeile, long w, long anzahl, float *nach) {
    long k0 = 0;
    if (w == 16) {
        for (; k0 + 8 <= anzahl; k0 += 8) {
            for (long h = 0; h < 16; h += 8) {
                eckwert_f8 r[8];
                for (int i = 0; i < 8; i++) memcpy(&r[i], x + (h + i) * zeile + k0, sizeof r[i]);
                eckwert_f8 t[8], u[8];
                for (int i = 0; i < 8; i += 2) {
                    t[i] = __builtin_shufflevector(r[i], r[i + 1], 0, 8, 1, 9, 4, 12, 5, 13);
                    t[i + 1] = __builtin_shufflevector(r[i], r[i + 1], 2, 10, 3, 11, 6, 14, 7, 15);
                }
                for (int i = 0; i < 8; i += 4) {
                    u[i] = __builtin_shufflevector(t[i], t[i + 2], 0, 1, 8, 9, 4, 5, 12, 13);
                    u[i + 1] = __builtin_shufflevector(t[i], t[i + 2], 2, 3, 10, 11, 6, 7, 14, 15);
                    u[i + 2] = __builtin_shufflevector(t[i + 1], t[i + 3], 0, 1, 8, 9, 4, 5, 12, 13);
                    u[i + 3] = __builtin_shufflevector(t[i + 1], t[i + 3], 2, 3, 10, 11, 6, 7, 14, 15);
                }
                for (int i = 0; i < 4; i++) {
                    eckwert_f8 a = __builtin_shufflevector(u[i], u[i + 4], 0, 1, 2, 3, 8, 9, 10, 11);
                    eckwert_f8 b = __builtin_shufflevector(u[i], u[i + 4], 4, 5, 6, 7, 12, 13, 14, 15);
                    memcpy(nach + (k0 + i) * 16 + h, &a, sizeof a);
                    memcpy(nach + (k0 + i + 4) * 16 + h, &b, sizeof b);
                }
            }
        }
    }
    for (long k = k0; k < anzahl; k++) {
        for (long i = 0; i < w; i++) nach[k * w + i] = x[i * zeile + k];
    }
}

#define ECKWERT_KACHEL_PARAMETER const float *x, long zeile, long w, long anzahl, float *nach
#define ECKWERT_KACHEL_ARGUMENTE x, zeile, w, anzahl, nach

// See `eckwert_kachel_rumpf`; `avx2` (from `eckwert_avx2`) picks the AVX2 build (only copies: the same either way).
ECKWERT_ZWEI_PFADE(eckwert_kachel, eckwert_kachel_rumpf, ECKWERT_KACHEL_PARAMETER, ECKWERT_KACHEL_ARGUMENTE)

#endif

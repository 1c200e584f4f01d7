// Two loops of the Monte-Carlo draws' arithmetic, as C so that they can use the AVX registers (four values per
// instruction) where the processor has them, behind a check at run time; the shipped binary stays baseline
// x86-64. Each loop's body is written once and compiled twice (for AVX2 and for the baseline): every lane does
// the very operations of the scalar expression in the same order, and no multiply-add is ever fused, so both give
// the same bits (the tests compare them).
#ifndef ECKWERT_RECHNEN_H
#define ECKWERT_RECHNEN_H

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include <stdint.h>
#include <string.h>

#include "prozessor.h"

// ---- Sozialraum cases ----

/// One product's Sozialraum cases from year t0 on, four years per vector and then two:
/// f[t] = 0 + (c[0] · R[t]) · q[t] + (c[1] · R[jp + t]) · q[t] + … (the Sozialräume g = 0 ..< gN in order; R of
/// Sozialraum g at R + g · jp).
static inline __attribute__((always_inline)) void eckwert__gf_einzeln(
    long t0, long jp, const double *R, const double *c, long gN, const double *q, double *f) {
    typedef double v4 __attribute__((vector_size(32), aligned(8)));
    typedef double v2 __attribute__((vector_size(16), aligned(8)));
    while (jp - t0 >= 4) {
        v4 a = {0, 0, 0, 0}, qa = *(const v4 *)(q + t0);
        for (long g = 0; g < gN; g++) {
            v4 cg = {c[g], c[g], c[g], c[g]};
            a = a + cg * *(const v4 *)(R + g * jp + t0) * qa;
        }
        *(v4 *)(f + t0) = a;
        t0 += 4;
    }
    if (jp - t0 >= 2) {
        v2 a = {0, 0}, qa = *(const v2 *)(q + t0);
        for (long g = 0; g < gN; g++) {
            v2 cg = {c[g], c[g]};
            a = a + cg * *(const v2 *)(R + g * jp + t0) * qa;
        }
        *(v2 *)(f + t0) = a;
    }
}

/// Two products at once (their sums overlap in the processor), six years per step (four and two); `mitQ` 0 leaves
/// out the multiplication by q where every q is exactly 1 (x · 1 is x, so the bits are the same).
static inline __attribute__((always_inline)) void eckwert__gf_paar(
    long jp, const double *R0, const double *R1, const double *c0, const double *c1, long gN, const double *q0,
    const double *q1, double *f0, double *f1, int mitQ) {
    typedef double v4 __attribute__((vector_size(32), aligned(8)));
    typedef double v2 __attribute__((vector_size(16), aligned(8)));
    long t0 = 0;
    while (jp - t0 >= 6) {
        v4 a0 = {0, 0, 0, 0}, a1 = a0;
        v2 b0 = {0, 0}, b1 = b0;
        const double *r0 = R0 + t0, *r1 = R1 + t0;
        if (mitQ) {
            v4 qa0 = *(const v4 *)(q0 + t0), qa1 = *(const v4 *)(q1 + t0);
            v2 qb0 = *(const v2 *)(q0 + t0 + 4), qb1 = *(const v2 *)(q1 + t0 + 4);
            for (long g = 0; g < gN; g++) {
                double x0 = c0[g], x1 = c1[g];
                v4 c40 = {x0, x0, x0, x0}, c41 = {x1, x1, x1, x1};
                v2 c20 = {x0, x0}, c21 = {x1, x1};
                a0 = a0 + c40 * *(const v4 *)(r0 + g * jp) * qa0;
                b0 = b0 + c20 * *(const v2 *)(r0 + g * jp + 4) * qb0;
                a1 = a1 + c41 * *(const v4 *)(r1 + g * jp) * qa1;
                b1 = b1 + c21 * *(const v2 *)(r1 + g * jp + 4) * qb1;
            }
        } else {
            for (long g = 0; g < gN; g++) {
                double x0 = c0[g], x1 = c1[g];
                v4 c40 = {x0, x0, x0, x0}, c41 = {x1, x1, x1, x1};
                v2 c20 = {x0, x0}, c21 = {x1, x1};
                a0 = a0 + c40 * *(const v4 *)(r0 + g * jp);
                b0 = b0 + c20 * *(const v2 *)(r0 + g * jp + 4);
                a1 = a1 + c41 * *(const v4 *)(r1 + g * jp);
                b1 = b1 + c21 * *(const v2 *)(r1 + g * jp + 4);
            }
        }
        *(v4 *)(f0 + t0) = a0;
        *(v2 *)(f0 + t0 + 4) = b0;
        *(v4 *)(f1 + t0) = a1;
        *(v2 *)(f1 + t0 + 4) = b1;
        t0 += 6;
    }
    if (t0 < jp) {
        eckwert__gf_einzeln(t0, jp, R0, c0, gN, q0, f0);
        eckwert__gf_einzeln(t0, jp, R1, c1, gN, q1, f1);
    }
}

/// The sums of `eckwert__gf_vier_j`: per Sozialraum and year a[t] + (c4 · R) · q[t], or without q where `mitQ` is
/// 0 (a constant after inlining).
typedef double eckwert_gf_v4 __attribute__((vector_size(32), aligned(8)));

static inline __attribute__((always_inline)) void eckwert__gf_vier_summen(
    const long J, long jp, const double *R, long gN, const double *c4, const eckwert_gf_v4 *qv, eckwert_gf_v4 *a,
    const int mitQ) {
    typedef eckwert_gf_v4 v4;
    for (long g = 0; g < gN; g++) {
        v4 cg = *(const v4 *)(c4 + 4 * g);
        const double *r = R + g * jp;
#pragma clang loop unroll(full)
        for (long t = 0; t < J; t++) {
            v4 rt = {r[t], r[t], r[t], r[t]};
            v4 x = cg * rt;
            if (mitQ) x = x * qv[t];
            a[t] = a[t] + x;
        }
    }
}

/// Four products with the same reference population R (one Klasse) and the same gN Sozialräume, one product per
/// lane and one vector per year (J years, a constant after inlining: no lane is padding): per Sozialraum one load
/// of the four weights (c4, stored four side by side per Sozialraum), one broadcast of R per year, and per year
/// (c · R) · q and the sum, as in `eckwert__gf_einzeln` lane by lane. Each product's years are then stored at
/// f0 … f3; the padding year (jp > J) is set to 0.
static inline __attribute__((always_inline)) void eckwert__gf_vier_j(
    const long J, long jp, const double *R, long gN, const double *c4, const double *q4, double *const *fz,
    int mitQ) {
    typedef eckwert_gf_v4 v4;
    v4 a[8], qv[8];
#pragma clang loop unroll(full)
    for (long t = 0; t < J; t++) {
        a[t] = (v4){0, 0, 0, 0};
        qv[t] = *(const v4 *)(q4 + 4 * t);
    }
    // The loop once, specialised for both (mitQ a constant in each call).
    if (mitQ)
        eckwert__gf_vier_summen(J, jp, R, gN, c4, qv, a, 1);
    else
        eckwert__gf_vier_summen(J, jp, R, gN, c4, qv, a, 0);
#pragma clang loop unroll(full)
    for (long l = 0; l < 4; l++) {
#pragma clang loop unroll(full)
        for (long t = 0; t < J; t++) fz[l][t] = a[t][l];
        for (long t = J; t < jp; t++) fz[l][t] = 0;
    }
}

/// `eckwert__gf_vier_j` for J = 1 … 8 (a constant in each case, so that the years stay in registers).
static inline __attribute__((always_inline)) void eckwert__gf_vier(
    long J, long jp, const double *R, long gN, const double *c4, const double *q4, double *const *fz, int mitQ) {
    switch (J) {
    case 1: eckwert__gf_vier_j(1, jp, R, gN, c4, q4, fz, mitQ); break;
    case 2: eckwert__gf_vier_j(2, jp, R, gN, c4, q4, fz, mitQ); break;
    case 3: eckwert__gf_vier_j(3, jp, R, gN, c4, q4, fz, mitQ); break;
    case 4: eckwert__gf_vier_j(4, jp, R, gN, c4, q4, fz, mitQ); break;
    case 5: eckwert__gf_vier_j(5, jp, R, gN, c4, q4, fz, mitQ); break;
    case 6: eckwert__gf_vier_j(6, jp, R, gN, c4, q4, fz, mitQ); break;
    case 7: eckwert__gf_vier_j(7, jp, R, gN, c4, q4, fz, mitQ); break;
    default: eckwert__gf_vier_j(8, jp, R, gN, c4, q4, fz, mitQ); break;
    }
}

static inline __attribute__((always_inline)) void eckwert__gf(
    long anzahl, long jp, const double *R, const long *rStart, const double *c, const long *cStart,
    const long *gAnzahl, const unsigned char *eins, const double *q, double *f, long J, long nVier,
    const long *vier, const double *c4, const long *c4Start, long nRest, const long *rest) {
    // Groups of four (J ≤ 8): their q turned to four side by side per year.
    for (long j = 0; j < nVier; j++) {
        const long *ks = vier + 4 * j;
        double q4[32];
        double *fz[4];
        int mitQ = 0;
        for (long l = 0; l < 4; l++) {
            long k = ks[l];
            for (long t = 0; t < J; t++) q4[4 * t + l] = q[k * jp + t];
            fz[l] = f + k * jp;
            mitQ |= !eins[k];
        }
        eckwert__gf_vier(J, jp, R + rStart[ks[0]], gAnzahl[ks[0]], c4 + c4Start[j], q4, fz, mitQ);
    }
    // The others two by two where their counts of Sozialräume agree.
    long i = 0;
    for (; i + 1 < nRest; i += 2) {
        long k = rest[i], k1 = rest[i + 1];
        if (gAnzahl[k] != gAnzahl[k1]) {
            eckwert__gf_einzeln(0, jp, R + rStart[k], c + cStart[k], gAnzahl[k], q + k * jp, f + k * jp);
            i -= 1;
            continue;
        }
        eckwert__gf_paar(
            jp, R + rStart[k], R + rStart[k1], c + cStart[k], c + cStart[k1], gAnzahl[k], q + k * jp, q + k1 * jp,
            f + k * jp, f + k1 * jp, !(eins[k] && eins[k1]));
    }
    if (i < nRest) {
        long k = rest[i];
        eckwert__gf_einzeln(0, jp, R + rStart[k], c + cStart[k], gAnzahl[k], q + k * jp, f + k * jp);
    }
}

#define ECKWERT_GF_PARAMETER                                                                                    \
    long anzahl, long jp, const double *R, const long *rStart, const double *c, const long *cStart,             \
        const long *gAnzahl, const unsigned char *eins, const double *q, double *f, long J, long nVier,         \
        const long *vier, const double *c4, const long *c4Start, long nRest, const long *rest
#define ECKWERT_GF_ARGUMENTE \
    anzahl, jp, R, rStart, c, cStart, gAnzahl, eins, q, f, J, nVier, vier, c4, c4Start, nRest, rest

static inline __attribute__((target("avx2"))) void eckwert__gf_avx2(ECKWERT_GF_PARAMETER) {
    eckwert__gf(ECKWERT_GF_ARGUMENTE);
}

static inline void eckwert__gf_basis(ECKWERT_GF_PARAMETER) { eckwert__gf(ECKWERT_GF_ARGUMENTE); }

/// The Sozialraum cases of `anzahl` products, product k's years at f + k · jp (jp even, J ≤ jp forecast years):
/// f[t] = 0 + Σ_g (c_k[g] · R_k[g · jp + t]) · q[k · jp + t], the Sozialräume g = 0 ..< gAnzahl[k] in order, with
/// R_k = R + rStart[k] and c_k = c + cStart[k]; `eins[k]` says that product k's q are all exactly 1. The products
/// come in `nVier` groups of four (k at vier[4j …], the same rStart and gAnzahl, their weights four side by side
/// per Sozialraum at c4 + c4Start[j]; only with J ≤ 8) and `nRest` others (k at rest[…]); every k once.
/// `avx2` (from `eckwert_avx2`) picks the AVX2 build of the same loops.
static inline void eckwert_gebietsfaelle(int avx2, ECKWERT_GF_PARAMETER) {
    if (avx2)
        eckwert__gf_avx2(ECKWERT_GF_ARGUMENTE);
    else
        eckwert__gf_basis(ECKWERT_GF_ARGUMENTE);
}

// ---- Cohort ageing ----

/// Ages 1 ..< N − 1 of one sex (see `eckwert_altern`): eight Sozialräume at a time (then four, then one), their
/// running sums and migration in registers while the ages go by.
static inline __attribute__((always_inline)) uint64_t eckwert__altern(
    double *ziel, const double *von, const double *ue, const double *wa, const double *mg, double *c, long G,
    long N, const long *ist, double *j) {
    typedef double v4 __attribute__((vector_size(32), aligned(8)));
    typedef uint64_t u4i __attribute__((vector_size(32), aligned(8)));
    u4i zeichen = {0, 0, 0, 0};
    uint64_t v = 0;
    long g0 = 0;
    for (; g0 + 8 <= G; g0 += 8) {
        v4 s0 = *(const v4 *)(c + g0), s1 = *(const v4 *)(c + g0 + 4);
        v4 m0 = *(const v4 *)(mg + g0), m1 = *(const v4 *)(mg + g0 + 4);
        u4i z0 = {0, 0, 0, 0}, z1 = z0;
        const double *vp = von + g0;
        double *zp = ziel + G + g0;
        for (long a = 1; a < N - 1; a++, vp += G, zp += G) {
            double u = ue[a - 1], w = wa[a];
            v4 u4 = {u, u, u, u}, w4 = {w, w, w, w};
            v4 x0 = *(const v4 *)vp * u4 + m0 * w4, x1 = *(const v4 *)(vp + 4) * u4 + m1 * w4;
            z0 = z0 | (u4i)x0;
            z1 = z1 | (u4i)x1;
            *(v4 *)zp = x0;
            *(v4 *)(zp + 4) = x1;
            s0 = s0 + x0;
            s1 = s1 + x1;
            long k = ist[a + 1];
            if (k >= 0 && j) {
                *(v4 *)(j + k * G + g0) = s0;
                *(v4 *)(j + k * G + g0 + 4) = s1;
            }
        }
        *(v4 *)(c + g0) = s0;
        *(v4 *)(c + g0 + 4) = s1;
        zeichen = zeichen | z0 | z1;
    }
    for (; g0 + 4 <= G; g0 += 4) {
        v4 s0 = *(const v4 *)(c + g0), m0 = *(const v4 *)(mg + g0);
        u4i z0 = {0, 0, 0, 0};
        const double *vp = von + g0;
        double *zp = ziel + G + g0;
        for (long a = 1; a < N - 1; a++, vp += G, zp += G) {
            double u = ue[a - 1], w = wa[a];
            v4 u4 = {u, u, u, u}, w4 = {w, w, w, w};
            v4 x0 = *(const v4 *)vp * u4 + m0 * w4;
            z0 = z0 | (u4i)x0;
            *(v4 *)zp = x0;
            s0 = s0 + x0;
            long k = ist[a + 1];
            if (k >= 0 && j) *(v4 *)(j + k * G + g0) = s0;
        }
        *(v4 *)(c + g0) = s0;
        zeichen = zeichen | z0;
    }
    for (; g0 < G; g0++) {
        double s = c[g0];
        for (long a = 1; a < N - 1; a++) {
            double x = von[(a - 1) * G + g0] * ue[a - 1] + mg[g0] * wa[a];
            uint64_t bits;
            memcpy(&bits, &x, sizeof bits);
            v |= bits;
            ziel[a * G + g0] = x;
            s = s + x;
            long k = ist[a + 1];
            if (k >= 0 && j) j[k * G + g0] = s;
        }
        c[g0] = s;
    }
    return v | zeichen[0] | zeichen[1] | zeichen[2] | zeichen[3];
}

static inline __attribute__((target("avx2"))) uint64_t eckwert__altern_avx2(
    double *ziel, const double *von, const double *ue, const double *wa, const double *mg, double *c, long G,
    long N, const long *ist, double *j) {
    return eckwert__altern(ziel, von, ue, wa, mg, c, G, N, ist, j);
}

static inline uint64_t eckwert__altern_basis(
    double *ziel, const double *von, const double *ue, const double *wa, const double *mg, double *c, long G,
    long N, const long *ist, double *j) {
    return eckwert__altern(ziel, von, ue, wa, mg, c, G, N, ist, j);
}

/// Ages 1 ..< N − 1 of one sex of a cohort step, all G Sozialräume (cells age-major, the Sozialräume innermost):
/// ziel[a · G + g] = von[(a − 1) · G + g] · ue[a − 1] + mg[g] · wa[a], each added to Sozialraum g's running sum
/// c[g] (c + x, ages in order) and, where ist[a + 1] = k ≥ 0 and j is not null, the running sum written to
/// j[k · G + g]. Returns the cells' bit patterns or-ed (the sign bit is set where a cell may be below 0).
static inline uint64_t eckwert_altern(
    int avx2, double *ziel, const double *von, const double *ue, const double *wa, const double *mg, double *c,
    long G, long N, const long *ist, double *j) {
    if (avx2) return eckwert__altern_avx2(ziel, von, ue, wa, mg, c, G, N, ist, j);
    return eckwert__altern_basis(ziel, von, ue, wa, mg, c, G, N, ist, j);
}

#endif

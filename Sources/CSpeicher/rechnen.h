// The loops of the Monte-Carlo draws' arithmetic (Sozialraum cases, the Klassen's reference populations, the
// products' net cost, the cohort projection), as C so that they can use the AVX registers (four values per
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
/// f[t] = (0 + c[0] · R[t] + c[1] · R[jp + t] + …) · q[t] (the Sozialräume g = 0 ..< gN in order; R of
/// Sozialraum g at R + g · jp).
static inline __attribute__((always_inline)) void eckwert__gf_einzeln(
    long t0, long jp, const double *R, const double *c, long gN, const double *q, double *f) {
    typedef double v4 __attribute__((vector_size(32), aligned(8)));
    typedef double v2 __attribute__((vector_size(16), aligned(8)));
    while (jp - t0 >= 4) {
        v4 a = {0, 0, 0, 0};
        for (long g = 0; g < gN; g++) {
            v4 cg = {c[g], c[g], c[g], c[g]};
            a = a + cg * *(const v4 *)(R + g * jp + t0);
        }
        *(v4 *)(f + t0) = a * *(const v4 *)(q + t0);
        t0 += 4;
    }
    if (jp - t0 >= 2) {
        v2 a = {0, 0};
        for (long g = 0; g < gN; g++) {
            v2 cg = {c[g], c[g]};
            a = a + cg * *(const v2 *)(R + g * jp + t0);
        }
        *(v2 *)(f + t0) = a * *(const v2 *)(q + t0);
    }
}

/// Two products at once (their sums overlap in the processor), six years per step (four and two).
static inline __attribute__((always_inline)) void eckwert__gf_paar(
    long jp, const double *R0, const double *R1, const double *c0, const double *c1, long gN, const double *q0,
    const double *q1, double *f0, double *f1) {
    typedef double v4 __attribute__((vector_size(32), aligned(8)));
    typedef double v2 __attribute__((vector_size(16), aligned(8)));
    long t0 = 0;
    while (jp - t0 >= 6) {
        v4 a0 = {0, 0, 0, 0}, a1 = a0;
        v2 b0 = {0, 0}, b1 = b0;
        const double *r0 = R0 + t0, *r1 = R1 + t0;
        for (long g = 0; g < gN; g++) {
            double x0 = c0[g], x1 = c1[g];
            v4 c40 = {x0, x0, x0, x0}, c41 = {x1, x1, x1, x1};
            v2 c20 = {x0, x0}, c21 = {x1, x1};
            a0 = a0 + c40 * *(const v4 *)(r0 + g * jp);
            b0 = b0 + c20 * *(const v2 *)(r0 + g * jp + 4);
            a1 = a1 + c41 * *(const v4 *)(r1 + g * jp);
            b1 = b1 + c21 * *(const v2 *)(r1 + g * jp + 4);
        }
        *(v4 *)(f0 + t0) = a0 * *(const v4 *)(q0 + t0);
        *(v2 *)(f0 + t0 + 4) = b0 * *(const v2 *)(q0 + t0 + 4);
        *(v4 *)(f1 + t0) = a1 * *(const v4 *)(q1 + t0);
        *(v2 *)(f1 + t0 + 4) = b1 * *(const v2 *)(q1 + t0 + 4);
        t0 += 6;
    }
    if (t0 < jp) {
        eckwert__gf_einzeln(t0, jp, R0, c0, gN, q0, f0);
        eckwert__gf_einzeln(t0, jp, R1, c1, gN, q1, f1);
    }
}

typedef double eckwert_gf_v4 __attribute__((vector_size(32), aligned(8)));

/// Four products with the same reference population R (one Klasse) and the same gN Sozialräume, one product per
/// lane and one vector per year (J years, a constant after inlining: no lane is padding): per Sozialraum one load
/// of the four weights (c4, stored four side by side per Sozialraum), one broadcast of R per year and per year
/// c · R added, as in `eckwert__gf_einzeln` lane by lane; the sums times q (q4: four side by side per year). Each
/// product's years are then stored at fz[0…3]; the padding year (jp > J) is set to 0 where bit l of `polster` is
/// set (a row of its own, not the caller's).
static inline __attribute__((always_inline)) void eckwert__gf_vier_j(
    const long J, long jp, const double *R, long gN, const double *c4, const double *q4, double *const *fz,
    int polster) {
    typedef eckwert_gf_v4 v4;
    v4 a[8];
#pragma clang loop unroll(full)
    for (long t = 0; t < J; t++) a[t] = (v4){0, 0, 0, 0};
    for (long g = 0; g < gN; g++) {
        v4 cg = *(const v4 *)(c4 + 4 * g);
        const double *r = R + g * jp;
#pragma clang loop unroll(full)
        for (long t = 0; t < J; t++) {
            v4 rt = {r[t], r[t], r[t], r[t]};
            a[t] = a[t] + cg * rt;
        }
    }
#pragma clang loop unroll(full)
    for (long t = 0; t < J; t++) a[t] = a[t] * *(const v4 *)(q4 + 4 * t);
#pragma clang loop unroll(full)
    for (long l = 0; l < 4; l++) {
#pragma clang loop unroll(full)
        for (long t = 0; t < J; t++) fz[l][t] = a[t][l];
        // The padding year (jp is J rounded up to even; not where the product's years go straight to the caller's
        // rows, which have none): one store, where a loop became a call of memset.
        if (J < jp && (polster >> l & 1)) fz[l][J] = 0;
    }
}

/// `eckwert__gf_vier_j` for J = 1 … 8 (a constant in each case, so that the years stay in registers).
static inline __attribute__((always_inline)) void eckwert__gf_vier(
    long J, long jp, const double *R, long gN, const double *c4, const double *q4, double *const *fz, int polster) {
    switch (J) {
    case 1: eckwert__gf_vier_j(1, jp, R, gN, c4, q4, fz, polster); break;
    case 2: eckwert__gf_vier_j(2, jp, R, gN, c4, q4, fz, polster); break;
    case 3: eckwert__gf_vier_j(3, jp, R, gN, c4, q4, fz, polster); break;
    case 4: eckwert__gf_vier_j(4, jp, R, gN, c4, q4, fz, polster); break;
    case 5: eckwert__gf_vier_j(5, jp, R, gN, c4, q4, fz, polster); break;
    case 6: eckwert__gf_vier_j(6, jp, R, gN, c4, q4, fz, polster); break;
    case 7: eckwert__gf_vier_j(7, jp, R, gN, c4, q4, fz, polster); break;
    default: eckwert__gf_vier_j(8, jp, R, gN, c4, q4, fz, polster); break;
    }
}

static inline __attribute__((always_inline)) void eckwert__gf(
    long anzahl, long jp, const double *R, const long *rStart, const double *c, const long *cStart,
    const long *gAnzahl, const double *q, double *f, long J, long nVier, const long *vier, const double *c4,
    const long *c4Start, long nRest, const long *rest, double *ff, const long *ffPlatz) {
    // Groups of four (J ≤ 8): their q turned to four side by side per year.
    for (long j = 0; j < nVier; j++) {
        const long *ks = vier + 4 * j;
        double q4[32];
        // Where each product's years go; bit l of `polster` where to a padded row of f (not the caller's row).
        double *fz[4];
        int polster = 0;
        for (long l = 0; l < 4; l++) {
            long k = ks[l];
            for (long t = 0; t < J; t++) q4[4 * t + l] = q[k * jp + t];
            int direkt = ff && ffPlatz[k] >= 0;
            fz[l] = direkt ? ff + ffPlatz[k] : f + k * jp;
            polster |= (!direkt) << l;
        }
        eckwert__gf_vier(J, jp, R + rStart[ks[0]], gAnzahl[ks[0]], c4 + c4Start[j], q4, fz, polster);
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
            f + k * jp, f + k1 * jp);
    }
    if (i < nRest) {
        long k = rest[i];
        eckwert__gf_einzeln(0, jp, R + rStart[k], c + cStart[k], gAnzahl[k], q + k * jp, f + k * jp);
    }
}

#define ECKWERT_GF_PARAMETER                                                                                    \
    long anzahl, long jp, const double *R, const long *rStart, const double *c, const long *cStart,             \
        const long *gAnzahl, const double *q, double *f, long J, long nVier, const long *vier, const double *c4, \
        const long *c4Start, long nRest, const long *rest, double *ff, const long *ffPlatz
#define ECKWERT_GF_ARGUMENTE \
    anzahl, jp, R, rStart, c, cStart, gAnzahl, q, f, J, nVier, vier, c4, c4Start, nRest, rest, ff, ffPlatz

/// The Sozialraum cases of `anzahl` products, product k's years at f + k · jp (jp even, J ≤ jp forecast years):
/// f[t] = (0 + Σ_g c_k[g] · R_k[g · jp + t]) · q[k · jp + t], the Sozialräume g = 0 ..< gAnzahl[k] in order, with
/// R_k = R + rStart[k] and c_k = c + cStart[k] (q applied once to the sum, not to every Sozialraum's term: one
/// multiplication per term, where two had bound the loop to the multipliers). The products
/// come in `nVier` groups of four (k at vier[4j …], the same rStart and gAnzahl, their weights four side by side
/// per Sozialraum at c4 + c4Start[j]; only with J ≤ 8) and `nRest` others (k at rest[…]); every k once. Where ff
/// is given, a product k of a group with ffPlatz[k] ≥ 0 has its J years written to ff + ffPlatz[k] instead (the
/// caller's row of its cases: no copy afterwards, and no padding year there).
/// `avx2` (from `eckwert_avx2`) picks the AVX2 build of the same loops.
ECKWERT_ZWEI_PFADE(eckwert_gebietsfaelle, eckwert__gf, ECKWERT_GF_PARAMETER, ECKWERT_GF_ARGUMENTE)

// ---- Reference populations of the Klassen per Sozialraum ----

#define ECKWERT_KLASSEN_PARAMETER                                                                               \
    long nK, const long *kl, long n, long G, long jp, long nc, const long *start, const long *gebiete,          \
        const double *j, double *w
#define ECKWERT_KLASSEN_ARGUMENTE nK, kl, n, G, jp, nc, start, gebiete, j, w

/// See `eckwert_klassenwerte`.
static inline __attribute__((always_inline)) void eckwert__klassenwerte(ECKWERT_KLASSEN_PARAMETER) {
    typedef double v4 __attribute__((vector_size(32), aligned(8)));
    for (long k = 0; k < nK; k++) {
        long von = kl[4 * k], bis = kl[4 * k + 1], s0 = kl[4 * k + 2], s1 = kl[4 * k + 3];
        for (long t = 1; t < n; t++) {
            long Gt = gebiete[t];
            const double *o = j + start[t];
            double *ziel = w + k * G * jp + t - 1;
            long g = 0;
            for (; g + 4 <= G; g += 4) {
                v4 x = {0, 0, 0, 0};
                for (long s = s0; s <= s1; s++) {
                    const double *os = o + s * nc * Gt + g;
                    x = x + (*(const v4 *)(os + bis * Gt) - *(const v4 *)(os + von * Gt));
                }
                ziel[g * jp] = x[0];
                ziel[(g + 1) * jp] = x[1];
                ziel[(g + 2) * jp] = x[2];
                ziel[(g + 3) * jp] = x[3];
            }
            for (; g < G; g++) {
                double x = 0;
                for (long s = s0; s <= s1; s++) {
                    const double *os = o + s * nc * Gt + g;
                    x = x + (os[bis * Gt] - os[von * Gt]);
                }
                ziel[g * jp] = x;
            }
        }
    }
}

/// The reference population of every Klasse per Sozialraum and forecast year, read from the cumulative sums:
/// Klasse k (kl[4k …]: the cut positions von and bis, the sexes s0 … s1), Sozialraum g < G, year t = 1 ..< n:
/// w[(k · G + g) · jp + t − 1] = 0 + (j[bis] − j[von]) of sex s0 + … of s1, added in that order, with sex s and cut c
/// of year t at j[start[t] + (s · nc + c) · gebiete[t] + g]. Four Sozialräume per vector; `avx2` (from
/// `eckwert_avx2`) picks the AVX2 build of the same loops.
ECKWERT_ZWEI_PFADE(
    eckwert_klassenwerte, eckwert__klassenwerte, ECKWERT_KLASSEN_PARAMETER, ECKWERT_KLASSEN_ARGUMENTE)

// ---- Net cost of the products ----

typedef double eckwert_p4 __attribute__((vector_size(32), aligned(8)));

/// See `eckwert_produkte`; J ≤ 8 (a constant after inlining, so that the years stay in registers).
static inline __attribute__((always_inline)) void eckwert__produkte_j(
    const long J, long nQ, const long *qi, const unsigned char *qart, const double *qw, const double *qfest,
    const double *erst, const double *fkTrend, const double *idxT, const double *idxS, const double *tarif,
    const double *sach, const double *pf, double *pz) {
    typedef eckwert_p4 v4;
    for (long q = 0; q < nQ; q++) {
        const long *ip = qi + 4 * q;
        const double *w = qw + 28 * q;
        long i0 = ip[0] < 0 ? 0 : ip[0], i1 = ip[1] < 0 ? 0 : ip[1], i2 = ip[2] < 0 ? 0 : ip[2],
             i3 = ip[3] < 0 ? 0 : ip[3];
        int art = qart[q];
        v4 bT = *(const v4 *)w, bS = *(const v4 *)(w + 4), bK = *(const v4 *)(w + 8);
        v4 z[8];
#pragma clang loop unroll(full)
        for (long t = 0; t < J; t++) {
            double x = idxT[t], y = idxS[t];
            z[t] = bT * (v4){x, x, x, x} + bS * (v4){y, y, y, y} + bK;
        }
        if (art & 1) {
            const double *f = qfest + q * 4 * J;
#pragma clang loop unroll(full)
            for (long t = 0; t < J; t++) z[t] = z[t] + *(const v4 *)(f + 4 * t);
        }
        if (art & 2) {
            v4 fk = *(const v4 *)(w + 12), pa = *(const v4 *)(w + 16), vK = *(const v4 *)(w + 20);
            v4 vE = *(const v4 *)(w + 24);
            v4 pb = 1.0 - pa;
            v4 fkT = 1.0 + (v4){fkTrend[i0], fkTrend[i1], fkTrend[i2], fkTrend[i3]};
            v4 e = {erst[i0], erst[i1], erst[i2], erst[i3]};
#pragma clang loop unroll(full)
            for (long t = 0; t < J; t++) {
                double ta = tarif[t], sa = sach[t];
                fk = fk * ((1.0 + pa * (v4){ta, ta, ta, ta} + pb * (v4){sa, sa, sa, sa}) * fkT);
                v4 A = (v4){pf[i0 * J + t], pf[i1 * J + t], pf[i2 * J + t], pf[i3 * J + t]} * fk;
                if (art & 4)
                    z[t] = z[t] + vK * A + vE * A * e;
                else
                    z[t] = z[t] + vK * A;
            }
        }
#pragma clang loop unroll(full)
        for (long l = 0; l < 4; l++) {
            if (ip[l] < 0) continue;
            double *zz = pz + ip[l] * J;
#pragma clang loop unroll(full)
            for (long t = 0; t < J; t++) zz[t] = z[t][l];
        }
    }
}

static inline __attribute__((always_inline)) void eckwert__produkte(
    long J, long nQ, const long *qi, const unsigned char *qart, const double *qw, const double *qfest,
    const double *erst, const double *fkTrend, const double *idxT, const double *idxS, const double *tarif,
    const double *sach, const double *pf, double *pz) {
    switch (J) {
#define ECKWERT_PRODUKTE_FALL(j)                                                                                 \
    case j: eckwert__produkte_j(j, nQ, qi, qart, qw, qfest, erst, fkTrend, idxT, idxS, tarif, sach, pf, pz); break;
    ECKWERT_PRODUKTE_FALL(1)
    ECKWERT_PRODUKTE_FALL(2)
    ECKWERT_PRODUKTE_FALL(3)
    ECKWERT_PRODUKTE_FALL(4)
    ECKWERT_PRODUKTE_FALL(5)
    ECKWERT_PRODUKTE_FALL(6)
    ECKWERT_PRODUKTE_FALL(7)
    ECKWERT_PRODUKTE_FALL(8)
#undef ECKWERT_PRODUKTE_FALL
    default: break;
    }
}

#define ECKWERT_PRODUKTE_PARAMETER                                                                              \
    long J, long nQ, const long *qi, const unsigned char *qart, const double *qw, const double *qfest,          \
        const double *erst, const double *fkTrend, const double *idxT, const double *idxS, const double *tarif,  \
        const double *sach, const double *pf, double *pz
#define ECKWERT_PRODUKTE_ARGUMENTE J, nQ, qi, qart, qw, qfest, erst, fkTrend, idxT, idxS, tarif, sach, pf, pz

/// The net cost of products without lines that grow by the run's prices after Ansatz years, four of one kind
/// side by side (one per lane), per forecast year t = 0 ..< J (J ≤ 8; nothing is written otherwise), in the
/// operations and order of `Schnellrechnung.produkt` lane by lane: z = bT · idxT[t] + bS · idxS[t] + bK, then
/// (kind bit 1) + the fixed lines, then (bit 2, a driver with Fallkosten) the running Fallkosten
/// fk = fk · ((1 + pa · tarif[t] + (1 − pa) · sach[t]) · (1 + fkTrend[i])) and z + vK · A (A = cases · fk), with
/// (bit 4) + vE · A · erst[i] for a refund. Quad q: products qi[4q …] (−1: an empty lane, nothing written), kind
/// qart[q], values qw[28q …]: bT, bS, bK, kB, pa, vK, vE four each; fixed lines qfest[(q · J + t) · 4 + lane].
/// idxT, idxS, tarif, sach: from forecast year 1 on; erst, fkTrend per product; cases pf[i · J + t]; net cost
/// into pz[i · J + t]. `avx2` (from `eckwert_avx2`) picks the AVX2 build of the same loops.
ECKWERT_ZWEI_PFADE(eckwert_produkte, eckwert__produkte, ECKWERT_PRODUKTE_PARAMETER, ECKWERT_PRODUKTE_ARGUMENTE)

// ---- Cohort projection of one draw ----

typedef double eckwert_k8 __attribute__((vector_size(64), aligned(8)));
typedef uint64_t eckwert_k8u __attribute__((vector_size(64), aligned(8)));

/// Writes the running sums `c` of sex s at cut k of a year: lanes 0 ..< lanes at j[(s · nc + k) · G], one vector
/// where the block is full.
static inline __attribute__((always_inline)) void eckwert__schnitt(
    double *j, long s, long nc, long k, long G, const eckwert_k8 *c, long lanes) {
    double *z = j + (s * nc + k) * G;
    if (lanes == 8) {
        *(eckwert_k8 *)z = *c;
    } else {
        for (long l = 0; l < lanes; l++) z[l] = (*c)[l];
    }
}

/// One block of eight Sozialräume (the last `lanes` of them real, the others zero) through the years 1 ..< n: see
/// `eckwert_kohorten`. alt, neu: scratch of 2 · N · 8 values; cells (s · N + a) · 8 + lane.
static inline __attribute__((always_inline)) void eckwert__kohorten_block(
    const double *basis, double *alt, double *neu, long N, long n, const double *ue, const double *wa,
    const double *f, long nf, long ef, double ugW, double ugM, double faW, double faM, const double *saldo,
    const double *anteil, const long *ist, double *j, const long *start, long nc, long G, long lanes) {
    typedef eckwert_k8 v8;
    typedef eckwert_k8u u8;
    const double *von = basis;
    u8 maske;
    for (long l = 0; l < 8; l++) maske[l] = l < lanes ? ~(uint64_t)0 : 0;
    v8 an = *(const v8 *)anteil;
    for (long t = 1; t < n; t++) {
        double *jt = j + start[t];
        double st = saldo[t];
        v8 mg = (v8){st, st, st, st, st, st, st, st} * an;
        // Births from the women at 31.12. of the year before: 0 + f[0] · w(ef) + f[1] · w(ef + 1) + ….
        v8 b = {0, 0, 0, 0, 0, 0, 0, 0};
        for (long i = 0; i < nf; i++) {
            double fi = f[i];
            b = b + (v8){fi, fi, fi, fi, fi, fi, fi, fi} * *(const v8 *)(von + (ef + i) * 8);
        }
        u8 zeichen = {0, 0, 0, 0, 0, 0, 0, 0};
        // Age 0 of both sexes: births · share · survival + migration.
        v8 c0, c1;
        {
            double w0 = wa[0], w1 = wa[N];
            v8 x0 = (v8){faW, faW, faW, faW, faW, faW, faW, faW} * b * (v8){ugW, ugW, ugW, ugW, ugW, ugW, ugW, ugW} +
                    mg * (v8){w0, w0, w0, w0, w0, w0, w0, w0};
            v8 x1 = (v8){faM, faM, faM, faM, faM, faM, faM, faM} * b * (v8){ugM, ugM, ugM, ugM, ugM, ugM, ugM, ugM} +
                    mg * (v8){w1, w1, w1, w1, w1, w1, w1, w1};
            zeichen = zeichen | (u8)x0 | (u8)x1;
            *(v8 *)neu = x0;
            *(v8 *)(neu + N * 8) = x1;
            c0 = 0.0 + x0;
            c1 = 0.0 + x1;
            long k = ist[1];
            if (k >= 0) {
                eckwert__schnitt(jt, 0, nc, k, G, &c0, lanes);
                eckwert__schnitt(jt, 1, nc, k, G, &c1, lanes);
            }
        }
        // Ages 1 … N − 2 of both sexes side by side (their running sums are independent chains).
        const double *v0 = von, *v1 = von + N * 8;
        double *z0 = neu + 8, *z1 = neu + N * 8 + 8;
        for (long a = 1; a < N - 1; a++, v0 += 8, v1 += 8, z0 += 8, z1 += 8) {
            double u0 = ue[a - 1], u1 = ue[N + a - 1], w0 = wa[a], w1 = wa[N + a];
            v8 x0 = *(const v8 *)v0 * (v8){u0, u0, u0, u0, u0, u0, u0, u0} +
                    mg * (v8){w0, w0, w0, w0, w0, w0, w0, w0};
            v8 x1 = *(const v8 *)v1 * (v8){u1, u1, u1, u1, u1, u1, u1, u1} +
                    mg * (v8){w1, w1, w1, w1, w1, w1, w1, w1};
            zeichen = zeichen | (u8)x0 | (u8)x1;
            *(v8 *)z0 = x0;
            *(v8 *)z1 = x1;
            c0 = c0 + x0;
            c1 = c1 + x1;
            long k = ist[a + 1];
            if (k >= 0) {
                eckwert__schnitt(jt, 0, nc, k, G, &c0, lanes);
                eckwert__schnitt(jt, 1, nc, k, G, &c1, lanes);
            }
        }
        // 100+: the survivors of 99 and of 100+, then migration.
        for (long s = 0; s < 2; s++) {
            const double *v = von + (s * N + N - 2) * 8;
            double u1 = ue[s * N + N - 2], u2 = ue[s * N + N - 1], w = wa[s * N + N - 1];
            v8 x = *(const v8 *)v * (v8){u1, u1, u1, u1, u1, u1, u1, u1} +
                   *(const v8 *)(v + 8) * (v8){u2, u2, u2, u2, u2, u2, u2, u2} + mg * (v8){w, w, w, w, w, w, w, w};
            zeichen = zeichen | (u8)x;
            *(v8 *)(neu + (s * N + N - 1) * 8) = x;
            v8 c = s == 0 ? c0 : c1;
            c = c + x;
            long k = ist[N];
            if (k >= 0) eckwert__schnitt(jt, s, nc, k, G, &c, lanes);
        }
        zeichen = zeichen & maske;
        uint64_t oder = 0;
        for (long l = 0; l < 8; l++) oder |= zeichen[l];
        if (oder >> 63) {
            // A cell may be below 0 (or is −0): clamped as in the full projection, the sums formed again.
            // (As a select, not a conditional store: vectorised, that became masked stores, slow on AMD.)
            for (long i = 0; i < 2 * N * 8; i++) neu[i] = neu[i] < 0 ? 0 : neu[i];
            for (long s = 0; s < 2; s++) {
                v8 c = {0, 0, 0, 0, 0, 0, 0, 0};
                for (long a = 0; a < N; a++) {
                    c = c + *(const v8 *)(neu + (s * N + a) * 8);
                    long k = ist[a + 1];
                    if (k >= 0) eckwert__schnitt(jt, s, nc, k, G, &c, lanes);
                }
            }
        }
        // This year's cells are the next year's start.
        double *tausch = alt;
        alt = neu;
        neu = tausch;
        von = alt;
    }
}

static inline __attribute__((always_inline)) void eckwert__kohorten(
    long G, long N, long n, const double *basis, double *alt, double *neu, const double *ue, const double *wa,
    const double *f, long nf, long ef, double ugW, double ugM, double faW, double faM, const double *saldo,
    const double *anteil, const long *ist, double *j, const long *start, long nc) {
    for (long g0 = 0; g0 < G; g0 += 8) {
        long lanes = G - g0 < 8 ? G - g0 : 8;
        eckwert__kohorten_block(
            basis + g0 * 2 * N, alt, neu, N, n, ue, wa, f, nf, ef, ugW, ugM, faW, faM, saldo, anteil + g0, ist,
            j + g0, start, nc, G, lanes);
    }
}

#define ECKWERT_KOHORTEN_PARAMETER                                                                              \
    long G, long N, long n, const double *basis, double *alt, double *neu, const double *ue, const double *wa,  \
        const double *f, long nf, long ef, double ugW, double ugM, double faW, double faM, const double *saldo, \
        const double *anteil, const long *ist, double *j, const long *start, long nc
#define ECKWERT_KOHORTEN_ARGUMENTE \
    G, N, n, basis, alt, neu, ue, wa, f, nf, ef, ugW, ugM, faW, faM, saldo, anteil, ist, j, start, nc

/// The cohort projection of one draw (the operations of `Kohortenmodell.schritt`, in its order, lane by lane)
/// carried straight into each Sozialraum's running sums over age at the cuts, block by block of eight
/// Sozialräume through all years, so that a block's cells (2 · N · 8 values, twice) stay in the first-level cache.
/// basis: the base population in blocks, Sozialraum g = g0 + l (g0 a multiple of 8) at basis[g0 · 2N + (s · N + a) ·
/// 8 + l], zero past G; ue, wa: survival and migration shares per sex and age (s · N + a); f: the nf fertility
/// rates from age ef (women = sex 0); ugW, ugM: survival of the year's births, faW, faM: their shares (girls, boys);
/// saldo[t]: net migration of the step to year index t; anteil[g]: Sozialraum g's share of it (zero past G);
/// ist[a + 1]: the cut of the sum over ages 0 … a, or −1; j: the cumulative sums, year t's at j + start[t],
/// sex s and cut k at (s · nc + k) · G + g. A year with a cell below 0 is clamped to 0 and summed again.
/// `avx2` (from `eckwert_avx2`) picks the AVX2 build of the same loops.
ECKWERT_ZWEI_PFADE(eckwert_kohorten, eckwert__kohorten, ECKWERT_KOHORTEN_PARAMETER, ECKWERT_KOHORTEN_ARGUMENTE)

#endif

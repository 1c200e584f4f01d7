// The model checksum's SHA-256 compression with the processor's SHA instructions (SHA-NI: two rounds per
// instruction), behind the check at run time (prozessor.h: eckwert_sha); the shipped binary stays baseline x86-64
// and Swift's SHA256 keeps its portable rounds for every other processor. The same digest either way (the tests
// compare both paths). Header only.
#ifndef ECKWERT_PRUEFSUMME_H
#define ECKWERT_PRUEFSUMME_H

#include <stdint.h>

#include "prozessor.h"

/// The round constants of FIPS 180-4, section 4.2.2 (the portable rounds in SHA256.swift read them too).
static const uint32_t eckwert__sha256_k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#if defined(__x86_64__)
#include <immintrin.h>

/// `bloecke` whole 64-byte blocks at `daten` into the state `h` (h0 … h7), with the SHA instructions. Call only
/// where eckwert_sha() is 1.
__attribute__((target("sha,sse4.1,ssse3"))) static inline void eckwert_sha256_ni(
    uint32_t *h, const uint8_t *daten, long bloecke) {
    // Big-endian words of the message.
    const __m128i umkehr = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // The instructions keep the state as ABEF and CDGH.
    __m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)h), 0xB1);       // CDAB
    __m128i s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(h + 4)), 0x1B); // EFGH
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                                         // ABEF
    s1 = _mm_blend_epi16(s1, t, 0xF0);                                              // CDGH
    for (long b = 0; b < bloecke; b++, daten += 64) {
        const __m128i abef = s0, cdgh = s1;
        // w[i & 3]: the message words 4i … 4i + 3 (the schedule of section 6.2.2, four words at a time).
        __m128i w[4];
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) {
            __m128i m;
            if (i < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(daten + 16 * i)), umkehr);
            } else {
                m = _mm_sha256msg1_epu32(w[i & 3], w[(i - 3) & 3]);
                m = _mm_add_epi32(m, _mm_alignr_epi8(w[(i - 1) & 3], w[(i - 2) & 3], 4));
                m = _mm_sha256msg2_epu32(m, w[(i - 1) & 3]);
            }
            w[i & 3] = m;
            __m128i k = _mm_add_epi32(m, _mm_load_si128((const __m128i *)(eckwert__sha256_k + 4 * i)));
            s1 = _mm_sha256rnds2_epu32(s1, s0, k);
            k = _mm_shuffle_epi32(k, 0x0E);
            s0 = _mm_sha256rnds2_epu32(s0, s1, k);
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    t = _mm_shuffle_epi32(s0, 0x1B);  // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1); // DCHG
    _mm_storeu_si128((__m128i *)h, _mm_blend_epi16(t, s1, 0xF0));          // DCBA
    _mm_storeu_si128((__m128i *)(h + 4), _mm_alignr_epi8(s1, t, 8));       // HGFE
}
#else
static inline void eckwert_sha256_ni(uint32_t *h, const uint8_t *daten, long bloecke) {
    (void)h, (void)daten, (void)bloecke;
}
#endif

#endif

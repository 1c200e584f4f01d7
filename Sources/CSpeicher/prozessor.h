// Whether the kernels of ablage.h and rechnen.h may use AVX2, and pruefsumme.h the SHA instructions: the checks at
// run time, so that the shipped binary stays baseline x86-64. Header only.
#ifndef ECKWERT_PROZESSOR_H
#define ECKWERT_PROZESSOR_H

#if defined(__x86_64__)
#include <cpuid.h>

/// EBX of CPUID leaf 7, subleaf 0 (the extended feature flags: AVX2 is bit 5, SHA bit 29), or 0 where the processor
/// has no leaf 7.
static inline unsigned int eckwert_cpuid7_ebx(void) {
    unsigned int a = 0, b = 0, c = 0, d = 0;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return b;
}
#endif

/// 1 where the processor and the operating system support AVX2 (then the kernels of ablage.h and rechnen.h may use it), else 0.
static inline int eckwert_avx2(void) {
#if defined(__x86_64__)
    unsigned int a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    // OSXSAVE and AVX, then the operating system saves the YMM registers (XCR0 bits 1 and 2).
    if (!(c & (1u << 27)) || !(c & (1u << 28))) return 0;
    unsigned int lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6u) != 6u) return 0;
    return (eckwert_cpuid7_ebx() & (1u << 5)) != 0;
#else
    return 0;
#endif
}

/// 1 where the processor has the SHA instructions and SSSE3 / SSE4.1 (then pruefsumme.h may use them), else 0.
/// They work on XMM registers only, which every x86-64 operating system saves.
static inline int eckwert_sha(void) {
#if defined(__x86_64__)
    unsigned int a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & (1u << 9)) || !(c & (1u << 19))) return 0;
    return (eckwert_cpuid7_ebx() & (1u << 29)) != 0;
#else
    return 0;
#endif
}

/// The two builds of a kernel of ablage.h or rechnen.h and the choice between them: `kern` (always inline)
/// compiled once for processors with AVX2 (`kern_avx2`) and once for baseline x86-64 (`kern_basis`), and
/// `oeffentlich(avx2, …)`, which calls the first where `avx2` (from `eckwert_avx2`) is set. PARAMETER and
/// ARGUMENTE: the kernel's parameter list and the same names as arguments (macros, so that each list is written
/// once).
#if defined(__x86_64__)
#define ECKWERT_ZWEI_PFADE(oeffentlich, kern, PARAMETER, ARGUMENTE)                                             \
    static inline __attribute__((target("avx2"))) void kern##_avx2(PARAMETER) { kern(ARGUMENTE); }             \
    static inline void kern##_basis(PARAMETER) { kern(ARGUMENTE); }                                             \
    static inline void oeffentlich(int avx2, PARAMETER) {                                                      \
        if (avx2)                                                                                               \
            kern##_avx2(ARGUMENTE);                                                                             \
        else                                                                                                    \
            kern##_basis(ARGUMENTE);                                                                            \
    }
#else
// Elsewhere only the baseline build (there is no AVX2 to choose).
#define ECKWERT_ZWEI_PFADE(oeffentlich, kern, PARAMETER, ARGUMENTE)                                             \
    static inline void oeffentlich(int avx2, PARAMETER) {                                                      \
        (void)avx2;                                                                                             \
        kern(ARGUMENTE);                                                                                        \
    }
#endif

#endif

import CSpeicher

/// What the processor offers the draws' C kernels (Sources/CSpeicher): checked once per process.
enum Prozessor {
    /// Whether the processor and the operating system support AVX2, so that the kernels may take their AVX2 path
    /// (the same bits as the baseline path; the tests compare both).
    static let avx2 = eckwert_avx2() != 0
}

import CSpeicher

/// What the processor offers the C kernels (Sources/CSpeicher): checked once per process.
enum Prozessor {
    /// Whether the processor and the operating system support AVX2, so that the kernels may take their AVX2 path
    /// (the same bits as the baseline path; the tests compare both).
    static let avx2 = eckwert_avx2() != 0
    /// Whether the processor has the SHA instructions, so that the model checksum may compress its blocks with
    /// them (the same digest as the portable rounds; the tests compare both).
    static let sha = eckwert_sha() != 0
}

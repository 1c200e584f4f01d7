import Testing

@Test func placeholderEckwertCoreTests() { #expect(1 + 1 == 2) }

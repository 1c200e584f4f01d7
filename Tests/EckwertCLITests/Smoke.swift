import Testing

@Test func placeholderEckwertCLITests() { #expect(1 + 1 == 2) }

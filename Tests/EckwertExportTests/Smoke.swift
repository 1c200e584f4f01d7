import Testing

@Test func placeholderEckwertExportTests() { #expect(1 + 1 == 2) }

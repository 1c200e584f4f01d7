/// Sheet names, cell references and defined names: the text rules Excel applies, kept in one place.
public enum XlsxNames {
    /// Characters Excel forbids in sheet names.
    public static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` cannot be a sheet name, or `nil` when it can (uniqueness is checked by the workbook).
    public static func sheetNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf16.count > XlsxLimits.maxSheetNameLength {
            return "it has \(name.utf16.count) characters, at most \(XlsxLimits.maxSheetNameLength) are allowed"
        }
        if let bad = name.first(where: { forbiddenSheetNameCharacters.contains($0) }) {
            return "it contains '\(bad)'; none of [ ] : * ? / \\ is allowed"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "it starts or ends with an apostrophe" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "it contains a control character" }
        if name.lowercased() == "history" { return "'History' is reserved by Excel" }
        return nil
    }

    /// A valid sheet name made from arbitrary text: forbidden characters become `_`, control characters
    /// are dropped, leading/trailing apostrophes are removed, the result is cut to 31 characters and
    /// de-duplicated against `existing` (case-insensitively) with " (2)", " (3)", ….
    public static func safeSheetName(_ text: String, existing: some Sequence<String> = [String]()) -> String {
        let taken = Set(existing.map { $0.lowercased() })
        var base = String(
            text.compactMap { ch -> Character? in
                if forbiddenSheetNameCharacters.contains(ch) { return "_" }
                if ch.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
                return ch
            })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        base = base.trimmingSpaces()
        if base.isEmpty { base = "Tabelle" }
        func fits(_ s: String, suffix: String) -> String {
            var s = s
            while s.utf16.count + suffix.utf16.count > XlsxLimits.maxSheetNameLength { s.removeLast() }
            while s.hasSuffix("'") || s.hasSuffix(" ") { s.removeLast() }
            return s + suffix
        }
        let first = fits(base, suffix: "")
        if !taken.contains(first.lowercased()) && first.lowercased() != "history" { return first }
        var n = 2
        while true {
            let candidate = fits(base, suffix: " (\(n))")
            if !taken.contains(candidate.lowercased()) { return candidate }
            n += 1
        }
    }

    /// Column letters for a zero-based column: 0 → "A", 25 → "Z", 26 → "AA".
    public static func columnName(_ col: Int) -> String {
        col >= 0 && col < spaltennamen.count ? spaltennamen[col] : buchstaben(col)
    }

    /// A … ZZ, made once (formulas name a column for every referenced cell).
    private static let spaltennamen: [String] = (0..<702).map(buchstaben)

    private static func buchstaben(_ col: Int) -> String {
        var n = col + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// An A1 reference for a zero-based cell, absolute (`$D$40`) by default.
    public static func cell(row: Int, col: Int, absolute: Bool = true) -> String {
        let d = absolute ? "$" : ""
        return "\(d)\(columnName(col))\(d)\(row + 1)"
    }

    /// The sheet name as it must appear in a formula: quoted (apostrophes doubled) unless it is a plain
    /// identifier that cannot be mistaken for a cell reference. Quoting is always valid; `always` forces it.
    public static func quotedSheetName(_ name: String, always: Bool = false) -> String {
        if !always && !needsQuoting(name) { return name }
        return "'" + name.replacingAll("'", with: "''") + "'"
    }

    /// `'Umsätze 2024'!$B$3` — a sheet-qualified absolute reference to one cell.
    public static func reference(sheet: String, row: Int, col: Int, absolute: Bool = true) -> String {
        "\(quotedSheetName(sheet))!\(cell(row: row, col: col, absolute: absolute))"
    }

    /// `'Umsätze 2024'!$B$3:$B$9` — a sheet-qualified absolute reference to a range.
    public static func reference(
        sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int,
        absolute: Bool = true
    ) -> String {
        "\(quotedSheetName(sheet))!\(cell(row: firstRow, col: firstCol, absolute: absolute)):\(cell(row: lastRow, col: lastCol, absolute: absolute))"
    }

    static func needsQuoting(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first else { return true }
        let isAsciiLetter: (Unicode.Scalar) -> Bool = { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        if !(isAsciiLetter(first) || first == "_") { return true }
        if name.unicodeScalars.contains(where: { !(isAsciiLetter($0) || isDigit($0) || $0 == "_" || $0 == ".") }) {
            return true
        }
        return looksLikeCellReference(name) || ["true", "false"].contains(name.lowercased())
    }

    /// `A1`, `XFD1048576`, `R1C1`, `R`, `C`, `RC` … — names Excel would read as a reference.
    static func looksLikeCellReference(_ name: String) -> Bool {
        let u = Array(name.uppercased().unicodeScalars)
        var i = 0
        while i < u.count, ("A"..."Z").contains(u[i]) { i += 1 }
        if i >= 1, i <= 3, i < u.count, u[i...].allSatisfy({ ("0"..."9").contains($0) }) { return true }
        // R1C1 style: R[digits][C[digits]] or C[digits]
        var j = 0
        func digits() { while j < u.count, ("0"..."9").contains(u[j]) { j += 1 } }
        if j < u.count, u[j] == "R" { j += 1; digits() }
        if j < u.count, u[j] == "C" { j += 1; digits() }
        return j > 0 && j == u.count
    }

    /// Why `name` cannot be a workbook-level defined name, or `nil`.
    public static func definedNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf16.count > 255 { return "it is longer than 255 characters" }
        guard let first = name.unicodeScalars.first else { return "it is empty" }
        let okFirst = first.properties.isAlphabetic || first == "_" || first == "\\"
        if !okFirst { return "it must start with a letter, '_' or '\\'" }
        if let bad = name.unicodeScalars.first(where: {
            !($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "\\")
        }) {
            return "it contains '\(bad)'; only letters, digits, '_', '.' and '\\' are allowed"
        }
        if looksLikeCellReference(name) { return "it looks like a cell reference" }
        return nil
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        if target.utf8.count == 1, let b = target.asciiValue, !utf8.contains(b) { return self }
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}

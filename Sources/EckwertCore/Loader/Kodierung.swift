/// Recognises the encoding of a file that is not UTF-8, so that the message says how to fix it.
enum Kodierung {
    /// What to do with a Windows-1252 file (the encoding of SAP, H&H and Infoma exports).
    static let windows1252 =
        "Datei ist Windows-1252 kodiert (typisch für Exporte aus SAP/H&H/Infoma) – bitte als "
        + "UTF-8 speichern oder mit `eckwert import` einlesen"

    /// Windows-1252 0x80…0x9F (nil: unassigned); 0xA0…0xFF are the Latin-1 characters of the same number.
    private static let c1: [Character?] = [
        "€", nil, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", nil, "Ž", nil,
        nil, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", nil, "ž", "Ÿ",
    ]

    /// The character of a byte ≥ 0x80 in Windows-1252, nil where there is none.
    static func zeichen(_ b: UInt8) -> Character? {
        if b < 0x80 { return Character(Unicode.Scalar(b)) }
        if b < 0xA0 { return c1[Int(b - 0x80)] }
        return Character(Unicode.Scalar(b))
    }

    /// Whether every byte that is not part of a valid UTF-8 sequence is a Windows-1252 character (and there is
    /// at least one): the file is Windows-1252 (or Latin-1, which differs only in unprinted control codes).
    static func istWindows1252<C: Collection<UInt8>>(_ bytes: C) -> Bool where C.Index == Int {
        if bytes.count >= 2, let a = bytes.first, a == 0xFF || a == 0xFE { return false }  // UTF-16
        var i = bytes.startIndex, fremd = 0
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let n = utf8Laenge(bytes, i)
            if n > 0 { i += n; continue }
            guard zeichen(b) != nil else { return false }
            fremd += 1
            i += 1
        }
        return fremd > 0
    }

    /// Length of the valid UTF-8 sequence at `i` (first byte ≥ 0x80), 0 if there is none.
    private static func utf8Laenge<C: Collection<UInt8>>(_ b: C, _ i: Int) -> Int where C.Index == Int {
        let l = b[i]
        let n = l >= 0xC2 && l <= 0xDF ? 2 : l >= 0xE0 && l <= 0xEF ? 3 : l >= 0xF0 && l <= 0xF4 ? 4 : 0
        guard n > 0, i + n <= b.endIndex else { return 0 }
        for k in (i + 1)..<(i + n) where b[k] & 0xC0 != 0x80 { return 0 }
        return n
    }
}

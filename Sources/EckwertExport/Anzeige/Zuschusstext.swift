import EckwertCore

/// How every document names the Zuschussbedarf: one phrase per model, saying whether the internal service
/// relations (ILV) are in it (modell.yaml `zuschussbedarf`).
public enum Zuschusstext {
    /// "ordentliche Aufwendungen − ordentliche Erträge, ohne interne Leistungsbeziehungen".
    public static func formel(_ m: Planungsmodell) -> String {
        m.zuschussbedarf == .mitILV
            ? "ordentliche Aufwendungen − ordentliche Erträge, einschließlich der Aufwendungen und Erträge aus internen Leistungsbeziehungen"
            : "ordentliche Aufwendungen − ordentliche Erträge, ohne interne Leistungsbeziehungen"
    }

    /// "Zuschussbedarf (ordentliche Aufwendungen − …)".
    public static func mitFormel(_ m: Planungsmodell) -> String { "Zuschussbedarf (\(formel(m)))" }

    /// The short label of a table row: "Zuschussbedarf (ord. Aufwendungen − ord. Erträge, ohne ILV)".
    public static func zeile(_ m: Planungsmodell) -> String {
        "Zuschussbedarf (ord. Aufwendungen − ord. Erträge, \(m.zuschussbedarf == .mitILV ? "mit" : "ohne") ILV)"
    }

    /// "Zuschussbedarf = ordentliche Aufwendungen − …".
    public static func gleichung(_ m: Planungsmodell) -> String { "Zuschussbedarf = \(formel(m))" }
}

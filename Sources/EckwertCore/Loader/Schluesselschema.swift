import Yams

/// The keys of `modell.yaml` and `szenarien.yaml`, read from the embedded resource `Ressourcen/schema/
/// schluessel.yaml` (the one declaration; the loader's unknown-key errors and the documentation test use it).
public indirect enum Schluesselschema: Sendable {
    /// A value: no keys below.
    case wert
    /// A section with exactly these keys, in the order the "erlaubt: …" message names them.
    case abschnitt([(schluessel: String, schema: Schluesselschema)])
    /// A list whose elements have this schema.
    case liste(Schluesselschema)
    /// Freely chosen keys (names, years, numbers), every value with this schema.
    case frei(Schluesselschema)

    /// Marker under `daten:` for the keys of the data source table (`Datenquellen.alle`).
    static let datenquellenMarke = "$datenquellen"

    /// The schema of `modell.yaml`.
    public static let modell = datei("modell.yaml")
    /// The schema of `szenarien.yaml`.
    public static let szenarien = datei("szenarien.yaml")

    /// The allowed keys at a path of section keys (lists and free keys are passed through), with the marker
    /// replaced by the data source keys.
    public func schluessel(_ pfad: String...) -> [String] {
        guard case let .abschnitt(paare) = unter(pfad) else { return [] }
        return paare.flatMap { p in
            p.schluessel == Self.datenquellenMarke ? Datenquellen.alle.map(\.schluessel) : [p.schluessel]
        }
    }

    /// The schema at a path of section keys.
    public func unter(_ pfad: [String]) -> Schluesselschema {
        var s = self
        for key in pfad {
            s = s.ohneHuelle
            guard case let .abschnitt(paare) = s, let t = paare.first(where: { $0.schluessel == key }) else {
                return .wert
            }
            s = t.schema
        }
        return s.ohneHuelle
    }

    private var ohneHuelle: Schluesselschema {
        switch self {
        case let .liste(s), let .frei(s): s.ohneHuelle
        default: self
        }
    }

    /// Every key named anywhere in the schema (free-key markers excluded, data source keys included), once each.
    public var alleSchluessel: [String] {
        var out: [String] = []
        func sammeln(_ s: Schluesselschema) {
            switch s {
            case .wert: break
            case let .liste(t), let .frei(t): sammeln(t)
            case let .abschnitt(paare):
                for p in paare {
                    let keys =
                        p.schluessel == Self.datenquellenMarke
                        ? Datenquellen.alle.map(\.schluessel)
                        : [p.schluessel]
                    for k in keys where !out.contains(k) { out.append(k) }
                    sammeln(p.schema)
                }
            }
        }
        sammeln(self)
        return out
    }

    /// The schema of one file from the resource; `.frei(.wert)` (accept any key) if the resource were unreadable,
    /// which a test rules out.
    static func datei(_ name: String) -> Schluesselschema {
        let text = String(decoding: PackageResources.schluessel_yaml, as: UTF8.self)
        guard let wurzel = try? Yams.compose(yaml: text), case let .abschnitt(paare) = aus(wurzel),
            let s = paare.first(where: { $0.schluessel == name })?.schema
        else { return .frei(.wert) }
        return s
    }

    static func aus(_ node: Node) -> Schluesselschema {
        switch node {
        case .scalar, .alias: return .wert
        case let .sequence(seq): return .liste(seq.first.map(aus) ?? .wert)
        case let .mapping(m):
            if m.count == 1, let (k, v) = m.first, k.string == "*" { return .frei(aus(v)) }
            return .abschnitt(m.map { (schluessel: $0.key.string ?? "", schema: aus($0.value)) })
        }
    }
}

/// Account assignment and key resolution of a line scheme: the functions an importer needs to place the booked
/// amounts of 8-digit Sachkonten on Ergebnisplan lines, and the resolution of a line key or alias.
extension Kontenrahmen {
    /// The canonical key of a line key or alias (either plan); nil when the scheme knows neither.
    public func schluessel(_ keyOderAlias: String) -> String? {
        let k = keyOderAlias
        if zeilen.contains(where: { $0.key == k }) || finanzplan.contains(where: { $0.key == k }) { return k }
        return aliasZiel(keyOderAlias)
    }

    /// The Ergebnisplan line an account (Sachkonto, a string of digits such as "53110000") is booked to: the line
    /// whose account group (Kontengruppe/-art prefix) is the longest prefix of the account number. Nil when the
    /// account is not all digits or no group of the scheme matches (e.g. balance-sheet or Finanzplan accounts).
    public func zeilenschluessel(fuerKonto konto: String) -> String? {
        kontenzuordnung(fuerKonto: konto)?.key
    }

    /// Like `zeilenschluessel(fuerKonto:)`, with the account group that matched (for reconciliation lists).
    public func kontenzuordnung(fuerKonto konto: String) -> (key: String, kontengruppe: String)? {
        guard !konto.isEmpty, konto.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        var best: (key: String, kontengruppe: String)?
        for z in zeilen where !z.istSumme {
            for g in z.kontengruppen where konto.hasPrefix(g) && g.count > (best?.kontengruppe.count ?? 0) {
                best = (z.key, g)
            }
        }
        return best
    }

    /// Keys of the Ergebnisplan lines that carry amounts, in print order (sum lines are computed, never booked).
    public var betragszeilen: [String] { buchungszeilen }
}

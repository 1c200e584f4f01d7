extension Kontenrahmen {
    /// The built-in NKF (NRW) scheme, in the same YAML form a model's own scheme file uses
    /// (line names verified, sums per the NKF Muster; see README "Kontenrahmen").
    public static let nkfQuelltext = #"""
    # NKF (NRW) Ergebnisplan and the Finanzplan lines used by Eckwert.
    id: nkf
    name: NKF Nordrhein-Westfalen
    sonderposten: zuwendungen_umlagen
    abschreibungen: bilanzielle_abschreibungen
    ertraege: ordentliche_ertraege
    aufwendungen: ordentliche_aufwendungen
    ausgleich: ordentliches_ergebnis
    ilv_ertraege: ertraege_ilv
    ilv_aufwendungen: aufwendungen_ilv
    investitionszuwendungen: einzahlungen_investitionszuwendungen
    baumassnahmen: auszahlungen_baumassnahmen
    einzahlungen_verwaltung: einzahlungen_verwaltungstaetigkeit
    auszahlungen_verwaltung: auszahlungen_verwaltungstaetigkeit
    ergebnisplan:
      - {nr: 1, key: steuern, name: Steuern und ähnliche Abgaben, art: ertrag}
      - {nr: 2, key: zuwendungen_umlagen, name: Zuwendungen und allgemeine Umlagen, art: ertrag}
      - {nr: 3, key: sonstige_transferertraege, name: Sonstige Transfererträge, art: ertrag}
      - {nr: 4, key: oeffentlich_rechtliche_leistungsentgelte, name: Öffentlich-rechtliche Leistungsentgelte, art: ertrag}
      - {nr: 5, key: privatrechtliche_leistungsentgelte, name: Privatrechtliche Leistungsentgelte, art: ertrag}
      - {nr: 6, key: kostenerstattungen, name: Kostenerstattungen und Kostenumlagen, art: ertrag}
      - {nr: 7, key: sonstige_ordentliche_ertraege, name: Sonstige ordentliche Erträge, art: ertrag}
      - {nr: 8, key: aktivierte_eigenleistungen, name: Aktivierte Eigenleistungen, art: ertrag, zahlungswirksam: false}
      - {nr: 9, key: bestandsveraenderungen, name: Bestandsveränderungen, art: ertrag, zahlungswirksam: false}
      - nr: 10
        key: ordentliche_ertraege
        name: Ordentliche Erträge
        summe: [steuern, zuwendungen_umlagen, sonstige_transferertraege, oeffentlich_rechtliche_leistungsentgelte, privatrechtliche_leistungsentgelte, kostenerstattungen, sonstige_ordentliche_ertraege, aktivierte_eigenleistungen, bestandsveraenderungen]
      - {nr: 11, key: personalaufwendungen, name: Personalaufwendungen, art: aufwand, fortschreibung: tarif}
      - {nr: 12, key: versorgungsaufwendungen, name: Versorgungsaufwendungen, art: aufwand, fortschreibung: tarif}
      - {nr: 13, key: aufwendungen_sach_dienstleistungen, name: Aufwendungen für Sach- und Dienstleistungen, art: aufwand, fortschreibung: sachkosten}
      - {nr: 14, key: bilanzielle_abschreibungen, name: Bilanzielle Abschreibungen, art: aufwand, zahlungswirksam: false}
      - {nr: 15, key: transferaufwendungen, name: Transferaufwendungen, art: aufwand}
      - {nr: 16, key: sonstige_ordentliche_aufwendungen, name: Sonstige ordentliche Aufwendungen, art: aufwand}
      - nr: 17
        key: ordentliche_aufwendungen
        name: Ordentliche Aufwendungen
        summe: [personalaufwendungen, versorgungsaufwendungen, aufwendungen_sach_dienstleistungen, bilanzielle_abschreibungen, transferaufwendungen, sonstige_ordentliche_aufwendungen]
      - {nr: 18, key: ergebnis_verwaltungstaetigkeit, name: Ergebnis der laufenden Verwaltungstätigkeit, summe: [ordentliche_ertraege, -ordentliche_aufwendungen]}
      - {nr: 19, key: finanzertraege, name: Finanzerträge, art: ertrag}
      - {nr: 20, key: zinsen_finanzaufwendungen, name: Zinsen und sonstige Finanzaufwendungen, art: aufwand}
      - {nr: 21, key: finanzergebnis, name: Finanzergebnis, summe: [finanzertraege, -zinsen_finanzaufwendungen]}
      - {nr: 22, key: ordentliches_ergebnis, name: Ordentliches Ergebnis, summe: [ergebnis_verwaltungstaetigkeit, finanzergebnis]}
      - {nr: 23, key: ausserordentliche_ertraege, name: Außerordentliche Erträge, art: ertrag}
      - {nr: 24, key: ausserordentliche_aufwendungen, name: Außerordentliche Aufwendungen, art: aufwand}
      - {nr: 25, key: ausserordentliches_ergebnis, name: Außerordentliches Ergebnis, summe: [ausserordentliche_ertraege, -ausserordentliche_aufwendungen]}
      - {nr: 26, key: ergebnis_vor_ilv, name: Ergebnis vor Berücksichtigung der internen Leistungsbeziehungen, summe: [ordentliches_ergebnis, ausserordentliches_ergebnis]}
      - {nr: 27, key: ertraege_ilv, name: Erträge aus internen Leistungsbeziehungen, art: ertrag, zahlungswirksam: false}
      - {nr: 28, key: aufwendungen_ilv, name: Aufwendungen aus internen Leistungsbeziehungen, art: aufwand, zahlungswirksam: false}
      - {nr: 29, key: ergebnis, name: Ergebnis (Teilergebnis), summe: [ergebnis_vor_ilv, ertraege_ilv, -aufwendungen_ilv]}
    finanzplan:
      - {nr: 9, key: einzahlungen_verwaltungstaetigkeit, name: Einzahlungen aus laufender Verwaltungstätigkeit, art: ertrag}
      - {nr: 16, key: auszahlungen_verwaltungstaetigkeit, name: Auszahlungen aus laufender Verwaltungstätigkeit, art: aufwand}
      - {nr: 17, key: saldo_verwaltungstaetigkeit, name: Saldo aus laufender Verwaltungstätigkeit, summe: [einzahlungen_verwaltungstaetigkeit, -auszahlungen_verwaltungstaetigkeit]}
      - {nr: 18, key: einzahlungen_investitionszuwendungen, name: Einzahlungen aus Zuwendungen für Investitionsmaßnahmen, art: ertrag}
      - {nr: 23, key: einzahlungen_investitionstaetigkeit, name: Einzahlungen aus Investitionstätigkeit, summe: [einzahlungen_investitionszuwendungen]}
      - {nr: 25, key: auszahlungen_baumassnahmen, name: Auszahlungen für Baumaßnahmen, art: aufwand}
      - {nr: 30, key: auszahlungen_investitionstaetigkeit, name: Auszahlungen aus Investitionstätigkeit, summe: [auszahlungen_baumassnahmen]}
      - {nr: 31, key: saldo_investitionstaetigkeit, name: Saldo aus Investitionstätigkeit, summe: [einzahlungen_investitionstaetigkeit, -auszahlungen_investitionstaetigkeit]}
      - {nr: 32, key: finanzmittelsaldo, name: Finanzmittelüberschuss/-fehlbedarf, summe: [saldo_verwaltungstaetigkeit, saldo_investitionstaetigkeit]}
    """#
}

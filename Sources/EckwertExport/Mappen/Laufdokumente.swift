import EckwertCore
import Foundation

/// Every document of a run (`eckwert run`): the Kämmerei workbook of each scenario, the Eckwerte workbook and the
/// committee pack (HTML report and workbook). The documents are independent of each other, so they are written as
/// parallel jobs on all cores, the largest first; each is still written atomically on its own, and the paths come
/// back in the fixed order of `Berichtsmappen.alle` and `Ausschusspaket.schreiben`, so what a run reports does not
/// depend on which job finished first.
public enum Laufdokumente {
    /// The paths of the two groups a run reports, or the first error of each group in that fixed order.
    public struct Ergebnis: Sendable {
        /// The Kämmerei workbooks in scenario order, then the Eckwerte workbook.
        public var mappen: Result<[String], any Error>
        /// `ausschuss.html`, then the committee workbook.
        public var ausschuss: Result<[String], any Error>
    }

    /// The Kämmerei workbooks, started ahead (beside the draws, which they do not show). `schreiben` adds the
    /// other documents to the same list, so that the workbooks not yet begun when the draws end are shared out
    /// among all cores with the rest, instead of following one another on one thread.
    public final class Vorab: @unchecked Sendable {
        let liste: Auftragsliste
        /// How many workbooks were started ahead (the first results of the list).
        let anzahl: Int
        /// The folder and version the workbooks were started with (`schreiben` checks that they are the same).
        let ordner: String
        let version: String

        init(_ auftraege: [@Sendable (Dateiausgabe.Nachlauf) throws -> String], ordner: String, version: String) {
            self.ordner = ordner
            self.version = version
            anzahl = auftraege.count
            liste = Auftragsliste()
            let nachlauf = liste.nachlauf
            liste.anhaengen(auftraege.map { a in { try a(nachlauf) } })
            // One workbook at a time: the draws use every core and hold their largest storage meanwhile, so a
            // second workbook in memory beside them would raise the run's peak for little gain.
            liste.arbeiterStarten()
        }
    }

    /// Starts the Kämmerei workbooks of `e` in the background. They show nothing of the draws, so `e` may be the
    /// result before the draws (`Planungslauf.rechnen(vorDenZiehungen:)`); hand the returned value to `schreiben`.
    public static func vorab(_ e: Planungsergebnis, ordner: String, version: String) -> Vorab {
        let ok = (try? Berichtsmappen.ziel(ordner, "")) != nil
        return Vorab(ok ? kaemmerei(e, ordner: ordner, version: version) : [], ordner: ordner, version: version)
    }

    private static func kaemmerei(
        _ e: Planungsergebnis, ordner: String, version: String
    ) -> [@Sendable (Dateiausgabe.Nachlauf) throws -> String] {
        // The Basis der Prognose is the same in every scenario: computed once, by the first workbook to need it.
        let basis = Einmal { Fortschreibungsbasis(e.modell) }
        return e.szenarien.map { s in
            {
                try Berichtsmappen.kaemmerei(
                    e, szenario: s.szenario, ordner: ordner, version: version, basis: basis, nachlauf: $0)
            }
        }
    }

    /// The jobs' results with the errors of finishing their files (flush, rename) put in place.
    static func mitAbschluss(
        _ ergebnisse: [Result<String, any Error>], _ fehler: [String: any Error]
    ) -> [Result<String, any Error>] {
        ergebnisse.map { r in
            if case .success(let pfad) = r, let f = fehler[pfad] { return .failure(f) }
            return r
        }
    }

    /// Writes every document into `ordner` (created when missing). A failing document does not stop the others;
    /// the caller reports the groups in order and stops at the first error. With `vorab` (started for the same
    /// run, folder and version), its Kämmerei workbooks are waited for instead of written again.
    public static func schreiben(
        _ e: Planungsergebnis, ordner: String, version: String, vorab: Vorab? = nil
    ) -> Ergebnis {
        let mappenOrdner = Result<String, any Error> { try Berichtsmappen.ziel(ordner, "") }
        let ausschussOrdner = Result<Void, any Error> { try Dateiausgabe.ordnerAnlegen(ordner) }
        let pfade = Ausschusspaket.pfade(e.modell, ordner: ordner)
        let daten = Einmal { Ausschussdaten(e, version: version) }
        let vorab = vorab.flatMap { $0.ordner == ordner && $0.version == version ? $0 : nil }
        // The list of jobs: the Kämmerei workbooks started ahead (some perhaps still waiting), or new ones here.
        let liste = vorab?.liste ?? Auftragsliste()
        // Each file is flushed to disk and renamed beside the next document (waiting for the disk needs no core).
        let nachlauf = liste.nachlauf
        let kaemmerei: [@Sendable () throws -> String] =
            vorab == nil ? kaemmerei(e, ordner: ordner, version: version).map { a in { try a(nachlauf) } } : []
        let eckwerte: @Sendable () throws -> String = {
            try Berichtsmappen.eckwerte(e, ordner: ordner, version: version, nachlauf: nachlauf)
        }
        let html: @Sendable () throws -> String = {
            try Ausschusspaket.html(daten.wert, pfad: pfade.html, nachlauf: nachlauf)
            return pfade.html
        }
        let xlsx: @Sendable () throws -> String = {
            try AusschussXlsx.schreiben(daten.wert, pfad: pfade.xlsx, nachlauf: nachlauf)
            return pfade.xlsx
        }
        // Largest first (measured on a 1000-product model: a Kämmerei workbook costs about twice the HTML report,
        // which costs more than the Eckwerte or the committee workbook), so the last job to start is a small one.
        var auftraege: [@Sendable () throws -> String] = []
        if case .success = mappenOrdner { auftraege += kaemmerei }
        if case .success = ausschussOrdner { auftraege.append(html) }
        if case .success = mappenOrdner { auftraege.append(eckwerte) }
        if case .success = ausschussOrdner { auftraege.append(xlsx) }
        // Always wait for the whole list: no document may still be written when the run reports.
        var ergebnisse = liste.abarbeiten(auftraege)[...]
        if let vorab, case .failure = mappenOrdner {
            ergebnisse = ergebnisse.dropFirst(vorab.anzahl)  // started ahead, but the folder is not usable now
        }
        func gruppe(_ vorbereitung: Result<Void, any Error>, _ n: Int) -> Result<[String], any Error> {
            if case .failure(let f) = vorbereitung { return .failure(f) }
            let teil = ergebnisse.prefix(n)
            ergebnisse = ergebnisse.dropFirst(n)
            return Result { try teil.map { try $0.get() } }
        }
        // Put the results back into report order: Kämmerei…, [HTML,] Eckwerte, [XLSX].
        let k = gruppe(mappenOrdner.map { _ in () }, e.szenarien.count)
        let h = gruppe(ausschussOrdner, 1)
        let w = gruppe(mappenOrdner.map { _ in () }, 1)
        let x = gruppe(ausschussOrdner, 1)
        return Ergebnis(
            mappen: k.flatMap { a in w.map { a + $0 } }, ausschuss: h.flatMap { a in x.map { a + $0 } })
    }
}

/// The documents of a run as one growing list of jobs, taken in list order by its workers: a background worker
/// started ahead (`arbeiterStarten`, the Kämmerei workbooks beside the draws) and, once the rest is added
/// (`abarbeiten`), as many more as make one per core. The results come back in list order.
final class Auftragsliste: @unchecked Sendable {
    /// Where the documents' files are flushed to disk and renamed.
    let nachlauf = Dateiausgabe.Nachlauf()
    private var auftraege: [@Sendable () throws -> String] = []
    private var ergebnisse: [Result<String, any Error>?] = []
    private var weiter = 0
    /// Workers taking jobs right now; `fertig` is signalled when one runs out of jobs.
    private var aktiv = 0
    private let fertig = NSCondition()

    func anhaengen(_ neue: [@Sendable () throws -> String]) {
        fertig.lock()
        auftraege += neue
        ergebnisse += repeatElement(nil, count: neue.count)
        fertig.unlock()
    }

    /// One worker in the background, taking jobs until none is left.
    func arbeiterStarten() {
        fertig.lock()
        aktiv += 1
        fertig.unlock()
        DispatchQueue.global().async { self.arbeiten() }
    }

    /// Adds `neue` and works on the list with one worker per core (counting a background worker still busy)
    /// until every job is done; returns all results in list order, with the errors of finishing their files.
    func abarbeiten(
        _ neue: [@Sendable () throws -> String], kerne: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> [Result<String, any Error>] {
        fertig.lock()
        auftraege += neue
        ergebnisse += repeatElement(nil, count: neue.count)
        let dazu = max(1, min(kerne - aktiv, auftraege.count - weiter))
        aktiv += dazu
        fertig.unlock()
        DispatchQueue.concurrentPerform(iterations: dazu) { _ in arbeiten() }
        fertig.lock()
        while aktiv > 0 { fertig.wait() }
        let alle = ergebnisse.map {
            $0 ?? .failure(Berichtsmappen.Fehler(description: "Dokument nicht geschrieben"))
        }
        fertig.unlock()
        return Laufdokumente.mitAbschluss(alle, nachlauf.warten())
    }

    /// Takes jobs until none is left, then leaves (under the lock, so a job added meanwhile is never missed).
    private func arbeiten() {
        fertig.lock()
        while weiter < auftraege.count {
            let i = weiter
            weiter += 1
            let auftrag = auftraege[i]
            fertig.unlock()
            let r = Result { try auftrag() }
            fertig.lock()
            ergebnisse[i] = r
        }
        aktiv -= 1
        fertig.broadcast()
        fertig.unlock()
    }
}

/// Independent jobs on all cores. The workers take the jobs in list order (so put the largest first); the results
/// come back in list order whatever the order of finishing.
enum Parallelauftraege {
    /// `arbeiter`: at most this many jobs at once (default: one per core).
    static func ausfuehren<T: Sendable>(
        _ auftraege: [@Sendable () throws -> T], arbeiter: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> [Result<T, any Error>] {
        let ergebnisse = Ergebnisse<T>(auftraege.count)
        let arbeiter = max(1, min(auftraege.count, arbeiter))
        DispatchQueue.concurrentPerform(iterations: arbeiter) { _ in
            while let i = ergebnisse.naechster() {
                let r = Result { try auftraege[i]() }
                ergebnisse.setzen(i, r)
            }
        }
        return ergebnisse.alle()
    }

    /// The job counter and one result slot per job.
    private final class Ergebnisse<T: Sendable>: @unchecked Sendable {
        private var werte: [Result<T, any Error>?]
        private var weiter = 0
        private let lock = NSLock()
        init(_ n: Int) { werte = Array(repeating: nil, count: n) }
        func naechster() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard weiter < werte.count else { return nil }
            weiter += 1
            return weiter - 1
        }
        func setzen(_ i: Int, _ r: Result<T, any Error>) { lock.lock(); werte[i] = r; lock.unlock() }
        func alle() -> [Result<T, any Error>] {
            lock.lock()
            defer { lock.unlock() }
            return werte.map { $0 ?? .failure(Berichtsmappen.Fehler(description: "Dokument nicht geschrieben")) }
        }
    }
}

/// A value computed once, on first use, by whichever job needs it first; later users wait for it. (The committee
/// pack's figures, shared by its HTML report and its workbook.)
final class Einmal<T>: @unchecked Sendable {
    private let rechnen: @Sendable () -> T
    private var gespeichert: T?
    private let lock = NSLock()
    init(_ rechnen: @escaping @Sendable () -> T) { self.rechnen = rechnen }
    var wert: T {
        lock.lock()
        defer { lock.unlock() }
        if let w = gespeichert { return w }
        let w = rechnen()
        gespeichert = w
        return w
    }
}

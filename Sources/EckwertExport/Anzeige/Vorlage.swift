import EckwertCore
import Foundation

/// `eckwert init`: writes the starter model (`Startervorlage`, resource files of EckwertCore) into a new folder,
/// atomically (temp folder + rename).
public enum Vorlage {
    public struct Fehler: Error, Sendable { public var meldung: String }

    public static func anlegen(in ordner: String, kommune: String) throws(Fehler) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: ordner, isDirectory: &isDir) {
            guard isDir.boolValue, (try? fm.contentsOfDirectory(atPath: ordner))?.isEmpty == true else {
                throw Fehler(meldung: "existiert bereits und ist nicht leer – init überschreibt nichts")
            }
        }
        // Build in a sibling temp folder, then move into place: a failure leaves nothing half-written.
        let ziel = URL(fileURLWithPath: ordner).standardizedFileURL
        let eltern = ziel.deletingLastPathComponent()
        do { try fm.createDirectory(at: eltern, withIntermediateDirectories: true) } catch {
            throw Fehler(meldung: "Ordner \(eltern.path) kann nicht angelegt werden")
        }
        let tmp = eltern.appendingPathComponent(
            ".eckwert-init-\(ProcessInfo.processInfo.processIdentifier)-\(ziel.lastPathComponent)")
        try? fm.removeItem(at: tmp)
        do {
            try fm.createDirectory(at: tmp, withIntermediateDirectories: false)
            for (name, inhalt) in dateien(kommune: kommune) {
                try Data(inhalt.utf8).write(to: tmp.appendingPathComponent(name))
            }
            if fm.fileExists(atPath: ziel.path) { try fm.removeItem(at: ziel) }  // empty folder, checked above
            try fm.moveItem(at: tmp, to: ziel)
        } catch {
            try? fm.removeItem(at: tmp)
            throw Fehler(meldung: "kann nicht angelegt werden: \(error.localizedDescription)")
        }
    }

    public static func dateien(kommune: String) -> [(String, String)] {
        Startervorlage.dateien(kommune: kommune)
    }
}

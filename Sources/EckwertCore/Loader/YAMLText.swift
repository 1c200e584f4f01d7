import Yams

/// The YAML reader of the model files, for other libraries (the importers read their mapping files with it):
/// a located root node and every syntax problem as a diagnostic with file, line and column.
public enum YAMLText {
    public static func knoten(_ text: String, datei: String) -> (knoten: Node?, diagnostics: [Diagnostic]) {
        let befund = Befund()
        // With Yams' default resolver: the importers may read a node's tag.
        let k = YAMLDatei.knoten(text, datei: datei, befund: befund, schnell: false)
        return (k, befund.diagnostics.items)
    }
}

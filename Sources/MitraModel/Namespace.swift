/// The IRIs and CURIE prefixes the project mints.
public enum Namespace {
    public static let ontology = "https://w3id.org/mitragraph/ontology#"
    public static let entity = "https://w3id.org/mitragraph/entity/"
    public static let document = "https://w3id.org/mitragraph/document/"
    public static let claim = "https://w3id.org/mitragraph/claim/"
    public static let ontologyPrefix = "mg"
    public static let entityPrefix = "mge"

    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    public static let owl = "http://www.w3.org/2002/07/owl#"
    public static let skos = "http://www.w3.org/2004/02/skos/core#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let biolink = "https://w3id.org/biolink/vocab/"
    public static let prov = "http://www.w3.org/ns/prov#"

    /// The named graph of the ontology's statements.
    public static let ontologyGraph = "https://w3id.org/mitragraph/graph/ontology"

    /// A document's IRI, also the name of its graph: its id percent-encoded (all but
    /// unreserved characters and `/`, so ids that are paths stay readable).
    public static func documentIRI(_ id: String) -> String {
        var out = document
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 15)])
            }
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF")
}

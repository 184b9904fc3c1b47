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
}

import MitraModel

/// Checks an ontology for what would make the extractor misread articles: unknown classes,
/// labels two entities share, identifiers two entities claim, labels that are everyday English.
///
/// Errors are contradictions the tool cannot resolve well (which entity does a shared label
/// mean?); warnings are risks a person should look at; notes are risks the ontology itself
/// acknowledges (`mg:ambiguousLabel`), listed so they stay visible.
public struct OntologyChecker {
    /// The ids of the extractor's rule types, when the caller knows them (this layer does
    /// not): rule data must name one of them, and each of them must have its data.
    public var registeredRules: [String]?

    public init(registeredRules: [String]? = nil) {
        self.registeredRules = registeredRules
    }

    /// Loads the folders (in order, layered) and checks them. A malformed file becomes the
    /// report's finding; only a missing folder throws.
    public func check(directories: [String]) throws -> OntologyReport {
        do {
            return check(try OntologyLoader().loadReporting(directories: directories))
        } catch let error as OntologyError where error.kind == .syntax {
            let finding = OntologyFinding(
                .error, .syntax, file: error.file, line: error.line, column: error.column, message: error.message)
            return OntologyReport(findings: [finding], statistics: nil)
        }
    }

    /// Checks a loaded ontology, keeping the loader's own findings.
    public func check(_ load: OntologyLoad) -> OntologyReport {
        let ontology = load.ontology
        var findings = load.findings
        findings += sharedLabels(ontology)
        findings += sharedIdentifiers(ontology)
        findings += commonWordLabels(ontology)
        findings += labelsThatAreCues(ontology)
        if let registeredRules { findings += ruleData(ontology, registered: registeredRules) }
        let rank = Dictionary(ontology.files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = findings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            let (rx, ry) = (rank[x.file] ?? Int.max, rank[y.file] ?? Int.max)
            if rx != ry { return rx < ry }
            if x.line != y.line { return x.line < y.line }
            return a.offset < b.offset
        }.map(\.element)
        return OntologyReport(findings: sorted, statistics: OntologyStatistics(ontology))
    }

    /// One error per label key that more than one entity carries, placed at the later file.
    func sharedLabels(_ ontology: Ontology) -> [OntologyFinding] {
        var owners: [String: [(entity: Entity, label: String)]] = [:]
        var order: [String] = []
        var found: [OntologyFinding] = []
        for entity in ontology.sortedEntities {
            var own: Set<String> = []
            for label in entity.allLabels {
                let key = LabelNormalizer.normalize(label)
                if key.isEmpty {
                    // A missing prefLabel is the loader's finding already.
                    if label == entity.prefLabel { continue }
                    let file = ontology.sources[entity.id]?.file(of: label) ?? ontology.files.first ?? "ontology"
                    let place = SourceLocator().locate("\"\(label)\"", in: file, under: subjects(entity))
                    found.append(OntologyFinding(
                        .error, .invalidValue, file: file, line: place?.line ?? 0, column: place?.column ?? 0,
                        message: "entity '\(entity.id)' has an empty label"))
                    continue
                }
                guard own.insert(key).inserted else { continue }
                if owners[key] == nil { order.append(key) }
                owners[key, default: []].append((entity, label))
            }
        }
        let locator = SourceLocator()
        for key in order {
            guard let list = owners[key], list.count > 1 else { continue }
            let placed = list.map { ($0.entity, $0.label, ontology.sources[$0.entity.id]?.file(of: $0.label) ?? "") }
                .sorted { (fileRank(ontology, $0.2), $0.0.id) < (fileRank(ontology, $1.2), $1.0.id) }
            let first = placed[0]
            for other in placed.dropFirst() {
                let place = locator.locate("\"\(other.1)\"", in: other.2, under: subjects(other.0))
                let spelled = first.1 == other.1 ? "" : " as \"\(first.1)\""
                found.append(OntologyFinding(
                    .error, .duplicateLabel, file: other.2, line: place?.line ?? 0, column: place?.column ?? 0,
                    message: "label \"\(other.1)\" of '\(other.0.id)' (\(other.0.entityClass), \(other.2)) is also a label of "
                        + "'\(first.0.id)' (\(first.0.entityClass), \(first.2))\(spelled); a label belongs to one entity"))
            }
        }
        return found
    }

    /// One error per identifier that is the `skos:exactMatch` of more than one entity.
    func sharedIdentifiers(_ ontology: Ontology) -> [OntologyFinding] {
        var owners: [String: [Entity]] = [:]
        var order: [String] = []
        for entity in ontology.sortedEntities {
            for id in Set(entity.exactMatches.map { $0.uppercased() }) {
                if owners[id] == nil { order.append(id) }
                owners[id, default: []].append(entity)
            }
        }
        let locator = SourceLocator()
        var found: [OntologyFinding] = []
        for id in order {
            guard let list = owners[id], list.count > 1 else { continue }
            let placed = list.map { ($0, ontology.sources[$0.id]?.file ?? "") }.sorted { (fileRank(ontology, $0.1), $0.0.id) < (fileRank(ontology, $1.1), $1.0.id) }
            let curie = placed[0].0.exactMatches.first { $0.uppercased() == id } ?? id
            for other in placed.dropFirst() {
                let place = locator.locate(curie, in: other.1, under: subjects(other.0))
                found.append(OntologyFinding(
                    .error, .duplicateIdentifier, file: other.1, line: place?.line ?? 0, column: place?.column ?? 0,
                    message: "identifier \(curie) is the skos:exactMatch of '\(placed[0].0.id)' (\(placed[0].1)) and "
                        + "'\(other.0.id)' (\(other.1)); make it the exactMatch of one and a skos:closeMatch of the other"))
            }
        }
        return found
    }

    /// A warning for each label that is a frequent English word, a note when the entity says
    /// so itself with `mg:ambiguousLabel`, and a warning for an acknowledgement of no label.
    func commonWordLabels(_ ontology: Ontology) -> [OntologyFinding] {
        let locator = SourceLocator()
        var found: [OntologyFinding] = []
        for entity in ontology.sortedEntities {
            let acknowledged = Set((ontology.ambiguousLabels[entity.id] ?? []).map(LabelNormalizer.normalize))
            let keys = Set(entity.allLabels.map(LabelNormalizer.normalize))
            var reported: Set<String> = []
            for label in entity.allLabels {
                let key = LabelNormalizer.normalize(label)
                guard ontology.commonWords.contains(key), reported.insert(key).inserted else { continue }
                let file = ontology.sources[entity.id]?.file(of: label) ?? ""
                let place = locator.locate("\"\(label)\"", in: file, under: subjects(entity))
                if acknowledged.contains(key) {
                    found.append(OntologyFinding(
                        .note, .commonWord, file: file, line: place?.line ?? 0, column: place?.column ?? 0,
                        message: "label \"\(label)\" of '\(entity.id)' is a common English word (acknowledged with mg:ambiguousLabel)"))
                } else {
                    found.append(OntologyFinding(
                        .warning, .commonWord, file: file, line: place?.line ?? 0, column: place?.column ?? 0,
                        message: "label \"\(label)\" of '\(entity.id)' is a common English word and will match ordinary prose; "
                            + "remove it, or acknowledge it with mg:ambiguousLabel \"\(label)\""))
                }
            }
            for label in ontology.ambiguousLabels[entity.id] ?? [] where !keys.contains(LabelNormalizer.normalize(label)) {
                let file = ontology.sources[entity.id]?.file ?? ""
                let place = locator.locate("\"\(label)\"", in: file, under: subjects(entity))
                found.append(OntologyFinding(
                    .warning, .invalidValue, file: file, line: place?.line ?? 0, column: place?.column ?? 0,
                    message: "'\(entity.id)' acknowledges mg:ambiguousLabel \"\(label)\" but has no such label"))
            }
        }
        return found
    }

    /// A warning for each label that is also a cue phrase: the extractor would read the same
    /// words as a mention and as a trigger, negation, hedge or anaphor.
    func labelsThatAreCues(_ ontology: Ontology) -> [OntologyFinding] {
        var cues: [String: String] = [:]
        func add(_ phrases: [String], _ kind: String) {
            for phrase in phrases { cues[LabelNormalizer.normalize(phrase)] = cues[LabelNormalizer.normalize(phrase)] ?? kind }
        }
        for name in ontology.cues.triggers.keys.sorted() { add(ontology.cues.triggers[name]!, "a trigger of '\(name)'") }
        for name in ontology.cues.listCues.keys.sorted() { add(ontology.cues.listCues[name]!, "a list cue of '\(name)'") }
        add(ontology.cues.negations.map(\.phrase), "a negation cue")
        add(ontology.cues.hedges, "a hedge cue")
        add(ontology.cues.plantAnaphors, "a plant anaphor")
        add(ontology.cues.implicitSubjects, "an implicit-subject cue")
        add(ontology.cues.advice, "an advice cue")
        add(ontology.cues.disclaimers, "a disclaimer cue")
        add(ontology.cues.attributions, "an attribution cue")
        add(ontology.cues.holders, "a holder word")
        add(ontology.cues.pseudoNegations, "a pseudo-negation")
        let locator = SourceLocator()
        var found: [OntologyFinding] = []
        for entity in ontology.sortedEntities {
            for label in entity.allLabels {
                guard let kind = cues[LabelNormalizer.normalize(label)] else { continue }
                let file = ontology.sources[entity.id]?.file(of: label) ?? ""
                let place = locator.locate("\"\(label)\"", in: file, under: subjects(entity))
                found.append(OntologyFinding(
                    .warning, .labelIsCue, file: file, line: place?.line ?? 0, column: place?.column ?? 0,
                    message: "label \"\(label)\" of '\(entity.id)' is also \(kind); the same words would be read two ways"))
            }
        }
        return found
    }

    /// An error for rule data whose id names no rule type (it would be ignored) and, when the
    /// ontology describes rules at all, for a rule type without data (it would run on its
    /// built-in defaults, out of the data's order). An ontology without rule data is an entity
    /// layer checked alone: the shipped rules.ttl is not part of it.
    func ruleData(_ ontology: Ontology, registered: [String]) -> [OntologyFinding] {
        let described = ontology.cues.rules
        guard !described.isEmpty else { return [] }
        let locator = SourceLocator()
        var found: [OntologyFinding] = []
        func place(_ id: String) -> (file: String, line: Int, column: Int) {
            for file in ontology.files {
                if let at = locator.locate(["mg:ruleID \"\(id)\""], in: file, atLineStart: false) { return (file, at.line, at.column) }
            }
            return (ontology.files.last ?? "ontology", 0, 0)
        }
        let known = Set(registered)
        for id in described.keys.sorted() where !known.contains(id) {
            let at = place(id)
            found.append(OntologyFinding(
                .error, .invalidValue, file: at.file, line: at.line, column: at.column,
                message: "rule '\(id)' names no rule of the extractor; the rules are "
                    + registered.map { "'\($0)'" }.joined(separator: ", ")))
        }
        let file = ontology.files.first { file in described.keys.contains { locator.locate(["mg:ruleID \"\($0)\""], in: file, atLineStart: false) != nil } }
        for id in registered where described[id] == nil {
            found.append(OntologyFinding(
                .error, .invalidValue, file: file ?? ontology.files.last ?? "ontology",
                message: "the extractor's rule '\(id)' has no mg:ExtractionRule data (mg:ruleID \"\(id)\")"))
        }
        return found
    }

    /// How a file may write the entity's subject: as a CURIE or a full IRI.
    private func subjects(_ entity: Entity) -> [String] { [entity.curie, "<\(entity.iri)>"] }

    private func fileRank(_ ontology: Ontology, _ file: String) -> Int {
        ontology.files.firstIndex(of: file) ?? Int.max
    }
}

import MitraModel

/// Gathers statements subject by subject, then turns them into classes, predicates, entities
/// and cues, noting every contradiction with the files involved instead of stopping at the first.
struct OntologyBuilder {
    /// An object of a statement with the file that stated it.
    private struct Value {
        var term: Term
        var file: String
    }

    /// Everything said about one subject, across files.
    private struct Node {
        /// The first file that mentions the subject.
        var file: String
        var values: [String: [Value]] = [:]
    }

    private var nodes: [Term: Node] = [:]
    private var order: [Term] = []
    /// Files in the order they were first seen.
    private var fileOrder: [String: Int] = [:]
    var prefixes: [String: String] = [:]
    private let locator = SourceLocator()

    private static let rdfType = Namespace.rdf + "type"
    private static let mg = Namespace.ontology
    private static let labelProperties = ["prefLabel", "altLabel", "hiddenLabel"].map { Namespace.skos + $0 }
    /// Types that say what kind of RDF thing a node is, not which class of the domain it has.
    private static let structuralNamespaces = [Namespace.owl, Namespace.rdfs, Namespace.skos, Namespace.rdf]

    mutating func add(_ quad: Quad, from file: String) {
        if fileOrder[file] == nil { fileOrder[file] = fileOrder.count }
        if nodes[quad.subject] == nil {
            nodes[quad.subject] = Node(file: file)
            order.append(quad.subject)
        }
        nodes[quad.subject]!.values[quad.predicate.value, default: []].append(Value(term: quad.object, file: file))
    }

    func build() -> (Ontology, [OntologyFinding]) {
        var ontology = Ontology(prefixes: prefixes)
        var findings: [OntologyFinding] = []
        let typed = order.map { ($0, nodes[$0]!) }
        buildClasses(typed, into: &ontology, &findings)
        var handled: Set<Term> = []
        for (subject, node) in typed where types(node).contains(Namespace.owl + "ObjectProperty") {
            guard let name = local(subject.value, in: Self.mg) else { continue }
            ontology.predicates[name] = predicate(name: name, subject: subject, node: node, ontology: ontology, &findings)
            handled.insert(subject)
        }
        buildCues(typed, into: &ontology, &findings)
        for (subject, node) in typed where isEntity(subject, node, ontology) {
            addEntity(subject: subject, node: node, to: &ontology, &findings)
            handled.insert(subject)
        }
        for (subject, node) in typed where !handled.contains(subject) {
            let named = (Self.labelProperties + [Namespace.skos + "exactMatch", Namespace.skos + "closeMatch",
                                                 Self.mg + "ambiguousLabel"]).first { node.values[$0] != nil }
            guard let property = named, !types(node).contains(Namespace.owl + "Class") else { continue }
            findings.append(finding(
                .error, .undeclaredEntity, node.values[property]!.first!.file, subject: subject,
                "\(compact(subject.value)) has \(compact(property)) but no file declares it an entity "
                    + "(`a skos:Concept, mg:SomeClass` with a skos:prefLabel); check the name"))
        }
        return (ontology, findings)
    }

    // MARK: classes

    private func buildClasses(_ typed: [(Term, Node)], into ontology: inout Ontology, _ findings: inout [OntologyFinding]) {
        var declared: [(name: String, subject: Term, node: Node)] = []
        for (subject, node) in typed where types(node).contains(Namespace.owl + "Class") {
            guard let name = local(subject.value, in: Self.mg) else { continue }
            declared.append((name, subject, node))
            for property in [Namespace.rdfs + "subClassOf", Self.mg + "biolinkCategory"] {
                if let f = conflict(node, property, subject: subject, what: "class '\(name)'") { findings.append(f) }
            }
        }
        // An entity class has a Biolink category or descends from a class that has one; the
        // others (cue kinds, word lists) are the ontology's own vocabulary.
        let parents = Dictionary(declared.map { ($0.name, iris($0.node, Namespace.rdfs + "subClassOf").compactMap { local($0, in: Self.mg) }.first) },
                                 uniquingKeysWith: { a, _ in a })
        // A class that is its own ancestor has no place in the hierarchy.
        var reported: Set<String> = []
        for (name, subject, _) in declared where !reported.contains(name) {
            var chain = [name]
            var current = parents[name] ?? nil
            while let c = current, !chain.contains(c), chain.count <= declared.count {
                chain.append(c)
                current = parents[c] ?? nil
            }
            guard current == name else { continue }
            reported.formUnion(chain)
            let file = nodes[subject]?.values[Namespace.rdfs + "subClassOf"]?.first?.file ?? nodes[subject]?.file ?? ""
            findings.append(finding(
                .error, .invalidValue, file, subject: subject,
                "the classes \((chain + [name]).joined(separator: " → ")) form an rdfs:subClassOf cycle; a class cannot be its own ancestor"))
        }
        var entityClasses = Set(declared.filter { !iris($0.node, Self.mg + "biolinkCategory").isEmpty }.map(\.name))
        var grew = true
        while grew {
            grew = false
            for (name, _, _) in declared where !entityClasses.contains(name) {
                if let parent = parents[name] ?? nil, entityClasses.contains(parent) {
                    entityClasses.insert(name)
                    grew = true
                }
            }
        }
        for (name, subject, node) in declared {
            guard entityClasses.contains(name) else {
                ontology.vocabularyClasses.insert(name)
                continue
            }
            ontology.classes[EntityClass(name)] = ClassInfo(
                entityClass: EntityClass(name), iri: subject.value, parent: (parents[name] ?? nil).map(EntityClass.init),
                biolinkCategory: iris(node, Self.mg + "biolinkCategory").first.map(curie),
                comment: literals(node, Namespace.rdfs + "comment").first)
        }
    }

    // MARK: predicates

    private func predicate(
        name: String, subject: Term, node: Node, ontology: Ontology, _ findings: inout [OntologyFinding]
    ) -> Relation {
        func classes(_ property: String) -> [EntityClass] {
            let values = unique(iris(node, Self.mg + property))
            if values.isEmpty {
                findings.append(finding(
                    .error, .missingClass, node.file, subject: subject,
                    "predicate '\(name)' has no mg:\(property); give it at least one class"))
            }
            return values.compactMap { classIRI in
                if let local = local(classIRI, in: Self.mg), ontology.classes[EntityClass(local)] != nil {
                    return EntityClass(local)
                }
                let file = node.values[Self.mg + property]!.first { $0.term.value == classIRI }!.file
                findings.append(finding(
                    .error, .unknownClass, file, subject: subject,
                    "predicate '\(name)' names the unknown class '\(compact(classIRI))' as mg:\(property)"
                        + knownClasses(ontology)))
                return nil
            }
        }
        for property in ["subjectClass", "objectClass", "biolinkPredicate"] {
            if let f = conflict(node, Self.mg + property, subject: subject, what: "predicate '\(name)'") { findings.append(f) }
        }
        return Relation(
            name: name, iri: subject.value,
            biolink: iris(node, Self.mg + "biolinkPredicate").first.map(curie) ?? "biolink:related_to",
            subjectClasses: classes("subjectClass"), objectClasses: classes("objectClass"),
            comment: literals(node, Namespace.rdfs + "comment").first)
    }

    // MARK: cues and word lists

    private func buildCues(_ typed: [(Term, Node)], into ontology: inout Ontology, _ findings: inout [OntologyFinding]) {
        var cues = CueLexicon()
        for (subject, node) in typed {
            let nodeTypes = types(node)
            if let triggers = node.values[Self.mg + "trigger"] {
                let name = local(subject.value, in: Self.mg) ?? compact(subject.value)
                if ontology.predicates[name] != nil {
                    cues.triggers[name, default: []] += triggers.compactMap(literal)
                } else {
                    findings.append(finding(
                        .error, .unknownPredicate, triggers[0].file, subject: subject,
                        "\(compact(subject.value)) has mg:trigger phrases but is not a predicate; predicates: "
                            + ontology.predicates.keys.sorted().joined(separator: ", ")))
                }
            }
            if let phrases = node.values[Self.mg + "listCue"] {
                let name = local(subject.value, in: Self.mg) ?? compact(subject.value)
                if ontology.predicates[name] != nil {
                    cues.listCues[name, default: []] += phrases.compactMap(literal)
                } else {
                    findings.append(finding(
                        .error, .unknownPredicate, phrases[0].file, subject: subject,
                        "\(compact(subject.value)) has mg:listCue phrases but is not a predicate; predicates: "
                            + ontology.predicates.keys.sorted().joined(separator: ", ")))
                }
            }
            if nodeTypes.contains(Self.mg + "ClaimPattern") {
                if let pattern = claimPattern(subject, node, ontology, &findings) {
                    if cues.patterns.contains(where: { $0.id == pattern.id }) {
                        findings.append(finding(
                            .error, .invalidValue, node.file, subject: subject, "pattern '\(pattern.id)' is described twice"))
                    }
                    cues.patterns.append(pattern)
                }
                continue
            }
            if nodeTypes.contains(Self.mg + "ExtractionRule") {
                if let rule = ruleSettings(subject, node, &findings) {
                    if cues.rules[rule.id] != nil {
                        findings.append(finding(
                            .error, .invalidValue, node.file, subject: subject, "rule '\(rule.id)' is described twice"))
                    }
                    cues.rules[rule.id] = rule
                }
                continue
            }
            let kinds = ["NegationCue", "HedgeCue", "PlantAnaphor", "ImplicitSubjectCue", "AdviceCue", "DisclaimerCue", "AttributionCue",
                "HolderCue", "PseudoNegationCue", "TerminatorCue", "ScopeTerminatorCue", "SymptomSourceCue", "OptionCue", "CommonWordList"]
                .filter { nodeTypes.contains(Self.mg + $0) }
            guard let kind = kinds.first else { continue }
            let phrases = literals(node, Self.mg + "phrase")
            if phrases.isEmpty {
                findings.append(finding(
                    .warning, .emptyCue, node.file, subject: subject, "\(compact(subject.value)) (mg:\(kind)) has no mg:phrase"))
            }
            switch kind {
            case "NegationCue":
                if let scope = negationScope(subject, node, &findings) {
                    let maxScope = integer(subject, node, "maxScope", in: 1...100, &findings) ?? NegationCue.defaultMaxScope
                    cues.negations += phrases.map { NegationCue(phrase: $0, scope: scope, maxScope: maxScope) }
                }
            case "HedgeCue": cues.hedges += phrases
            case "PlantAnaphor": cues.plantAnaphors += phrases
            case "ImplicitSubjectCue": cues.implicitSubjects += phrases
            case "AdviceCue": cues.advice += phrases
            case "DisclaimerCue": cues.disclaimers += phrases
            case "AttributionCue": cues.attributions += phrases
            case "HolderCue": cues.holders += phrases
            case "PseudoNegationCue": cues.pseudoNegations += phrases
            case "TerminatorCue": cues.terminators += phrases
            case "SymptomSourceCue": cues.symptomSources += phrases
            case "OptionCue": cues.optionCues += phrases
            case "ScopeTerminatorCue":
                if let terminator = scopeTerminator(subject, node, coordinators: phrases, &findings) {
                    cues.scopeTerminators.append(terminator)
                }
            default: ontology.commonWords.formUnion(phrases.map(LabelNormalizer.normalize))
            }
        }
        ontology.cues = cues
    }

    /// One `mg:ClaimPattern` node: `mg:ruleID`, `mg:predicate` (a predicate's name),
    /// `mg:pattern` (the token specs), optional `mg:negated` and `mg:confidence` (0.6).
    private func claimPattern(
        _ subject: Term, _ node: Node, _ ontology: Ontology, _ findings: inout [OntologyFinding]
    ) -> ClaimPattern? {
        guard let id = literals(node, Self.mg + "ruleID").first, !id.isEmpty, !id.contains("+") else {
            findings.append(finding(
                .error, .invalidValue, node.file, subject: subject, "\(compact(subject.value)) needs an mg:ruleID without '+'"))
            return nil
        }
        guard let predicate = literals(node, Self.mg + "predicate").first, ontology.predicates[predicate] != nil else {
            findings.append(finding(
                .error, .unknownPredicate, node.file, subject: subject,
                "pattern '\(id)' needs an mg:predicate naming a predicate: " + ontology.predicates.keys.sorted().joined(separator: ", ")))
            return nil
        }
        guard let text = literals(node, Self.mg + "pattern").first else {
            findings.append(finding(.error, .invalidValue, node.file, subject: subject, "pattern '\(id)' has no mg:pattern"))
            return nil
        }
        let negatedText = literals(node, Self.mg + "negated").first ?? "false"
        let confidenceText = literals(node, Self.mg + "confidence").first ?? "0.6"
        guard ["true", "false"].contains(negatedText), let confidence = Double(confidenceText), (0...1).contains(confidence)
        else {
            findings.append(finding(
                .error, .invalidValue, node.file, subject: subject,
                "pattern '\(id)' needs mg:negated true or false and an mg:confidence between 0 and 1"))
            return nil
        }
        do {
            let specs = try ClaimPattern.parse(text) { ontology.classes[$0] != nil }
            return ClaimPattern(id: id, predicate: predicate, negated: negatedText == "true", confidence: confidence, specs: specs)
        } catch {
            // The place of the fault inside the literal, when the literal is on one line.
            var place = locator.locate(["\"\(text)\""], in: node.file, atLineStart: false)
            place?.column += 1 + error.offset
            findings.append(OntologyFinding(
                .error, .invalidValue, file: node.file, line: place?.line ?? 0, column: place?.column ?? 0,
                message: "pattern '\(id)': \(error.message)"))
            return nil
        }
    }

    /// One `mg:ExtractionRule` node: `mg:ruleID`, `mg:order`, `mg:window`, `mg:confidence`.
    private func ruleSettings(_ subject: Term, _ node: Node, _ findings: inout [OntologyFinding]) -> RuleSettings? {
        guard let id = literals(node, Self.mg + "ruleID").first else {
            findings.append(finding(.error, .invalidValue, node.file, subject: subject, "\(compact(subject.value)) has no mg:ruleID"))
            return nil
        }
        guard let order = integer(subject, node, "order", in: 0...10_000, &findings),
            let window = integer(subject, node, "window", in: 0...100, &findings)
        else {
            if literals(node, Self.mg + "order").isEmpty || literals(node, Self.mg + "window").isEmpty {
                findings.append(finding(
                    .error, .invalidValue, node.file, subject: subject, "rule '\(id)' needs mg:order and mg:window"))
            }
            return nil
        }
        guard let text = literals(node, Self.mg + "confidence").first, let confidence = Double(text), (0...1).contains(confidence)
        else {
            findings.append(finding(
                .error, .invalidValue, node.file, subject: subject, "rule '\(id)' needs an mg:confidence between 0 and 1"))
            return nil
        }
        return RuleSettings(id: id, order: order, window: window, confidence: confidence)
    }

    /// An optional integer property within bounds; an out-of-range or non-integer value is an error.
    private func integer(
        _ subject: Term, _ node: Node, _ name: String, in bounds: ClosedRange<Int>, _ findings: inout [OntologyFinding]
    ) -> Int? {
        guard let text = literals(node, Self.mg + name).first else { return nil }
        guard let value = Int(text), bounds.contains(value) else {
            findings.append(finding(
                .error, .invalidValue, node.file, subject: subject,
                "\(compact(subject.value)) has mg:\(name) '\(text)'; expected an integer from \(bounds.lowerBound) to \(bounds.upperBound)"))
            return nil
        }
        return value
    }

    /// One `mg:ScopeTerminatorCue` node: its `mg:phrase` coordinators, at least one
    /// `mg:verbTag` and any `mg:skipTag` (Universal Dependencies tags), and any
    /// `mg:nonFiniteTag` (Penn Treebank tags), and `mg:ends`, whose scopes it ends.
    private func scopeTerminator(
        _ subject: Term, _ node: Node, coordinators: [String], _ findings: inout [OntologyFinding]
    ) -> ScopeTerminator? {
        let name = compact(subject.value)
        let verbTags = unique(literals(node, Self.mg + "verbTag"))
        let skipTags = unique(literals(node, Self.mg + "skipTag"))
        let nonFiniteTags = unique(literals(node, Self.mg + "nonFiniteTag"))
        if verbTags.isEmpty {
            findings.append(finding(
                .error, .invalidValue, node.file, subject: subject, "scope terminator \(name) has no mg:verbTag"))
            return nil
        }
        let notUD = (verbTags + skipTags).filter { !ClaimPattern.partsOfSpeech.contains($0) }
        let notPenn = nonFiniteTags.filter { !ScopeTerminator.pennTags.contains($0) }
        if !notUD.isEmpty || !notPenn.isEmpty {
            findings.append(finding(
                .error, .invalidValue, node.file, subject: subject,
                "scope terminator \(name): "
                    + (notUD.isEmpty ? "" : "mg:verbTag and mg:skipTag take Universal Dependencies tags (VERB, AUX, ADV, …), not "
                        + notUD.joined(separator: ", ") + (notPenn.isEmpty ? "" : "; "))
                    + (notPenn.isEmpty ? "" : "mg:nonFiniteTag takes Penn Treebank tags (VB, VBG, …), not "
                        + notPenn.joined(separator: ", "))))
            return nil
        }
        let endsNames = unique(literals(node, Self.mg + "ends"))
        let ends = endsNames.compactMap(ScopedCue.init(rawValue:))
        if ends.count < endsNames.count {
            findings.append(finding(
                .error, .invalidValue, node.file, subject: subject,
                "scope terminator \(name): mg:ends takes " + ScopedCue.allCases.map(\.rawValue).joined(separator: ", ") + ", not "
                    + endsNames.filter { ScopedCue(rawValue: $0) == nil }.joined(separator: ", ")))
            return nil
        }
        guard !coordinators.isEmpty else { return nil }
        return ScopeTerminator(
            coordinators: coordinators, verbTags: verbTags, nonFiniteTags: nonFiniteTags, skipTags: skipTags,
            ends: ends.isEmpty ? [.negation] : Set(ends))
    }

    private func negationScope(_ subject: Term, _ node: Node, _ findings: inout [OntologyFinding]) -> NegationScope? {
        let allowed = NegationScope.allCases.map(\.rawValue).joined(separator: ", ")
        let scopes = unique(literals(node, Self.mg + "scope"))
        let name = compact(subject.value)
        guard scopes.count == 1 else {
            let file = node.values[Self.mg + "scope"]?.last?.file ?? node.file
            findings.append(finding(
                .error, .invalidValue, file, subject: subject,
                scopes.isEmpty
                    ? "negation cue \(name) has no mg:scope; expected one of \(allowed)"
                    : "negation cue \(name) has \(scopes.count) scopes (\(scopes.joined(separator: ", "))); expected exactly one of \(allowed)"))
            return nil
        }
        guard let scope = NegationScope(rawValue: scopes[0]) else {
            findings.append(finding(
                .error, .invalidValue, node.values[Self.mg + "scope"]![0].file, subject: subject,
                "negation cue \(name) has scope '\(scopes[0])'; expected one of \(allowed)"))
            return nil
        }
        return scope
    }

    // MARK: entities

    /// A SKOS concept, a node typed with an entity class, or an `mge:` node with a type of
    /// the domain (so `mge:x a mg:Fungus` is reported as an unknown class, not ignored).
    private func isEntity(_ subject: Term, _ node: Node, _ ontology: Ontology) -> Bool {
        let nodeTypes = types(node)
        if nodeTypes.contains(Namespace.owl + "Class") || nodeTypes.contains(Namespace.owl + "ObjectProperty") { return false }
        return nodeTypes.contains(Namespace.skos + "Concept")
            || nodeTypes.contains { local($0, in: Self.mg).map { ontology.classes[EntityClass($0)] != nil } ?? false }
            || (subject.value.hasPrefix(Namespace.entity)
                && nodeTypes.contains { iri in !Self.structuralNamespaces.contains(where: iri.hasPrefix) })
    }

    private func addEntity(subject: Term, node: Node, to ontology: inout Ontology, _ findings: inout [OntologyFinding]) {
        let id = local(subject.value, in: Namespace.entity) ?? compact(subject.value)
        // Every type that names a class of the domain, with the file that gave it.
        var classValues: [(iri: String, file: String)] = []
        for value in node.values[Self.rdfType] ?? [] {
            guard case .iri(let iri) = value.term, !Self.structuralNamespaces.contains(where: iri.hasPrefix),
                  !classValues.contains(where: { $0.iri == iri }) else { continue }
            classValues.append((iri, value.file))
        }
        var known: [(EntityClass, String)] = []
        for (iri, file) in classValues {
            if let name = local(iri, in: Self.mg), ontology.classes[EntityClass(name)] != nil {
                known.append((EntityClass(name), file))
            } else if let name = local(iri, in: Self.mg), ontology.vocabularyClasses.contains(name) {
                findings.append(finding(
                    .error, .unknownClass, file, subject: subject,
                    "entity '\(id)' has the class 'mg:\(name)', which is not an entity class (it has no mg:biolinkCategory)"
                        + knownClasses(ontology)))
            } else {
                findings.append(finding(
                    .error, .unknownClass, file, subject: subject,
                    "entity '\(id)' has the unknown class '\(compact(iri))'" + knownClasses(ontology)))
            }
        }
        if known.count > 1 {
            let (a, b) = (known[0], known[1])
            findings.append(finding(
                .error, .conflict, b.1, subject: subject,
                a.1 == b.1
                    ? "entity '\(id)' has two classes, \(a.0) and \(b.0); an entity has one class"
                    : "entity '\(id)' is a \(b.0) here but a \(a.0) in \(a.1); an entity has one class"))
        }
        guard let (entityClass, classFile) = known.first else {
            if classValues.isEmpty {
                findings.append(finding(
                    .error, .missingClass, node.file, subject: subject,
                    "entity '\(id)' has no class (add `a mg:SomeClass`)" + knownClasses(ontology)))
            }
            return
        }
        let prefValues = node.values[Namespace.skos + "prefLabel"] ?? []
        let prefLabels = unique(prefValues.compactMap(literal))
        for value in Self.labelProperties.flatMap({ node.values[$0] ?? [] }) {
            guard let label = literal(value) else { continue }
            if label.unicodeScalars.contains("\0") {
                findings.append(finding(
                    .error, .invalidValue, value.file, subject: subject, "entity '\(id)' has a label holding a NUL character"))
            }
        }
        if let blank = prefValues.first(where: { literal($0)?.allSatisfy(\.isWhitespace) == true }) {
            findings.append(finding(
                .error, .missingLabel, blank.file, label: literal(blank),
                "entity '\(id)' has an empty skos:prefLabel; give it a name"))
        }
        if prefLabels.isEmpty {
            findings.append(finding(
                .error, .missingLabel, classFile, subject: subject, "entity '\(id)' has no skos:prefLabel"))
        } else if prefLabels.count > 1 {
            let where1 = prefValues.first { literal($0) == prefLabels[0] }!.file
            let second = prefValues.first { literal($0) == prefLabels[1] }!.file
            findings.append(finding(
                .error, .conflict, second, label: prefLabels[1],
                "entity '\(id)' has a second skos:prefLabel \"\(prefLabels[1])\"; it already has \"\(prefLabels[0])\" in \(where1). "
                    + "Keep one and make the other a skos:altLabel"))
        }
        var labelFiles: [String: String] = [:]
        for property in Self.labelProperties {
            for value in node.values[property] ?? [] {
                if let label = literal(value), labelFiles[label] == nil { labelFiles[label] = value.file }
            }
        }
        let prefLabel = prefLabels.first ?? ""
        var seen: Set<String> = [prefLabel]
        let altLabels = (literals(node, Namespace.skos + "altLabel") + prefLabels.dropFirst()).filter { seen.insert($0).inserted }
        let hiddenLabels = literals(node, Namespace.skos + "hiddenLabel").filter { seen.insert($0).inserted }
        let entity = Entity(
            id: id, iri: subject.value, prefLabel: prefLabel, altLabels: altLabels, hiddenLabels: hiddenLabels,
            entityClass: entityClass,
            exactMatches: unique(iris(node, Namespace.skos + "exactMatch").map(compact)),
            closeMatches: unique(iris(node, Namespace.skos + "closeMatch").map(compact)),
            comment: literals(node, Namespace.rdfs + "comment").first)
        let files = unique(node.values.values.flatMap { $0.map(\.file) }).sorted {
            (fileOrder[$0] ?? 0) < (fileOrder[$1] ?? 0)
        }
        let ambiguous = unique(literals(node, Self.mg + "ambiguousLabel"))
        if var existing = ontology.entities[id] {
            // Two IRIs with one local name (e.g. a user's own namespace): one entity.
            existing.altLabels = unique(existing.altLabels + entity.altLabels)
            existing.hiddenLabels = unique(existing.hiddenLabels + entity.hiddenLabels)
            existing.exactMatches = unique(existing.exactMatches + entity.exactMatches)
            existing.closeMatches = unique(existing.closeMatches + entity.closeMatches)
            existing.comment = existing.comment ?? entity.comment
            ontology.entities[id] = existing
            if var source = ontology.sources[id] {
                source.files = unique(source.files + files)
                source.labelFiles.merge(labelFiles) { old, _ in old }
                ontology.sources[id] = source
            }
        } else {
            ontology.entities[id] = entity
            ontology.sources[id] = EntitySource(file: classFile, files: files, labelFiles: labelFiles)
        }
        if !ambiguous.isEmpty { ontology.ambiguousLabels[id] = unique((ontology.ambiguousLabels[id] ?? []) + ambiguous) }
    }

    // MARK: helpers

    /// A finding when two files give `property` different values for one node.
    private func conflict(_ node: Node, _ property: String, subject: Term, what: String) -> OntologyFinding? {
        guard let values = node.values[property] else { return nil }
        var byFile: [(file: String, values: Set<String>)] = []
        for v in values {
            if let i = byFile.firstIndex(where: { $0.file == v.file }) {
                byFile[i].values.insert(v.term.value)
            } else {
                byFile.append((v.file, [v.term.value]))
            }
        }
        guard let first = byFile.first, let other = byFile.dropFirst().first(where: { $0.values != first.values }) else {
            return nil
        }
        func show(_ set: Set<String>) -> String { set.map { shortName($0) }.sorted().joined(separator: ", ") }
        return finding(
            .error, .conflict, other.file, subject: subject,
            "\(what) has \(compact(property)) \(show(other.values)) here but \(show(first.values)) in \(first.file); "
                + "define it in one file")
    }

    private func knownClasses(_ ontology: Ontology) -> String {
        "; known classes: " + ontology.classes.keys.map(\.name).sorted().joined(separator: ", ")
    }

    private func finding(
        _ severity: OntologyFinding.Severity, _ kind: OntologyError.Kind, _ file: String, subject: Term? = nil,
        label: String? = nil, _ message: String
    ) -> OntologyFinding {
        var place: (line: Int, column: Int)?
        if let label {
            place = locator.locate(["\"\(label)\""], in: file, atLineStart: false)
        } else if let subject {
            place = locator.locate([compact(subject.value), "<\(subject.value)>"], in: file, atLineStart: true)
        }
        return OntologyFinding(severity, kind, file: file, line: place?.line ?? 0, column: place?.column ?? 0, message: message)
    }

    private func types(_ node: Node) -> [String] { iris(node, Self.rdfType) }

    private func iris(_ node: Node, _ property: String) -> [String] {
        (node.values[property] ?? []).compactMap { if case .iri(let v) = $0.term { v } else { nil } }
    }

    private func literals(_ node: Node, _ property: String) -> [String] {
        (node.values[property] ?? []).compactMap(literal)
    }

    private func literal(_ value: Value) -> String? {
        if case .literal(let v, _, _) = value.term { v } else { nil }
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    private func local(_ iri: String, in namespace: String) -> String? {
        iri.hasPrefix(namespace) ? String(iri.dropFirst(namespace.count)) : nil
    }

    /// A class or predicate IRI as its bare local name when it is ours, else as a CURIE.
    private func shortName(_ iri: String) -> String { local(iri, in: Self.mg) ?? compact(iri) }

    private func curie(_ iri: String) -> String {
        if let local = local(iri, in: Namespace.biolink) { return "biolink:" + local }
        return compact(iri)
    }

    /// An IRI as a CURIE with the longest matching declared prefix, or the IRI itself.
    func compact(_ iri: String) -> String {
        var best: (String, String)?
        for (name, namespace) in prefixes where !namespace.isEmpty && iri.hasPrefix(namespace) {
            if best == nil || namespace.count > best!.1.count { best = (name, namespace) }
        }
        guard let (name, namespace) = best else { return iri }
        return name + ":" + iri.dropFirst(namespace.count)
    }
}

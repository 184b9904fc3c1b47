// A seeded fuzzer for the query language: random statements from the grammar, then mutated
// (tokens dropped, repeated and swapped, bytes flipped, deep nesting, long chains, huge
// numbers, odd Unicode), each run as `explain STATEMENT` so it goes through the lexer, the
// parser, the planner and SQLite's compiler without reading the graph. A crash ends the
// process; every other outcome is counted. Anything but a QueryError the user can act on
// (a "store failed" error, or another error type) is a finding, printed with its statement.
//
//   make fuzz                        # 1,000,000 statements, seed 11
//   mitragraph-fuzz-query COUNT SEED # by hand
import Foundation
import MitraBuild
import MitraModel
import MitraOntology
import MitraQuery
import MitraStore

/// SplitMix64: small, fast and the same on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds random statements from the grammar of docs/query-language.md.
struct Generator {
    var rng: SplitMix
    let entities = ["kratom", "mitragynine", "\"chronic pain\"", "nausea", "\"mu-opioid receptor\"", "7-OH", "mge:kratom",
                    "unknownthing", "\"\"", "opioids", "pain", "42"]
    let predicates = ["treats", "contains", "has_adverse_effect", "interacts_with", "any", "^treats", "warns_about",
                      "nosuchpredicate", "alternative_to", "complements"]
    let classes = ["Alkaloid", "Condition", "Receptor", "Plant", "AdverseEffect", "Nope"]
    let numbers = ["support", "denials", "claims", "hedges"]
    let flags = ["negated", "hedged", "contested"]
    let comparisons = ["=", "!=", "<", "<=", ">", ">="]

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func variable() -> String { "?" + pick(["a", "b", "c", "x", "y", "e", "r"]) }

    mutating func term() -> String {
        if chance(0.5) { return variable() + (chance(0.2) ? ":" + pick(classes) : "") }
        return pick(entities)
    }

    mutating func predicate() -> String {
        if chance(0.15) { return variable() }
        var p = pick(predicates)
        if chance(0.15) { p += "/" + pick(predicates) }
        if chance(0.1) { p = "(" + p + "|" + pick(predicates) + ")" }
        if chance(0.2) { p += "{\(int(0...12))" + (chance(0.5) ? ",\(int(0...12))" : "") + "}" }
        return p
    }

    mutating func pattern() -> String { "\(term()) \(predicate()) \(term())" }

    mutating func condition(_ depth: Int = 0) -> String {
        switch int(0...(depth > 3 ? 3 : 6)) {
        case 0: return "\(pick(numbers)) \(pick(comparisons)) \(int(-2...5))"
        case 1: return pick(flags)
        case 2: return "source \(pick(["=", "!=", "like"])) \(pick(["a.txt", "\"%kratom%\"", "x"]))"
        case 3: return "\(variable()) \(pick(["=", "!="])) \(term())"
        case 4: return "not " + condition(depth + 1)
        case 5: return "(" + condition(depth + 1) + " and " + condition(depth + 1) + ")"
        default: return condition(depth + 1) + " or " + condition(depth + 1)
        }
    }

    mutating func tail() -> String {
        var t = ""
        if chance(0.3) { t += " order by " + pick(["support", "?a", "count", "?b desc", "denials asc, ?a"]) }
        if chance(0.3) { t += " limit \(pick(["5", "0", "-1", "99999999999999999999", "x"]))" }
        if chance(0.15) { t += " offset \(pick(["2", "-5", "0"]))" }
        return t
    }

    mutating func select() -> String {
        var clauses = (0..<int(1...4)).map { _ in pattern() }
        if chance(0.5) { clauses += (0..<int(1...3)).map { _ in condition() } }
        clauses.shuffle(using: &rng)
        let body = clauses.joined(separator: pick([" and ", ", "]))
        switch int(0...3) {
        case 0: return "find " + (0..<int(1...3)).map { _ in pick(["?a", "?b", "?c", "count(*)", "count(?a)", "support"]) }
            .joined(separator: ", ") + " where " + body + (chance(0.2) ? " group by ?a" : "") + tail()
        case 1: return "count where " + body
        default: return body + tail()
        }
    }

    mutating func statement() -> String {
        switch int(0...9) {
        case 0: return "describe " + pick(entities)
        case 1: return "neighbors \(pick(entities)) depth \(int(-1...8))" + tail()
        case 2: return "path \(pick(entities)) to \(pick(entities)) max \(int(-1...12))"
        case 3: return "evidence \(pick(entities)) \(pick(predicates)) \(pick(entities))"
        case 4: return "contested" + tail()
        default: return select()
        }
    }

    /// A statement, often damaged or blown up.
    mutating func next() -> String {
        var text = statement()
        switch int(0...11) {
        case 0: text = mutateTokens(text)
        case 1: text = flipBytes(text)
        case 2: text = String(repeating: pick(["(", "not ", "explain "]), count: int(50...400)) + text
        case 3: text += " where " + Array(repeating: condition(), count: int(200...3000)).joined(separator: pick([" or ", " and "]))
        case 4: text = (0..<int(30...80)).map { "?v\($0) treats ?v\($0 + 1)" }.joined(separator: " and ")
        case 5: text = String(text.prefix(int(0...max(0, text.count))))
        case 6: text = text.replacingOccurrences(of: " ", with: pick(["\n", "\t", " \u{00A0}", "  # note\n", "\u{2028}"]))
        case 7: text += pick(["\"", "'", "\\", "\u{0}", "{", "}", "?", ";;", "…", "🙂", "\u{FEFF}"])
        default: break
        }
        return text
    }

    mutating func mutateTokens(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return text }
        for _ in 0..<int(1...3) {
            let i = int(0...(words.count - 1))
            switch int(0...3) {
            case 0: words.remove(at: i)
            case 1: words.insert(words[i], at: i)
            case 2: words.swapAt(i, int(0...(words.count - 1)))
            default: words[i] = pick(["where", "and", "or", "not", "limit", "order", "by", "find", "(", ")", "{2}", "^", "-", ":"])
            }
            if words.isEmpty { break }
        }
        return words.joined(separator: " ")
    }

    mutating func flipBytes(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return text }
        for _ in 0..<int(1...4) { bytes[int(0...(bytes.count - 1))] = UInt8.random(in: 0...255, using: &rng) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 11 : 11

// A small graph to plan against: the shipped ontology and three sentences.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let dir = NSTemporaryDirectory() + "mitragraph-fuzz-\(getpid())"
try FileManager.default.createDirectory(atPath: dir + "/corpus", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: dir) }
try "Kratom may relieve chronic pain. Kratom contains mitragynine. Mitragynine binds the mu-opioid receptor. Kratom does not cause nausea.\n"
    .write(toFile: dir + "/corpus/a.txt", atomically: true, encoding: .utf8)
let ontology = try OntologyLoader().load(directories: [root + "/ontology"])
let store = try GraphStore(path: dir + "/kg.sqlite", create: true)
try GraphBuilder(store: store, ontology: ontology).build(paths: [dir + "/corpus"])
let engine = QueryEngine(store: store)

var generator = Generator(rng: SplitMix(state: seed))
var planned = 0
var kinds: [String: Int] = [:]
var findings: [String] = []
let started = Date()
for n in 0..<count {
    let text = generator.next()
    do {
        _ = try engine.run("explain " + text, timeout: 5)
        planned += 1
    } catch let error as QueryError {
        kinds[error.kind.rawValue, default: 0] += 1
        if error.kind == .storeFailure && findings.count < 20 { findings.append("\(error.headline) ← \(text.prefix(300))") }
    } catch {
        kinds["other", default: 0] += 1
        if findings.count < 20 { findings.append("\(error) ← \(text.prefix(300))") }
    }
    if (n + 1) % 100_000 == 0 {
        FileHandle.standardError.write(Data("\(n + 1) statements, \(String(format: "%.0f", Date().timeIntervalSince(started))) s\n".utf8))
    }
}
let seconds = Date().timeIntervalSince(started)
print("statements: \(count), seed: \(seed), seconds: \(String(format: "%.1f", seconds)), per second: \(Int(Double(count) / max(seconds, 0.001)))")
print("planned (parsed, planned and compiled by SQLite): \(planned)")
for (kind, n) in kinds.sorted(by: { $0.key < $1.key }) { print("refused as \(kind): \(n)") }
print("findings (store failures or errors of another kind): \(kinds["storeFailure", default: 0] + kinds["other", default: 0])")
for finding in findings { print("  " + finding) }
exit(kinds["storeFailure", default: 0] + kinds["other", default: 0] == 0 ? 0 : 1)

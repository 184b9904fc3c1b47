import Foundation
import GRDB
import MitraModel

/// Resolves the names a query writes (entities, predicates, classes) against the store, and
/// suggests the nearest known name for one that is not there.
///
/// Classes and predicates are few and read once; entities are looked up one name at a time
/// through the labels index, so a store of any size opens instantly.
final class Catalog {
    private var classParents: [String: String?]?
    private var predicateNames: [String]?

    /// Entity ids a name denotes: an id, `mge:id`, an external id (exact or close match), or
    /// any label (case and dash insensitive). Several ids when a label is shared.
    func entityIDs(_ name: NameRef, in db: Database) throws -> [String] {
        let text = name.text
        // The lookups every query makes go through statements cached on the connection: a
        // short query would otherwise spend most of its time preparing them.
        let byID = try db.cachedStatement(sql: "SELECT 1 FROM entities WHERE id = ?")
        if try byID.hasRow(binding: text) { return [text] }
        // Only a name with a colon can be `mge:id` or an external id.
        let hasColon = text.utf8.contains(UInt8(ascii: ":"))
        if hasColon && text.lowercased().hasPrefix(Namespace.entityPrefix + ":") {
            let local = String(text.dropFirst(Namespace.entityPrefix.count + 1))
            if try byID.hasRow(binding: local) { return [local] }
        }
        if hasColon {
            let ids = try String.fetchAll(db, sql: """
                SELECT id FROM entities
                WHERE (' ' || upper(exact_matches) || ' ') LIKE ? OR (' ' || upper(close_matches) || ' ') LIKE ?
                ORDER BY (' ' || upper(exact_matches) || ' ') LIKE ? DESC, id
                """, arguments: StatementArguments(Array(repeating: "% " + text.uppercased() + " %", count: 3)))
            if let first = ids.first { return [first] }
        }
        let ids = try db.cachedStatement(sql: "SELECT DISTINCT entity FROM labels WHERE normalized = ? ORDER BY entity")
            .strings(binding: LabelNormalizer.normalize(text))
        if !ids.isEmpty { return ids }
        // Edges imported from RDF may name nodes the ontology does not know.
        if let term = try EdgeTerms.entity(text, in: db),
           try Bool.fetchOne(db, sql: "SELECT 1 FROM edges WHERE s = ? LIMIT 1", arguments: [term]) == true
            || (try Bool.fetchOne(db, sql: "SELECT 1 FROM edges INDEXED BY edges_osp WHERE o = ? LIMIT 1", arguments: [term])) == true {
            return [text]
        }
        let labels = try String.fetchAll(db, sql: "SELECT label FROM labels WHERE kind != 'hidden' ORDER BY label LIMIT 200000")
        throw QueryError(kind: .unknownEntity, line: name.position.line, column: name.position.column,
                         message: "unknown entity '\(text)'" + EditDistance.suggestion(for: text, in: labels))
    }

    /// The predicate a name denotes.
    func predicate(_ name: NameRef, in db: Database) throws -> String {
        // A name as the store spells it needs one seek, not the whole list.
        if try db.cachedStatement(sql: "SELECT 1 FROM predicates WHERE name = ?").hasRow(binding: name.text) { return name.text }
        let names = try predicates(db)
        if names.contains(name.text) { return name.text }
        if let folded = names.first(where: { $0.lowercased() == name.text.lowercased() }) { return folded }
        if let term = try EdgeTerms.predicate(name.text, in: db),
           try Bool.fetchOne(db, sql: "SELECT 1 FROM edges INDEXED BY edges_pos WHERE p = ? LIMIT 1", arguments: [term]) == true {
            return name.text
        }
        throw QueryError(kind: .unknownPredicate, line: name.position.line, column: name.position.column,
                         message: "unknown predicate '\(name.text)'" + EditDistance.suggestion(for: name.text, in: names))
    }

    /// The stored document a `source = …` names: its id, its URL, its title (in any case), or
    /// the one whose file name it is (`a.txt` for `corpus/a.txt`); an unknown one is an error
    /// naming the nearest ids, so a typo does not pass for an empty result.
    func document(_ name: NameRef, in db: Database) throws -> String {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [name.text]) == true { return name.text }
        let stated = try String.fetchAll(db, sql: """
            SELECT id FROM documents WHERE url = ? UNION SELECT id FROM documents WHERE lower(title) = lower(?)
            """, arguments: [name.text, name.text])
        if stated.count == 1 { return stated[0] }
        if stated.count > 1 {
            throw QueryError(kind: .unknownDocument, line: name.position.line, column: name.position.column,
                             message: "'\(name.text)' is the title of several documents (\(stated.sorted().prefix(3).joined(separator: ", "))); name one by its id")
        }
        let ids = try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id LIMIT 100000")
        let byFileName = ids.filter { ($0 as NSString).lastPathComponent == name.text }
        if byFileName.count == 1 { return byFileName[0] }
        throw QueryError(kind: .unknownDocument, line: name.position.line, column: name.position.column,
                         message: "unknown document '\(name.text)'" + EditDistance.suggestion(for: name.text, in: ids))
    }

    /// The class a name denotes and every class below it.
    func classAndSubclasses(_ name: NameRef, in db: Database) throws -> [String] {
        let parents = try classes(db)
        guard let root = parents.keys.first(where: { $0.lowercased() == name.text.lowercased() }) else {
            throw QueryError(kind: .unknownClass, line: name.position.line, column: name.position.column,
                             message: "unknown class '\(name.text)'" + EditDistance.suggestion(for: name.text, in: parents.keys.sorted()))
        }
        var result = [root]
        var frontier = [root]
        while let next = frontier.popLast() {
            for (child, parent) in parents where parent == next && !result.contains(child) {
                result.append(child)
                frontier.append(child)
            }
        }
        return result.sorted()
    }

    /// Every predicate name the store knows, sorted.
    func predicates(_ db: Database) throws -> [String] {
        if let predicateNames { return predicateNames }
        let names = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM predicates ORDER BY name"))
        predicateNames = names
        return names
    }

    /// class → parent.
    func classes(_ db: Database) throws -> [String: String?] {
        if let classParents { return classParents }
        var parents: [String: String?] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT name, parent FROM classes")) {
            parents[row["name"]] = row["parent"] as String?
        }
        classParents = parents
        return parents
    }
}

import ArgumentParser
import Foundation
import MitraModel
import MitraStore

/// `mitragraph docs`: lists and removes the documents a store holds.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "List or remove the documents in the store.",
        discussion: """
            Examples:
              mitragraph docs list
              mitragraph docs list --store kg.sqlite --json
              mitragraph docs remove vendor-kratom-capsules.html
            """,
        subcommands: [List.self, Remove.self])

    /// `mitragraph docs list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored documents with their claim and mention counts.",
            discussion: """
                Examples:
                  mitragraph docs list
                  mitragraph docs list --store kg.sqlite --json
                """)

        @OptionGroup var storeOptions: StoreOptions

        @Flag(name: .long, help: "Print one JSON object per document.")
        var json = false

        func run() throws {
            try reportingErrors {
                let store = try GraphStore(path: storeOptions.store)
                for doc in try store.documents() {
                    if json {
                        print("""
                            {"id": \(JSONString.quoted(doc.id)), "hash": \(JSONString.quoted(doc.hash)), "format": \(JSONString.quoted(doc.format)), \
                            "added_at": \(JSONString.quoted(doc.addedAt)), "claims": \(doc.claimCount), "mentions": \(doc.mentionCount)}
                            """)
                    } else {
                        print("\(doc.id)\t\(doc.format)\t\(doc.claimCount) claims\t\(doc.mentionCount) mentions\t\(doc.addedAt)")
                    }
                }
            }
        }
    }

    /// `mitragraph docs remove`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove documents and everything extracted from them, in one transaction.",
            discussion: """
                Examples:
                  mitragraph docs remove vendor-kratom-capsules.html
                  mitragraph docs remove --store kg.sqlite a.txt b.md
                """)

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: ArgumentHelp("Ids of the documents to remove (as `docs list` shows them).", valueName: "id"))
        var ids: [String]

        func run() throws {
            try reportingErrors {
                let store = try GraphStore(path: storeOptions.store)
                let known = Set(try store.documentHashes().keys)
                let unknown = ids.filter { !known.contains($0) }
                guard unknown.isEmpty else {
                    throw StoreError(kind: .unknownDocument, path: store.path, message:
                        "no document \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in the store; nothing was removed (see `mitragraph docs list`)")
                }
                let removed = try store.removeDocuments(ids)
                print("removed \(removed) document\(removed == 1 ? "" : "s") from \(store.path)")
            }
        }
    }
}

import MitraModel
import MitraQuery
import Testing

/// The four text formats, including cells that would break a naive writer.
@Suite struct ResultFormatterTests {
    let result = QueryResult(columns: ["entity", "support"], rows: [
        [.entity(id: "chronic-pain", label: "chronic pain"), .integer(3)],
        [.entity(id: "x", label: "say \"hi\", then\tgo\nhome"), .integer(12)],
    ])

    @Test func emptyTable() {
        #expect(ResultFormatter(format: .table).format(QueryResult(columns: ["a"], rows: [])) == "a\n-\n(no rows)\n")
    }

    @Test func alignedTableRightAlignsNumbers() {
        let one = QueryResult(columns: ["entity", "support"], rows: [
            [.entity(id: "chronic-pain", label: "chronic pain"), .integer(3)], [.text("pain"), .integer(12)],
        ])
        #expect(ResultFormatter(format: .table).format(one) == """
            entity        support
            ------------  -------
            chronic pain        3
            pain               12
            (2 rows)

            """)
    }

    @Test func expandedTableShowsOneFieldALine() {
        #expect(ResultFormatter(format: .table, expanded: true).format(result) == """
            -[ row 1 ]---
            entity  | chronic pain
            support | 3
            -[ row 2 ]---
            entity  | say "hi", then\tgo⏎home
            support | 12
            (2 rows)

            """)
        #expect(ResultFormatter(format: .table, expanded: true).format(QueryResult(columns: ["a"], rows: [])) == "(no rows)\n")
    }

    @Test func json() {
        #expect(ResultFormatter(format: .json).format(result) == """
            [
              {"entity": {"id": "chronic-pain", "label": "chronic pain"}, "support": 3},
              {"entity": {"id": "x", "label": "say \\"hi\\", then\\tgo\\nhome"}, "support": 12}
            ]

            """)
        #expect(ResultFormatter(format: .json).format(QueryResult(columns: ["a"], rows: [])) == "[]\n")
    }

    @Test func csvQuotesWhatNeedsIt() {
        #expect(ResultFormatter(format: .csv).format(result) == "entity,support\nchronic pain,3\n\"say \"\"hi\"\", then\tgo\nhome\",12\n")
    }

    @Test func tsvEscapesTabsAndNewlines() {
        #expect(ResultFormatter(format: .tsv).format(result) == "entity\tsupport\nchronic pain\t3\nsay \"hi\", then\\tgo\\nhome\t12\n")
    }
}

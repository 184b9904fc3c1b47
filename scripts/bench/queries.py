"""The query benchmark: each question asked of both stores, in SPARQL and in ours, with a
function per side that turns the answer into the same comparable value.

The graph is generate.ntriples(): entities `bench-<class>-<i>` labelled "bench <class> <i>";
low indexes are hubs.
"""
from generate import MG, MGE

PREFIX = f"PREFIX mg: <{MG}> PREFIX mge: <{MGE}> "


def _names(rows, key):
    return sorted(r[key] for r in rows)


def _oxi_local(solutions, var):
    return sorted(str(s[var].value).rsplit("/", 1)[-1] for s in solutions)


def _label_to_local(label):
    # "bench condition 0" -> "bench-condition-0"
    return label.replace(" ", "-")


QUERIES = [
    {
        "name": "pattern (?x treats C)",
        "sparql": PREFIX + "SELECT ?x WHERE { ?x mg:treats mge:bench-condition-0 }",
        "sparql_answer": lambda r: _oxi_local(r, "x"),
        "ours": 'find ?x where ?x treats "bench condition 0"',
        "ours_answer": lambda rows: sorted(_label_to_local(v) for v in _names(rows["rows"], "x")),
    },
    {
        "name": "star join (treats C and has_adverse_effect E)",
        "sparql": PREFIX + "SELECT ?x WHERE { ?x mg:treats mge:bench-condition-0 . ?x mg:has_adverse_effect mge:bench-adverseeffect-0 }",
        "sparql_answer": lambda r: _oxi_local(r, "x"),
        "ours": 'find ?x where ?x treats "bench condition 0" and ?x has_adverse_effect "bench adverseeffect 0"',
        "ours_answer": lambda rows: sorted(_label_to_local(v) for v in _names(rows["rows"], "x")),
    },
    {
        "name": "two hop (P contains ?a, ?a interacts_with ?r)",
        "sparql": PREFIX + "SELECT DISTINCT ?r WHERE { mge:bench-plant-0 mg:contains ?a . ?a mg:interacts_with ?r }",
        "sparql_answer": lambda r: _oxi_local(r, "r"),
        "ours": 'find distinct ?r where "bench plant 0" contains ?a and ?a interacts_with ?r',
        "ours_answer": lambda rows: sorted(_label_to_local(v) for v in _names(rows["rows"], "r")),
    },
    {
        "name": "bounded path (A to B, at most 3 edges)",
        "sparql": PREFIX + "ASK { { mge:bench-agency-3 ?p1 mge:bench-receptor-5 } UNION "
                           "{ mge:bench-agency-3 ?p1 ?x . ?x ?p2 mge:bench-receptor-5 } UNION "
                           "{ mge:bench-agency-3 ?p1 ?x . ?x ?p2 ?y . ?y ?p3 mge:bench-receptor-5 } }",
        "sparql_answer": lambda r: bool(r),
        "ours": 'path "bench agency 3" to "bench receptor 5" max 3',
        "ours_answer": lambda rows: len(rows["rows"]) > 0,
    },
    {
        "name": "group by (edges per predicate)",
        "sparql": PREFIX + "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(mg:))) } GROUP BY ?p",
        "sparql_answer": lambda r: sorted((str(s["p"].value).rsplit("#", 1)[-1], int(s["n"].value)) for s in r),
        "ours": "count ?x where ?x ?p ?y group by ?p",
        "ours_answer": lambda rows: sorted((r["p"], int(r["count"])) for r in rows["rows"]),
    },
]

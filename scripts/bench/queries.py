"""The query benchmark: each question asked of both stores, in SPARQL and in ours, with a
function per side that turns the answer into the same comparable value.

The graph is generate.ntriples(): entities `bench-<class>-<i>` labelled "bench <class> <i>";
low indexes are hubs.
"""
from generate import MG, MGE

PREFIX = f"PREFIX mg: <{MG}> PREFIX mge: <{MGE}> "


def _ids(rows, key):
    """The distinct entity ids of one column of our JSON output (an array of objects)."""
    return sorted({r[key]["id"] if isinstance(r[key], dict) else r[key] for r in rows})


def _oxi_local(solutions, var):
    return sorted({str(s[var].value).rsplit("/", 1)[-1] for s in solutions})


def _count(row):
    return int(next(v for k, v in row.items() if k.startswith("count")))


QUERIES = [
    {
        "name": "pattern (?x treats C)",
        "sparql": PREFIX + "SELECT ?x WHERE { ?x mg:treats mge:bench-condition-0 }",
        "sparql_answer": lambda r: _oxi_local(r, "x"),
        "ours": 'find ?x where ?x treats "bench condition 0"',
        "ours_answer": lambda rows: _ids(rows, "x"),
    },
    {
        "name": "star join (treats C and has_adverse_effect E)",
        "sparql": PREFIX + "SELECT ?x WHERE { ?x mg:treats mge:bench-condition-0 . ?x mg:has_adverse_effect mge:bench-adverseeffect-0 }",
        "sparql_answer": lambda r: _oxi_local(r, "x"),
        "ours": 'find ?x where ?x treats "bench condition 0" and ?x has_adverse_effect "bench adverseeffect 0"',
        "ours_answer": lambda rows: _ids(rows, "x"),
    },
    {
        "name": "two hop (P contains ?a, ?a interacts_with ?r)",
        "sparql": PREFIX + "SELECT DISTINCT ?r WHERE { mge:bench-plant-0 mg:contains ?a . ?a mg:interacts_with ?r }",
        "sparql_answer": lambda r: _oxi_local(r, "r"),
        "ours": 'find ?r where "bench plant 0" contains ?a and ?a interacts_with ?r',
        "ours_answer": lambda rows: _ids(rows, "r"),
    },
    {
        "name": "bounded path (A to B, 1 to 3 edges, directed)",
        "sparql": PREFIX + "ASK { { mge:bench-agency-3 ?p1 mge:bench-receptor-5 } UNION "
                           "{ mge:bench-agency-3 ?p1 ?x . ?x ?p2 mge:bench-receptor-5 } UNION "
                           "{ mge:bench-agency-3 ?p1 ?x . ?x ?p2 ?y . ?y ?p3 mge:bench-receptor-5 } }",
        "sparql_answer": lambda r: bool(r),
        "ours": 'count where "bench agency 3" any{1,3} "bench receptor 5"',
        "ours_answer": lambda rows: _count(rows[0]) > 0,
    },
    {
        "name": "group by (edges per predicate)",
        "sparql": PREFIX + "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(mg:))) } GROUP BY ?p",
        "sparql_answer": lambda r: sorted((str(s["p"].value).rsplit("#", 1)[-1], int(s["n"].value)) for s in r),
        "ours": "find ?p, count(*) where ?s ?p ?o",
        "ours_answer": lambda rows: sorted((r["p"]["id"] if isinstance(r["p"], dict) else r["p"], _count(r)) for r in rows),
    },
]

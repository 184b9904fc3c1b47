#!/usr/bin/env python3
"""Reads mitragraph's exports back with the tools users feed them to, and compares every
value with the JSON export of the same graph.

  check-exports.py graphml FILE.graphml REFERENCE.json   networkx and igraph
  check-exports.py rdf FILE.nt|FILE.ttl TRIPLES          pyoxigraph (skipped when absent)
  check-exports.py csv FOLDER REFERENCE.json             Python's csv module (RFC 4180)

Exits 0 when everything matches, 1 with one line per difference otherwise.
"""
import csv
import json
import os
import sys

problems = []


def expect(what, got, wanted):
    if got != wanted or type(got) is not type(wanted):
        problems.append(f"{what}: got {got!r} ({type(got).__name__}), wanted {wanted!r} ({type(wanted).__name__})")


def load_reference(path):
    with open(path, encoding="utf-8") as f:
        ref = json.load(f)
    return ref, {n["curie"]: n for n in ref["nodes"]}


def edge_key(subject, predicate, obj):
    return ("mge:" + subject, predicate, "mge:" + obj)


def check_graphml(path, reference):
    import networkx as nx
    ref, nodes = load_reference(reference)
    # GraphML leaves out the entities without an edge (unless asked for).
    ref["nodes"] = [n for n in ref["nodes"] if n["degree"] > 0]
    nodes = {c: n for c, n in nodes.items() if n["degree"] > 0}
    g = nx.read_graphml(path)
    expect("networkx directed", g.is_directed(), True)
    expect("networkx node count", g.number_of_nodes(), len(ref["nodes"]))
    expect("networkx edge count", g.number_of_edges(), len(ref["edges"]))
    by_curie = {}
    for nid, data in g.nodes(data=True):
        by_curie[data.get("curie")] = (nid, data)
    for curie, n in nodes.items():
        if curie not in by_curie:
            problems.append(f"networkx: node {curie} missing")
            continue
        _, data = by_curie[curie]
        for key in ("label", "class", "category", "iri"):
            expect(f"networkx node {curie} {key}", data.get(key), n[key])
        expect(f"networkx node {curie} xref", json.loads(data.get("xref")), n["xref"])
        expect(f"networkx node {curie} synonyms", json.loads(data.get("synonyms")), n["synonyms"])
        expect(f"networkx node {curie} mentions", data.get("mentions"), n["mentions"])
        expect(f"networkx node {curie} mention_documents", data.get("mention_documents"), n["mention_documents"])
    ids = {by_curie[c][0]: c for c in by_curie}
    edges = {}
    for u, v, data in g.edges(data=True):
        edges[(ids[u], data.get("predicate"), ids[v])] = data
    for e in ref["edges"]:
        key = edge_key(e["subject"], e["predicate"], e["object"])
        data = edges.get(key)
        if data is None:
            problems.append(f"networkx: edge {key} missing")
            continue
        expect(f"networkx edge {key} label", data.get("label"), e["predicate"])
        expect(f"networkx edge {key} biolink_predicate", data.get("biolink_predicate"), e["biolink_predicate"])
        for key2 in ("support", "denials", "hedged", "claims", "contested", "only_denied"):
            expect(f"networkx edge {key} {key2}", data.get(key2), e[key2])
        expect(f"networkx edge {key} weight", data.get("weight"), float(e["support"]))
        for key2 in ("documents", "supporting_documents", "denying_documents"):
            expect(f"networkx edge {key} {key2}", json.loads(data.get(key2)), e[key2])
    check_graphml_structure(path)

    import igraph
    ig = igraph.Graph.Read_GraphML(path)
    expect("igraph directed", ig.is_directed(), True)
    expect("igraph vertex count", ig.vcount(), len(ref["nodes"]))
    expect("igraph edge count", ig.ecount(), len(ref["edges"]))
    expect("igraph labels", sorted(ig.vs["label"]), sorted(n["label"] for n in ref["nodes"]))
    expect("igraph curies", sorted(ig.vs["curie"]), sorted(nodes))
    seen = {}
    for edge in ig.es:
        s = ig.vs[edge.source]["curie"]
        o = ig.vs[edge.target]["curie"]
        seen[(s, edge["predicate"], o)] = edge
    for e in ref["edges"]:
        key = edge_key(e["subject"], e["predicate"], e["object"])
        edge = seen.get(key)
        if edge is None:
            problems.append(f"igraph: edge {key} missing")
            continue
        expect(f"igraph edge {key} support", int(edge["support"]), e["support"])
        expect(f"igraph edge {key} contested", bool(edge["contested"]), e["contested"])
        expect(f"igraph edge {key} documents", json.loads(edge["documents"]), e["documents"])


def check_graphml_structure(path):
    """What the GraphML schema asks that networkx does not check: keys first, typed, and
    referred to only from their domain; ids unique NMTOKENs; edges between declared nodes."""
    import re
    import xml.etree.ElementTree as ET
    g = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.parse(path).getroot()
    expect("root element", root.tag, g + "graphml")
    children = [c.tag for c in root]
    expect("keys come before the graph", children, [g + "key"] * (len(children) - 1) + [g + "graph"])
    keys = {}
    for k in root.findall(g + "key"):
        if k.get("attr.type") not in {"boolean", "int", "long", "float", "double", "string"}:
            problems.append(f"key {k.get('id')} has type {k.get('attr.type')}")
        if k.get("for") not in {"node", "edge", "graph", "all"} or not k.get("attr.name"):
            problems.append(f"key {k.get('id')} lacks for or attr.name")
        keys[k.get("id")] = k.get("for")
    graph = root.find(g + "graph")
    expect("edgedefault", graph.get("edgedefault"), "directed")
    nmtoken = re.compile(r"^[A-Za-z0-9._:\-\u00B7\u00C0-\uFFFF]+$")
    node_ids = [n.get("id") for n in graph.findall(g + "node")]
    edge_ids = [e.get("id") for e in graph.findall(g + "edge")]
    expect("unique node ids", len(set(node_ids)), len(node_ids))
    expect("unique edge ids", len(set(edge_ids)), len(edge_ids))
    for i in node_ids + edge_ids:
        if not i or not nmtoken.match(i):
            problems.append(f"id {i!r} is not an NMTOKEN")
    declared = set(node_ids)
    for e in graph.findall(g + "edge"):
        if e.get("source") not in declared or e.get("target") not in declared:
            problems.append(f"edge {e.get('id')} joins undeclared nodes")
    for element in list(graph.findall(g + "node")) + list(graph.findall(g + "edge")):
        domain = element.tag[len(g):]
        for d in element.findall(g + "data"):
            if keys.get(d.get("key")) not in (domain, "all"):
                problems.append(f"{domain} {element.get('id')} uses key {d.get('key')} not declared for it")


def check_rdf(path, triples):
    try:
        import pyoxigraph
    except ImportError:
        print("check-exports: pyoxigraph is not installed; RDF load skipped")
        return
    fmt = pyoxigraph.RdfFormat.TURTLE if path.endswith(".ttl") else pyoxigraph.RdfFormat.N_TRIPLES
    store = pyoxigraph.Store()
    store.load(path=path, format=fmt)
    expect(f"pyoxigraph triples in {os.path.basename(path)}", len(store), int(triples))
    claims = list(store.query(
        "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ; "
        "<http://www.w3.org/ns/prov#wasDerivedFrom> ?d }"))
    if not claims or int(claims[0]["n"].value) == 0:
        problems.append("pyoxigraph: no claim with provenance")


def check_csv(folder, reference):
    ref, nodes = load_reference(reference)
    with open(os.path.join(folder, "nodes.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expect("csv node count", len(rows), len(ref["nodes"]))
    for row in rows:
        n = nodes.get(row["curie"])
        if n is None:
            problems.append(f"csv: unknown node {row['curie']}")
            continue
        for key in ("id", "label", "class", "category", "iri"):
            expect(f"csv node {row['curie']} {key}", row[key], n[key])
        expect(f"csv node {row['curie']} synonyms", json.loads(row["synonyms"]), n["synonyms"])
        expect(f"csv node {row['curie']} mentions", int(row["mentions"]), n["mentions"])
    with open(os.path.join(folder, "edges.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expect("csv edge count", len(rows), len(ref["edges"]))
    for row, e in zip(rows, ref["edges"]):
        for key in ("subject", "predicate", "object", "subject_label", "object_label"):
            expect(f"csv edge {key}", row[key], e[key])
        expect("csv edge support", int(row["support"]), e["support"])
        expect("csv edge contested", row["contested"] == "true", e["contested"])
        expect("csv edge documents", json.loads(row["documents"]), e["documents"])


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("graphml", "rdf", "csv"):
        sys.exit(__doc__)
    kind, path, arg = sys.argv[1:]
    {"graphml": check_graphml, "rdf": check_rdf, "csv": check_csv}[kind](path, arg)
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"check-exports: {kind} {os.path.basename(path)} OK")


if __name__ == "__main__":
    main()

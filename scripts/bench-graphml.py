#!/usr/bin/env python3
"""GraphML export of a large graph: mitragraph against networkx's write_graphml (SPEC §9).

  bench-graphml.py [--edges N] [--mitragraph PATH] [--keep DIR]

Makes a store with N edges (one claim each, over N/50 entities and 9 predicates) by writing
SQL straight into a store the CLI created, then times `mitragraph export --format graphml`
and, on the same data already in memory, networkx's write_graphml with the same attributes.
networkx's time leaves out building its graph, so the ratio is in its favour.
Run with the test environment's Python (make test creates .venv-test).
"""
import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

PREDICATES = [("contains", "biolink:has_part"), ("interacts_with", "biolink:interacts_with"),
              ("modulates", "biolink:affects"), ("treats", "biolink:treats"),
              ("has_adverse_effect", "biolink:has_adverse_event"), ("complements", "biolink:related_to"),
              ("alternative_to", "biolink:related_to"), ("warns_about", "biolink:related_to"),
              ("regulates", "biolink:related_to")]


def make_store(cli, folder, n_edges):
    corpus = os.path.join(folder, "corpus")
    os.makedirs(corpus)
    with open(os.path.join(corpus, "seed.txt"), "w") as f:
        f.write("Kratom contains mitragynine.\n")
    store = os.path.join(folder, "bench.sqlite")
    subprocess.run([cli, "build", "--quiet", "--store", store, corpus], check=True)
    db = sqlite3.connect(store)
    n_entities = max(n_edges // 50, 100)
    n_docs = 1000
    rng = random.Random(7)
    db.execute("BEGIN")
    db.executemany("INSERT INTO documents (id, hash, format, added_at, text) VALUES (?, ?, 'text', '', '')",
                   [(f"doc-{d}.txt", f"h{d}") for d in range(n_docs)])
    db.executemany("INSERT INTO sentences (doc, idx, start, \"end\", text) VALUES (?, 0, 0, 10, 'A sentence.')",
                   [(f"doc-{d}.txt",) for d in range(n_docs)])
    seen = set()

    def claims():
        while len(seen) < n_edges:
            s, o = rng.randrange(n_entities), rng.randrange(n_entities)
            p = rng.randrange(len(PREDICATES))
            if s == o or (s, p, o) in seen:
                continue
            seen.add((s, p, o))
            yield (f"doc-{rng.randrange(n_docs)}.txt", f"ent-{s}", PREDICATES[p][0], f"ent-{o}",
                   int(rng.random() < 0.1), int(rng.random() < 0.2))

    db.executemany("""INSERT INTO claims (doc, sentence, subject, predicate, object, subject_start, subject_end,
                      object_start, object_end, negated, hedged, rule, confidence)
                      VALUES (?, 0, ?, ?, ?, 0, 1, 2, 3, ?, ?, 'bench', 0.5)""", claims())
    db.execute("DELETE FROM edges")
    db.execute("""INSERT INTO edges (subject, predicate, object, supporting_docs, denying_docs, hedged_claims, claim_count)
                  SELECT subject, predicate, object, count(DISTINCT CASE WHEN negated = 0 THEN doc END),
                         count(DISTINCT CASE WHEN negated = 1 THEN doc END), sum(hedged), count(*)
                  FROM claims GROUP BY subject, predicate, object""")
    db.execute("COMMIT")
    db.close()
    return store


def networkx_graph(store):
    import networkx as nx
    db = sqlite3.connect(store)
    g = nx.MultiDiGraph()
    biolink = dict(PREDICATES)
    for (entity,) in db.execute("SELECT entity FROM mentions UNION SELECT subject FROM claims UNION SELECT object FROM claims"):
        g.add_node(entity, label=entity, **{"class": "Unknown"}, category="biolink:NamedThing",
                   iri="https://w3id.org/mitragraph/entity/" + entity, curie="mge:" + entity, xref="",
                   synonyms="[]", mentions=0, mention_documents=0)
    rows = db.execute("""SELECT e.subject, e.predicate, e.object, e.supporting_docs, e.denying_docs, e.hedged_claims,
                                e.claim_count, (SELECT json_group_array(doc) FROM claims c WHERE c.subject = e.subject
                                AND c.predicate = e.predicate AND c.object = e.object)
                         FROM edges e""")
    for n, (s, p, o, sup, den, hed, cl, docs) in enumerate(rows):
        g.add_edge(s, o, key=f"e{n}", label=p, predicate=p, biolink_predicate=biolink.get(p, "biolink:related_to"),
                   support=sup, denied=den, hedged=hed, claims=cl, contested=bool(sup and den),
                   only_denied=bool(den and not sup), documents=docs)
    db.close()
    return g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--mitragraph", default=".build/release/mitragraph")
    ap.add_argument("--keep")
    a = ap.parse_args()
    folder = a.keep or tempfile.mkdtemp(prefix="mitragraph-bench-")
    os.makedirs(folder, exist_ok=True)
    try:
        t = time.perf_counter()
        store = make_store(a.mitragraph, folder, a.edges)
        print(f"store with {a.edges} edges made in {time.perf_counter() - t:.1f} s")

        out = os.path.join(folder, "mitragraph.graphml")
        t = time.perf_counter()
        subprocess.run([a.mitragraph, "export", "--store", store, "--format", "graphml", "--output", out], check=True)
        ours = time.perf_counter() - t
        print(f"mitragraph export --format graphml: {ours:.2f} s, {a.edges / ours:,.0f} edges/s, "
              f"{os.path.getsize(out) / 1e6:.0f} MB")

        import networkx as nx
        g = networkx_graph(store)
        theirs_path = os.path.join(folder, "networkx.graphml")
        t = time.perf_counter()
        nx.write_graphml(g, theirs_path)
        theirs = time.perf_counter() - t
        print(f"networkx write_graphml (graph already in memory): {theirs:.2f} s, {a.edges / theirs:,.0f} edges/s, "
              f"{os.path.getsize(theirs_path) / 1e6:.0f} MB")
        print(f"ratio: {theirs / ours:.1f}x (target >= 10x)")
    finally:
        if not a.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

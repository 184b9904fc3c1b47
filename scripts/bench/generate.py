"""Deterministic benchmark inputs made from the real ontology's labels.

- corpus(): article-like text files (templates over every label of the ontology, with
  coordination, negation, hedges, anaphors and filler), to a given size.
- ntriples(): an N-Triples graph in mitragraph's own vocabulary (entities typed with an
  ontology class and labelled, and predicate triples that fit each predicate's domain and
  range), to a given number of triples, with hubs so joins and paths have work to do.
"""
import os
import random
import re
import subprocess
from collections import defaultdict

MG = "https://w3id.org/mitragraph/ontology#"
MGE = "https://w3id.org/mitragraph/entity/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

CLASSES = ["Plant", "Alkaloid", "Receptor", "Neurotransmitter", "Drug", "Condition",
           "AdverseEffect", "Therapy", "Agency"]
# predicate -> (subject classes, object classes), as in ontology/schema.ttl
PREDICATES = {
    "contains": (["Plant"], ["Alkaloid"]),
    "interacts_with": (["Plant", "Alkaloid", "Drug"], ["Receptor"]),
    "modulates": (["Plant", "Alkaloid"], ["Neurotransmitter"]),
    "treats": (["Plant", "Alkaloid", "Drug", "Therapy"], ["Condition", "AdverseEffect"]),
    "has_adverse_effect": (["Plant", "Alkaloid", "Drug"], ["Condition", "AdverseEffect"]),
    "complements": (["Plant", "Drug"], ["Therapy"]),
    "alternative_to": (["Plant", "Alkaloid"], ["Drug"]),
    "warns_about": (["Agency"], ["Plant", "Alkaloid", "Condition", "AdverseEffect"]),
    "regulates": (["Agency"], ["Plant", "Alkaloid"]),
}


def ontology_labels(ontology_dir):
    """{class: [[label, ...] per entity]} from the shipped ontology, read through serdi."""
    triples = defaultdict(lambda: defaultdict(list))
    for root, _, files in os.walk(ontology_dir):
        for f in sorted(files):
            if not f.endswith(".ttl"):
                continue
            out = subprocess.run(["serdi", "-i", "turtle", "-o", "ntriples", os.path.join(root, f)],
                                 check=True, capture_output=True, text=True).stdout
            for line in out.splitlines():
                m = re.match(r'<([^>]+)> <([^>]+)> (.+) \.$', line)
                if not m:
                    continue
                s, p, o = m.groups()
                triples[s][p].append(o)
    by_class = defaultdict(list)
    for s, props in triples.items():
        if not s.startswith(MGE):
            continue
        cls = [o[1:-1][len(MG):] for o in props.get(RDF_TYPE, []) if o.startswith("<" + MG)]
        labels = []
        for p in ("prefLabel", "altLabel", "hiddenLabel"):
            for o in props.get(SKOS + p, []):
                m = re.match(r'"(.*)"(@\w+)?$', o)
                if m:
                    labels.append(unescape(m.group(1)))
        if cls and labels:
            by_class[cls[0]].append(labels)
    return by_class


_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "'": "'", "\\": "\\", "b": "\b", "f": "\f"}


def unescape(literal):
    """The text of an N-Triples string literal's body."""
    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                  else _ESCAPES.get(m.group(1), m.group(1)), literal)


def all_labels(by_class):
    return sorted({l for ents in by_class.values() for labels in ents for l in labels})


TEMPLATES = [
    "{Plant} contains {Alkaloid} and {Alkaloid}, which bind to {Receptor}s in the brain.",
    "Many users report that {Plant} relieves {Condition}, {Condition}, and {Condition}.",
    "Long-term use can lead to {AdverseEffect}, {AdverseEffect} and {AdverseEffect}.",
    "The {Agency} has warned about {Plant} and the risk of {AdverseEffect}.",
    "{Alkaloid} is believed to act on the {Receptor} and may influence {Neurotransmitter}.",
    "Some people combine it with {Therapy} or {Therapy} to manage {Condition}.",
    "Unlike {Drug}, the herb is not addictive and causes no {AdverseEffect}, vendors claim.",
    "Research suggests that {Alkaloid} could be an alternative to {Drug} for {Condition}.",
    "{Drug} may cause {AdverseEffect} and {AdverseEffect} in older patients.",
    "In 2016 the {Agency} proposed to schedule {Alkaloid}, citing reports of {AdverseEffect}.",
    "Patients should talk to a doctor before starting any new supplement or changing a dose.",
    "The survey, run over twelve months in three clinics, asked about sleep, mood and daily activity.",
    "Without proper dosing guidelines, products vary widely in strength and purity.",
    "It does not depress respiration the way {Drug} does, according to one small study.",
]


def corpus(directory, megabytes, ontology_dir, seed=42, doc_bytes=6000):
    """Writes text files totalling about `megabytes` MB; returns (files, bytes)."""
    rng = random.Random(seed)
    by_class = ontology_labels(ontology_dir)
    os.makedirs(directory, exist_ok=True)
    target = int(megabytes * 1_000_000)
    written = files = 0
    slot = re.compile(r"\{(\w+)\}")
    while written < target:
        parts = []
        size = 0
        while size < doc_bytes:
            t = rng.choice(TEMPLATES)
            s = slot.sub(lambda m: rng.choice(rng.choice(by_class[m.group(1)])), t)
            s = s[0].upper() + s[1:]
            parts.append(s)
            size += len(s) + 1
            if rng.random() < 0.15:
                parts.append("\n")
        text = " ".join(parts).replace(" \n ", "\n") + "\n"
        sub = os.path.join(directory, f"{files // 1000:04d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{files:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode())
        files += 1
    return files, written


def entity_iri(cls, i):
    return f"{MGE}bench-{cls.lower()}-{i}"


def entity_label(cls, i):
    return f"bench {cls.lower()} {i}"


def ntriples(path, total, seed=7):
    """Writes an N-Triples file of `total` triples; returns the entities by class and the edges."""
    rng = random.Random(seed)
    n_entities = max(1000, total // 25)
    weights = {"Plant": 1, "Alkaloid": 3, "Receptor": 2, "Neurotransmitter": 1, "Drug": 3,
               "Condition": 5, "AdverseEffect": 4, "Therapy": 2, "Agency": 1}
    wsum = sum(weights.values())
    counts = {c: max(20, n_entities * w // wsum) for c, w in weights.items()}
    lines = []
    for cls, n in counts.items():
        for i in range(n):
            iri = entity_iri(cls, i)
            lines.append(f"<{iri}> <{RDF_TYPE}> <{SKOS}Concept> .")
            lines.append(f"<{iri}> <{RDF_TYPE}> <{MG}{cls}> .")
            lines.append(f'<{iri}> <{SKOS}prefLabel> "{entity_label(cls, i)}"@en .')
    edges = set()
    preds = list(PREDICATES)

    def pick(cls):
        # A skewed choice: low indexes are hubs.
        n = counts[cls]
        return min(n - 1, int(rng.paretovariate(1.2)) - 1)

    while len(lines) + len(edges) < total:
        p = rng.choice(preds)
        sc = rng.choice(PREDICATES[p][0])
        oc = rng.choice(PREDICATES[p][1])
        s = pick(sc) if rng.random() < 0.5 else rng.randrange(counts[sc])
        o = pick(oc) if rng.random() < 0.5 else rng.randrange(counts[oc])
        edges.add((sc, s, p, oc, o))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
        f.write("\n")
        for sc, s, p, oc, o in sorted(edges):
            f.write(f"<{entity_iri(sc, s)}> <{MG}{p}> <{entity_iri(oc, o)}> .\n")
    return counts, edges

"""mitragraph benchmark: ours and the peers a user would otherwise pick, same input, one run.

Prints a table of medians and ratios (SPEC §9) and writes results.json and results.md to the
work folder. Each section is independent: one whose command is missing is reported as not
measured, with the reason, and the others still run.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import generate  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def median_time(fn, runs):
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def run_cli(args, cli, stdin=None, check=True):
    proc = subprocess.run([cli] + args, input=stdin, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])}… exited {proc.returncode}: {proc.stderr.strip()[:400]}")
    return proc


def peak_rss_kb(cmd):
    """Runs cmd and returns (seconds, peak resident set size in KiB) of that process alone.

    The peak is read by /usr/bin/time in between: a child's ru_maxrss starts from the
    high-water mark of the process it was forked from, exec notwithstanding, so wait4 on a
    direct child of this process (which by then holds the peers' graphs, gigabytes) reports
    this process's memory, not the child's."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        t0 = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name] + cmd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - t0
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd[1]} failed: {proc.stderr.decode()[:400]}")
        return seconds, int(out.read().split()[-1])


class Bench:
    def __init__(self, a):
        self.a = a
        self.cli = os.path.abspath(a.cli)
        self.work = os.path.abspath(a.work)
        os.makedirs(self.work, exist_ok=True)
        self.rows = []
        self.notes = []
        self.ontology = os.path.join(ROOT, "ontology")

    def row(self, work, unit, ours, peer_name, peer, higher_is_better, target=None):
        ratio = None
        if ours is not None and peer:
            ratio = ours / peer if higher_is_better else peer / ours
        met = None
        if target is not None and ratio is not None:
            met = ratio >= target
        self.rows.append({"work": work, "unit": unit, "ours": ours, "peer": peer_name, "peer_value": peer,
                          "ratio": ratio, "target": target, "met": met})

    def note(self, text):
        self.notes.append(text)
        print("  note:", text, file=sys.stderr)

    # -- inputs ---------------------------------------------------------------------------
    def corpus_dir(self, mb):
        d = os.path.join(self.work, f"corpus-{mb}mb")
        stamp = d + ".done"
        if not os.path.exists(stamp):
            shutil.rmtree(d, ignore_errors=True)
            print(f"generating a {mb} MB corpus…", file=sys.stderr)
            files, size = generate.corpus(d, mb, self.ontology)
            with open(stamp, "w") as f:
                json.dump({"files": files, "bytes": size}, f)
        with open(stamp) as f:
            return d, json.load(f)

    def graph_file(self, n):
        path = os.path.join(self.work, f"graph-{n}.nt")
        meta = path + ".json"
        if not os.path.exists(meta):
            print(f"generating an N-Triples graph of {n} triples…", file=sys.stderr)
            counts, edges = generate.ntriples(path, n)
            with open(meta, "w") as f:
                json.dump({"counts": counts, "edges": len(edges), "triples": n}, f)
        with open(meta) as f:
            return path, json.load(f)

    # -- sections ---------------------------------------------------------------------------
    def extraction(self):
        d, meta = self.corpus_dir(self.a.corpus_mb)
        texts_paths = sorted(os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs)
        mb = meta["bytes"] / 1e6
        labels = generate.all_labels(generate.ontology_labels(self.ontology))

        def ours():
            out = run_cli(["extract", "--count", d], self.cli).stdout
            return json.loads(out.strip().splitlines()[-1])
        t_ours, res = median_time(ours, self.a.runs)
        self.note(f"ours: {res['documents']} documents, {res['mentions']} mentions, {res['claims']} claims "
                  f"(whole process, reading files and extracting claims too)")

        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.util import filter_spans
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("ENTITY", list(nlp.tokenizer.pipe(labels)))

        def spacy_run():
            texts = [open(p, encoding="utf-8").read() for p in texts_paths]
            n = 0
            for doc in nlp.pipe(texts, batch_size=64):
                n += len(filter_spans([doc[s:e] for _, s, e in matcher(doc)]))
            return n
        t_spacy, n_spacy = median_time(spacy_run, max(1, min(self.a.runs, 3)))

        import ahocorasick
        automaton = ahocorasick.Automaton()
        for label in labels:
            automaton.add_word(label.lower(), len(label))
        automaton.make_automaton()

        def aho_run():
            n = 0
            for p in texts_paths:
                text = open(p, encoding="utf-8").read().lower()
                found = []
                for end, length in automaton.iter(text):
                    start = end - length + 1
                    if (start == 0 or not text[start - 1].isalnum()) and (end + 1 == len(text) or not text[end + 1].isalnum()):
                        found.append((start, -length))
                found.sort()
                last = -1
                for start, neg in found:
                    if start > last:
                        n += 1
                        last = start - neg - 1
            return n
        t_aho, n_aho = median_time(aho_run, self.a.runs)
        self.note(f"peers found {n_spacy} (spaCy) and {n_aho} (pyahocorasick) mentions; "
                  f"peers timed in-process over files read inside the timing, ours as a whole process")
        self.row(f"extraction, {mb:.0f} MB corpus", "MB/s", mb / t_ours, "spaCy PhraseMatcher", mb / t_spacy, True, 10)
        self.row(f"extraction, {mb:.0f} MB corpus", "MB/s", mb / t_ours, "pyahocorasick", mb / t_aho, True, 1)

    def build(self):
        """A first build of the bench corpus: throughput against extraction alone, store size."""
        d, meta = self.corpus_dir(self.a.corpus_mb)
        mb = meta["bytes"] / 1e6
        store = os.path.join(self.work, "build.sqlite")

        def remove():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(store + suffix):
                    os.remove(store + suffix)

        def ours():
            remove()
            run_cli(["build", "--quiet", "--store", store, d], self.cli)
        # Alternated, build then extraction, so both meet the same load on a shared machine.
        builds, extractions = [], []
        for _ in range(self.a.runs):
            builds.append(median_time(ours, 1)[0])
            extractions.append(median_time(lambda: run_cli(["extract", "--count", d], self.cli), 1)[0])
        t_build, t_extract = statistics.median(builds), statistics.median(extractions)
        size = sum(os.path.getsize(store + s) for s in ("", "-wal") if os.path.exists(store + s))
        self.note(f"first build of {mb:.0f} MB: {t_build:.2f} s; extract --count {t_extract:.2f} s; "
                  f"store {size / 1e6:.1f} MB")
        self.row(f"first build, {mb:.0f} MB corpus", "MB/s", mb / t_build, "extract --count", mb / t_extract, True, 0.4)
        self.row(f"store size, {mb:.0f} MB corpus", "× corpus", size / meta["bytes"], "target", 4, False, 1)

    def load(self):
        nt, meta = self.graph_file(self.a.triples)
        store = os.path.join(self.work, "load.sqlite")

        def ours():
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(store + suffix):
                    os.remove(store + suffix)
            run_cli(["import", "--store", store, nt], self.cli)
        t_ours, _ = median_time(ours, self.a.runs)

        import pyoxigraph
        oxi_dir = os.path.join(self.work, "oxigraph")

        def oxi():
            shutil.rmtree(oxi_dir, ignore_errors=True)
            s = pyoxigraph.Store(oxi_dir)
            s.bulk_load(path=nt, format=pyoxigraph.RdfFormat.N_TRIPLES)
            s.flush()
            del s
        t_oxi, _ = median_time(oxi, self.a.runs)

        n = meta["triples"]
        small = os.path.join(self.work, "graph-rdflib.nt")
        n_small = min(n, 100_000)
        with open(nt) as src, open(small, "w") as dst:
            for i, line in enumerate(src):
                if i >= n_small:
                    break
                dst.write(line)
        import rdflib

        def rdf():
            rdflib.Graph().parse(small, format="nt")
        t_rdflib, _ = median_time(rdf, 1)
        self.note(f"rdflib parsed the first {n_small} triples (its rate at 1M is no better)")
        self.row(f"load N-Triples, {n/1e6:.1f}M triples", "triples/s", n / t_ours, "pyoxigraph bulk_load", n / t_oxi, True, 1)
        self.row(f"load N-Triples, {n/1e6:.1f}M triples", "triples/s", n / t_ours, "rdflib parse", n_small / t_rdflib, True, None)

    def queries(self):
        nt, meta = self.graph_file(self.a.triples)
        store = os.path.join(self.work, "load.sqlite")
        if not os.path.exists(store):
            run_cli(["import", "--store", store, nt], self.cli)
        import pyoxigraph
        oxi_dir = os.path.join(self.work, "oxigraph")
        if not os.path.exists(oxi_dir):
            s = pyoxigraph.Store(oxi_dir)
            s.bulk_load(path=nt, format=pyoxigraph.RdfFormat.N_TRIPLES)
            del s
        oxi = pyoxigraph.Store(oxi_dir)
        from queries import QUERIES
        for q in QUERIES:
            def sparql():
                return q["sparql_answer"](oxi.query(q["sparql"]))
            t_oxi, expected = median_time(sparql, self.a.query_runs)
            proc = run_cli(["query", "--store", store, "--format", "json", "--repeat", str(self.a.query_runs),
                            "--timing", q["ours"]], self.cli)
            timing = json.loads(proc.stderr.strip().splitlines()[-1])
            got = q["ours_answer"](json.loads(proc.stdout))
            if got != expected:
                self.note(f"{q['name']}: ANSWERS DIFFER (ours {str(got)[:120]} vs pyoxigraph {str(expected)[:120]})")
            self.row(f"query: {q['name']}", "ms", timing["median_ms"], "pyoxigraph SPARQL", t_oxi * 1000, False, 1)

    def graphml(self):
        nt, meta = self.graph_file(self.a.triples)
        store = os.path.join(self.work, "load.sqlite")
        if not os.path.exists(store):
            run_cli(["import", "--store", store, nt], self.cli)
        out = os.path.join(self.work, "ours.graphml")
        t_ours, _ = median_time(lambda: run_cli(["export", "--store", store, "--format", "graphml", "--output", out], self.cli), self.a.runs)
        import networkx as nx
        g = nx.MultiDiGraph()
        for line in open(nt, encoding="utf-8"):
            s, p, o = line.split(" ", 2)
            if p.startswith("<" + generate.MG):
                g.add_edge(s[1:-1], o.rsplit(" ", 1)[0][1:-1], predicate=p[1 + len(generate.MG):-1],
                           support=1, denied=0, hedged=0, contested=False)
        for n in g.nodes:
            g.nodes[n]["label"] = n.rsplit("/", 1)[-1]
            g.nodes[n]["class"] = n.rsplit("/", 1)[-1].split("-")[1]
        nx_out = os.path.join(self.work, "networkx.graphml")
        t_nx, _ = median_time(lambda: nx.write_graphml(g, nx_out), 1)
        edges = meta["edges"]
        self.row(f"GraphML export, {edges/1e6:.2f}M edges", "edges/s", edges / t_ours, "networkx write_graphml", edges / t_nx, True, 10)

    def repl(self):
        nt, _ = self.graph_file(self.a.triples)
        store = os.path.join(self.work, "load.sqlite")
        if not os.path.exists(store):
            run_cli(["import", "--store", store, nt], self.cli)
        t, _ = median_time(lambda: run_cli(["repl", "--store", store], self.cli, stdin=".quit\n"), 11)
        self.row("REPL start-up on a 1M-triple store", "ms", t * 1000, "target", 100, False, 1)

    def big_build(self):
        if self.a.big_mb <= 0:
            self.note("big build skipped (--big-mb 0)")
            return
        d, meta = self.corpus_dir(self.a.big_mb)
        store = os.path.join(self.work, "big.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        seconds, rss = peak_rss_kb([self.cli, "build", "--quiet", "--store", store, d])
        mb = meta["bytes"] / 1e6
        size = sum(os.path.getsize(store + s) for s in ("", "-wal") if os.path.exists(store + s))
        self.note(f"built {mb:.0f} MB in {seconds:.1f} s ({mb/seconds:.1f} MB/s), peak RSS {rss/1024:.0f} MiB, "
                  f"store {size / 1e6:.0f} MB ({size / meta['bytes']:.2f}× the corpus)")
        self.row(f"build of a {mb:.0f} MB corpus: peak memory", "MiB", rss / 1024, "target", 1024, False, 1)

    # -- report -----------------------------------------------------------------------------
    def report(self):
        def fmt(v):
            if v is None:
                return "–"
            return f"{v:,.0f}" if v >= 100 else f"{v:.2f}"
        lines = ["| work | unit | ours | peer | peer's | ours vs peer | target | met |", "|---|---|---|---|---|---|---|---|"]
        for r in self.rows:
            ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "–"
            target = f"≥ {r['target']}×" if r["target"] is not None else "–"
            met = {True: "yes", False: "**no**", None: "–"}[r["met"]]
            lines.append(f"| {r['work']} | {r['unit']} | {fmt(r['ours'])} | {r['peer']} | {fmt(r['peer_value'])} | {ratio} | {target} | {met} |")
        table = "\n".join(lines)
        print()
        print(table)
        for n in self.notes:
            print("-", n)
        machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        with open(os.path.join(self.work, "results.json"), "w") as f:
            json.dump({"rows": self.rows, "notes": self.notes, "machine": machine, "args": vars(self.a)}, f, indent=2)
        with open(os.path.join(self.work, "results.md"), "w") as f:
            f.write(table + "\n\n" + "\n".join("- " + n for n in self.notes) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--corpus-mb", type=int, default=int(os.environ.get("BENCH_CORPUS_MB", 20)))
    ap.add_argument("--big-mb", type=int, default=int(os.environ.get("BENCH_BIG_MB", 1000)))
    ap.add_argument("--triples", type=int, default=int(os.environ.get("BENCH_TRIPLES", 1_000_000)))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--query-runs", type=int, default=7)
    ap.add_argument("--only", nargs="*", default=["extraction", "build", "load", "queries", "graphml", "repl", "big_build"])
    a = ap.parse_args()
    b = Bench(a)
    for section in a.only:
        print(f"== {section}", file=sys.stderr)
        try:
            getattr(b, section)()
        except Exception as e:  # a section that cannot run is reported, the others go on
            b.note(f"{section} not measured: {e}")
    b.report()


if __name__ == "__main__":
    main()

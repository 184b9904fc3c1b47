# alternates our import with pyoxigraph bulk_load on the bench's 1M-triple file; prints each and the ratio of medians
import os, shutil, subprocess, sys, time, statistics
import pyoxigraph
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
nt = os.path.join(ROOT, "output/bench/graph-1000000.nt")  # made by `make bench` (section load)
cli = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/mitragraph")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
ours, oxi = [], []
for i in range(runs):
    for suf in ("", "-wal", "-shm"):
        if os.path.exists("/tmp/alternate-import.sqlite" + suf): os.remove("/tmp/alternate-import.sqlite" + suf)
    t = time.perf_counter(); subprocess.run([cli, "import", "--store", "/tmp/alternate-import.sqlite", nt], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); ours.append(time.perf_counter() - t)
    shutil.rmtree("/tmp/alternate-import-oxigraph", ignore_errors=True)
    t = time.perf_counter(); s = pyoxigraph.Store("/tmp/alternate-import-oxigraph"); s.bulk_load(path=nt, format=pyoxigraph.RdfFormat.N_TRIPLES); s.flush(); del s; oxi.append(time.perf_counter() - t)
    print(f"ours {ours[-1]:.2f} s  oxigraph {oxi[-1]:.2f} s", flush=True)
print(f"median ours {statistics.median(ours):.2f} oxigraph {statistics.median(oxi):.2f} ratio {statistics.median(oxi)/statistics.median(ours):.2f}x  load {os.getloadavg()[0]:.2f}")

#!/usr/bin/env python3
"""Whole-run comparison of `dossier dedup` with the near-duplicate peers, in one run.

Uses the shared harness (../shared/bench/neardup beside the repository, or $NEARDUP_HARNESS):
its corpus generator, exact-Jaccard truth, peer runners and scorer. Every timed command is a
whole process under /usr/bin/time -v; rounds interleave the peers and dossier (A B C D, A B C D,
...) and figures are medians. Generated corpora and pair files go to $BENCH_DATA (default
/tmp/dossier-bench), never into the repository.

usage: peers.py [--size 10k] [--runs 5] [--peers datasketch rensa gaoya]
                [--dossier target/release/dossier] [--python $VENV/bin/python]
                [--dossier-args ...]   (extra flags for dossier dedup, e.g. --memory-limit 512M)
"""
import argparse, json, os, statistics, subprocess, sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
HARNESS = os.environ.get("NEARDUP_HARNESS", os.path.join(REPO, "..", "shared", "bench", "neardup"))
sys.path.insert(0, HARNESS)
from run_bench import PEERS, last_json, timed  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
ap.add_argument("--size", default="10k")
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--peers", nargs="*", default=["datasketch", "rensa", "gaoya"])
ap.add_argument("--dossier", default=os.path.join(REPO, "target", "release", "dossier"))
ap.add_argument("--dossier-args", nargs=argparse.REMAINDER, default=[])
ap.add_argument("--python", default=sys.executable)
ap.add_argument("--data", default=os.environ.get("BENCH_DATA", "/tmp/dossier-bench"))
ap.add_argument("--no-truth", action="store_true", help="time only (no exact truth, e.g. at 1M)")
a = ap.parse_args()

n = int(a.size.lower().replace("k", "000").replace("m", "000000"))
out = os.path.join(a.data, "out")
os.makedirs(out, exist_ok=True)
corpus = os.path.join(a.data, f"corpus_{a.size}.jsonl")
if not os.path.exists(corpus):
    subprocess.run([a.python, "make_corpus.py", "--n", str(n), "--out", corpus], cwd=HARNESS, check=True)
exact, brute = os.path.join(out, f"exact-{a.size}.pairs"), os.path.join(out, f"brute-{a.size}.pairs")
if not a.no_truth:
    if not os.path.exists(exact):
        subprocess.run([a.python, "run_exact.py", corpus, exact], cwd=HARNESS, check=True)
    if not os.path.exists(brute + ".ids"):
        subprocess.run([a.python, "run_exact.py", corpus, brute, "--method", "brute", "--sample", "2000"],
                       cwd=HARNESS, check=True)

commands = {p: [a.python] + PEERS[p][:1] + [corpus, os.path.join(out, f"{p}-{a.size}.pairs")] + PEERS[p][1:]
            for p in a.peers}
commands["dossier"] = [a.dossier, "dedup", corpus, "--pairs", "-o", os.path.join(out, f"dossier-{a.size}.pairs"),
                       "--json"] + a.dossier_args
runs = {name: [] for name in commands}
for r in range(a.runs):
    for name, cmd in commands.items():
        _, t = timed(cmd)
        runs[name].append(t)
        print(f"[{a.size} round {r + 1}] {name}: {t['wall']:.2f}s wall, {t['rss_mb']:.0f} MB", file=sys.stderr)

scores = {}
if not a.no_truth:
    score_json = os.path.join(out, f"scores-dossier-{a.size}.jsonl")
    subprocess.run([a.python, "score.py", corpus, "--exact", exact, "--brute", brute, "--json", score_json]
                   + [os.path.join(out, f"{name}-{a.size}.pairs") for name in commands],
                   cwd=HARNESS, check=True, capture_output=True, text=True)
    with open(score_json) as fh:
        for line in fh:
            d = json.loads(line)
            scores[os.path.basename(d["file"]).rsplit("-", 1)[0]] = d

med = statistics.median
fastest = [min(runs[name][r]["wall"] for name in commands) for r in range(a.runs)]
print(f"\n## {a.size}: {n} docs, {a.runs} runs, medians (whole process)\n")
print("| tool | wall s | docs/s | CPU s | peak RSS MB | x fastest | pairs | P exact | R exact | J min | R groups |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for name in commands:
    w = med([x["wall"] for x in runs[name]])
    cpu = med([x["user"] + x["sys"] for x in runs[name]])
    ratio = med([runs[name][r]["wall"] / fastest[r] for r in range(a.runs)])
    s = scores.get(name)
    acc = (f"{s['pairs']} | {s['p_exact']:.3f} | {s['r_exact']:.3f} | {s['j_min']:.3f} | {s['r_groups']:.3f}"
           if s else "- | - | - | - | -")
    print(f"| {name} | {w:.2f} | {n / w:,.0f} | {cpu:.2f} | {med([x['rss_mb'] for x in runs[name]]):.0f} "
          f"| {ratio:.2f} | {acc} |")
if "gaoya" in runs:
    ratios = [runs["gaoya"][r]["wall"] / runs["dossier"][r]["wall"] for r in range(a.runs)]
    print(f"\ndossier docs/s over gaoya's, per round: {', '.join(f'{x:.2f}' for x in ratios)}; median {med(ratios):.2f}")

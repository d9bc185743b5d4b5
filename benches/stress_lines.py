#!/usr/bin/env python3
"""Hunts super-linear paths: snippets of the project's texts, each repeated on one line to a
large size, tagged as posting, résumé and auto; prints every run over a CPU budget or that fails.

Usage: benches/stress_lines.py [--bin target/release/jdtag] [--runs 300] [--bytes 1000000]
                               [--seed 1] [--budget 0.8]

Snippets come from fixtures/postings, fixtures/resumes and, when present, ../shared/eval/*/texts.
A linear pipeline tags 1 MB in well under a second; a run over the budget is a lead: cut the
snippet's size by four and run it again, and a time that falls by far more than four is
quadratic (see benches/pathological.rs for the cases found so far). Standard library only.
"""
import argparse
import glob
import os
import random
import resource
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def texts():
    pats = ["fixtures/postings/*", "fixtures/resumes/*", "../shared/eval/*/texts/*"]
    out = []
    for p in pats:
        for f in sorted(glob.glob(os.path.join(ROOT, p))):
            with open(f, encoding="utf-8", errors="replace") as h:
                out.append(h.read())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/jdtag"))
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--bytes", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=0.8, help="CPU seconds")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = [t for t in texts() if len(t) > 80]
    flagged = 0
    for _ in range(a.runs):
        t = rng.choice(pool)
        at = rng.randrange(len(t) - 70)
        unit = t[at : at + rng.randint(3, 60)]
        if rng.random() < 0.5:
            unit = unit.replace("\n", " ")
        if not unit.strip():
            continue
        data = (unit * (a.bytes // max(1, len(unit.encode())) + 1)).encode()[: a.bytes]
        data = data.decode("utf-8", "ignore").encode()
        kind = rng.choice(["posting", "resume", "auto"])
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        try:
            rc = subprocess.run(
                [a.bin, "--as-of", "2026-11", "--kind", kind],
                input=data,
                capture_output=True,
                timeout=30,
            ).returncode
        except subprocess.TimeoutExpired:
            rc = "timeout (30 s)"
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
        if cpu > a.budget or rc != 0:
            flagged += 1
            print(f"{cpu:6.2f} s CPU  exit {rc}  --kind {kind}  {unit!r}", flush=True)
    print(f"{flagged} of {a.runs} runs over {a.budget} s of CPU or failed", file=sys.stderr)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())

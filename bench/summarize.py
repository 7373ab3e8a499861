#!/usr/bin/env python3
"""Turn the compare.py runs of bench/run.sh into one markdown report (stdout) and one JSON file.

Reads WORK/main.json (checker + fast peers), WORK/slow.json (slow peers, 1 run), WORK/startup.json
(checker on tiny with --lang), and the raw tables WORK/*.md. With --diag it runs the checker once more on
every target to record its exit status, findings and stderr (compare.py merges stderr into the drained
output and drops it). Called by bench/run.sh; not meant to be run by hand.
"""
import argparse
import collections
import datetime
import json
import os
import platform
import re
import shlex
import subprocess

TARGETS = {"startup_s": 0.2, "mbps": 3.0, "rss_mb": 200.0, "vs_textlint_prh": 10.0, "vs_codespell": 1 / 3}


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return []


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def ok(flag, rc=0):
    if rc not in (0, 1):
        return "**NO** (run failed: exit %d)" % rc
    return "**yes**" if flag else "**NO**"


def diag_run(cmd, target):
    base = shlex.split(cmd)
    argv = [target if x == "{target}" else x for x in base] + ([] if "{target}" in base else [target])
    p = subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    summary, file_errors = None, []
    try:
        rep = json.loads(p.stdout)
        summary = rep.get("summary")
        for f in rep.get("files", []):
            if f.get("error"):
                file_errors.append("%s (code %s)" % (f["error"], f.get("error_code")))
    except ValueError:
        pass
    return dict(exit=p.returncode, summary=summary, file_errors=file_errors,
                stderr=p.stderr.splitlines(), stdout_head=None if summary else p.stdout[:500])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True); ap.add_argument("--corpus", required=True)
    ap.add_argument("--sizes", required=True); ap.add_argument("--checker", required=True)
    ap.add_argument("--startup-lang", default=""); ap.add_argument("--peers", required=True)
    ap.add_argument("--cpu", default="none"); ap.add_argument("--runs", default="3")
    ap.add_argument("--json-out"); ap.add_argument("--diag", action="store_true")
    a = ap.parse_args()

    main_rows = load(os.path.join(a.work, "main.json"))
    slow_rows = load(os.path.join(a.work, "slow.json"))
    start_rows = load(os.path.join(a.work, "startup.json"))
    for r in start_rows:
        r["tool"] = "checker --lang %s" % a.startup_lang
    rows = main_rows + slow_rows + start_rows
    chk = {r["target"]: r for r in main_rows if r["tool"] == "checker"}
    peers = list(dict.fromkeys(r["tool"] for r in main_rows + slow_rows if r["tool"] != "checker"))
    by = {(r["tool"], r["target"]): r for r in rows}
    targets = list(dict.fromkeys(r["target"] for r in main_rows + slow_rows))
    sizes = a.sizes.split(",")

    o = []
    p = o.append
    sha = os.environ.get("BENCH_SHA") or sh("git rev-parse --short HEAD") or "nogit"
    dirty = int(os.environ.get("BENCH_DIRTY") or len(sh("git status --porcelain").splitlines()))
    p("# checker speed benchmark — %s, %s" % (datetime.date.today().isoformat(), sha))
    p("")
    p("- commit `%s` (HEAD when the run started)%s" % (
        sha, " **+ uncommitted changes in %d paths** (work in progress)" % dirty if dirty else ", clean tree"))
    snap = os.environ.get("SNAPSHOT_ID")
    p("- code measured: %s" % ("a snapshot of checker/ taken at the start (content id `%s`: sha1 over its files), "
                               "pip-installed (not editable) into a fresh venv" % snap
                               if snap else "the installed package as it was during each run (no snapshot)"))
    p("- machine: %s, %s logical CPUs, Python %s, %s" % (cpu_model(), os.cpu_count(), platform.python_version(),
                                                       platform.platform()))
    p("- pinning: %s" % ("`taskset -c %s` around compare.py (inherited by checker and every peer)" % a.cpu
                         if a.cpu != "none" else "none"))
    p("- checker command: `%s`" % a.checker)
    p("- runs: median of %s timed runs after 1 warm-up (checker and fast peers); slow peers 1 run, no warm-up"
      % a.runs)
    vers = os.path.join(a.peers, "versions.txt")
    if os.path.exists(vers):
        p("- peers: " + "; ".join(l.strip() for l in open(vers) if l.strip()))
    p("")

    # ---- targets
    p("## Against the targets")
    p("")
    p("| target | goal | measured | met |")
    p("|---|---|---|---|")
    tiny = chk.get("tiny (start-up)")
    if tiny:
        p("| start-up (tiny row, command as given) | ≤ %.1f s | %.3f s (exit %d) | %s |" % (
            TARGETS["startup_s"], tiny["wall"], tiny["exit"], ok(tiny["wall"] <= TARGETS["startup_s"], tiny["exit"])))
    for r in start_rows:
        p("| start-up (tiny row, `--lang %s`) | ≤ %.1f s | %.3f s (exit %d) | %s |" % (
            a.startup_lang, TARGETS["startup_s"], r["wall"], r["exit"],
            ok(r["wall"] <= TARGETS["startup_s"], r["exit"])))
    for t in targets:
        if t in chk and not t.startswith("tiny"):
            r = chk[t]
            p("| throughput, %s | ≥ %.0f MB/s, one core | %.2f MB/s (%.2f s, exit %d) | %s |" % (
                t, TARGETS["mbps"], r["mbps"], r["wall"], r["exit"], ok(r["mbps"] >= TARGETS["mbps"], r["exit"])))
    if chk:
        worst = max(chk.values(), key=lambda r: r["rss_mb"])
        p("| peak memory (largest over all targets) | ≤ %.0f MB | %.0f MB (%s) | %s |" % (
            TARGETS["rss_mb"], worst["rss_mb"], worst["target"], ok(worst["rss_mb"] <= TARGETS["rss_mb"])))
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        for kind in ("single", "many"):
            r1, r2 = chk.get("%s %s" % (lo, kind)), chk.get("%s %s" % (hi, kind))
            if r1 and r2:
                sr = r2["mb"] / r1["mb"]; tr = r2["wall"] / r1["wall"]
                p("| linear %s → %s (%s): time ratio / size ratio | ≈ 1 (≤ 1.25) "
                  "| %.2f s → %.2f s: ×%.2f time for ×%.2f size = %.2f | %s |" % (
                    lo, hi, kind, r1["wall"], r2["wall"], tr, sr, tr / sr, ok(tr / sr <= 1.25)))
    for peer, goal, label in (("textlint-prh", TARGETS["vs_textlint_prh"], "≥ 10× faster than textlint + prh"),
                              ("codespell", TARGETS["vs_codespell"], "within 3× of codespell")):
        for t in targets:
            if t.startswith("tiny") or t not in chk or (peer, t) not in by:
                continue
            ratio = by[(peer, t)]["wall"] / chk[t]["wall"]
            shown = ("%.2f× faster" % ratio) if ratio >= 1 else ("%.2f× slower" % (1 / ratio))
            p("| %s, %s | %s | checker %s (peer %.2f s, checker %.2f s) | %s |" % (
                label, t,
                ("peer wall / checker wall ≥ %g" % goal if goal >= 1
                 else "checker wall / peer wall ≤ %g" % round(1 / goal)),
                shown, by[(peer, t)]["wall"], chk[t]["wall"], ok(ratio >= goal)))
    p("")

    # ---- ratio matrix
    if chk and peers:
        p("## Ratio to each peer")
        p("")
        p("peer wall time / checker wall time on the same target (> 1: checker is faster; < 1: the peer is faster).")
        p("")
        p("| peer | " + " | ".join(targets) + " |")
        p("|---" * (len(targets) + 1) + "|")
        for peer in peers:
            cells = []
            for t in targets:
                r = by.get((peer, t))
                cells.append("%.2f" % (r["wall"] / chk[t]["wall"]) if r and t in chk else "")
            p("| %s | %s |" % (peer, " | ".join(cells)))
        p("")

    # ---- all figures
    p("## All figures")
    p("")
    p("| tool | target | MB | docs | wall s median (min-max, runs) | MB/s | docs/s | peak RSS MB | findings | exit |")
    p("|---" * 10 + "|")
    for t in targets:
        for r in [x for x in rows if x["target"] == t]:
            p("| %s | %s | %.2f | %d | %.3f (%.3f-%.3f, %d) | %.2f | %.0f | %.0f | %s | %d |" % (
                r["tool"], t, r["mb"], r["docs"], r["wall"], r["wall_min"], r["wall_max"], r["runs"], r["mbps"],
                r["docs_per_s"], r["rss_mb"], "" if r["findings"] is None else r["findings"], r["exit"]))
    p("")
    p("checker's findings column is empty because compare.py does not parse checker output; see the diagnostics.")
    p("")

    # ---- diagnostics
    diags = {}
    if a.diag:
        p("## checker diagnostics (one extra run per target, stderr kept)")
        p("")
        tlist = [("tiny (start-up)", os.path.join(a.corpus, "tiny", "one.txt"))]
        for s in sizes:
            tlist += [("%s single" % s, os.path.join(a.corpus, s, "single.txt")),
                      ("%s many" % s, os.path.join(a.corpus, s, "many"))]
        for label, path in tlist:
            if label not in chk:
                continue
            d = diag_run(a.checker, path)
            diags[label] = d
            sm = d["summary"] or {}
            p("- **%s**: exit %d; files %s, findings %s, file errors %s; stderr %d lines" % (
                label, d["exit"], sm.get("files", "?"), sm.get("findings", "?"), sm.get("errors", "?"),
                len(d["stderr"])))
            if d["stdout_head"] is not None:
                p("  - stdout was not a JSON report; it began: `%s`" % d["stdout_head"].replace("\n", " ")[:300])
            errs = collections.Counter(re.sub(r"/\S+", "<path>", e) for e in d["file_errors"])
            for e, n in errs.most_common(5):
                p("  - file error ×%d: `%s`" % (n, e))
            if d["stderr"]:
                c = collections.Counter(re.sub(r"/\S+", "<path>", l) for l in d["stderr"])
                p("  - stderr (distinct lines, file paths folded, most frequent first):")
                p("")
                p("    ```")
                for l, n in c.most_common(12):
                    p("    %s%s" % ("[×%d] " % n if n > 1 else "", l[:300]))
                if len(c) > 12:
                    p("    ... %d more distinct lines" % (len(c) - 12))
                p("    ```")
        p("")

    # ---- raw
    p("## Raw compare.py output")
    p("")
    for name in ("main", "slow", "startup"):
        f = os.path.join(a.work, name + ".md")
        if os.path.exists(f):
            p("`compare.py` pass: %s" % name)
            p("")
            p(open(f).read().rstrip())
            p("")
    print("\n".join(o))
    if a.json_out:
        with open(a.json_out, "w") as f:
            json.dump(dict(commit=sha, dirty=bool(dirty), date=datetime.date.today().isoformat(), cpu=a.cpu,
                           checker=a.checker, rows=rows, diagnostics=diags), f, indent=1)


if __name__ == "__main__":
    main()

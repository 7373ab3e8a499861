#!/usr/bin/env python3
"""Profile one `checker check` run in-process with cProfile and print the top entries.

    python3 bench/profile_checker.py                               # 1 MB single file, neutral table, top 25 cumulative
    python3 bench/profile_checker.py --sort tottime --top 40
    python3 bench/profile_checker.py -- --lang en /tmp/corpus/tiny/one.txt   # any `checker check` arguments after --

Defaults: target $CORPUS/1mb/single.txt (CORPUS=/tmp/corpus, built by bench/run.sh), table
../shared/bench/names.tsv (SHARED=../shared/bench), --format json; the report goes to /dev/null.
The raw profile is saved (default /tmp/checker-1mb.prof) for `python3 -m pstats` or snakeviz.
Run from the repository root; the checker's exit status (1 = findings) is printed, not raised.
"""
import argparse
import contextlib
import cProfile
import io
import os
import pstats
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sort", default="cumulative", help="pstats sort key: cumulative, tottime, ncalls ...")
    ap.add_argument("--out", default="/tmp/checker-1mb.prof", help="where to save the raw profile")
    ap.add_argument("args", nargs="*", help="`checker check` arguments (after --); default: the 1 MB file")
    a = ap.parse_args()
    shared = os.environ.get("SHARED", "../shared/bench")
    corpus = os.environ.get("CORPUS", "/tmp/corpus")
    args = a.args or ["--format", "json", "--table", os.path.join(shared, "names.tsv"),
                      os.path.join(corpus, "1mb", "single.txt")]
    argv = ["checker", "check"] + args

    t0 = time.perf_counter()
    from checker.cli import main as checker_main  # module-level imports only; check() imports the rest lazily
    import_s = time.perf_counter() - t0

    prof = cProfile.Profile()
    code, sink = None, open(os.devnull, "w")
    old_argv = sys.argv
    sys.argv = argv
    t0 = time.perf_counter()
    try:
        with contextlib.redirect_stdout(sink):
            prof.enable()
            try:
                checker_main()
            except SystemExit as e:
                code = e.code
            finally:
                prof.disable()
    finally:
        sys.argv = old_argv
    wall = time.perf_counter() - t0
    prof.dump_stats(a.out)

    print("checker check %s" % " ".join(args))
    print("exit status %s; wall %.2f s under the profiler (+ %.2f s importing checker.cli, not profiled); "
          "profile saved to %s" % (code, wall, import_s, a.out))
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.strip_dirs().sort_stats(a.sort).print_stats(a.top)
    print(buf.getvalue().rstrip())


if __name__ == "__main__":
    main()

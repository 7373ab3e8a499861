"""Micro-benchmarks of the start-up pieces (speed targets live here, never in unit tests):
the built-in table's JSON parse (target < 150 ms), a cold and a warm compiled-table load, and
token_key cold/warm per call. Run: ``python bench/micro.py``."""

from __future__ import annotations

import json
import os
import tempfile
import time


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    from checker.names import keys
    from checker.names.compiled import compiled_finder
    from checker.names.table import default_table_path

    raw = default_table_path().read_text(encoding="utf-8")
    print(f"default table json parse: {best(lambda: json.loads(raw)) * 1000:.1f} ms (target < 150 ms)")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["CHECKER_CACHE_DIR"] = cache
        print(f"compiled table, cold (builds the cache): {best(compiled_finder, 1) * 1000:.0f} ms")
        print(f"compiled table, warm (reads the cache): {best(compiled_finder) * 1000:.0f} ms")
    words = [f"Selenskyj{i}" for i in range(2000)]
    t = time.perf_counter()
    for w in words:
        keys.token_key(w, "de")
    cold = (time.perf_counter() - t) / len(words)
    warm = best(lambda: [keys.token_key(w, "de") for w in words]) / len(words)
    print(f"token_key: {cold * 1e6:.1f} us cold, {warm * 1e6:.2f} us warm per call")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Speed benchmark: `checker` side by side with peer linters (../shared/bench), same table, same corpus.
#
#   bash bench/run.sh                 # from the repository root
#
# Environment (all optional):
#   SHARED=../shared/bench   the shared bench kit (compare.py, peers.sh, build_corpus.py, names.tsv)
#   PEERS=/tmp/peers         where peers.sh installs the peers (skipped when already installed)
#   CORPUS=/tmp/corpus       where build_corpus.py writes the corpus (skipped when already built)
#   SIZES=1mb,5mb            corpus sizes to run
#   CPU=0                    the core everything is pinned to (taskset -c $CPU); CPU= (empty) disables pinning
#   RUNS=3                   timed runs per cell (after one untimed warm-up); median reported
#   TIMEOUT=120              compare.py --timeout: stop adding runs to a cell after this many seconds
#   FAST_PEERS=codespell,typos,hunspell,textlint-prh,proselint       measured with RUNS runs + warm-up
#   SLOW_PEERS=textlint-terminology,alex,write-good                  measured with 1 run, no warm-up
#                            (≈0.1 MB/s: as the shared README advises); SLOW_PEERS= skips them
#   STARTUP_LANG=en          also time the tiny file with `--lang en` (the tiny sentence is too short for
#                            language detection); STARTUP_LANG= skips that row
#   DIAG=1                   one extra checker run per target to record findings, exit status and stderr
#   SNAPSHOT=1               install a snapshot of the working tree (pip install ., not editable) into a fresh venv
#                            and run that checker, so every run of this
#                            benchmark measures the same code even while the working tree is being edited;
#                            SNAPSHOT=0 runs the installed (editable) package as it is at each moment
#   OUTDIR=bench/results     where the report goes: $OUTDIR/<date>-<short sha>.md (+ .json: every figure)
set -euo pipefail

ROOT=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
cd "$ROOT"
SHARED=${SHARED:-../shared/bench}
PEERS=${PEERS:-/tmp/peers}
CORPUS=${CORPUS:-/tmp/corpus}
SIZES=${SIZES:-1mb,5mb}
CPU=${CPU-0}
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-120}
FAST_PEERS=${FAST_PEERS-codespell,typos,hunspell,textlint-prh,proselint}
SLOW_PEERS=${SLOW_PEERS-textlint-terminology,alex,write-good}
STARTUP_LANG=${STARTUP_LANG-en}
DIAG=${DIAG:-1}
SNAPSHOT=${SNAPSHOT:-1}
OUTDIR=${OUTDIR:-bench/results}
TABLE="$SHARED/names.tsv"
# The command under test, exactly as the issue gives it; compare.py replaces {target} (or appends the target).
CHECKER_CMD=${CHECKER_CMD:-"checker check --format json --table $TABLE {target}"}

for f in compare.py peers.sh build_corpus.py names.tsv; do
  [ -e "$SHARED/$f" ] || { echo "bench: $SHARED/$f not found (set SHARED=)" >&2; exit 2; }
done
command -v checker >/dev/null || { echo "bench: 'checker' is not on PATH (pip install -e .)" >&2; exit 2; }

# 1. peers (idempotent: skipped when every runnable peer is already there)
have_peers() {
  [ -x "$PEERS/venv/bin/codespell" ] && [ -x "$PEERS/venv/bin/typos" ] && [ -x "$PEERS/venv/bin/proselint" ] &&
  [ -x "$PEERS/node/node_modules/.bin/textlint" ] && [ -x "$PEERS/node/node_modules/.bin/alex" ] &&
  [ -x "$PEERS/node/node_modules/.bin/write-good" ] && [ -d "$PEERS/node/node_modules/textlint-rule-prh" ] &&
  [ -d "$PEERS/node/node_modules/textlint-rule-terminology" ] && command -v hunspell >/dev/null &&
  [ -x /usr/bin/time ] && [ -f "$PEERS/versions.txt" ]
}
if have_peers; then
  echo "bench: peers already installed in $PEERS" >&2
else
  echo "bench: installing peers into $PEERS (about a minute)" >&2
  bash "$SHARED/peers.sh" "$PEERS" >&2
fi

# 2. corpus (idempotent: skipped when tiny + every size is there)
need_corpus=0
[ -f "$CORPUS/tiny/one.txt" ] || need_corpus=1
nums=""
for s in ${SIZES//,/ }; do
  [ -f "$CORPUS/$s/single.txt" ] && [ -d "$CORPUS/$s/many" ] || need_corpus=1
  nums="${nums:+$nums,}${s%mb}"
done
if [ $need_corpus = 1 ]; then
  echo "bench: building corpus in $CORPUS (sizes $nums)" >&2
  python3 "$SHARED/build_corpus.py" --from-sample "$SHARED/corpus/wmt-en-5mb.txt.gz" --out "$CORPUS" --sizes "$nums" >&2
else
  echo "bench: corpus already built in $CORPUS" >&2
fi

# 3. runs. compare.py has no pinning option, so the whole run is wrapped in `taskset -c $CPU`:
#    the CPU affinity is inherited by GNU time, checker and every peer (node included), so all tools get one core.
PIN=()
if [ -n "$CPU" ]; then PIN=(taskset -c "$CPU"); fi
sha=$(git rev-parse --short HEAD 2>/dev/null || echo nogit)
BENCH_SHA=$sha
BENCH_DIRTY=$(git status --porcelain 2>/dev/null | wc -l | tr -d ' ')
export BENCH_SHA BENCH_DIRTY   # recorded at the start: others may commit while the benchmark runs
stamp=$(date +%F)
mkdir -p "$OUTDIR"
out="$OUTDIR/$stamp-$sha.md"
work=$(mktemp -d /tmp/checker-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ "$SNAPSHOT" = 1 ]; then
  # Install a snapshot of the working tree into a fresh virtual environment, as a user installs checker
  # (`pip install .`: byte-compiled, not editable). Peers run from their own venv too; the interpreter
  # this sandbox provides loads site .pth hooks (an editable-install finder, a certifi patch) that cost
  # ~90 ms per start and belong to neither tool.
  mkdir -p "$work/src"
  (tar -C "$ROOT" --exclude=__pycache__ --exclude=.git -cf - pyproject.toml README.md checker) | tar -C "$work/src" -xf -
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet --disable-pip-version-check "$work/src" >&2 ||
    { echo "bench: could not install the snapshot into $work/venv" >&2; exit 2; }
  export PATH="$work/venv/bin:$PATH"
  [ "$(command -v checker)" = "$work/venv/bin/checker" ] ||
    { echo "bench: the snapshot's checker is not first on PATH" >&2; exit 2; }
  SNAPSHOT_ID=$(cd "$work/src" && find checker -type f | LC_ALL=C sort | xargs sha1sum | sha1sum | cut -c1-12)
  echo "bench: measuring a snapshot of checker/ (content id $SNAPSHOT_ID) installed in $work/venv" >&2
  "$work/venv/bin/checker" check --lang en "$CORPUS/tiny/one.txt" >/dev/null 2>&1 || true  # build the table cache
else
  SNAPSHOT_ID=""
fi
export SNAPSHOT_ID

compare() { # NAME ARGS... : run compare.py, keep its table and its JSON
  local name=$1; shift
  echo "bench: compare.py ($name) ..." >&2
  "${PIN[@]}" python3 "$SHARED/compare.py" --peers "$PEERS" --configs "$SHARED/configs" --corpus "$CORPUS" \
    --sizes "$SIZES" --timeout "$TIMEOUT" --json "$work/$name.json" "$@" | tee "$work/$name.md" >&2
}
compare main --checker "$CHECKER_CMD" --only "checker${FAST_PEERS:+,$FAST_PEERS}" --runs "$RUNS"
if [ -n "$SLOW_PEERS" ]; then
  compare slow --only "$SLOW_PEERS" --runs 1 --warmup 0
fi
if [ -n "$STARTUP_LANG" ]; then
  # start-up only (tiny row): --no-single --no-many leave just tiny/one.txt
  compare startup --checker "${CHECKER_CMD/check /check --lang $STARTUP_LANG }" --only checker \
    --no-single --no-many --runs "$RUNS"
fi

# 4. diagnostics (findings, exit status, stderr of each checker target) and the report
diag=()
[ "$DIAG" = 1 ] && diag=(--diag)
"${PIN[@]}" python3 bench/summarize.py --work "$work" --corpus "$CORPUS" --sizes "$SIZES" \
  --checker "$CHECKER_CMD" --startup-lang "$STARTUP_LANG" --peers "$PEERS" --cpu "${CPU:-none}" \
  --runs "$RUNS" --json-out "${out%.md}.json" "${diag[@]}" > "$out"
cat "$out"
echo "bench: wrote $out" >&2

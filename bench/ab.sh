#!/usr/bin/env bash
# Same-hour A/B comparison of two builds of crosscheck on one generated
# corpus: are the reports the same, and which is faster?
#
#   bash bench/ab.sh HEAD~1 HEAD               # two commits (any revision)
#   bash bench/ab.sh HEAD .                    # HEAD against the working tree
#   bash bench/ab.sh --size 200 --runs 9 A B   # the defaults: 50 and 7
#
# Each revision is checked out in a worktree under target/ab/, built there
# (one shared target folder, so only crosscheck itself is compiled again)
# and the worktree removed; `.` is the working tree as it is, built in
# place. Then, on
# target/bench/<size>mb (made by bench/run.sh, or here with its defaults:
# seed 7, 1000 claims):
#
# 1. each build's scan and check reports (JSON) are compared: "same" or
#    "DIFFER" (a change meant to be exact must say same);
# 2. each command runs --runs times per build, in turns (A B, then B A,
#    ...), so that the machine's drift from one minute to the next, often
#    larger than the change measured, falls on both alike: `scan` (no
#    cache), `scan --cache` (read; each build its own cache, made first)
#    and `check` (no cache). Printed: median and fastest wall time of
#    each, and B / A of the medians.
#
# Exit code 0 when it ran (whatever it found), 2 on bad arguments or a
# failed build or run.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

size=50
runs=7
revs=()
while [ $# -gt 0 ]; do
    case "$1" in
        --size) size="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        -*) echo "ab.sh: unknown option $1" >&2; exit 2 ;;
        *) revs+=("$1"); shift ;;
    esac
done
if [ "${#revs[@]}" -ne 2 ]; then
    echo "usage: bash bench/ab.sh [--size MB] [--runs N] REV_A REV_B   (a revision, or . for the working tree)" >&2
    exit 2
fi
case "$runs" in ''|*[!0-9]*|0) echo "ab.sh: --runs is a number above 0" >&2; exit 2 ;; esac
case "$size" in ''|*[!0-9]*|0) echo "ab.sh: --size is a number of MB above 0" >&2; exit 2 ;; esac

ab=target/ab
mkdir -p "$ab/bin"

# build REV NAME: puts the crosscheck binary of REV at $ab/bin/NAME.
build() {
    local rev="$1" name="$2"
    if [ "$rev" = "." ]; then
        echo "== building the working tree ($name)"
        cargo build --locked --release --bin crosscheck -q || { echo "ab.sh: build of the working tree failed" >&2; exit 2; }
        cp target/release/crosscheck "$ab/bin/$name"
        return
    fi
    local sha
    sha=$(git rev-parse --verify --quiet "$rev^{commit}") \
        || { echo "ab.sh: $rev is no revision of this repository" >&2; exit 2; }
    local tree="$ab/tree-${sha:0:12}"
    if [ ! -d "$tree" ]; then
        git worktree add --detach --quiet "$tree" "$sha"
    fi
    echo "== building $rev (${sha:0:12}, $name)"
    local ok=1
    (cd "$tree" && CARGO_TARGET_DIR="$top/$ab/build" cargo build --locked --release --bin crosscheck -q) \
        || ok=0
    # The binary is all that is needed: the checkout goes.
    git worktree remove --force "$tree"
    [ "$ok" = 1 ] || { echo "ab.sh: build of $rev failed" >&2; exit 2; }
    cp "$ab/build/release/crosscheck" "$ab/bin/$name"
}
build "${revs[0]}" A
build "${revs[1]}" B

corpus="target/bench/${size}mb"
if [ ! -f "$corpus/manifest.txt" ] || [ ! -f "$corpus/claims.toml" ]; then
    echo "== generating $corpus"
    cargo build --locked --release --example gen_corpus -q
    rm -rf "$corpus"
    target/release/examples/gen_corpus --mb "$size" --claims 1000 --seed 7 --out "$corpus"
fi
sources="$corpus/sources"
claims="$corpus/claims.toml"
# warm: reads the corpus, so that the run timed next reads it from memory
# (some machines trim the page cache within a minute, however much memory
# is free: docs/performance.md, "Page cache").
warm() {
    find "$sources" -type f -name '*.md' -print0 | xargs -0 cat >/dev/null
}
warm

# runs_ok CMD...: runs CMD; exit codes 0 and 1 (findings) are runs.
runs_ok() {
    local rc=0
    "$@" || rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "ab.sh: failed (exit $rc): $*" >&2
        exit 2
    fi
}

echo "== reports"
for cmd in scan check; do
    sums=()
    for name in A B; do
        bin="$ab/bin/$name"
        if [ "$cmd" = scan ]; then
            sums+=("$( { runs_ok "$bin" scan "$sources" --format json --no-progress 2>/dev/null; } | md5sum | cut -c1-32)")
        else
            sums+=("$( { runs_ok "$bin" check "$claims" --sources "$sources" --format json --no-progress 2>/dev/null; } | md5sum | cut -c1-32)")
        fi
    done
    if [ "${sums[0]}" = "${sums[1]}" ]; then same=same; else same=DIFFER; fi
    echo "   $cmd: $same"
done

# Each build's cache, made before anything is timed.
for name in A B; do
    rm -rf "$ab/cache-$name"
    runs_ok "$ab/bin/$name" scan "$sources" --format json --no-progress --cache "$ab/cache-$name" >/dev/null 2>&1
done

# seconds CMD...: wall time of one run of CMD (stdout and stderr dropped).
seconds() {
    local t0 t1 rc=0
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || rc=$?
    t1=$(date +%s.%N)
    if [ "$rc" -gt 1 ]; then
        echo "ab.sh: failed (exit $rc): $*" >&2
        exit 2
    fi
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

# median and fastest of the numbers on stdin, as "MEDIAN MIN".
stats() {
    sort -g | awk '{ v[NR] = $1 } END { printf "%.3f %.3f\n", v[int((NR + 1) / 2)], v[1] }'
}

printf '\n== %s MB, %s runs each, in turns\n\n' "$size" "$runs"
printf '| command | A median (fastest) | B median (fastest) | B / A |\n'
printf '|---|---:|---:|---:|\n'
for cmd in "scan" "scan --cache" "check"; do
    ta=()
    tb=()
    for ((i = 0; i < runs; i++)); do
        if [ $((i % 2)) -eq 0 ]; then order="A B"; else order="B A"; fi
        for name in $order; do
            bin="$ab/bin/$name"
            warm
            case "$cmd" in
                "scan") t=$(seconds "$bin" scan "$sources" --format json --no-progress) ;;
                "scan --cache") t=$(seconds "$bin" scan "$sources" --format json --no-progress --cache "$ab/cache-$name") ;;
                "check") t=$(seconds "$bin" check "$claims" --sources "$sources" --format json --no-progress) ;;
            esac
            if [ "$name" = A ]; then ta+=("$t"); else tb+=("$t"); fi
        done
    done
    read -r ma fa < <(printf '%s\n' "${ta[@]}" | stats)
    read -r mb fb < <(printf '%s\n' "${tb[@]}" | stats)
    ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.3f", b / a }')
    printf '| `%s` | %s s (%s) | %s s (%s) | %s |\n' "$cmd" "$ma" "$fa" "$mb" "$fb" "$ratio"
done
printf '\nA = %s, B = %s\n' "${revs[0]}" "${revs[1]}"

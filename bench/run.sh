#!/usr/bin/env bash
# crosscheck end-to-end benchmark (issue #7). See docs/performance.md.
#
#   bash bench/run.sh                       # 50, 100 and 200 MB corpora
#   bash bench/run.sh --sizes "5 10"        # small run
#   bash bench/run.sh --claims 1000 --seed 7 --profile release --runs 3
#   bash bench/run.sh --binary target/pgo/use/release/crosscheck
#                                           # time another build (bench/pgo.sh)
#
# Builds crosscheck and the generator, generates one corpus per size under
# target/bench/<size>mb (kept and reused while its manifest matches), then
# times on each, with /usr/bin/time -v (the median wall time of --runs runs,
# the largest peak RSS; the corpus read again before each run, so that
# every command reads it from memory):
#   crosscheck scan SOURCES --format json > /dev/null
#   crosscheck check CLAIMS --sources SOURCES --format json > check.json
#   the same check with --cache <size>mb/cache (a new cache: made), then
#   scan and check again with it (read: nothing is extracted)
#   rg -F -c -f quotes.txt SOURCES          (the grep baseline)
# and scores check.json against expected.tsv (the checks through the cache
# must write the same report), one more scan's quotation findings against
# quotes.tsv (examples/bench_groups) and its figure findings against
# figures.tsv (examples/bench_figures). Prints a table and writes it to
# target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="50 100 200"
claims=1000
seed=7
profile=release
runs=3
binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --claims) claims="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --profile) profile="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --binary) binary="$2"; shift 2 ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$profile" in
    release) build_flag=(--release); bindir=target/release ;;
    debug|dev) build_flag=(); bindir=target/debug ;;
    *) echo "run.sh: --profile is release or debug" >&2; exit 2 ;;
esac

root=target/bench
mkdir -p "$root"

# ---------------------------------------------------------------- tools
# Some machines have /dev/null as a plain file: the scan's report (about
# twice the corpus) would be written to disk and timed with the scan.
if [ ! -c /dev/null ]; then
    if [ "$(id -u)" = 0 ] && rm -f /dev/null && mknod -m 666 /dev/null c 1 3; then
        echo "== /dev/null was a plain file; replaced it with the null device"
    else
        echo "run.sh: /dev/null is not the null device: scan times include writing its report" >&2
    fi
fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
if [ ! -x /usr/bin/time ]; then
    echo "== /usr/bin/time missing: installing the time package"
    as_root apt-get install -y time >/dev/null 2>&1 \
        || { as_root apt-get update >/dev/null 2>&1 && as_root apt-get install -y time >/dev/null 2>&1; } \
        || { echo "run.sh: cannot install /usr/bin/time (GNU time); install it and rerun" >&2; exit 2; }
fi
have_rg=1
if ! command -v rg >/dev/null; then
    echo "== rg missing: installing ripgrep"
    as_root apt-get install -y ripgrep >/dev/null 2>&1 \
        || { as_root apt-get update >/dev/null 2>&1 && as_root apt-get install -y ripgrep >/dev/null 2>&1; } \
        || true
    if ! command -v rg >/dev/null; then
        echo "run.sh: could not install ripgrep: the rg -F -f baseline is skipped" >&2
        have_rg=0
    fi
fi

# ---------------------------------------------------------------- build
echo "== cargo build ${build_flag[*]} --bin crosscheck --example gen_corpus --example bench_accuracy --example bench_groups --example bench_figures"
cargo build --locked "${build_flag[@]}" --bin crosscheck --example gen_corpus --example bench_accuracy \
    --example bench_groups --example bench_figures
cc="$bindir/crosscheck"
if [ -n "$binary" ]; then
    [ -x "$binary" ] || { echo "run.sh: --binary $binary is not an executable file" >&2; exit 2; }
    cc="$binary"
    echo "== timing $cc (the generator and scorers are the ones just built)"
fi
gen="$bindir/examples/gen_corpus"
# A corpus is reused only if this generator made it (its version is in the
# manifest: see GENERATOR in examples/gen_corpus.rs).
generator=$(sed -n 's/^const GENERATOR: u32 = \([0-9]*\);$/\1/p' examples/gen_corpus.rs)
acc="$bindir/examples/bench_accuracy"
groups="$bindir/examples/bench_groups"
figures="$bindir/examples/bench_figures"

# ---------------------------------------------------------------- timing
# run NAME OUTFILE CMD...: runs CMD $runs times under /usr/bin/time -v with
# stdout to OUTFILE; sets $secs to the median wall time and $peak_mb to the
# largest peak resident memory. Before each time (not timed), the corpus
# at `$warm_dir` is read again, then `$before_each`, if set, is run. Exit
# codes 0 and 1 are runs (1: findings at the --fail-on level); anything
# else is a failure. The `stats:` lines the last run printed on stderr
# (crosscheck --stats) are kept in $stats_dir/NAME.stats.
before_each=""
stats_dir=""
warm_dir=""
# warm: reads every source under $warm_dir, so that the command timed next
# (crosscheck or rg alike) reads it from memory. Once a size is not
# enough: some machines (virtual ones among them) trim the page cache
# within a minute, however much memory is free, and a command then reads
# part of the corpus from disk (docs/performance.md, "Page cache").
warm() {
    [ -n "$warm_dir" ] || return 0
    find "$warm_dir" -type f -name '*.md' -print0 | xargs -0 cat >/dev/null
}
run() {
    local name="$1" out="$2"; shift 2
    local tf all=() peaks=() i
    tf=$(mktemp)
    for ((i = 0; i < runs; i++)); do
        warm
        [ -n "$before_each" ] && eval "$before_each"
        local rc=0
        /usr/bin/time -v -o "$tf" "$@" >"$out" 2>"$tf.err" || rc=$?
        if [ "$rc" -gt 1 ]; then
            echo "run.sh: $name failed (exit $rc):" >&2
            tail -n 20 "$tf.err" >&2
            rm -f "$tf" "$tf.err"
            exit 1
        fi
        if [ -n "$stats_dir" ]; then
            grep '^stats: ' "$tf.err" >"$stats_dir/$name.stats" || true
        fi
        all+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i]
            printf "%.3f", s }' "$tf")")
        peaks+=("$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tf")")
    done
    secs=$(printf '%s\n' "${all[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    peak_mb=$(printf '%s\n' "${peaks[@]}" | sort -g | tail -n 1)
    rm -f "$tf" "$tf.err"
}

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo "+dirty" || true)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
now=$(date -u +%Y-%m-%dT%H:%MZ)
rows=()   # size|command|seconds|mbps|peak|accuracy|corpus_mb
for size in $sizes; do
    out="$root/${size}mb"
    want="seed	$seed
mb	$size
generator	$generator"
    # quotes.tsv and figures.tsv came later than the rest: a corpus without
    # them is made again.
    if [ -f "$out/manifest.txt" ] && [ "$(head -n 3 "$out/manifest.txt")" = "$want" ] \
        && grep -qx "claims	$claims" "$out/manifest.txt" && [ -f "$out/quotes.tsv" ] \
        && [ -f "$out/figures.tsv" ]; then
        echo "== $size MB: corpus present in $out"
    else
        echo "== $size MB: generating $out"
        rm -rf "$out"
        "$gen" --mb "$size" --claims "$claims" --seed "$seed" --out "$out"
    fi
    bytes=$(awk -F'\t' '$1 == "bytes" {print $2}' "$out/manifest.txt")
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
    # Every timed run reads the corpus from memory (see warm).
    warm_dir="$out/sources"

    stats_dir=$out
    echo "   scan"
    run scan /dev/null "$cc" scan "$out/sources" --format json --no-progress --stats
    rows+=("$size|scan|$secs|$peak_mb||$mb")
    echo "   check"
    run check "$out/check.json" "$cc" check "$out/claims.toml" --sources "$out/sources" \
        --format json --no-progress --stats
    accuracy=$("$acc" "$out/check.json" "$out/expected.tsv" --quiet)
    "$acc" "$out/check.json" "$out/expected.tsv" >"$out/accuracy.txt"
    rows+=("$size|check|$secs|$peak_mb|$accuracy|$mb")
    # The extraction cache: made by a check, then read by a scan and a check.
    echo "   check --cache (made)"
    before_each="rm -rf '$out/cache'"
    run check-cache-made "$out/check-cache.json" "$cc" check "$out/claims.toml" \
        --sources "$out/sources" --format json --no-progress --stats --cache "$out/cache"
    before_each=""
    cmp -s "$out/check.json" "$out/check-cache.json" \
        || { echo "run.sh: check --cache wrote another report than check" >&2; exit 1; }
    rows+=("$size|check --cache (made)|$secs|$peak_mb|$accuracy|$mb")
    echo "   scan --cache (read)"
    run scan-cache-read /dev/null "$cc" scan "$out/sources" --format json --no-progress --stats \
        --cache "$out/cache"
    rows+=("$size|scan --cache (read)|$secs|$peak_mb||$mb")
    # A read that extracted anything would not measure the cache.
    awk '/ sources \(/ && / of them from the cache$/ {
            m = $0; sub(/.*, /, "", m); sub(/ of them.*/, "", m)
            all = ($2 == m) }
        END { exit !all }' "$out/scan-cache-read.stats" \
        || { echo "run.sh: scan --cache did not read every source from the cache:" >&2
             cat "$out/scan-cache-read.stats" >&2; exit 1; }
    # How the scan groups quotations, against the generator's truth: one
    # more scan through the cache (not timed), its report scored as it is
    # written (it is about twice the corpus: never put on disk).
    echo "   scan groups (scored, not timed)"
    { "$cc" scan "$out/sources" --format json --no-progress --cache "$out/cache" || [ $? -eq 1 ]; } \
        | "$groups" /dev/stdin "$out/quotes.tsv" >"$out/groups.txt" \
        || { echo "run.sh: scoring the scan's grouping failed" >&2; exit 1; }
    # The same for its figure findings (one more scan: the report is not
    # kept).
    echo "   scan figures (scored, not timed)"
    { "$cc" scan "$out/sources" --format json --no-progress --cache "$out/cache" || [ $? -eq 1 ]; } \
        | "$figures" /dev/stdin "$out/figures.tsv" >"$out/figures.txt" \
        || { echo "run.sh: scoring the scan's figures failed" >&2; exit 1; }
    echo "   check --cache (read)"
    run check-cache-read "$out/check-cache.json" "$cc" check "$out/claims.toml" \
        --sources "$out/sources" --format json --no-progress --stats --cache "$out/cache"
    cmp -s "$out/check.json" "$out/check-cache.json" \
        || { echo "run.sh: check through the cache wrote another report than check" >&2; exit 1; }
    rows+=("$size|check --cache (read)|$secs|$peak_mb|$accuracy|$mb")
    if [ "$have_rg" = 1 ]; then
        echo "   rg -F -c -f quotes.txt"
        run rg "$out/rg.txt" rg -F -c -f "$out/quotes.txt" "$out/sources"
        rows+=("$size|rg -F -f|$secs|$peak_mb||$mb")
    fi
done

# ---------------------------------------------------------------- report
report=$(
    echo "## crosscheck benchmark, $now"
    echo
    echo "commit $commit$dirty, ${binary:+binary $binary, }profile $profile, $(nproc) cores ($cpu), $claims claims, seed $seed, median of $runs runs (peak: the largest)"
    echo
    echo "| size | corpus MB | command | seconds | MB/s | peak MB | peak / corpus | accuracy |"
    echo "|---:|---:|---|---:|---:|---:|---:|---:|"
    for r in "${rows[@]}"; do
        IFS='|' read -r size cmd secs peak accuracy mb <<<"$r"
        awk -v size="$size" -v cmd="$cmd" -v s="$secs" -v p="$peak" -v a="$accuracy" -v mb="$mb" 'BEGIN {
            mbps = (s > 0) ? sprintf("%.1f", mb / s) : "inf"
            printf "| %s MB | %.1f | `%s` | %.2f | %s | %.1f | %.2f | %s |\n",
                size, mb, cmd, s, mbps, p, p / mb, (a == "" ? "" : a) }'
    done
    set -- $sizes
    first=$1
    last=${!#}
    if [ "$first" != "$last" ]; then
        echo
        echo "Growth from $first MB to $last MB (corpus $(awk -v a="$first" -v b="$last" 'BEGIN{printf "%.1f", b/a}')x; target: time growth <= 1.125x the size growth, 4.5x for 50 -> 200 MB):"
        echo
        for cmd in scan check "scan --cache (read)" "check --cache (read)" "rg -F -f"; do
            t0=""; t1=""
            for r in "${rows[@]}"; do
                IFS='|' read -r size c secs _ _ _ <<<"$r"
                [ "$c" = "$cmd" ] || continue
                [ "$size" = "$first" ] && t0=$secs
                [ "$size" = "$last" ] && t1=$secs
            done
            [ -n "$t0" ] && [ -n "$t1" ] && awk -v c="$cmd" -v a="$t0" -v b="$t1" 'BEGIN {
                printf "- `%s`: %.2f s -> %.2f s, %sx\n", c, a, b, (a > 0 ? sprintf("%.2f", b / a) : "inf") }'
        done
    fi
    echo
    echo "Targets (docs/performance.md), at each size:"
    echo
    for size in $sizes; do
        for mode in "" " --cache (read)"; do
            scan_s=""; check_s=""; rg_s=""; acc=""; mb=""; peak_max=0
            for r in "${rows[@]}"; do
                IFS='|' read -r s c secs peak a m <<<"$r"
                [ "$s" = "$size" ] || continue
                mb=$m
                case "$c" in
                    "scan$mode") scan_s=$secs; peak_max=$(awk -v x="$peak_max" -v y="$peak" 'BEGIN{print (y > x ? y : x)}') ;;
                    "check$mode") check_s=$secs; acc=$a; peak_max=$(awk -v x="$peak_max" -v y="$peak" 'BEGIN{print (y > x ? y : x)}') ;;
                    "rg -F -f") rg_s=$secs ;;
                esac
            done
            awk -v size="$size" -v mode="${mode:- (no cache)}" -v mb="$mb" -v scan="$scan_s" -v check="$check_s" -v rg="$rg_s" \
                -v acc="$acc" -v peak="$peak_max" 'function v(ok) { return ok ? "ok" : "MISSED" }
                BEGIN {
                printf "- %s MB%s: scan %.1f MB/s (>= 100: %s); ", size, mode, mb / scan, v(mb / scan >= 100)
                if (rg != "") printf "check %.2fx rg (<= 2: %s); ", check / rg, v(check / rg <= 2)
                else printf "check vs rg: no baseline; "
                printf "peak %.2fx corpus (<= 1.5: %s); accuracy %s (>= 0.98: %s)\n",
                    peak / mb, v(peak / mb <= 1.5), acc, v(acc >= 0.98) }'
        done
    done
    echo
    echo "Scan grouping of quotations against the generator's truth (examples/bench_groups; no target):"
    echo
    for size in $sizes; do
        echo "- $size MB:"
        sed -n '2,5s/^/  - /p' "$root/${size}mb/groups.txt"
    done
    echo
    echo "Scan figure findings against the generator's truth (examples/bench_figures; no target):"
    echo
    for size in $sizes; do
        echo "- $size MB:"
        sed -n '2,4s/^/  - /p' "$root/${size}mb/figures.txt"
    done
)
echo
echo "$report"
{
    echo "$report"
    echo
    set -- $sizes
    last=${!#}
    echo "### Steps at $last MB (\`--stats\` of each command's last run)"
    echo
    echo '```'
    for name in scan check check-cache-made scan-cache-read check-cache-read; do
        f="$root/${last}mb/$name.stats"
        [ -f "$f" ] || continue
        echo "$name:"
        sed 's/^/  /' "$f"
    done
    echo '```'
    echo
    for size in $sizes; do
        echo "### scan grouping of quotations, $size MB"
        echo
        echo '```'
        cat "$root/${size}mb/groups.txt"
        echo '```'
        echo
        echo "### check accuracy, $size MB"
        echo
        echo '```'
        cat "$root/${size}mb/accuracy.txt"
        echo '```'
        echo
    done
} >"$root/results.md"
echo
echo "written: $root/results.md (per-verdict accuracy and confusions in $root/<size>mb/accuracy.txt, the scan's grouping in $root/<size>mb/groups.txt)"

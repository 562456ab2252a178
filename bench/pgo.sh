#!/usr/bin/env bash
# A crosscheck binary optimised with a profile of its own runs (PGO), for
# desks that extract large archives without a cache. See
# docs/performance.md, "A build tuned by a profile".
#
#   bash bench/pgo.sh                 # prints the binary's path at the end
#   bash bench/pgo.sh --mb 10         # the training corpus's size (default 10)
#
# 1. Makes sure the toolchain has llvm-profdata (`rustup component add
#    llvm-tools`, once).
# 2. Generates a training corpus with examples/gen_corpus under
#    target/pgo/train, with seed 11: not the corpus bench/run.sh measures
#    (seed 7), so that a measurement is not of the text the profile saw.
# 3. Builds crosscheck instrumented (target/pgo/gen), runs extract, scan
#    and check on the training corpus and on the bundled sources/ and
#    claims/, and merges the counts into target/pgo/merged.profdata.
# 4. Builds crosscheck again with them (target/pgo/use/release/crosscheck).
#
# The reports of the tuned binary are the plain build's, byte for byte: the
# profile changes how the code is laid out and inlined, never what it does.
# Exit code 0 when the binary is built, 2 when something is missing or fails.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=10
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) [ $# -ge 2 ] || { echo "pgo.sh: --mb needs a number" >&2; exit 2; }
              mb="$2"; shift 2 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "pgo.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done
case "$mb" in ''|*[!0-9]*|0) echo "pgo.sh: --mb must be a positive whole number" >&2; exit 2 ;; esac

fail() { echo "pgo.sh: $*" >&2; exit 2; }

host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
    echo "== rustup component add llvm-tools (for llvm-profdata)"
    rustup component add llvm-tools >/dev/null || fail "cannot add llvm-tools to the toolchain"
    [ -x "$profdata" ] || fail "llvm-profdata not found at $profdata"
fi

root="$PWD/target/pgo"
raw="$root/raw"
train="$root/train"
rm -rf "$raw" "$root/cache"
mkdir -p "$raw"

echo "== training corpus: $mb MB, seed 11 ($train)"
cargo build --locked --release --example gen_corpus
target/release/examples/gen_corpus --mb "$mb" --claims 200 --seed 11 --out "$train" >/dev/null

echo "== instrumented build (target/pgo/gen)"
# CARGO_ENCODED_RUSTFLAGS, not RUSTFLAGS: a path with a space stays one flag.
CARGO_ENCODED_RUSTFLAGS="-Cprofile-generate=$raw" cargo build --locked --release --bin crosscheck \
    --target-dir "$root/gen"
gen="$root/gen/release/crosscheck"

echo "== training runs"
# Exit code 1 is a run that found what --fail-on names: a normal outcome.
train_run() { "$gen" "$@" --no-progress >/dev/null || [ $? -eq 1 ] || fail "training run failed: $*"; }
for format in json table; do
    train_run extract "$train/sources" --format "$format"
    train_run scan "$train/sources" --format "$format"
    train_run check "$train/claims.toml" --sources "$train/sources" --format "$format"
done
train_run scan "$train/sources" --format json --cache "$root/cache"
train_run scan "$train/sources" --format json --cache "$root/cache"
train_run scan sources
train_run check claims/example.toml --sources sources
train_run check claims/draft.md --sources sources
rm -rf "$root/cache"

echo "== merging the profile"
compgen -G "$raw/*.profraw" >/dev/null || fail "the training runs wrote no profile into $raw"
"$profdata" merge -o "$root/merged.profdata" "$raw"

echo "== tuned build (target/pgo/use)"
CARGO_ENCODED_RUSTFLAGS="-Cprofile-use=$root/merged.profdata" cargo build --locked --release \
    --bin crosscheck --target-dir "$root/use"
echo "$root/use/release/crosscheck"

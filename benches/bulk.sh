#!/usr/bin/env bash
# The bulk benchmark: one run, one corpus, one lexicon —
#   1. a bare Aho-Corasick scan of the corpus file (all aliases, leftmost-longest, ASCII case-insensitive),
#   2. `jdtag --jsonl --threads 1`,
#   3. `jdtag --jsonl` on all cores,
# each with MB/s, postings/s and peak RSS. Usage: benches/bulk.sh [MEGABYTES] (default 100).
set -euo pipefail
unset RUST_BACKTRACE
cd "$(dirname "$0")/.."
mb=${1:-100}
cargo build --release --quiet --examples --bin jdtag
corpus=target/bench-corpus-${mb}mb.jsonl
[ -f "$corpus" ] || target/release/examples/corpus "$mb" > "$corpus"
bytes=$(stat -c %s "$corpus")
records=$(wc -l < "$corpus")
printf '%s MB, %s postings, %s cores\n' "$(echo "scale=1; $bytes/1000000" | bc)" "$records" "$(nproc)"
printf '%-28s %10s %12s %12s %12s\n' run seconds MB/s postings/s "peak RSS MB"
measure() {
  local name=$1; shift
  local t tfile
  tfile=$(mktemp)
  /usr/bin/time -o "$tfile" -f '%e %M' "$@" > /dev/null 2>/dev/null || true
  t=$(tail -n 1 "$tfile"); rm -f "$tfile"
  local secs=${t% *} rss=${t#* }
  printf '%-28s %10s %12.1f %12.0f %12.1f\n' "$name" "$secs" \
    "$(echo "$bytes/1000000/$secs" | bc -l)" "$(echo "$records/$secs" | bc -l)" "$(echo "$rss/1024" | bc -l)"
}
measure "bare aho-corasick scan" target/release/examples/bare_scan "$corpus"
measure "jdtag --jsonl --threads 1" target/release/jdtag --jsonl --threads 1 "$corpus"
measure "jdtag --jsonl (all cores)" target/release/jdtag --jsonl "$corpus"

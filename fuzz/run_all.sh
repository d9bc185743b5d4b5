#!/bin/sh
# Builds every fuzz target once (debug assertions on, no sanitizer: the crate forbids unsafe
# code), then runs each in turn for $1 seconds (default 600), binaries run directly so that a
# change under src/ meanwhile does not trigger a rebuild. Usage: fuzz/run_all.sh [secs] [targets...]
# Logs go to fuzz/logs/<target>.log; crashes land in fuzz/artifacts/<target>/.
cd "$(dirname "$0")/.." || exit 1
secs=${1:-600}
shift
targets=${*:-tag_text tag_markdown tag_html bulk_line lexicon_toml}
mkdir -p fuzz/logs
cargo +nightly fuzz build -a -s none > fuzz/logs/build.log 2>&1 || exit 1
echo "== built $(date +%T) at $(git rev-parse --short HEAD) (+ working tree)" >> fuzz/logs/run_all.log
for t in $targets; do
  case $t in lexicon_toml) dict=fuzz/dicts/toml.dict ;; *) dict=fuzz/dicts/text.dict ;; esac
  mkdir -p "fuzz/artifacts/$t" "fuzz/corpus/$t"
  echo "== $t start $(date +%T)" >> fuzz/logs/run_all.log
  "fuzz/target/x86_64-unknown-linux-gnu/release/$t" -artifact_prefix="fuzz/artifacts/$t/" \
    -max_total_time="$secs" -timeout=10 -max_len=16384 -dict="$dict" -print_final_stats=1 \
    "fuzz/corpus/$t" > "fuzz/logs/$t.log" 2>&1
  echo "== $t exit $? $(date +%T)" >> fuzz/logs/run_all.log
done

#!/usr/bin/env bash
# Builds the fuzz targets once, then runs each for SECONDS (default 45) from
# its seeds (fuzz/seeds/<target>) and dictionary (fuzz/dict/<target>.dict),
# printing each target's final figures; exits non-zero as soon as a target
# crashes, panics, times out or goes over its memory limit.
#
#   bash fuzz/run-all.sh [SECONDS] [TARGET...]
#
# Stable toolchain (RUSTC_BOOTSTRAP=1), no sanitizer, release build with
# debug assertions. The growing corpus goes to fuzz/corpus/<target> and
# crash inputs to fuzz/artifacts/<target>/ (both git-ignored). Each line
# printed: executions, executions per second, peak RSS, the slowest input
# (the targets print each new slowest one from 10 ms on; libFuzzer's
# "Slowest unit" appears only for inputs of 1 s or more). Extra
# libFuzzer flags can be given in FUZZ_ARGS (e.g. FUZZ_ARGS=-runs=10000000).
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-45}"
shift || true
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=(decode_text html docx pdf extract_bytes)
fi

export RUSTC_BOOTSTRAP=1
start=$(date +%s)
cargo fuzz build -s none --debug-assertions 2>&1 | tail -n 1
echo "fuzz: built in $(($(date +%s) - start)) s"

for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  dict=()
  if [ -f "dict/$target.dict" ]; then
    dict=("-dict=dict/$target.dict")
  fi
  log="$(mktemp)"
  status=0
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  cargo fuzz run -s none --debug-assertions "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -report_slow_units=1 -print_final_stats=1 \
    "${dict[@]}" ${FUZZ_ARGS:-} >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  slowest=$(grep -o 'slowest input so far: .*' "$log" | tail -n 1 || true)
  slow_unit=$(grep -o 'Slowest unit: [0-9]* s' "$log" | tail -n 1 || true)
  echo "fuzz $target: ${runs:-?} runs, ${rate:-?} exec/s, peak RSS ${rss:-?} MB${slowest:+, $slowest}${slow_unit:+, libFuzzer $slow_unit}"
  if [ "$status" -ne 0 ]; then
    echo "fuzz $target FAILED (exit $status); last lines of its log:" >&2
    tail -n 30 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
done

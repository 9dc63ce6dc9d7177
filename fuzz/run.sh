#!/usr/bin/env bash
# Runs gloss's fuzz targets one after the other, each for the given number of seconds (default
# 60), and prints one line per target: seconds, executions, result. Exits 1 if any target found a
# crash, a timeout or a memory blow-up; the input is then in fuzz/artifacts/<target>/.
#
#   fuzz/run.sh [seconds] [target…]        targets: article analysis sidecar config knowledge_base
#
# Works on a stable toolchain: cargo-fuzz needs nightly flags only for the sanitizers, and the
# targets run without one by default (`-s none`; gloss has no unsafe code). FUZZ_SANITIZER=address
# picks one; RUSTC_BOOTSTRAP=1 lets a stable compiler take its flags. Installs cargo-fuzz if it
# is missing. Seed corpora come from the example articles, the test fixtures and fuzz/seeds/,
# copied into fuzz/corpus/, which keeps what the fuzzer finds between runs (not committed).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(article analysis sidecar config knowledge_base)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
sanitizer=${FUZZ_SANITIZER:-none}

seed() {
  local target=$1
  mkdir -p "corpus/$target"
  case $target in
    article | analysis)
      cp ../seeds/*.txt ../tests/fixtures/*/*.txt ../tests/fixtures/*/*.md "corpus/$target/" ;;
    sidecar | config | knowledge_base)
      cp seeds/"$target"/* "corpus/$target/" ;;
    *)
      echo "unknown target: $target" >&2
      exit 2 ;;
  esac
}

# Optimized, with debug assertions and overflow checks (cargo-fuzz's default).
nice -n 19 cargo fuzz build -s "$sanitizer"
mkdir -p logs
failed=0
summary=()
for target in "${targets[@]}"; do
  seed "$target"
  log="logs/$target.log"
  echo "== fuzzing $target for ${seconds}s (log: fuzz/$log)"
  status=0
  nice -n 19 cargo fuzz run -s "$sanitizer" "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status): $(grep -m1 -E 'ERROR: libFuzzer|panicked at|SUMMARY' "$log" || true)"
    failed=1
    tail -40 "$log" >&2
  fi
  summary+=("$target: ${seconds}s, ${execs:-?} executions, $result")
done
printf '%s\n' "${summary[@]}"
exit $failed

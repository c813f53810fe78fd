#!/usr/bin/env bash
# Runs every libFuzzer target for N seconds (default 60); exits non-zero on any
# crash, leak or timeout. `make fuzz FUZZ_SECONDS=N` calls it.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# The corpus each target grows is kept in .build-fuzz/corpus/TARGET (seeded from
# the fixtures), so later runs start where earlier ones stopped. A finding is
# written to .build-fuzz/findings/TARGET/; copy it into
# Tests/FuzzTargetsTests/Findings/TARGET/ once fixed, where `make test` replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse http-head webhook-answer config extract websub-callback)

# ld.gold cannot link AddressSanitizer's Swift output here; lld can.
swift build -c release --product feedwatch-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld >&2
fuzzer=.build-fuzz/release/feedwatch-fuzz

seeds_for() {
  case "$1" in
    parse) echo Tests/ParseTests/Fixtures ;;
    *) echo "Fuzz/seeds/$1" ;;
  esac
}

failed=0
total=0
printf '%-16s %12s %8s  %s\n' target executions seconds result
for target in "${targets[@]}"; do
  corpus=.build-fuzz/corpus/$target
  findings=.build-fuzz/findings/$target
  mkdir -p "$corpus" "$findings"
  log=.build-fuzz/$target.log
  # shellcheck disable=SC2046
  if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=Fuzz/lsan.supp "$fuzzer" "$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$corpus" $(seeds_for "$target") Tests/FuzzTargetsTests/Findings/"$target" \
      >"$log" 2>&1; then
    result=ok
  else
    result="FOUND (see $log and $findings/)"
    failed=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  printf '%-16s %12s %8s  %s\n' "$target" "$runs" "$seconds" "$result"
done
printf '%-16s %12s\n' total "$total"
exit $failed

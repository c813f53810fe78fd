#!/usr/bin/env bash
# What one `run --once` over the example feed costs: wall time and peak memory.
# Usage: scripts/bench-once.sh [runs]   (builds release first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
swift build -c release >/dev/null
bin=$PWD/.build/release/feedwatch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/diplomacy.xml "$work/"
cat > "$work/feeds.json" <<JSON
{"feeds": [{"id": "example", "url": "file:diplomacy.xml", "backfill": "36500d"}],
 "watch": $(python3 -c 'import json;print(json.dumps(json.load(open("feeds.json"))["watch"]))'),
 "rules": $(python3 -c 'import json;print(json.dumps(json.load(open("feeds.json"))["rules"]))'),
 "outputs": {"console": {"type": "stdout"}, "archive": {"type": "file", "path": "alerts.jsonl"}}}
JSON
printf '%-4s %10s %12s %7s\n' run wall_ms peak_rss_kb alerts
for i in $(seq 1 "$runs"); do
  rm -rf "$work/state" "$work/alerts.jsonl"
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" run --once --config "$work/feeds.json" --state-dir "$work/state" >/dev/null 2>&1
  end=$(date +%s%N)
  printf '%-4s %10d %12s %7s\n' "$i" $(( (end - start) / 1000000 )) "$(cat "$work/rss")" "$(wc -l < "$work/alerts.jsonl")"
done

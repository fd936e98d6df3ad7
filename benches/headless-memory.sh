#!/usr/bin/env bash
# Peak memory of every headless command against the text it reads, at
# 10,000 and 30,000 articles (the target: at most 1.6x the text).
#
#   benches/headless-memory.sh [ARTICLES...]     # default: 10000 30000
#
# Writes the bench's collections under ${TMPDIR:-/tmp} when they are
# missing (`cargo bench --bench search -- --write DIR --articles N`), and
# measures with GNU time's maximum resident set size.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)"; exit 1; }
cargo build --release -q
bin=./target/release/zhizao
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000)
commands=(
  "list"
  "check"
  "search nb --limit 5"
  "lessons --width 100"
  "lessons --width 100 --place munich"
  "lessons --json"
  "export --format markdown"
  "export --format html"
  "export --format json"
  "export --format text"
)
for n in "${sizes[@]}"; do
  dir="${TMPDIR:-/tmp}/zhizao-bench-$n"
  if [ ! -f "$dir.lines" ]; then
    cargo bench -q --bench search -- --write "$dir" --articles "$n" >/dev/null
  fi
  # The text: every paragraph, as the bench writes them out for fzf.
  text_kb=$(( $(stat -L -c %s "$dir.lines") / 1024 ))
  echo "$n articles: text $((text_kb / 1024)) MiB"
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086 # the command's words are meant to split
    /usr/bin/time -o "$dir.peak" -f "%M" "$bin" --content "$dir" $c >/dev/null 2>&1 || true
    peak=$(tail -1 "$dir.peak")
    awk -v c="$c" -v p="$peak" -v t="$text_kb" \
      'BEGIN { printf "  %-36s %7.0f MiB  %.2fx the text\n", c, p / 1024, p / t }'
  done
done

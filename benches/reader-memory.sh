#!/usr/bin/env bash
# The reader's peak memory over a session against the text it reads: open,
# wait for the collection, search (`nb`, Enter on the first hit; then a
# question of several words, 年轻人的斗争精神), then one visit each to
# views 2 and 3, and quit. The target: at most 2.0x the text.
#
#   benches/reader-memory.sh [ARTICLES...]     # default: 1000 10000 30000
#
# Drives the release binary in a tmux server of its own (its own socket),
# with its own state and cache folders, and measures with GNU time's
# maximum resident set size. Writes the bench's collections under
# ${TMPDIR:-/tmp} when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)"; exit 1; }
command -v tmux >/dev/null || { echo "needs tmux"; exit 1; }
cargo build --release -q
bin=$PWD/target/release/zhizao
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 30000)
sock="zhizao-mem-$$"
t() { tmux -L "$sock" "$@"; }
trap 't kill-server 2>/dev/null || true' EXIT
for n in "${sizes[@]}"; do
  dir="${TMPDIR:-/tmp}/zhizao-bench-$n"
  if [ ! -f "$dir.lines" ]; then
    cargo bench -q --bench search -- --write "$dir" --articles "$n" >/dev/null
  fi
  text_kb=$(( $(stat -L -c %s "$dir.lines") / 1024 ))
  for kind in cold warm; do
    home=$(mktemp -d)
    [ "$kind" = warm ] && home=$warm_home
    peak="$home/peak"
    t new-session -d -x 120 -y 40 "XDG_STATE_HOME=$home/state XDG_CACHE_HOME=$home/cache /usr/bin/time -o $peak -f %M $bin --content $dir"
    # Loaded when the status bar counts every article (1,000 as it prints it).
    shown=$(printf "%'d" "$n" 2>/dev/null || echo "$n")
    [ "$shown" = "$n" ] && shown=$(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
    for _ in $(seq 600); do
      t capture-pane -p | grep -q "第 1/$shown 篇" && break
      sleep 0.1
    done
    t send-keys / n b; sleep 2; t send-keys Enter; sleep 1
    # A question of several words, typed a key at a time: each word's
    # matches are kept while it is typed.
    t send-keys /; for k in 年 轻 人 的 斗 争 精 神; do t send-keys "$k"; sleep 0.3; done
    sleep 2; t send-keys Enter; sleep 1
    t send-keys 2; sleep 2; t send-keys 3; sleep 3
    t send-keys q; sleep 1
    t kill-server 2>/dev/null || true
    for _ in $(seq 50); do [ -s "$peak" ] && break; sleep 0.1; done
    awk -v n="$n" -v k="$kind" -v p="$(tail -1 "$peak")" -v t="$text_kb" \
      'BEGIN { printf "%6d articles, %s: text %5.0f MiB, peak %6.0f MiB, %.2fx the text\n", n, k, t / 1024, p / 1024, p / t }'
    warm_home=$home
  done
done

#!/usr/bin/env bash
# `zhizao search` against `fzf --filter`, whole process, on the 1,000-article
# collection: the same paragraphs, the same queries, runs alternating.
# Prints one table of medians. Installs fzf from Debian if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v fzf >/dev/null; then
  apt-get update -qq && apt-get install -y -qq fzf >/dev/null
fi
cargo build --release -q
# zhizao's cache is the bench's own, never the user's.
export XDG_CACHE_HOME="$PWD/target/bench-cache"
dir=target/bench-corpus/fzf
cargo bench -q --bench search -- --write "$dir" --articles 1000 >/dev/null
lines="$dir.lines"

queries=("全球智造创新之都" "智造" "宁波" "产教融合" "创新 驱动" "quanqiu" "nb" "austin")
runs=${RUNS:-7}
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# One table row in FORMAT: the label, the medians of zhizao's and fzf's
# times (each a space-separated list) and their ratio.
ratio_row() {
  local format=$1 label=$2 zm fm
  zm=$(printf '%s\n' $3 | median)
  fm=$(printf '%s\n' $4 | median)
  printf "$format" "$label" "$zm" "$fm" "$(awk -v a="$zm" -v b="$fm" 'BEGIN {printf "%.3f", a / b}')"
}

printf '%-20s %12s %12s %8s\n' "query" "zhizao ms" "fzf ms" "ratio"
for q in "${queries[@]}"; do
  z=(); f=()
  for _ in $(seq "$runs"); do
    t=$(now); target/release/zhizao --content "$dir" search "$q" --limit 20 >/dev/null || true; z+=($(( ($(now) - t) / 1000000 )))
    t=$(now); fzf --filter "$q" <"$lines" >/dev/null || true; f+=($(( ($(now) - t) / 1000000 )))
  done
  ratio_row '%-20s %12s %12s %8s\n' "$q" "${z[*]}" "${f[*]}"
done
echo "paragraphs: $(wc -l <"$lines"), text: $(( $(wc -c <"$lines") / 1000000 )) MB, runs: $runs each, alternating"

# The first frame, whole process: the reader started in a pseudo-terminal
# of its own (no tmux, no process forked per look at the screen) until its
# status bar is drawn, against one `fzf --filter` over the same paragraphs.
# Cold: a fresh cache folder each run; warm: one the first run filled. The
# user's own cache folder is never read. FRAME_ARTICLES picks the sizes.
echo
printf '%-16s %14s %12s %8s\n' "articles" "first frame ms" "fzf ms" "ratio"
for n in ${FRAME_ARTICLES:-1000 10000}; do
  fdir=target/bench-corpus/frame-$n
  [ -d "$fdir" ] || cargo bench -q --bench search -- --write "$fdir" --articles "$n" >/dev/null
  warm=$(mktemp -d)
  cargo bench -q --bench search -- --first-frame "$fdir" --cache "$warm" >/dev/null
  for kind in cold warm; do
    z=(); f=()
    for _ in $(seq "${FRAME_RUNS:-3}"); do
      cache=$warm
      [ "$kind" = cold ] && cache=$(mktemp -d)
      z+=($(cargo bench -q --bench search -- --first-frame "$fdir" --cache "$cache"))
      [ "$kind" = cold ] && rm -rf "$cache"
      t=$(now); fzf --filter "nb" <"$fdir.lines" >/dev/null || true; f+=($(( ($(now) - t) / 1000000 )))
    done
    ratio_row '%-16s %14s %12s %8s\n' "$n $kind" "${z[*]}" "${f[*]}"
  done
  rm -rf "$warm"
done

# The first keystroke, `n`, the worst case: results and their highlights,
# timed inside the process just after the index is built, against one
# `fzf --filter n` over the same paragraphs.
echo
printf '%-16s %14s %12s %8s\n' "articles" "first key ms" "fzf ms" "ratio"
for n in ${FRAME_ARTICLES:-1000 10000}; do
  fdir=target/bench-corpus/frame-$n
  z=(); f=()
  for _ in $(seq "${FRAME_RUNS:-3}"); do
    z+=($(cargo bench -q --bench search -- --first-key "$fdir"))
    t=$(now); fzf --filter "n" <"$fdir.lines" >/dev/null || true; f+=($(( ($(now) - t) / 1000000 )))
  done
  ratio_row '%-16s %14s %12s %8s\n' "$n" "${z[*]}" "${f[*]}"
done

# Peak memory, whole process (`/usr/bin/time -v`), of a search against the
# size of the text searched: the target is at most 2.5 times the text.
if ! [ -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
echo
printf '%-16s %12s %10s %8s\n' "articles" "peak MB" "text MB" "× text"
for n in ${FRAME_ARTICLES:-1000 10000}; do
  fdir=target/bench-corpus/frame-$n
  kb=$( { /usr/bin/time -v target/release/zhizao --no-state --content "$fdir" search nb >/dev/null; } 2>&1 \
    | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}')
  text=$(wc -c <"$fdir.lines")
  printf '%-16s %12s %10s %8s\n' "$n" "$((kb / 1000))" "$((text / 1000000))" \
    "$(awk -v a="$kb" -v b="$text" 'BEGIN {printf "%.2f", a * 1000 / b}')"
done

#!/usr/bin/env bash
# Time and peak memory of reading generated reports of 100 to 50,000 paragraphs, whole
# process (`undocs info`, GNU time), for JSON, Akoma Ntoso and DOCX: the table of README's
# "Memory" and "Performance" sections. Linear means ms and MB per 1,000 paragraphs stay
# flat as the size grows (past the fixed cost of the process, about 5 MB and 1 ms).
#
#   bash benches/scaling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
U=$(bash scripts/build-release.sh)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Median of 7 runs of `undocs info FILE`: "seconds kilobytes" (wall time by the shell's
# clock, GNU time's resolution being 10 ms; peak memory by GNU time).
measure() {
  for _ in 1 2 3 4 5 6 7; do
    s=$(date +%s%N)
    kb=$(/usr/bin/time -f "%M" "$U" info "$1" 2>&1 >/dev/null | tail -1)
    e=$(date +%s%N)
    echo "$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.4f", (e - s) / 1e9}') $kb"
  done | sort -n | sed -n 4p
}

# The input's size as read: a DOCX's XML uncompressed.
size_of() {
  case "$1" in
    *.docx) unzip -l "$1" | awk '$4 ~ /\.(xml|rels)$/ {s += $1} END {print s}' ;;
    *) stat -c %s "$1" ;;
  esac
}

printf '%-7s %11s %10s %9s %9s %12s %8s\n' format paragraphs input_MB ms MB ms_per_1000 x_input
for n in 100 1000 10000 50000; do
  cargo run --release --quiet --example generate_report -- "$n" "$WORK/r$n.json"
  "$U" convert "$WORK/r$n.json" "$WORK/r$n.xml"
  "$U" convert "$WORK/r$n.json" "$WORK/r$n.docx"
  for ext in json xml docx; do
    f="$WORK/r$n.$ext"
    read -r secs kb < <(measure "$f")
    bytes=$(size_of "$f")
    awk -v e="$ext" -v n="$n" -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN {
      printf "%-7s %11d %10.2f %9.1f %9.1f %12.2f %8.1f\n",
        e, n, b / 1048576, s * 1000, k / 1024, s * 1000 * 1000 / n, (k * 1024) / b
    }'
  done
done

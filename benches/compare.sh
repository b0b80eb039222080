#!/usr/bin/env bash
# Whole-process comparison with peers on the same files: `undocs convert x.docx x.json`
# against `pandoc -f docx -t json`, and AKN/JSON conversions for reference. Prints the
# median wall time of each and the ratio pandoc / undocs. Needs pandoc; times with hyperfine
# when it is installed, else with a loop of `date`.
#
# undocs is the binary as shipped (scripts/build-release.sh: static on Linux with glibc);
# the DOCX table also times the binary of a plain `cargo build --release --features cli`
# (linked dynamically: about 0.3 ms more start-up per process) on the real Word samples.
#
#   bash benches/compare.sh            # builds undocs in release mode first
set -euo pipefail
cd "$(dirname "$0")/.."
U=$(bash scripts/build-release.sh)
cargo build --release --locked --quiet --features cli
PLAIN=target/release/undocs
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Inputs: the seed as DOCX, the two UN Word samples, and a generated 1,000-paragraph report.
$U convert fixtures/a-hrc-31-81/source.md "$WORK/seed.docx" --set 'symbol=A/HRC/31/81*'
cp fixtures/docx/01_FCCC_PA_CMA_2021_10_Add.3_EN.docx "$WORK/un01.docx"
cp fixtures/docx/02_A_80_6_PlanOutline_EN.docx "$WORK/un02.docx"
cargo run --release --quiet --example generate_report -- 1000 "$WORK/gen1000.docx"

median_ms() { # command... → median of N runs, in milliseconds
  local n=15 times=()
  # hyperfine starts the command itself (-N, no shell) and times only it; the fallback
  # loop also times bash forking the command and the second `date`, about 1 ms that
  # would count against the faster of two programs.
  if command -v hyperfine >/dev/null; then
    # (At least 15 runs, more for a fast command, up to 3 s or 300 runs: 15 runs of a
    # 3 ms command include the first, slower ones, and their median moved by a tenth.)
    hyperfine -N --min-runs $n --max-runs 300 --warmup 3 --export-json "$WORK/hf.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$WORK/hf.json"
    return
  fi
  for _ in $(seq $n); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

printf '%-14s %12s %12s %8s %14s %8s\n' file undocs_ms pandoc_ms ratio plain_build_ms ratio
for f in seed un01 un02 gen1000; do
  u=$(median_ms $U convert "$WORK/$f.docx" "$WORK/$f.json")
  q=n/a
  case $f in un0*) q=$(median_ms $PLAIN convert "$WORK/$f.docx" "$WORK/$f.plain.json") ;; esac
  if command -v pandoc >/dev/null; then
    p=$(median_ms pandoc -f docx -t json -o "$WORK/$f.pandoc.json" "$WORK/$f.docx")
    r=$(awk -v p="$p" -v u="$u" 'BEGIN {printf "%.1fx", p/u}')
    rq=$(awk -v p="$p" -v q="$q" 'BEGIN {if (q == "n/a") print "n/a"; else printf "%.1fx", p/q}')
  else
    p=n/a; r=n/a; rq=n/a
  fi
  printf '%-14s %12s %12s %8s %14s %8s\n' "$f" "$u" "$p" "$r" "$q" "$rq"
done

# PDF: reading into the model (undocs, whole process, recognition included) against
# pdftotext -layout (text only) on the sample PDFs; ratio > 1 means undocs is faster.
SAMPLES=../shared/samples
if [ -d "$SAMPLES/un" ] && command -v pdftotext >/dev/null; then
  echo
  printf '%-30s %12s %14s %8s\n' pdf undocs_ms pdftotext_ms ratio
  for f in "$SAMPLES"/un/*.pdf "$SAMPLES"/upr/*.pdf; do
    u=$(median_ms $U convert "$f" "$WORK/pdf.json")
    p=$(median_ms pdftotext -layout "$f" "$WORK/pdf.txt")
    r=$(awk -v p="$p" -v u="$u" 'BEGIN {printf "%.2fx", p/u}')
    printf '%-30s %12s %14s %8s\n' "$(basename "$f")" "$u" "$p" "$r"
  done
  # Generated reports (benches/support/pdfgen.rs): time per page as pages grow.
  echo
  printf '%-30s %12s %14s %8s %10s\n' generated undocs_ms pdftotext_ms ratio ms/page
  for n in 10 300; do
    cargo run --release --quiet --example generate_pdf -- $n "$WORK/gen$n.pdf" 2>/dev/null
    u=$(median_ms $U convert "$WORK/gen$n.pdf" "$WORK/pdf.json")
    p=$(median_ms pdftotext -layout "$WORK/gen$n.pdf" "$WORK/pdf.txt")
    r=$(awk -v p="$p" -v u="$u" 'BEGIN {printf "%.2fx", p/u}')
    per=$(awk -v u="$u" -v n="$n" 'BEGIN {printf "%.2f", u/n}')
    printf '%-30s %12s %14s %8s %10s\n' "$n pages" "$u" "$p" "$r" "$per"
  done
fi

# PDF writing: `undocs convert x.json x.pdf` against LibreOffice printing undocs' own DOCX
# of the same document to PDF, whole process; ratio > 1 means undocs is faster. Then the
# time per page as documents grow.
if command -v soffice >/dev/null; then
  echo
  printf '%-14s %8s %12s %14s %8s\n' write-pdf pages undocs_ms libreoffice_ms ratio
  for f in seed gen1000; do
    $U convert "$WORK/$f.docx" "$WORK/$f.json"
    u=$(median_ms $U convert "$WORK/$f.json" "$WORK/$f.pdf")
    pages=$(pdfinfo "$WORK/$f.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    s=$(date +%s%N)
    for _ in 1 2 3; do
      soffice --headless --norestore --convert-to pdf --outdir "$WORK/lo" "$WORK/$f.docx" >/dev/null 2>&1
    done
    e=$(date +%s%N)
    l=$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.2f", (e - s) / 3 / 1000000}')
    r=$(awk -v l="$l" -v u="$u" 'BEGIN {printf "%.1fx", l/u}')
    printf '%-14s %8s %12s %14s %8s\n' "$f" "$pages" "$u" "$l" "$r"
  done
fi
echo
printf '%-20s %8s %12s %10s\n' write-pdf-generated pages undocs_ms ms/page
for n in 100 1000 10000; do
  cargo run --release --quiet --example generate_report -- $n "$WORK/g$n.json"
  u=$(median_ms $U convert "$WORK/g$n.json" "$WORK/g$n.pdf")
  pages=$(pdfinfo "$WORK/g$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  per=$(awk -v u="$u" -v n="$pages" 'BEGIN {printf "%.2f", u/n}')
  printf '%-20s %8s %12s %10s\n' "$n paragraphs" "$pages" "$u" "$per"
done

# Batch conversion: a folder of 40 real files (the sample DOCX and PDF files, copied until
# there are 40) converted to Akoma Ntoso with --jobs 1 and with all cores; the ratio is
# the parallel speed-up.
if [ -d "$SAMPLES/un" ]; then
  mkdir -p "$WORK/batch"
  i=0
  while [ $i -lt 40 ]; do
    for f in "$SAMPLES"/un/*.docx "$SAMPLES"/un/*.pdf "$SAMPLES"/upr/*.pdf; do
      [ $i -lt 40 ] || break
      cp "$f" "$WORK/batch/$i-$(basename "$f")"
      i=$((i + 1))
    done
  done
  one=$(median_ms $U convert --to akn "$WORK/batch" --out-dir "$WORK/batch-out" --jobs 1)
  all=$(median_ms $U convert --to akn "$WORK/batch" --out-dir "$WORK/batch-out")
  echo
  printf '%-24s %10s %10s %8s\n' batch-40-files jobs1_ms all_ms speedup
  printf '%-24s %10s %10s %8s\n' "docx+pdf → akn" "$one" "$all" "$(awk -v a="$one" -v b="$all" 'BEGIN {printf "%.2fx", a/b}')"
fi

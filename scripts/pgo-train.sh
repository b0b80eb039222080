#!/usr/bin/env bash
# Runs an instrumented undocs (built with -Cprofile-generate by scripts/build-release.sh)
# over the conversions users run, so that the shipped binary is optimized for them.
#
# The training set is the repository's fixtures in every format, read and written: the
# Word files of fixtures/cases and fixtures/docx/silent-loss (Word's own markup), Akoma
# Ntoso files, Markdown and pdftotext text, and the JSON documents, converted to DOCX,
# Akoma Ntoso and PDF and read back (the PDFs from their page layout too). It leaves out
# on purpose every input that benches/compare.sh times (the two UN Word samples, the seed
# A/HRC/31/81 and the generated reports), so that the speed measured there is the speed of
# files the profile never saw.
#
#   bash scripts/pgo-train.sh path/to/instrumented/undocs
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
runs=0
conv() { # IN OUT [options]: one conversion; a failure stops the training
  if ! "$bin" convert "$@" >/dev/null 2>"$out/err"; then
    echo "pgo-train: undocs convert $* failed:" >&2
    cat "$out/err" >&2
    exit 1
  fi
  runs=$((runs + 1))
}
name() { echo "$(basename "$(dirname "$1")")-$(basename "$1")"; }

for f in fixtures/cases/*.docx fixtures/docx/silent-loss/*.docx; do
  n=$(name "$f")
  conv "$f" "$out/$n.json"
  conv "$f" "$out/$n.akn.xml"
done
for f in fixtures/akn/*.xml fixtures/akn/silent-loss/*.xml; do
  conv "$f" "$out/$(name "$f").json"
done
for f in fixtures/cases/*.md fixtures/languages/*.md fixtures/text/*.md fixtures/pdftotext/*.txt; do
  conv "$f" "$out/$(name "$f").json"
done
for f in fixtures/a-hrc-59-15/document.json fixtures/cases/*.json; do
  n=$(name "$f")
  conv "$f" "$out/$n.docx"
  conv "$f" "$out/$n.akn.xml"
  conv "$f" "$out/$n.pdf"
  conv "$out/$n.docx" "$out/$n.docx.json"
  conv "$out/$n.akn.xml" "$out/$n.akn.json"
  conv "$out/$n.pdf" "$out/$n.pdf.json"
  conv --ignore-embedded "$out/$n.pdf" "$out/$n.layout.json"
done
echo "pgo-train: $runs conversions" >&2

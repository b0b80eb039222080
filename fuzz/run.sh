#!/usr/bin/env bash
# Fuzzes every reader (and the round trip, and the XML scanner against quick-xml) for
# SECONDS each, two at a time.
#
#   bash fuzz/run.sh 60                 # all targets, 60 s each
#   bash fuzz/run.sh 900 read_pdf       # one target, 15 minutes
#
# The machines have one stable toolchain: cargo-fuzz builds with RUSTC_BOOTSTRAP=1 and
# without a sanitizer (libFuzzer's coverage, -timeout and -rss_limit_mb still apply).
# Needs `cargo install cargo-fuzz`. Corpora are seeded from fixtures/ and
# ../shared/samples; a crash, timeout (> 1 s) or out-of-memory (> 2 GB) is written to
# fuzz/artifacts/TARGET/, copied to tests/fuzz-regressions/TARGET/ (which `cargo test`
# replays) and makes the run fail.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_json read_text read_akn read_docx read_pdf roundtrip xml_scan)
export RUSTC_BOOTSTRAP=1
cargo fuzz build --sanitizer none -O
bin="target/$(rustc -vV | sed -n 's/^host: //p')/release"

seed() { # target, files...
  local dir="corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -f "$f" "$dir/" || true; done
}
shopt -s nullglob globstar
seed read_json ../fixtures/**/*.json
seed read_text ../fixtures/**/*.md ../fixtures/**/*.txt
seed read_akn ../fixtures/**/*.xml ../../shared/samples/akn/*.xml
seed read_docx ../fixtures/**/*.docx ../../shared/samples/un/*.docx
seed read_pdf ../../shared/samples/un/10_*.pdf ../../shared/samples/upr/algeria2008.pdf
# The XML parts of the Word files, for the scanner (checked as a DOCX part and as Akoma
# Ntoso, namespaces resolved).
mkdir -p corpus/xml_scan
for f in ../fixtures/**/*.docx; do
  for p in word/document.xml word/styles.xml word/footnotes.xml word/numbering.xml; do
    unzip -p "$f" "$p" > "corpus/xml_scan/$(basename "$f" .docx)-$(basename "$p")" 2>/dev/null || true
  done
done
# And Akoma Ntoso files, for its namespaces.
seed xml_scan ../fixtures/akn/*.xml ../../shared/samples/akn/*.xml
find corpus/xml_scan -size 0 -delete
mkdir -p corpus/roundtrip
for f in ../fixtures/a-hrc-31-81/expected.json; do { printf '\0'; cat "$f"; } > corpus/roundtrip/json-seed; done
for f in ../fixtures/a-hrc-31-81/source.md; do { printf '\1'; cat "$f"; } > corpus/roundtrip/text-seed; done

failed=0
run() {
  local t=$1
  mkdir -p "artifacts/$t"
  # (The binaries built above, run directly: two `cargo fuzz run` at once rebuild and
  # relink under each other's feet.)
  if ! "$bin/$t" "corpus/$t" \
      -max_total_time="$secs" -timeout=1 -rss_limit_mb=2048 -max_len=1048576 \
      -artifact_prefix="artifacts/$t/" -print_final_stats=1 > "artifacts/$t.log" 2>&1; then
    # The finding becomes a regression input that `cargo test` replays
    # (tests/fuzz_regressions.rs): fix the bug and commit the file.
    mkdir -p "../tests/fuzz-regressions/$t"
    for a in "artifacts/$t"/*; do [ -f "$a" ] && cp -f "$a" "../tests/fuzz-regressions/$t/"; done
    echo "FAILED: $t (see fuzz/artifacts/$t.log; the input is kept in tests/fuzz-regressions/$t/)"
    tail -30 "artifacts/$t.log"
    return 1
  fi
  grep -E "stat::number_of_executed_units|stat::new_units_added" "artifacts/$t.log" | sed "s/^/$t: /"
}
i=0
pids=()
for t in "${targets[@]}"; do
  run "$t" &
  pids+=($!)
  i=$((i + 1))
  if [ $((i % 2)) -eq 0 ]; then
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
    pids=()
  fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
exit $failed

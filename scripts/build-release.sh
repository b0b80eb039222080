#!/usr/bin/env bash
# Builds the command-line tool as it is shipped and prints the path of the binary.
#
# Release profile (fat LTO, one codegen unit, panic = abort) and, on Linux with glibc, a
# static, position-dependent executable: no dynamic loader, no libraries to map, no
# pointers to relocate at start. That start-up is a fixed cost paid once per file by the
# scripts that convert folders file by file: `undocs --version` takes 0.6 ms static against
# 0.9 ms linked the default way on the 2-core machine of benches/compare.sh, about a tenth
# of the time of a small DOCX conversion. Cargo cannot make this the default build: the
# flags would also reach the procedural macros, which cannot be linked statically, so they
# are given here, for the host's target only (`--target`), and the binary lands in
# target/<host>/release/. Elsewhere (macOS, Windows, musl) this is
# `cargo build --release --features cli`.
#
# Profile-guided (PGO): the binary is first built instrumented, run over the conversions
# of scripts/pgo-train.sh (the fixtures in every format, none of the files that
# benches/compare.sh times), then built again with that profile, so that the compiler
# lays out and inlines the code for the paths real conversions take: about 8 % less time
# for a Word file to JSON and 13 % for JSON to PDF on the 2-core machine of compare.sh. It
# needs llvm-profdata of the LLVM version rustc is built on (`rustc -vV`): Debian's
# `llvm-N` package, or rustup's `llvm-tools` component. Without it the binary is built
# without PGO and the script says so; UNDOCS_PGO=0 skips PGO, and UNDOCS_REQUIRE_PGO=1
# makes its absence an error (CI). The two builds take about twice as long as one.
#
#   bash scripts/build-release.sh            # prints e.g. target/x86_64-unknown-linux-gnu/release/undocs
#   install -m 755 "$(bash scripts/build-release.sh)" ~/.local/bin/undocs
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
llvm=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')

# llvm-profdata for rustc's LLVM, or nothing.
profdata() {
  local c
  for c in "$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata" \
    "$(command -v "llvm-profdata-$llvm" || true)" "/usr/lib/llvm-$llvm/bin/llvm-profdata" \
    "$(command -v llvm-profdata || true)"; do
    if [ -n "$c" ] && [ -x "$c" ] && "$c" --version 2>/dev/null | grep -q "LLVM version $llvm\."; then
      echo "$c"
      return
    fi
  done
}

# build FLAGS TARGET_DIR: builds the release CLI with more rustc flags; prints its path.
build() {
  case "$host" in
    *-linux-gnu)
      RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static $1" \
        cargo build --release --locked --quiet --features cli --target "$host" --target-dir "$2" >&2
      echo "$2/$host/release/undocs"
      ;;
    *)
      RUSTFLAGS="${RUSTFLAGS:-} $1" \
        cargo build --release --locked --quiet --features cli --target-dir "$2" >&2
      echo "$2/release/undocs"
      ;;
  esac
}

pgo=""
if [ "${UNDOCS_PGO:-1}" != 0 ]; then
  tool=$(profdata)
  if [ -n "$tool" ]; then
    dir="$PWD/target/pgo"
    rm -rf "$dir/raw"
    trained=$(build "-C profile-generate=$dir/raw" "$dir/build")
    LLVM_PROFILE_FILE="$dir/raw/%m_%p.profraw" bash scripts/pgo-train.sh "$trained"
    "$tool" merge -o "$dir/merged.profdata" "$dir/raw"
    pgo="-C profile-use=$dir/merged.profdata"
  elif [ "${UNDOCS_REQUIRE_PGO:-0}" = 1 ]; then
    echo "build-release: no llvm-profdata for LLVM $llvm (apt-get install llvm-$llvm, or rustup component add llvm-tools)" >&2
    exit 1
  else
    echo "build-release: no llvm-profdata for LLVM $llvm: built without profile-guided optimization" >&2
  fi
fi
bin=$(build "$pgo" target)
# The shipped binary must run: a static glibc executable that the linker made
# position-independent by mistake crashes at its first instruction.
"$bin" --version >/dev/null
echo "$bin"

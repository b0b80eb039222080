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
#   bash scripts/build-release.sh            # prints e.g. target/x86_64-unknown-linux-gnu/release/undocs
#   install -m 755 "$(bash scripts/build-release.sh)" ~/.local/bin/undocs
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
  *-linux-gnu)
    RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static" \
      cargo build --release --locked --quiet --features cli --target "$host" >&2
    bin="target/$host/release/undocs"
    ;;
  *)
    cargo build --release --locked --quiet --features cli >&2
    bin="target/release/undocs"
    ;;
esac
# The shipped binary must run: a static glibc executable that the linker made
# position-independent by mistake crashes at its first instruction.
"$bin" --version >/dev/null
echo "$bin"

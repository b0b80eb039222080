//! Links the `undocs` binary as a position-dependent executable on Linux (glibc).
//!
//! A position-independent executable has its 32,000-odd pointers in read-only data
//! relocated at every start: about 230 page faults, 0.6 ms of the 1.1 ms a conversion of a
//! small file takes before it reads a byte. The CLI is started once per file by scripts
//! converting folders, so that start-up is a third of the time of a small conversion. The
//! cost is address-space randomization of the executable's own code (its libraries, heap
//! and stack are still randomized); the library crate is not affected.
//!
//! A static build (`-C target-feature=+crt-static`, see scripts/build-release.sh) is left
//! alone: rustc links it itself, position-dependent with `-C relocation-model=static`, and
//! `-no-pie` on top of rustc's static-pie start files gives a binary that crashes at start.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=UNDOCS_PIE");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let static_crt = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && !static_crt
        && std::env::var_os("UNDOCS_PIE").is_none()
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

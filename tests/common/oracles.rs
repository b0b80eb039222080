//! Programs we did not write, used as oracles: whether one is there, and the notice when
//! it is not.

/// Whether an outside program answers; when it does not, the test skips with a notice, or
/// fails where `UNDOCS_REQUIRE_ORACLES=1`.
pub fn oracle_available(program: &str, args: &[&str]) -> bool {
    if std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    oracle_missing(program);
    false
}

/// Prints a skip notice where `cargo test` shows it: straight to the process's standard
/// error, past the test harness's capture (which only takes `print!` and `eprint!`).
pub fn skip_notice(what: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED ({}): {what}",
        std::thread::current().name().unwrap_or("test")
    );
}

/// Reports a missing oracle: a skip notice, or a failure where `UNDOCS_REQUIRE_ORACLES=1`.
pub fn oracle_missing(what: &str) {
    assert!(
        std::env::var("UNDOCS_REQUIRE_ORACLES").as_deref() != Ok("1"),
        "{what} is missing and UNDOCS_REQUIRE_ORACLES=1"
    );
    skip_notice(&format!("{what} is not available"));
}

/// Runs an outside program and gives its standard output; a failure fails the test with
/// its standard error.
pub fn stdout_of(cmd: &mut std::process::Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{:?}: {e}", cmd.get_program()));
    assert!(
        out.status.success(),
        "{:?}: {}",
        cmd.get_program(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

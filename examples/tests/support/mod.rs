//! Runs an example of this package the way a user does, `cargo run --example NAME -- ARGS`,
//! for the tests that check what it prints.

use std::process::Command;

/// Whether `example` succeeded with `args`, and its standard output and error.
pub fn run(example: &str, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", example, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    match output {
        Ok(o) => (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        ),
        Err(error) => (false, String::new(), error.to_string()),
    }
}

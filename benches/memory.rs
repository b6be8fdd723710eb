//! Peak memory of loading and checking a report of 10 000 interventions (three goals each and a
//! flow row per intervention): the parent writes the report's JSON to `target/`, then runs
//! itself as a child that reads the file, loads it, checks it and grades it, and reports its
//! peak resident memory (`VmHWM` of `/proc/self/status`, Linux). Target: under 50 MB.
//!
//! `cargo bench -p finsam-benches --bench memory`. Without `--bench` it measures 1 000
//! interventions.

use std::process::{Command, ExitCode};

use finsam_core::{GradingPolicy, Report};

const TARGET_MB: f64 = 50.0;

fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn child(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let report = Report::from_json(&text)?;
    let findings = report.check().len();
    let graded = report.grade(&GradingPolicy::default())?.len();
    drop(text);
    println!(
        "{} {findings} {graded}",
        peak_mb().ok_or("no VmHWM in /proc/self/status")?
    );
    Ok(())
}

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = args
        .iter()
        .position(|a| a == "--child")
        .and_then(|i| args.get(i + 1))
    {
        child(path)?;
        return Ok(ExitCode::SUCCESS);
    }
    let full = args.iter().any(|a| a == "--bench");
    let size = if full { 10_000 } else { 1_000 };
    let json = finsam_benches::report(size)?.to_json();
    let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    std::fs::create_dir_all(&dir)?;
    let path = format!("{dir}/memory-bench-{size}.json");
    std::fs::write(&path, &json)?;
    let output = Command::new(std::env::current_exe()?)
        .args(["--child", &path])
        .output()?;
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
        return Ok(ExitCode::FAILURE);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut fields = stdout.split_whitespace();
    let peak: f64 = fields.next().ok_or("no output from the child")?.parse()?;
    let findings = fields.next().unwrap_or("?");
    println!(
        "memory: load + check + grade of {size} interventions ({:.1} MB of JSON, {findings} findings): peak {peak:.1} MB resident (target under {TARGET_MB} MB)",
        json.len() as f64 / 1e6
    );
    Ok(if peak < TARGET_MB {
        ExitCode::SUCCESS
    } else {
        eprintln!("memory: the peak {peak:.1} MB is above the {TARGET_MB} MB target");
        ExitCode::FAILURE
    })
}

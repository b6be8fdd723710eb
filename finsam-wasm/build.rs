//! Writes the TypeScript union of the core's error codes (`ErrorCode`) from `ErrorKind::ALL`,
//! so the declarations name every code the core can report, and no other, without a hand-kept
//! copy that could drift (src/typescript.rs includes the file).

use std::fmt::Write as _;
use std::path::PathBuf;

use finsam_core::ErrorKind;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut union = String::from(
        "\n/** The core's stable error codes (see `errorCodes()`). */\nexport type ErrorCode =",
    );
    for kind in ErrorKind::ALL {
        write!(union, "\n  | \"{}\"", kind.code())?;
    }
    union.push_str(";\n");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("error_codes.d.ts");
    std::fs::write(out, union)?;
    println!("cargo:rerun-if-changed=build.rs");
    Ok(())
}

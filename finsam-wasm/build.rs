//! Writes the TypeScript unions of the core's error codes (`ErrorCode`), diagnostic codes
//! (`DiagnosticCode`) and diagnostic tables (`DiagnosticTable`) from the core's `ALL` lists, so
//! the declarations name every code the core can report, and no other, without a hand-kept copy
//! that could drift (src/typescript.rs includes the file).

use std::fmt::Write as _;
use std::path::PathBuf;

use finsam_core::{DiagnosticCode, ErrorKind, Table};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut union = String::from(
        "\n/** The core's stable error codes (see `errorCodes()`). */\nexport type ErrorCode =",
    );
    for kind in ErrorKind::ALL {
        write!(union, "\n  | \"{}\"", kind.code())?;
    }
    union.push_str(";\n");
    union.push_str(
        "\n/** The stable codes of the checker's findings (see `checkReport`). */\nexport type DiagnosticCode =",
    );
    for code in DiagnosticCode::ALL {
        write!(union, "\n  | \"{}\"", code.code())?;
    }
    union.push_str(";\n");
    union.push_str(
        "\n/** Which table of the report a finding is in (goals: the summary and the intervention sections). */\nexport type DiagnosticTable =",
    );
    for table in Table::ALL {
        write!(union, "\n  | \"{}\"", table.code())?;
    }
    union.push_str(";\n");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("error_codes.d.ts");
    std::fs::write(out, union)?;
    println!("cargo:rerun-if-changed=build.rs");
    Ok(())
}

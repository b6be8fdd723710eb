//! Writes the TypeScript declarations of every type the core reads and writes, generated from
//! the core's JSON Schemas (`finsam_core::format::schema::typescript`), into
//! `OUT_DIR/types.d.ts`, which src/typescript.rs adds to the package's `.d.ts`. No declaration
//! of the format is kept by hand, so none can drift.
//!
//! `Span` is left out: the binding gives JS its spans in UTF-16 indexes as well as bytes, and
//! declares that shape itself (src/typescript.rs).

use std::path::PathBuf;

use finsam_core::format::schema::typescript::declarations;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = String::new();
    for (name, declaration) in declarations() {
        if name != "Span" {
            out.push('\n');
            out.push_str(&declaration);
        }
    }
    std::fs::write(
        PathBuf::from(std::env::var("OUT_DIR")?).join("types.d.ts"),
        out,
    )?;
    println!("cargo:rerun-if-changed=build.rs");
    Ok(())
}

//! Writes `python/finsam/_records.py` (`../python/finsam/` in the sdist): the frozen
//! dataclasses of the records the binding hands to Python, generated from the core's output
//! schema (`finsam_core::format::schema`). The file is not kept in git; maturin packs it with
//! the package.

use std::path::Path;

use finsam_core::format::schema::output_schema;
use finsam_core::format::schema::python::{python_records, Record};

/// The records: the core type, the Python class and, for the few with methods, their base in
/// `finsam/_methods.py`. A record's fields are never listed here: they come from the type.
const RECORDS: &[Record<'static>] = &[
    Record::new("Line", "Line"),
    Record::new("Income", "Income"),
    Record::new("CostGroup", "CostGroup").with_base("CostGroupMethods"),
    Record::new("Costs", "Costs"),
    Record::new("RuleFigures", "RuleFigures"),
    Record::new("StatedCost", "StatedCost"),
    Record::new("InterventionCost", "InterventionCost").with_base("InterventionLink"),
    Record::new("InterventionCostGroup", "InterventionCostGroup"),
    Record::new("PlannedCost", "PlannedCost"),
    Record::new("ForecastFigures", "ForecastFigures"),
    Record::new("Figures", "Figures"),
    Record::new("GroupSummary", "GroupSummary"),
    Record::new("MemberShare", "MemberShare"),
    Record::new("MemberSplit", "MemberSplit"),
    Record::new("StatementSummary", "StatementSummary"),
    Record::new("RuleOutcome", "RuleOutcome"),
    Record::new("Deviation", "Deviation").with_base("InterventionLink"),
    Record::new("ForecastOutcome", "ForecastOutcome"),
    Record::new("EconomicsSummary", "EconomicsSummary").with_base("AsJson"),
    Record::new("FlowFigures", "FlowFigures"),
    Record::new("FlowRow", "FlowRow").with_base("InterventionLink"),
    Record::new("EndReasonRow", "EndReasonRow"),
    Record::new("EndReasonTotals", "EndReasonTotals"),
    Record::new("Agreement", "Agreement").with_base("AgreementMethods"),
    Record::new("ShareBasisTrial", "ShareBasisTrial"),
    Record::new("Disagreement", "Disagreement"),
    Record::new("Excluded", "Excluded"),
    Record::new("StatedBudget", "StatedBudget"),
    Record::new("OfWhom", "OfWhom"),
    Record::new("GenderShares", "GenderShares"),
    Record::new("PrintedPart", "PrintedPart"),
    Record::new("StatedCounts", "StatedCounts"),
    Record::new("Place", "Place"),
    Record::new("Part", "Part"),
    Record::new("ReadingIssue", "ReadingIssue"),
];

/// Where `_records.py` goes, relative to this crate: the Python package's folder, which is
/// `python/finsam/` in the repository, and `../python/finsam/` when the crate is built from the
/// sdist (maturin puts pyproject.toml and the Python sources at the archive's root and this
/// crate in `finsam-py/`).
fn records_path() -> Option<&'static Path> {
    ["python/finsam/_records.py", "../python/finsam/_records.py"]
        .into_iter()
        .map(Path::new)
        .find(|path| path.with_file_name("__init__.py").is_file())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let Some(path) = records_path() else {
        eprintln!("no Python package beside the crate: neither python/finsam/__init__.py nor ../python/finsam/__init__.py");
        std::process::exit(1);
    };
    // Written again when it is deleted or edited by hand.
    println!("cargo:rerun-if-changed={}", path.display());
    let source = match python_records(&output_schema(), RECORDS) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("the Python records cannot be generated: {error}");
            std::process::exit(1);
        }
    };
    // Written only when it changes, so that an unchanged build leaves the file alone.
    if std::fs::read_to_string(path).ok().as_deref() != Some(source.as_str()) {
        if let Err(error) = std::fs::write(path, source) {
            eprintln!("cannot write {}: {error}", path.display());
            std::process::exit(1);
        }
    }
}

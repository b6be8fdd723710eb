//! The JSON Schemas of the format and of everything the core returns, derived from the types
//! themselves (their fields, serde attributes and doc comments), so that no schema, TypeScript
//! declaration or Python class is a hand-kept copy that could drift. Behind the cargo feature
//! `schema`; the bindings' build scripts generate their declarations from these.
//!
//! - [`report_schema`]: what [`Report::from_json`](crate::Report::from_json) reads. The
//!   documented schema `docs/finsam-report.schema.json` adds the value constraints (a share at
//!   most 100, counts not negative) and is tested against this one field by field.
//! - [`output_schema`]: one document whose `$defs` hold every type the core writes for a
//!   binding, by its Rust name, as serde writes it (decimals as strings, `"format": "decimal"`).

pub mod python;
pub mod typescript;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::Value;

use crate::check::diagnostic::Diagnostic;
use crate::common::error::ErrorKind;
use crate::common::table::Table;
use crate::grading::agreement::Agreement;
use crate::grading::assessment::Assessment;
use crate::grading::calibration::Calibration;
use crate::grading::policy::GradingPolicy;
use crate::model::economics::{Economics, EconomicsSummary};
use crate::model::intervention::Intervention;
use crate::model::money::Money;
use crate::model::report::Report;
use crate::series::SeriesComparison;
use crate::text::{Aligned, GoalCell, ResultCell, TextIntervention};

/// The schema of the report format as the library reads it (draft 2020-12).
pub fn report_schema() -> Value {
    let schema = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<Report>();
    schema.to_value()
}

/// A generator of schemas of what the core writes.
fn output_generator() -> SchemaGenerator {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
}

/// Adds `T` and everything it refers to to the generator's definitions.
fn define<T: JsonSchema>(generator: &mut SchemaGenerator) {
    generator.subschema_for::<T>();
}

/// One schema whose `$defs` hold every type the core writes for a binding (reports and their
/// parts, assessments, their agreement with decided grades, calibrations, diagnostics, the
/// economics' summary, the text reader's cells, series comparisons, tables, error codes), each
/// by its Rust name.
pub fn output_schema() -> Value {
    let mut generator = output_generator();
    define::<Report>(&mut generator);
    define::<Intervention>(&mut generator);
    define::<GradingPolicy>(&mut generator);
    define::<Assessment>(&mut generator);
    define::<Agreement>(&mut generator);
    define::<Calibration>(&mut generator);
    define::<Diagnostic>(&mut generator);
    define::<Economics>(&mut generator);
    define::<EconomicsSummary>(&mut generator);
    define::<Money>(&mut generator);
    define::<GoalCell>(&mut generator);
    define::<ResultCell>(&mut generator);
    define::<Aligned>(&mut generator);
    define::<TextIntervention>(&mut generator);
    define::<SeriesComparison>(&mut generator);
    define::<Table>(&mut generator);
    define::<ErrorKind>(&mut generator);
    define::<crate::reader::Reading>(&mut generator);
    define::<crate::reader::Part>(&mut generator);
    define::<crate::reader::ReadingIssue>(&mut generator);
    let definitions = generator.take_definitions(true);
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "finsam: what the core writes",
        "$defs": definitions,
    })
}

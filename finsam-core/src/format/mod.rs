//! The JSON format of a report (`docs/format.md`): reading with typed errors that name the
//! JSON path and line, writing with decimals as strings, limits on what is read, and
//! validation that reports every error at once.

#[cfg(feature = "schema")]
pub mod schema;
mod validate;

pub use crate::common::decimal;
pub use crate::common::json::{from_json, from_json_with_limits, to_json, to_json_pretty, Limits};
pub use validate::{validate_intervention_json, validate_report_json};

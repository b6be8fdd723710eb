//! What every concept of the crate builds on, and which builds on none of them: the typed
//! [`Error`](error::Error) with its stable codes, reading and writing JSON with limits, decimals
//! as strings, the checks of text and numbers the model's constructors share, the language of
//! output and its number formats, the severity of a finding, and the `finsam` command's own
//! messages.
//!
//! This module is a leaf: it imports nothing else of the crate, so that no two concepts need
//! each other through it.

pub(crate) mod checks;
pub(crate) mod code;
pub(crate) mod command;
pub mod decimal;
pub(crate) mod error;
pub(crate) mod json;
pub(crate) mod locale;
pub(crate) mod place;
pub(crate) mod severity;
pub(crate) mod table;
mod words;

//! Rust panics, seen from JS.
//!
//! On `wasm32-unknown-unknown` a panic aborts: after the panic hook runs, the module executes
//! `unreachable` and the caller gets a bare `WebAssembly.RuntimeError: unreachable` with no
//! word of what went wrong, and nothing in the instance can be trusted afterwards (no
//! destructor ran, the shadow stack was not unwound).
//!
//! So the hook throws a `FinsamError` with code `internal_panic` and the panic message
//! itself, before the abort is reached, and remembers the message. From then on every entry
//! point refuses to run and throws a `FinsamError` with code `poisoned` naming the first panic:
//! the page or process must load the module again. The core is written so that it does not
//! panic (its lints deny unwrap, expect, panic and indexing); this is the net under it.

use std::sync::{Once, OnceLock};

use wasm_bindgen::JsValue;

use crate::convert::binding_error;

/// The message of the first panic, once one has happened.
static FIRST_PANIC: OnceLock<String> = OnceLock::new();

/// Whether the hook is installed. It is installed on the first call of any entry point
/// (through [`check`]) rather than by a start function, which wasm-bindgen would export.
static INSTALL: Once = Once::new();

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    let message = format!("finsam-wasm panicked: {info}");
    // Only the first panic is kept: it is the one that broke the instance.
    let _ = FIRST_PANIC.set(message.clone());
    // Throwing leaves the wasm frames at once, so the abort after the hook never runs.
    let swedish = format!("internt fel i finsam-wasm: {info}");
    wasm_bindgen::throw_val(binding_error(
        &message,
        "internal_panic",
        "",
        [&swedish, &message],
    ));
}

/// Installs the hook if needed, and fails with a `poisoned` error once a panic has happened in
/// this instance. Every entry point calls it first.
pub(crate) fn check() -> Result<(), JsValue> {
    INSTALL.call_once(|| std::panic::set_hook(Box::new(on_panic)));
    match FIRST_PANIC.get() {
        None => Ok(()),
        Some(first) => {
            let english = format!("finsam-wasm cannot be used after an internal error; load the module again ({first})");
            let swedish = format!(
                "finsam-wasm kan inte användas efter ett internt fel; ladda modulen igen ({first})"
            );
            Err(binding_error(
                &english,
                "poisoned",
                "",
                [&swedish, &english],
            ))
        }
    }
}

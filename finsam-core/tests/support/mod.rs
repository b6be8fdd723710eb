//! What several test files share: the pages of `docs/` that tests write.

/// Checks that `docs/{name}` is `page`, after writing it when `FINSAM_WRITE_DOCS` is set; the
/// failure says how to write it again (`cargo test -p finsam-core --test {test}`).
pub fn doc_is_current(name: &str, page: &str, test: &str) -> Result<(), finsam_core::Error> {
    let path = format!("{}/../docs/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("FINSAM_WRITE_DOCS").is_some() {
        std::fs::write(&path, page).map_err(|e| {
            finsam_core::Error::new(finsam_core::ErrorKind::InvalidValue, "", e.to_string())
        })?;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == page,
        "docs/{name} is not current: run FINSAM_WRITE_DOCS=1 cargo test -p finsam-core --test {test}"
    );
    Ok(())
}

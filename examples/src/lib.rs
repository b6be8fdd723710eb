//! Sample data shipped with finsam.

//! Grades any intervention the JSON format can express, with any policy: never a panic, and an
//! attainment always in [0, 1].
#![no_main]

use finsam_core::{GradingPolicy, Intervention};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (intervention, policy) = text.split_once('\n').unwrap_or((text, "{}"));
    let Ok(intervention) = finsam_core::format::from_json::<Intervention>(intervention) else {
        return;
    };
    let policy = finsam_core::format::from_json::<GradingPolicy>(policy).unwrap_or_default();
    if let Ok(assessment) = finsam_core::grade(&intervention, &policy) {
        for goal in &assessment.goals {
            if let Some(attainment) = goal.attainment {
                assert!(attainment >= rust_decimal::Decimal::ZERO && attainment <= rust_decimal::Decimal::ONE);
            }
        }
    }
});

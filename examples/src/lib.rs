//! Sample data shipped with finsam, transcribed into the JSON format: the goal-fulfilment
//! summaries, participant flows and end reasons of the 2014, 2015 and 2017 annual reports of
//! Samordningsförbundet Huddinge Botkyrka Salem, and the economics of the 2019 half-year report
//! of Samordningsförbundet Stockholms stad.

/// The 2014 annual report's goal-fulfilment summary, the column of current participants and the
/// end-reason table (`data/arsredovisning-2014.json`).
pub const ANNUAL_REPORT_2014: &str = include_str!("../data/arsredovisning-2014.json");

/// The 2015 annual report's goal-fulfilment summary (`data/arsredovisning-2015.json`).
pub const ANNUAL_REPORT_2015: &str = include_str!("../data/arsredovisning-2015.json");

/// The 2017 annual report's goal-fulfilment summary (`data/arsredovisning-2017.json`).
pub const ANNUAL_REPORT_2017: &str = include_str!("../data/arsredovisning-2017.json");

/// The 2019 half-year report's economics: the statement, the cost rules, the per-intervention
/// table and the full-year forecast (`data/halvarsrapport-2019.json`).
pub const HALF_YEAR_REPORT_2019: &str = include_str!("../data/halvarsrapport-2019.json");

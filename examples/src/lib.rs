//! Sample data shipped with finsam: the goal-fulfilment summaries of the 2015 and 2017 annual
//! reports of Samordningsförbundet Huddinge Botkyrka Salem, transcribed into the JSON format.

/// The 2015 annual report's goal-fulfilment summary (`data/arsredovisning-2015.json`).
pub const ANNUAL_REPORT_2015: &str = include_str!("../data/arsredovisning-2015.json");

/// The 2017 annual report's goal-fulfilment summary (`data/arsredovisning-2017.json`).
pub const ANNUAL_REPORT_2017: &str = include_str!("../data/arsredovisning-2017.json");

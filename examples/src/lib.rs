//! Sample data shipped with finsam: the goal-fulfilment summaries, participant flows and end
//! reasons of the 2014, 2015 and 2017 annual reports of Samordningsförbundet Huddinge Botkyrka
//! Salem, transcribed into the JSON format.

/// The 2014 annual report's goal-fulfilment summary, the column of current participants and the
/// end-reason table (`data/arsredovisning-2014.json`).
pub const ANNUAL_REPORT_2014: &str = include_str!("../data/arsredovisning-2014.json");

/// The 2015 annual report's goal-fulfilment summary (`data/arsredovisning-2015.json`).
pub const ANNUAL_REPORT_2015: &str = include_str!("../data/arsredovisning-2015.json");

/// The 2017 annual report's goal-fulfilment summary (`data/arsredovisning-2017.json`).
pub const ANNUAL_REPORT_2017: &str = include_str!("../data/arsredovisning-2017.json");

//! Pieces written once and used by every calculator.

pub mod chart;
pub mod fields;
pub mod number_field;
pub mod result;
pub mod scenario_bar;

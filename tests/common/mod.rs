//! What the native test suites share.

use tally::calc::Outcome;

/// Asserts that `o` is defined and within `tolerance` of `want`.
pub fn close(o: Outcome, want: f64, tolerance: f64) {
    let got = o
        .value()
        .unwrap_or_else(|| panic!("undefined: {o:?}, want {want}"));
    assert!((got - want).abs() <= tolerance, "got {got}, want {want}");
}

//! The maths of every calculator: plain Rust, no Leptos, no browser.

pub mod compensation;
pub mod csv;
pub mod equity;
pub mod ocf;
pub mod roi;
pub mod unit_economics;

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their order, as
/// `slice::sort_by` does. Every list sorted here is short (at most 8 tiers,
/// 50 ROI lines, 100 holders and the claims of 20 rounds): an insertion
/// sort's n² steps cost nothing there, and its code is a few dozen bytes of
/// wasm, where the standard library's sort is about 3.5 KB for each element
/// type and comparison it is used with.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        // 0 < j <= i < len: both indices are in the slice.
        while j > 0 && cmp(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A result that may not exist for the inputs.
///
/// An undefined result (a lifetime at 0 % churn, a payback that never comes)
/// is a value of its own with a short reason a person can read, never a NaN,
/// an infinity or a zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    Value(f64),
    Undefined(&'static str),
}

impl Outcome {
    /// Wraps `x`, turning a non-finite number into an undefined result.
    pub fn finite(x: f64, reason_if_not: &'static str) -> Self {
        if x.is_finite() {
            Outcome::Value(x)
        } else {
            Outcome::Undefined(reason_if_not)
        }
    }

    /// `numerator / denominator`, undefined when the denominator is zero.
    pub fn ratio(numerator: f64, denominator: f64, reason_if_zero: &'static str) -> Self {
        if denominator == 0.0 {
            Outcome::Undefined(reason_if_zero)
        } else {
            Self::finite(numerator / denominator, TOO_LARGE)
        }
    }

    pub fn value(self) -> Option<f64> {
        match self {
            Outcome::Value(x) => Some(x),
            Outcome::Undefined(_) => None,
        }
    }
}

/// The reason shown when a result overflows what a float can hold.
pub const TOO_LARGE: &str = "too large to compute";

/// The currencies a calculator can be priced in. The code travels in links.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    USD,
    EUR,
    GBP,
    JPY,
    INR,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::USD,
        Currency::EUR,
        Currency::GBP,
        Currency::JPY,
        Currency::INR,
    ];

    /// The codes as a scenario carries them, for `Reader::choice`.
    pub const CHOICES: [(&'static str, Currency); 5] = [
        ("USD", Currency::USD),
        ("EUR", Currency::EUR),
        ("GBP", Currency::GBP),
        ("JPY", Currency::JPY),
        ("INR", Currency::INR),
    ];

    /// Whether amounts in it are grouped as its country writes them, in
    /// lakhs and crores (₹12,34,567) rather than thousands.
    pub fn in_lakhs(self) -> bool {
        self == Currency::INR
    }

    pub fn code(self) -> &'static str {
        match self {
            Currency::USD => "USD",
            Currency::EUR => "EUR",
            Currency::GBP => "GBP",
            Currency::JPY => "JPY",
            Currency::INR => "INR",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Currency::USD => "US dollar",
            Currency::EUR => "Euro",
            Currency::GBP => "Pound sterling",
            Currency::JPY => "Japanese yen",
            Currency::INR => "Indian rupee",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The monthly rate equivalent to an annual one: (1 + annual)^(1/12) − 1.
pub fn monthly_rate(annual: f64) -> f64 {
    (1.0 + annual).powf(1.0 / 12.0) - 1.0
}

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The standard library's stable sort is the reference: same order,
        // equal keys in their original order.
        #[test]
        fn sorts_as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..6, 0..40)) {
            let items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut reference = items;
            reference.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, reference);
        }
    }
}

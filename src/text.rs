//! Numbers as plain text (data values, SVG coordinates, input fields).
//!
//! In the browser these call JavaScript's number formatting, which keeps
//! Rust's float-to-text machinery out of the wasm; natively they are
//! `format!`, so the native tests read the same text. Both work from the
//! exact binary value and can differ only on an exact tie at the last
//! place (JavaScript rounds it away from zero, Rust to even), e.g.
//! `fixed(0.0078125, 6)`. Nothing here touches the page: the calculation
//! modules may use it for their labels and messages.

/// `x` rounded to `places` decimals in plain notation (no exponent), for
/// |x| < 1e21 (every input and chart coordinate is far smaller).
pub fn fixed(x: f64, places: u8) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Number::from(x)
            .to_fixed(places)
            .map(String::from)
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{x:.*}", usize::from(places))
    }
}

/// The shortest text that reads back as exactly `x` (as JavaScript's
/// `String(x)`, which uses exponent form from 1e21 up and below 1e-6).
pub fn shortest(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(
            js_sys::Number::from(x)
                .to_string_with_radix(10)
                .unwrap_or_default(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        x.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_that_reads_back() {
        assert_eq!(fixed(1234.56789, 2), "1234.57");
        assert_eq!(fixed(-0.04, 1), "-0.0");
        assert_eq!(fixed(3.0, 1), "3.0");
        assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(shortest(2900.0), "2900");
    }
}

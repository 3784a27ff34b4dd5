//! Numbers as plain text and back (data values, SVG coordinates, input
//! fields), and names set apart in sentences ([`isolate`], [`quoted`]).
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

/// Reads a plain decimal: ASCII digits with at most one point, as
/// `input::parse_number` leaves a number once it has checked it (`parseFloat`
/// in the browser, `str::parse` natively; both round correctly). `None` for
/// anything else.
pub fn parse_decimal(digits: &str) -> Option<f64> {
    let mut points = 0;
    let plain = digits.chars().all(|c| {
        points += usize::from(c == '.');
        c.is_ascii_digit() || c == '.'
    });
    if !plain || points > 1 || !digits.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        Some(js_sys::Number::parse_float(digits)).filter(|x| !x.is_nan())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        digits.parse().ok()
    }
}

/// A name someone typed (a holder, a stage, a scenario), set apart for a
/// sentence: first strong isolate (U+2068) to pop directional isolate
/// (U+2069). Without it, right-to-left text in a name moves the words and
/// figures after it, and an override character (U+202E) in a shared link's
/// name would show the next offer's formula, or an error's figures, reversed.
/// A closing U+2069 the name did not open is left out, so the name cannot
/// end its isolate early; the name itself is kept unchanged everywhere else.
pub fn isolate(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 6);
    out.push('\u{2068}');
    let mut open = 0usize;
    for c in name.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => open += 1,
            '\u{2069}' if open == 0 => continue,
            '\u{2069}' => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.push('\u{2069}');
    out
}

/// [`isolate`]d between curly quotes, as messages name things.
pub fn quoted(name: &str) -> String {
    format!("“{}”", isolate(name))
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

    #[test]
    fn names_are_isolated_in_sentences() {
        assert_eq!(isolate("Acme"), "\u{2068}Acme\u{2069}");
        assert_eq!(quoted("Acme"), "“\u{2068}Acme\u{2069}”");
        // An override stays inside; its isolate's end closes it (UAX #9, X6a).
        assert_eq!(isolate("a\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
        // A stray closing mark would end the isolate early: left out.
        assert_eq!(isolate("x\u{2069}\u{202E}y"), "\u{2068}x\u{202E}y\u{2069}");
        // The name's own isolates, balanced, are kept.
        let nested = "\u{2067}שלום\u{2069} Ltd";
        assert_eq!(isolate(nested), format!("\u{2068}{nested}\u{2069}"));
    }

    #[test]
    fn plain_decimals_only() {
        assert_eq!(parse_decimal("1234.5"), Some(1234.5));
        assert_eq!(parse_decimal("1."), Some(1.0));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal(&"9".repeat(400)), Some(f64::INFINITY));
        for bad in ["", ".", "1.2.3", "1e5", "-1", " 1", "NaN", "inf", "0x10"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }
}

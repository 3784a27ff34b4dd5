//! CSV written for spreadsheets (RFC 4180, CRLF lines).

/// One CSV line of `fields`.
pub fn line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// A number at full precision, as [`crate::text::shortest`] writes it; an
/// empty field where there is none (not finite).
pub fn number(x: f64) -> String {
    if x.is_finite() {
        crate::text::shortest(x)
    } else {
        String::new()
    }
}

/// What a spreadsheet may take for the start of a formula.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One field: quoted when it needs to be, and text a spreadsheet would run
/// as a formula (`=…`, `+…`, `-…`, `@…`) behind an apostrophe, so that it
/// reads as text. A number (`-40000`, `1.5e-7`) stays a number.
fn field(text: &str) -> String {
    let text = if text.starts_with(FORMULA) && !is_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A field read back as it was before [`line`] wrote it: without the
/// apostrophe put before a formula. An apostrophe of the text's own
/// ("'t Hooft") stays.
pub fn unguarded(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA) => rest,
        _ => field,
    }
}

/// Whether `text` is a plain number, as [`crate::text::shortest`] writes
/// one: a sign or none, digits with at most one point, an exponent or none.
fn is_number(text: &str) -> bool {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    fn unsigned(s: &str) -> &str {
        s.strip_prefix(['-', '+']).unwrap_or(s)
    }
    let mantissa_ok = match unsigned(mantissa).split_once('.') {
        Some((whole, fraction)) => (digits(whole) || whole.is_empty()) && digits(fraction),
        None => digits(unsigned(mantissa)),
    };
    mantissa_ok && exponent.is_none_or(|e| digits(unsigned(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_numbers_and_formulas_become_text() {
        let cells = [
            "-40000",
            "-0.5",
            "1.5e-7",
            "-2e+21",
            "=SUM(A1)",
            "-2+3",
            "+1",
            "@x",
            "-",
            "-e5",
            "1.",
            "a,b",
            "say \"hi\"",
        ];
        assert_eq!(
            line(&cells.map(String::from)),
            "-40000,-0.5,1.5e-7,-2e+21,'=SUM(A1),'-2+3,+1,'@x,'-,'-e5,1.,\"a,b\",\"say \"\"hi\"\"\"\r\n"
        );
    }
}

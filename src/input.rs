//! What people type into a numeric field, turned into a checked number.
//!
//! One parser serves every field and every link, so a value from a link is
//! validated exactly like a typed one.

use crate::calc::Currency;
use crate::text::quoted;
use chrono::NaiveDate;
use serde_json::Value;

/// What a field holds; decides which suffixes make sense and how a range reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Money,
    Percent,
    /// A count of things: leads, customers. May be fractional (an average).
    Count,
    /// A whole number of months.
    Months,
}

/// One numeric input: its JSON key (also the control's `name`), its label and
/// the range a value must fall in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub min: f64,
    pub max: f64,
    pub help: &'static str,
}

impl FieldSpec {
    /// A field without help text.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        kind: Kind,
        min: f64,
        max: f64,
    ) -> Self {
        FieldSpec {
            key,
            label,
            kind,
            min,
            max,
            help: "",
        }
    }

    /// Parses `text` and checks it against the field's range.
    pub fn parse(&self, text: &str) -> Result<f64, String> {
        let x = parse_number(text, self.kind)?;
        self.check(x)
    }

    /// Checks a number (typed or from a link) against the field's range.
    pub fn check(&self, x: f64) -> Result<f64, String> {
        if !x.is_finite() || x < self.min || x > self.max {
            return Err(format!("Must be {}", self.range_text()));
        }
        if self.kind == Kind::Months && x.fract() != 0.0 {
            return Err("Must be a whole number of months".into());
        }
        Ok(x)
    }

    /// The range in words, e.g. "between 0 % and 100 %".
    pub fn range_text(&self) -> String {
        let show = |x: f64| match self.kind {
            Kind::Percent => format!("{} %", input_text(x)),
            Kind::Months => format!("{} months", input_text(x)),
            _ => input_text(x),
        };
        if self.max >= MAX_AMOUNT {
            format!("{} or more", show(self.min))
        } else {
            format!("between {} and {}", show(self.min), show(self.max))
        }
    }

    /// Reads this field from a JSON object the way a link or stored scenario
    /// carries it: a number, or a string typed by a person. Missing means
    /// "take the default" (`Ok(None)`).
    pub fn read(&self, obj: &serde_json::Map<String, Value>) -> Result<Option<f64>, String> {
        self.read_value(obj.get(self.key))
    }

    /// Reads one JSON value as this field: a number, or a string typed by
    /// a person; absent or null means "take the default" (`Ok(None)`).
    pub fn read_value(&self, value: Option<&Value>) -> Result<Option<f64>, String> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(x) => self.check(x).map(Some),
                None => Err(format!("Must be {}", self.range_text())),
            },
            Some(Value::String(s)) => self.parse(s).map(Some),
            Some(_) => Err("Must be a number".into()),
        }
    }
}

/// A value that could not be read from a scenario; its field keeps the default.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub key: String,
    pub message: String,
}

/// Reads a scenario's `inputs` object field by field, the way every
/// calculator must: unknown keys are ignored, missing ones leave the
/// default, and a value that cannot be used leaves the default and is
/// reported. It never fails the whole read.
pub struct Reader<'a> {
    obj: Option<&'a serde_json::Map<String, Value>>,
    problems: Vec<Problem>,
}

impl<'a> Reader<'a> {
    pub fn new(value: &'a Value) -> Self {
        let mut reader = Reader {
            obj: value.as_object(),
            problems: Vec::new(),
        };
        if reader.obj.is_none() {
            reader.problem("inputs", "Not an object; defaults used");
        }
        reader
    }

    /// The raw value under `key`, if present and not null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.obj?.get(key).filter(|v| !v.is_null())
    }

    pub fn problem(&mut self, key: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            key: key.into(),
            message: message.into(),
        });
    }

    /// A number, checked like typed input.
    pub fn number(&mut self, spec: &FieldSpec) -> Option<f64> {
        let obj = self.obj?;
        spec.read(obj).unwrap_or_else(|message| {
            self.problem(spec.key, message);
            None
        })
    }

    /// Overwrites `target` with the number under `spec.key`, if usable.
    pub fn set(&mut self, spec: &FieldSpec, target: &mut f64) {
        if let Some(x) = self.number(spec) {
            *target = x;
        }
    }

    /// One of a fixed set of words (a currency code, a basis, a kind).
    pub fn choice<T: Copy>(&mut self, key: &str, options: &[(&str, T)]) -> Option<T> {
        let value = self.get(key)?;
        let found = value
            .as_str()
            .and_then(|word| options.iter().find(|(w, _)| *w == word))
            .map(|(_, t)| *t);
        if found.is_none() {
            let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
            self.problem(key, format!("Must be one of: {}", words.join(", ")));
        }
        found
    }

    /// Text a person typed (a name), cut to `max_chars`.
    pub fn text(&mut self, key: &str, max_chars: usize) -> Option<String> {
        match self.get(key)? {
            Value::String(s) => Some(s.chars().take(max_chars).collect()),
            _ => {
                self.problem(key, "Must be text");
                None
            }
        }
    }

    /// A calendar date written `YYYY-MM-DD`.
    pub fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let found = self.get(key)?.as_str().and_then(parse_iso_date);
        if found.is_none() {
            self.problem(key, "Must be a date written 2026-01-31");
        }
        found
    }

    /// A yes/no value.
    pub fn flag(&mut self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            _ => {
                self.problem(key, "Must be true or false");
                None
            }
        }
    }

    /// Problems of a nested object read by its own reader, under
    /// `<prefix>.<key>`.
    pub fn absorb(&mut self, prefix: &str, problems: Vec<Problem>) {
        self.problems.extend(problems.into_iter().map(|p| Problem {
            key: format!("{prefix}.{}", p.key),
            message: p.message,
        }));
    }

    pub fn finish(self) -> Vec<Problem> {
        self.problems
    }
}

/// Reads a calendar date written `YYYY-MM-DD` (what a date field and the
/// scenario format use). Written by hand: chrono's general parser costs
/// the page about 10 KB of download.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (y, m, d) = (next(4)?, next(2)?, next(2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The largest amount any field accepts: a trillion, far beyond any business
/// case and far from where floats lose whole units.
pub const MAX_AMOUNT: f64 = 1e12;

/// Parses what people type and paste: `1234.5`, `1,234.50`, `$1,000`,
/// `1.5k`, `2M`, `15%`, with spaces anywhere.
///
/// Commas only group thousands (a decimal comma is refused, not guessed);
/// there is no exponent notation, so `1e999`, `NaN` and `inf` are refused.
pub fn parse_number(text: &str, kind: Kind) -> Result<f64, String> {
    let mut s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    if s.is_empty() {
        return Err("Enter a number".into());
    }
    if s.chars().count() > 40 {
        return Err("Too long to be a number".into());
    }
    let negative = s.starts_with('-') || s.starts_with('−');
    if negative {
        s = s
            .split_at(s.chars().next().map_or(0, char::len_utf8))
            .1
            .to_string();
        if s.starts_with(['-', '−']) {
            return Err("One minus sign at most".into());
        }
    }
    for symbol in ["US$", "$", "€", "£", "¥", "₹"] {
        if let Some(rest) = s.strip_prefix(symbol) {
            if kind != Kind::Money {
                return Err("A currency symbol only belongs in an amount".into());
            }
            s = rest.to_string();
            break;
        }
    }
    let mut factor = 1.0;
    if let Some(rest) = s.strip_suffix('%') {
        if kind != Kind::Percent {
            return Err("A percentage does not belong here".into());
        }
        s = rest.to_string();
    } else {
        // Multiples, India's lakhs and crores too ("12.5L", "2 crore"),
        // in any case; a word before the letter it ends with.
        const MULTIPLES: [(&str, f64); 10] = [
            ("crores", 1e7),
            ("crore", 1e7),
            ("cr", 1e7),
            ("lakhs", 1e5),
            ("lakh", 1e5),
            ("l", 1e5),
            ("k", 1e3),
            ("m", 1e6),
            ("b", 1e9),
            ("g", 1e9),
        ];
        let lower = s.to_ascii_lowercase();
        if let Some((word, m)) = MULTIPLES.into_iter().find(|(w, _)| lower.ends_with(w)) {
            // ASCII, so the same bytes end `s`.
            let typed = &s[s.len() - word.len()..];
            if matches!(kind, Kind::Percent | Kind::Months) {
                return Err(format!("“{typed}” does not belong here"));
            }
            factor = m;
            s.truncate(s.len() - word.len());
        }
    }
    if s.is_empty() {
        return Err("Enter a number".into());
    }
    if let Some(bad) = s
        .chars()
        .find(|c| !c.is_ascii_digit() && *c != '.' && *c != ',')
    {
        return Err(format!(
            "{} is not part of a number",
            quoted(&bad.to_string())
        ));
    }
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s.as_str(), None),
    };
    if let Some(f) = fraction {
        if f.contains('.') {
            return Err("A number has at most one decimal point".into());
        }
        if f.contains(',') {
            return Err("Commas group thousands and come before the decimal point".into());
        }
    }
    if whole.contains(',') {
        // Thousands (1,234,567), or India's lakhs and crores (12,34,567):
        // three digits last, pairs before them. Either way every comma has
        // digits on both sides, and a decimal comma ("2,90") is neither.
        let mut lengths = whole.split(',').map(str::len);
        let first = lengths.next().unwrap_or(0);
        // `last` is the group before, none yet after the first.
        let (mut thousands, mut pairs, mut last) = (
            (1..=3).contains(&first),
            (1..=2).contains(&first),
            usize::MAX,
        );
        // A pair between two groups: lakhs were meant, not a decimal comma.
        let mut lakhs_meant = false;
        for len in lengths {
            thousands &= len == 3;
            // Pairs between the first group and the last.
            pairs &= last == usize::MAX || last == 2;
            lakhs_meant |= last == 2;
            last = len;
        }
        if !(thousands || pairs && last == 3) {
            return Err(if lakhs_meant {
                "Commas group thousands (1,234,567) or lakhs (12,34,567): three digits last"
            } else {
                "Commas group thousands (1,234.5); use a point for decimals"
            }
            .into());
        }
    }
    let digits: String = s.chars().filter(|c| *c != ',').collect();
    if !digits.chars().any(|c| c.is_ascii_digit()) {
        return Err("Enter a number".into());
    }
    let x = crate::text::parse_decimal(&digits).ok_or("Not a number")?;
    let x = x * factor;
    if !x.is_finite() {
        return Err("Too large".into());
    }
    Ok(if negative { -x } else { x })
}

/// Whether refused `text` is a number written with a decimal comma ("2,5",
/// "1250,50"): one comma, no point, and a number once the comma is a
/// point. On a phone, a decimal pad that typed it has a comma and no point.
pub fn decimal_comma(text: &str, kind: Kind) -> bool {
    text.matches(',').count() == 1
        && !text.contains('.')
        && parse_number(text, kind).is_err()
        && parse_number(&text.replacen(',', ".", 1), kind).is_ok()
}

/// How a field shows a number it holds: grouped with commas, up to six
/// decimals, never in exponent form, so that [`parse_number`] reads it back.
/// Locale-free on purpose: a browser in de-DE would write 2.900 for 2,900,
/// which the parser (rightly) reads as 2.9.
pub fn input_text(x: f64) -> String {
    grouped_text(x, false)
}

/// How a field of a calculator in `currency` shows a number: as
/// [`input_text`], in lakhs and crores with rupees (12,34,567.5), as the
/// results show them.
pub fn field_text(x: f64, currency: Currency) -> String {
    grouped_text(x, currency.in_lakhs())
}

fn grouped_text(x: f64, lakhs: bool) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let fixed = crate::text::fixed(x.abs(), 6);
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        // Digits to the right of this one and of the comma before it.
        let right = whole.len() - i;
        let comma = if lakhs {
            right == 3 || (right > 3 && right % 2 == 1)
        } else {
            right % 3 == 0
        };
        if i > 0 && comma {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && !fixed.trim_matches(['0', '.']).is_empty() {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_people_type() {
        let cases = [
            ("1234.5", Kind::Money, 1234.5),
            ("1,234.50", Kind::Money, 1234.5),
            ("$1,000", Kind::Money, 1000.0),
            ("1.5k", Kind::Money, 1500.0),
            ("2M", Kind::Money, 2_000_000.0),
            (" 1 000 ", Kind::Count, 1000.0),
            ("15%", Kind::Percent, 15.0),
            ("2.5", Kind::Percent, 2.5),
            ("€ 2,500", Kind::Money, 2500.0),
            ("-40", Kind::Money, -40.0),
            ("−2.5%", Kind::Percent, -2.5),
            (".5", Kind::Percent, 0.5),
            ("12,345,678", Kind::Count, 12_345_678.0),
            // As an Indian spreadsheet groups rupees: lakhs and crores.
            ("₹1,00,000", Kind::Money, 100_000.0),
            ("12,34,56,789.5", Kind::Money, 123_456_789.5),
            ("99,999", Kind::Money, 99_999.0),
            ("12.5L", Kind::Money, 1_250_000.0),
            ("₹2Cr", Kind::Money, 20_000_000.0),
            ("1.5 cr", Kind::Count, 15_000_000.0),
            ("5 lakh", Kind::Money, 500_000.0),
            ("2.5 Lakhs", Kind::Money, 250_000.0),
            ("3 Crore", Kind::Money, 30_000_000.0),
            ("1 crores", Kind::Money, 10_000_000.0),
            ("7g", Kind::Money, 7e9),
        ];
        for (text, kind, want) in cases {
            assert_eq!(parse_number(text, kind), Ok(want), "{text}");
        }
    }

    #[test]
    fn refuses_anything_else_with_a_reason() {
        let cases = [
            ("", Kind::Money, "Enter a number"),
            ("-", Kind::Money, "Enter a number"),
            ("1e999", Kind::Money, "“\u{2068}e\u{2069}” is not part"),
            ("NaN", Kind::Money, "“\u{2068}N\u{2069}” is not part"),
            ("inf", Kind::Money, "“\u{2068}i\u{2069}” is not part"),
            ("<script>", Kind::Money, "“\u{2068}<\u{2069}” is not part"),
            // Set apart, so it cannot turn the message around.
            (
                "1\u{202E}",
                Kind::Money,
                "“\u{2068}\u{202E}\u{2069}” is not part",
            ),
            ("1,5", Kind::Percent, "Commas group thousands"),
            // Neither thousands nor lakhs.
            ("2,90", Kind::Money, "Commas group thousands"),
            ("1,0,000", Kind::Money, "Commas group thousands"),
            ("1,,000", Kind::Money, "Commas group thousands"),
            ("1,000,", Kind::Money, "Commas group thousands"),
            (",100", Kind::Money, "Commas group thousands"),
            ("1,000,00", Kind::Money, "use a point for decimals"),
            // Lakhs gone wrong: the message shows them done right.
            ("1,00,0000", Kind::Money, "or lakhs (12,34,567)"),
            ("12,34,56", Kind::Money, "or lakhs (12,34,567)"),
            ("100,00,000", Kind::Money, "or lakhs (12,34,567)"),
            ("1.2.3", Kind::Money, "at most one decimal point"),
            ("15%", Kind::Money, "percentage does not belong"),
            ("$5", Kind::Percent, "currency symbol"),
            ("3k", Kind::Percent, "does not belong"),
            ("2Cr", Kind::Months, "“Cr” does not belong"),
            ("5€", Kind::Money, "“\u{2068}€\u{2069}” is not part"),
            ("5c", Kind::Money, "“\u{2068}c\u{2069}” is not part"),
            ("Cr", Kind::Money, "Enter a number"),
            // Found by the browser suite on the first field that takes
            // negatives (workload growth): "--5" used to read as −5.
            ("--5", Kind::Percent, "One minus sign at most"),
            ("-−5", Kind::Percent, "One minus sign at most"),
        ];
        for (text, kind, want) in cases {
            let err = parse_number(text, kind).unwrap_err();
            assert!(err.contains(want), "{text}: {err}");
        }
        assert!(parse_number(&"9".repeat(10_000), Kind::Money).is_err());
    }

    #[test]
    fn a_decimal_comma_is_told_from_grouping_and_mistakes() {
        let yes = [
            ("2,5", Kind::Percent),
            ("12,5%", Kind::Percent),
            ("-3,5", Kind::Percent),
            ("0,25", Kind::Money),
            ("2,90", Kind::Money),
            ("1250,50", Kind::Money),
            ("2,5", Kind::Count),
        ];
        let no = [
            // Thousands or lakhs, read as such.
            ("1,250", Kind::Money),
            ("12,34,567", Kind::Money),
            // A point as well, two commas, or no number either way.
            ("1.000,5", Kind::Money),
            ("1,000,00", Kind::Money),
            ("a,5", Kind::Money),
            (",", Kind::Money),
            ("2,5k", Kind::Percent),
        ];
        for (text, kind) in yes {
            assert!(decimal_comma(text, kind), "{text}");
        }
        for (text, kind) in no {
            assert!(!decimal_comma(text, kind), "{text}");
        }
    }

    const CHURN: FieldSpec = FieldSpec {
        key: "churn_pct",
        label: "Monthly churn",
        kind: Kind::Percent,
        min: 0.0,
        max: 100.0,
        help: "",
    };

    #[test]
    fn dates_are_read_whole() {
        let v = serde_json::json!({"a": "2026-01-31", "b": "2026-01-31xyz", "c": 5});
        let mut read = Reader::new(&v);
        assert_eq!(read.date("a"), NaiveDate::from_ymd_opt(2026, 1, 31));
        // Cut to ten characters, this used to read as 2026-01-31.
        assert_eq!(read.date("b"), None);
        assert_eq!(read.date("c"), None);
        assert_eq!(read.date("missing"), None);
        let keys: Vec<String> = read.finish().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, ["b", "c"]);
    }

    #[test]
    fn range_is_checked_and_named() {
        assert_eq!(CHURN.parse("3%"), Ok(3.0));
        assert_eq!(
            CHURN.parse("140%"),
            Err("Must be between 0 % and 100 %".into())
        );
        assert_eq!(
            CHURN.parse("-1"),
            Err("Must be between 0 % and 100 %".into())
        );
    }

    #[test]
    fn reads_numbers_and_strings_from_json() {
        let obj = serde_json::json!({"churn_pct": 2.5, "other": "x"});
        let obj = obj.as_object().unwrap();
        assert_eq!(CHURN.read(obj), Ok(Some(2.5)));
        let obj = serde_json::json!({"churn_pct": "3 %"});
        assert_eq!(CHURN.read(obj.as_object().unwrap()), Ok(Some(3.0)));
        let obj = serde_json::json!({"churn_pct": 1e300});
        assert!(CHURN.read(obj.as_object().unwrap()).is_err());
        let obj = serde_json::json!({"churn_pct": [1]});
        assert!(CHURN.read(obj.as_object().unwrap()).is_err());
        let obj = serde_json::json!({});
        assert_eq!(CHURN.read(obj.as_object().unwrap()), Ok(None));
    }

    #[test]
    fn shows_numbers_the_parser_reads_back() {
        assert_eq!(input_text(2900.0), "2,900");
        assert_eq!(input_text(1234567.25), "1,234,567.25");
        assert_eq!(input_text(0.5), "0.5");
        assert_eq!(input_text(-40.0), "-40");
        assert_eq!(input_text(100.0), "100");
        // Rupees as India writes them; other currencies in thousands.
        for (x, text) in [
            (100.0, "100"),
            (1_000.0, "1,000"),
            (99_999.5, "99,999.5"),
            (100_000.0, "1,00,000"),
            (1_234_567.25, "12,34,567.25"),
            (-123_456_789.0, "-12,34,56,789"),
        ] {
            assert_eq!(field_text(x, Currency::INR), text);
        }
        assert_eq!(field_text(1_234_567.0, Currency::EUR), "1,234,567");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics_and_only_yields_finite(s in ".{0,60}") {
            if let Ok(x) = parse_number(&s, Kind::Money) {
                proptest::prop_assert!(x.is_finite());
            }
        }

        #[test]
        fn input_text_round_trips(cents in 0u64..100_000_000_000u64) {
            let x = cents as f64 / 100.0;
            proptest::prop_assert_eq!(parse_number(&input_text(x), Kind::Money), Ok(x));
            proptest::prop_assert_eq!(parse_number(&field_text(x, Currency::INR), Kind::Money), Ok(x));
        }
    }
}

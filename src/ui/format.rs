//! Numbers and dates for people, by the browser's Intl.
//!
//! Numbers are written in one notation whatever the browser's language:
//! en-US's, "1,234.5", the one the fields show and the parser reads
//! ([`crate::input::parse_number`]). In a browser set to German, Intl's own
//! "1.234,5" would sit beside "1,234.5" in the fields, and a result copied
//! into a field would be refused or, as "2.900", read as 2.9. With rupees,
//! numbers are grouped in lakhs and crores, as India writes amounts and
//! share counts alike: en-IN's "₹12,34,567" and "79,00,000" (and "₹30L"
//! on a chart's axis), as the fields show and read them too. The
//! pages are written in English; dates are too, in the reader's English
//! ("20 February 2026" in en-GB) or else in en-US's.

use crate::calc::Currency;
use crate::input::Kind;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};

/// How a result reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// An amount in the calculator's currency.
    Money,
    /// A percentage given as its number of percent (2.5 → "2.5%").
    Percent,
    /// A share of a whole in a table, always to two decimals (9 → "9.00%"),
    /// like the ownership table's columns beside it.
    Share,
    /// A count with up to one decimal (customers a month).
    Count,
    /// A duration in months, one decimal.
    Months,
    /// A multiple, one decimal ("38.7×").
    Ratio,
    /// Money with exactly two decimals (an entered amount with cents).
    Cents,
    /// A price a share, to the 4 places it is rounded to, at least 2
    /// ("$2.3333", "$1.00").
    Price,
    /// A plain number with up to six decimals (an entered rate or count).
    Decimal,
    /// Whole amounts of money, negatives in parentheses as accountants
    /// write them ("($53,150)"): the summary table of a business case.
    Ledger,
    /// Money on a chart's axis, short ("$750K", "$1.25M"): three
    /// significant digits, enough for every "nice" tick to read exactly.
    AxisMoney,
    /// A count on a chart's axis, short ("60K").
    AxisCount,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Options {
    style: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    maximum_fraction_digits: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minimum_fraction_digits: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notation: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    maximum_significant_digits: Option<u8>,
    /// Always "negative": a value that rounds to zero reads "$0.00", "$0"
    /// or "0%", never "-$0.00", "($0)" or "-0%".
    sign_display: &'static str,
}

/// The notation of every number, and the dates of a reader whose language
/// is not English: see the module's doc.
const LOCALE: &str = "en-US";

/// Which digits of a value a style shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Digits {
    /// The style's own.
    Usual,
    /// No cents: money of 1,000 or more, or of zero.
    Whole,
    /// Three significant digits and a power of ten: a value past
    /// [`VAST`].
    Scientific,
    /// Two significant digits: a share of a company too small for the
    /// hundredths of a percent ("0.0001%", a big company's RSU grant, not
    /// "0.00%" beside another offer's), or a multiple too small for tenths
    /// ("0.02×", an LTV/CAC far under 1, not "0×").
    Small,
}

/// From this size on (as shown: percent in percent), a value reads as
/// "$2.04 × 10¹⁹". No input reaches it (amounts stop at a trillion), but
/// results can: ROI's workload growing 100 % a month for 50 years gives
/// some 190 digits, which no card or cell holds, and whose digits past the
/// third say nothing.
const VAST: f64 = 1e15;

type Key = (Style, Currency, Digits);

thread_local! {
    // A handful of formatters at most: a list is smaller code than a map.
    static FORMATTERS: RefCell<Vec<(Key, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    // The long dates' formatter and the language it writes.
    static DATES: RefCell<Option<(String, js_sys::Function)>> = const { RefCell::new(None) };
}

fn options(style: Style, currency: Currency, shown: Digits) -> Options {
    let whole = shown == Digits::Whole;
    let digits = |max: u8| Options {
        style: "decimal",
        currency: None,
        maximum_fraction_digits: Some(max),
        minimum_fraction_digits: None,
        notation: None,
        maximum_significant_digits: None,
        sign_display: "negative",
    };
    let compact = |style: &'static str| Options {
        style,
        currency: (style == "currency").then(|| currency.code()),
        maximum_fraction_digits: None,
        minimum_fraction_digits: None,
        notation: Some("compact"),
        maximum_significant_digits: Some(3),
        sign_display: "negative",
    };
    let usual = match style {
        Style::Money => Options {
            style: "currency",
            currency: Some(currency.code()),
            // Large amounts read better without cents; the currency's own
            // digits (0 for JPY) apply otherwise.
            maximum_fraction_digits: whole.then_some(0),
            minimum_fraction_digits: whole.then_some(0),
            ..digits(0)
        },
        // Negatives in parentheses: `format` adds them, as Intl's
        // "accounting" sign would, but for en-IN's lakhs, which its
        // accounting pattern does not group (ICU writes "(₹5,315,000)").
        Style::Ledger => Options {
            style: "currency",
            currency: Some(currency.code()),
            minimum_fraction_digits: Some(0),
            ..digits(0)
        },
        Style::Cents => Options {
            style: "currency",
            currency: Some(currency.code()),
            minimum_fraction_digits: Some(2),
            ..digits(2)
        },
        Style::Price => Options {
            style: "currency",
            currency: Some(currency.code()),
            minimum_fraction_digits: Some(2),
            ..digits(4)
        },
        Style::Decimal => digits(6),
        Style::Percent => Options {
            style: "percent",
            ..digits(1)
        },
        Style::Share => Options {
            style: "percent",
            minimum_fraction_digits: Some(2),
            ..digits(2)
        },
        Style::Count | Style::Months | Style::Ratio => digits(1),
        Style::AxisMoney => compact("currency"),
        Style::AxisCount => compact("decimal"),
    };
    match shown {
        Digits::Scientific => Options {
            notation: Some("scientific"),
            maximum_significant_digits: Some(3),
            maximum_fraction_digits: None,
            minimum_fraction_digits: None,
            ..usual
        },
        Digits::Small => Options {
            maximum_significant_digits: Some(2),
            maximum_fraction_digits: None,
            minimum_fraction_digits: None,
            ..usual
        },
        _ => usual,
    }
}

fn formatter(style: Style, currency: Currency, shown: Digits) -> Option<js_sys::Function> {
    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (style, currency, shown);
        if let Some((_, f)) = cache.iter().find(|(k, _)| *k == key) {
            return Some(f.clone());
        }
        let opts = serde_wasm_bindgen::to_value(&options(style, currency, shown)).ok()?;
        let locale = if currency.in_lakhs() { "en-IN" } else { LOCALE };
        let nf = js_sys::Intl::NumberFormat::new(
            &js_sys::Array::of1(&locale.into()),
            opts.unchecked_ref(),
        );
        let f = nf.format();
        cache.push((key, f.clone()));
        Some(f)
    })
}

/// Formats `x` for display. Never shows NaN or infinity: such a value (which
/// the calculations do not produce) reads as an em dash.
pub fn format(x: f64, style: Style, currency: Currency) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let value = if matches!(style, Style::Percent | Style::Share) {
        x / 100.0
    } else {
        x
    };
    let owed = style == Style::Ledger && value < 0.0;
    let value = if owed { -value } else { value };
    let shown = if x.abs() >= VAST {
        Digits::Scientific
    } else if style == Style::Money && (x.abs() >= 1_000.0 || x == 0.0) {
        Digits::Whole
    } else if x != 0.0
        && match style {
            Style::Share => x.abs() < 0.005,
            Style::Ratio => x.abs() < 0.05,
            _ => false,
        }
    {
        // Quotients of counts or of amounts entered, never a float's
        // residue (which the other styles round to 0 on purpose): shown.
        Digits::Small
    } else {
        Digits::Usual
    };
    let text = formatter(style, currency, shown)
        .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_f64(value)).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| crate::text::fixed(value, 2));
    let text = match shown {
        Digits::Scientific => power_of_ten(&text),
        _ => text,
    };
    // A sum owed that rounds to nothing reads "$0", as `sign_display` has
    // every other style write it.
    let text = if owed && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("({text})")
    } else {
        text
    };
    match style {
        Style::Months => format!("{text} mo"),
        Style::Ratio => format!("{text}×"),
        _ => text,
    }
}

/// Intl's "$2.04E19" as people write it: "$2.04 × 10¹⁹".
fn power_of_ten(text: &str) -> String {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let Some((mantissa, rest)) = text.split_once('E') else {
        return text.to_owned();
    };
    let exponent = rest.chars().map(|c| match c {
        '-' => '⁻',
        _ => c.to_digit(10).map_or(c, |d| SUPERSCRIPTS[d as usize]),
    });
    format!("{mantissa} × 10{}", exponent.collect::<String>())
}

/// An input as it was entered, at full precision, for formulas and reports:
/// money with cents only when it has them, other numbers with up to six
/// decimals and their unit.
pub fn format_input(x: f64, kind: Kind, currency: Currency) -> String {
    match kind {
        Kind::Money if x.fract() == 0.0 => format(x, Style::Ledger, currency),
        Kind::Money => format(x, Style::Cents, currency),
        Kind::Percent => format!("{}%", format(x, Style::Decimal, currency)),
        Kind::Months => format!("{} mo", format(x, Style::Decimal, currency)),
        Kind::Count => format(x, Style::Decimal, currency),
    }
}

thread_local! {
    /// Whether a phone's decimal pad types a point: the browser's own
    /// number format says so at first; a decimal comma typed into a field
    /// says otherwise (`decimal_pad_types_a_comma`).
    static POINT: Cell<bool> = Cell::new(
        js_sys::Intl::NumberFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(1.5))
            .ok()
            .and_then(|text| text.as_string())
            .is_none_or(|text| !text.contains(',')),
    );
}

/// Whether a phone's decimal pad types a point here. Its decimal key
/// follows the device's region (a comma in Germany, on iOS the pad's only
/// separator) and the fields read a point: where it is a comma, number
/// fields ask for the full keyboard instead.
pub fn decimal_pad_types_a_point() -> bool {
    POINT.with(Cell::get)
}

/// A decimal comma was typed into a field that asked for the decimal pad:
/// the pad has a comma where the browser's format has a point (an iPhone
/// set to English with a German region). Every number field shown asks for
/// the full keyboard, and every one shown later, until the page is loaded
/// again.
pub fn decimal_pad_types_a_comma() {
    POINT.with(|point| point.set(false));
    let Some(pads) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("input[inputmode=decimal]").ok())
    else {
        return;
    };
    for pad in (0..pads.length()).filter_map(|k| pads.item(k)) {
        let _ = pad
            .unchecked_into::<web_sys::Element>()
            .set_attribute("inputmode", "text");
    }
}

/// A calendar date written out in English, in the reader's English if the
/// browser's language is one ("20 February 2026" in en-GB), else in en-US's
/// ("February 20, 2026"), by the browser's Intl.DateTimeFormat.
pub fn long_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let date =
        js_sys::Date::new_with_year_month_day(d.year() as u32, d.month0() as i32, d.day() as i32);
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .filter(|l| l == "en" || l.starts_with("en-"));
    let locale = language.as_deref().unwrap_or(LOCALE);
    // One formatter, made again only if the language changes: making one
    // (as `toLocaleDateString` does on every call) costs far more than
    // using it, and an offer's vesting table writes a date a row.
    DATES
        .with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.as_ref().is_none_or(|(l, _)| l != locale) {
                let options = js_sys::Object::new();
                for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
                    let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
                }
                let dates = js_sys::Intl::DateTimeFormat::new(
                    &js_sys::Array::of1(&locale.into()),
                    &options,
                );
                *cache = Some((locale.to_owned(), dates.format()));
            }
            let (_, format) = cache.as_ref()?;
            format.call1(&JsValue::NULL, &date).ok()?.as_string()
        })
        .unwrap_or_else(|| d.to_string())
}

/// Today's calendar date where the reader is.
pub fn today_date() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

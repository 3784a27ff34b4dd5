//! What needs a real browser: localStorage, Intl formatting, the share URL.
//! Run by `cargo test --target wasm32-unknown-unknown --test web` in headless
//! Chromium (scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use serde_json::json;
use tally::calc::Currency;
use tally::input::Kind;
use tally::scenario::{decode_link, parse_hash, Store, BACKUP_KEY_PREFIX, STORAGE_KEY};
use tally::ui::format::{format, format_input, long_date, today_date, Style};
use tally::ui::{link, storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_fresh_browser_starts_with_an_empty_store_and_saves_changes() {
    clear();
    let opened = storage::open();
    assert!(opened.notices.is_empty());
    let mut store = opened.store;
    store.book("unit-economics", || json!({"arpa": 7}));
    assert_eq!(storage::save(&store), None);
    let raw = local().get_item(STORAGE_KEY).unwrap().unwrap();
    assert_eq!(Store::load(&raw), Ok(store));
}

#[wasm_bindgen_test]
fn corrupted_storage_is_backed_up_not_dropped() {
    clear();
    local()
        .set_item(STORAGE_KEY, "{\"v\":1,\"calcs\":{broken")
        .unwrap();
    let opened = storage::open();
    assert_eq!(opened.notices.len(), 1, "{:?}", opened.notices);
    assert!(opened.notices[0].contains(BACKUP_KEY_PREFIX));
    let storage = local();
    let backups: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(BACKUP_KEY_PREFIX))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        storage.get_item(&backups[0]).unwrap().as_deref(),
        Some("{\"v\":1,\"calcs\":{broken")
    ); // The unreadable text was replaced: the next load is clean and makes
       // no second backup.
    let again = storage::open();
    assert!(again.notices.is_empty(), "{:?}", again.notices);
}

#[wasm_bindgen_test]
fn a_newer_format_is_kept_aside_too() {
    clear();
    local()
        .set_item(STORAGE_KEY, "{\"v\":99,\"calcs\":{}}")
        .unwrap();
    let opened = storage::open();
    assert!(opened.notices[0].contains("newer version"));
    assert_eq!(opened.store, Store::new());
}

#[wasm_bindgen_test]
fn intl_formats_money_by_currency() {
    // Headless Chromium formats in en-US. JPY has no minor unit, so Intl
    // shows no decimals; large amounts drop cents; percentages keep one.
    assert_eq!(format(1234.5, Style::Money, Currency::JPY), "¥1,235");
    assert_eq!(format(12.5, Style::Money, Currency::USD), "$12.50");
    assert_eq!(format(2400.4, Style::Money, Currency::USD), "$2,400");
    assert_eq!(format(1234.5, Style::Money, Currency::INR), "₹1,235");
    assert_eq!(format(2.5, Style::Percent, Currency::USD), "2.5%");
    assert_eq!(format(38.6666, Style::Ratio, Currency::USD), "38.7×");
    assert_eq!(format(f64::NAN, Style::Money, Currency::USD), "—");
    // Shares of a whole always to two decimals.
    assert_eq!(format(9.0, Style::Share, Currency::USD), "9.00%");
    assert_eq!(format(0.625, Style::Share, Currency::USD), "0.63%");
    assert_eq!(format(0.005, Style::Share, Currency::USD), "0.01%");
    // Too small for hundredths (1,000 RSUs of a billion shares): two
    // significant digits, not "0.00%".
    assert_eq!(format(0.0001, Style::Share, Currency::USD), "0.0001%");
    assert_eq!(format(0.000_832_6, Style::Share, Currency::USD), "0.00083%");
    assert_eq!(format(0.0, Style::Share, Currency::USD), "0.00%");
    // A multiple too small for tenths: an LTV/CAC of 0.02 is not "0×".
    assert_eq!(format(0.020_2, Style::Ratio, Currency::USD), "0.02×");
    assert_eq!(format(0.000_45, Style::Ratio, Currency::USD), "0.00045×");
    assert_eq!(format(0.05, Style::Ratio, Currency::USD), "0.1×");
    assert_eq!(format(0.0, Style::Ratio, Currency::USD), "0×");
}

#[wasm_bindgen_test]
fn rupee_amounts_are_grouped_in_lakhs_and_crores() {
    // As India writes them, and as the fields show and read them: amounts,
    // and the counts beside them (a cap table's shares) alike.
    for (x, style, currency, text) in [
        (1_234_567.0, Style::Money, Currency::INR, "₹12,34,567"),
        (100_000.5, Style::Cents, Currency::INR, "₹1,00,000.50"),
        (-5_315_000.0, Style::Ledger, Currency::INR, "(₹53,15,000)"),
        (3e6, Style::AxisMoney, Currency::INR, "₹30L"),
        (1.25e7, Style::AxisMoney, Currency::INR, "₹1.25Cr"),
        (1_234_567.0, Style::Count, Currency::INR, "12,34,567"),
        (7_900_000.0, Style::Decimal, Currency::INR, "79,00,000"),
        (1.5e6, Style::AxisCount, Currency::INR, "15L"),
        (1_234_567.0, Style::Count, Currency::USD, "1,234,567"),
        (1_234_567.0, Style::Money, Currency::USD, "$1,234,567"),
    ] {
        assert_eq!(format(x, style, currency), text);
    }
    assert_eq!(
        format_input(1_250_000.0, Kind::Money, Currency::INR),
        "₹12,50,000"
    );
}

#[wasm_bindgen_test]
fn vast_results_read_as_a_power_of_ten_and_the_rest_in_full() {
    // ROI's workload growing 100 % a month for 50 years: some 190 digits,
    // which overflowed every card and cell they were written in.
    for (x, style, currency, text) in [
        (2.398_665e180, Style::Money, Currency::USD, "$2.4 × 10¹⁸⁰"),
        (2.04e19, Style::Money, Currency::EUR, "€2.04 × 10¹⁹"),
        (2.04e19, Style::Money, Currency::JPY, "¥2.04 × 10¹⁹"),
        (-2.04e19, Style::Ledger, Currency::USD, "($2.04 × 10¹⁹)"),
        (-2.04e19, Style::Money, Currency::USD, "-$2.04 × 10¹⁹"),
        (2.83e183, Style::Percent, Currency::USD, "2.83 × 10¹⁸³%"),
        (1.5e20, Style::AxisMoney, Currency::USD, "$1.5 × 10²⁰"),
        (4.5678e16, Style::Count, Currency::USD, "4.57 × 10¹⁶"),
        (1e15, Style::Ratio, Currency::USD, "1 × 10¹⁵×"),
        // Up to a quadrillion (amounts entered stop at a trillion), every
        // digit.
        (
            999_999_999_999_999.0,
            Style::Money,
            Currency::USD,
            "$999,999,999,999,999",
        ),
        (6e14, Style::Ledger, Currency::GBP, "£600,000,000,000,000"),
    ] {
        assert_eq!(format(x, style, currency), text);
    }
}

#[wasm_bindgen_test]
fn chart_axes_write_every_nice_tick_exactly() {
    // Ticks are 1, 2, 2.5 or 5 × a power of ten, times at most 7: three
    // significant digits hold each of them.
    for (x, text) in [
        (750_000.0, "$750K"),
        (1_250_000.0, "$1.25M"),
        (12_500_000.0, "$12.5M"),
        (-250_000.0, "-$250K"),
        (2_500.0, "$2.5K"),
        (0.0, "$0"),
    ] {
        assert_eq!(format(x, Style::AxisMoney, Currency::USD), text);
    }
    assert_eq!(format(60_000.0, Style::AxisCount, Currency::USD), "60K");
    assert_eq!(format(17_500.0, Style::AxisCount, Currency::USD), "17.5K");
}

#[wasm_bindgen_test]
fn intl_formats_ledgers_entered_values_and_dates() {
    // The studies' table: whole amounts, costs in parentheses.
    assert_eq!(format(-53_150.4, Style::Ledger, Currency::USD), "($53,150)");
    // What rounds to zero has no sign: a float's residue is not a loss.
    assert_eq!(format(-0.4, Style::Ledger, Currency::USD), "$0");
    assert_eq!(format(-0.001, Style::Money, Currency::USD), "$0.00");
    assert_eq!(format(-1e-9, Style::Percent, Currency::USD), "0%");
    assert_eq!(format(-0.004, Style::Count, Currency::USD), "0");
    assert_eq!(format(-0.5, Style::Money, Currency::USD), "-$0.50");
    assert_eq!(
        format(1_606_511.0, Style::Ledger, Currency::EUR),
        "€1,606,511"
    );
    // Entered values at full precision: cents only when there are any.
    assert_eq!(
        format_input(1234.56, Kind::Money, Currency::USD),
        "$1,234.56"
    );
    assert_eq!(
        format_input(50_000.0, Kind::Money, Currency::USD),
        "$50,000"
    );
    assert_eq!(format_input(2.25, Kind::Percent, Currency::USD), "2.25%");
    assert_eq!(format_input(2.37, Kind::Count, Currency::USD), "2.37");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 2, 18).unwrap();
    assert_eq!(long_date(date), "February 18, 2026");
}

#[wasm_bindgen_test]
fn vesting_is_counted_on_the_browsers_today_unless_set() {
    use chrono::Datelike;
    let js = js_sys::Date::new_0();
    let today = today_date();
    assert_eq!(
        (today.year(), today.month(), today.day()),
        (js.get_full_year() as i32, js.get_month() + 1, js.get_date())
    );
    let (inputs, _) = tally::calc::compensation::Inputs::from_json(&json!({}));
    assert_eq!(inputs.as_of(today_date()), today);
}

#[wasm_bindgen_test]
fn share_url_reproduces_inputs() {
    let inputs = json!({"arpa": 1234.5, "currency": "EUR"});
    let url = link::share_url("unit-economics", &inputs);
    let hash = url.split_once('#').map(|(_, h)| h).unwrap();
    let (route, payload) = parse_hash(hash);
    assert_eq!(route, "unit-economics");
    assert_eq!(decode_link(&payload.unwrap(), "unit-economics"), Ok(inputs));
}

#[wasm_bindgen_test]
async fn compressed_links_are_shorter_and_inflate_to_the_same_inputs() {
    let inputs = json!({
        "currency": "GBP",
        "stages": [
            {"name": "MQL to SQL", "rate_pct": 25},
            {"name": "SQL to opportunity", "rate_pct": 40},
            {"name": "Opportunity to customer", "rate_pct": 50}
        ],
        "arpa": 1234.5, "churn_pct": 2.5, "expansion_pct": 1.5, "gross_margin_pct": 80
    });
    let url = link::compact_share_url("unit-economics", &inputs).await;
    let payload = parse_hash(url.split_once('#').unwrap().1).1.unwrap();
    assert!(payload.starts_with("z1."), "{payload}");
    let plain = tally::scenario::encode_link("unit-economics", &inputs);
    assert!(payload.len() < plain.len());
    let inflated = link::inflate_payload(&payload).await.unwrap();
    assert_eq!(inflated, plain);
    assert_eq!(decode_link(&inflated, "unit-economics"), Ok(inputs));
    // A tiny scenario stays plain: compressing it would not shorten it.
    let tiny = link::compact_share_url("unit-economics", &json!({})).await;
    assert!(tiny.contains("?s=j1."), "{tiny}");
}

#[wasm_bindgen_test]
async fn a_compressed_link_may_not_inflate_past_the_limit() {
    // A megabyte of one letter compresses to about a kilobyte.
    let bomb = json!({ "name": "a".repeat(1 << 20) });
    let url = link::compact_share_url("unit-economics", &bomb).await;
    let payload = parse_hash(url.split_once('#').unwrap().1).1.unwrap();
    assert!(
        payload.starts_with("z1.") && payload.len() < 4096,
        "{}",
        payload.len()
    );
    assert_eq!(link::inflate_payload(&payload).await, None);
    assert_eq!(
        decode_link(&payload, "unit-economics"),
        Err(tally::scenario::LinkError::NotInflated)
    );
    // Damaged compressed data is refused too.
    assert_eq!(link::inflate_payload("z1.AAAAAAAA").await, None);
}

#[wasm_bindgen_test]
fn numbers_as_text_read_the_same_in_the_browser_as_natively() {
    // The browser path (JavaScript's toFixed and String) of the texts the
    // native tests check through `format!`.
    use tally::text::{fixed, shortest};
    assert_eq!(fixed(1234.56789, 2), "1234.57");
    assert_eq!(fixed(-0.04, 1), "-0.0");
    assert_eq!(fixed(3.0, 1), "3.0");
    assert_eq!(fixed(1e15, 6), "1000000000000000.000000");
    assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(shortest(2900.0), "2900");
    assert_eq!(shortest(-1.5), "-1.5");
    assert_eq!(tally::input::input_text(1234567.25), "1,234,567.25");
    assert_eq!(tally::input::input_text(-40.0), "-40");
    assert_eq!(tally::input::input_text(0.1 + 0.2), "0.3");
    use tally::text::parse_decimal;
    assert_eq!(parse_decimal("1234.5"), Some(1234.5));
    assert_eq!(parse_decimal("0.1"), Some(0.1));
    assert_eq!(parse_decimal(".5"), Some(0.5));
    assert_eq!(parse_decimal(&"9".repeat(400)), Some(f64::INFINITY));
    for bad in ["", ".", "1.2.3", "1e5", "Infinity", "0x10"] {
        assert_eq!(parse_decimal(bad), None, "{bad}");
    }
}

#[wasm_bindgen_test]
fn the_browsers_json_reads_and_writes_documents_as_serde_json_does() {
    // In the browser `tally::json` is JSON.parse and JSON.stringify; serde_json
    // is the reference (it is what the native tests use).
    use tally::json::{parse, stringify};
    let documents = [
        r#"{"v":1,"calcs":{"unit-economics":{"active":"Base case","scenarios":[]}}}"#,
        r#"{"arpa":2900,"churn_pct":2.5,"neg":-40,"tiny":1e-7}"#,
        r#"{"stages":[{"name":"MQL → SQL","rate_pct":25},{"name":"\"quoted\" \\ \u00e9\ud83d\ude00","rate_pct":0.1}]}"#,
        r#"[null,true,false,"",[],{},0,-0.5,9007199254740991]"#,
        r#"{"10":"a","2":"b","b":{"a":[1,[2,[3]]]}}"#,
        "  \n\t{\"spaced\" : [ 1 , 2 ] }  ",
    ];
    for text in documents {
        let reference: serde_json::Value = serde_json::from_str(text).unwrap();
        let read = parse(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(read, reference, "{text}");
        // Written back, both readers get the same document again.
        let written = stringify(&read);
        assert_eq!(parse(&written).as_ref(), Some(&reference), "{written}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&written).unwrap(),
            reference
        );
    }
    // Whole numbers read as integers, as serde_json reads them.
    assert_eq!(parse("25").unwrap().as_u64(), Some(25));
    assert_eq!(parse("-3").unwrap().as_i64(), Some(-3));
    // Past 2^53 JavaScript has only the nearest float: the number every
    // calculator reads (as f64) is still the same.
    let big = "12345678901234567890";
    let reference: serde_json::Value = serde_json::from_str(big).unwrap();
    assert_eq!(parse(big).unwrap().as_f64(), reference.as_f64());
    // Refused: what is not JSON, what JSON cannot hold (JSON.parse would give
    // Infinity) and nesting past serde_json's own limit.
    for bad in [
        "",
        "{",
        "{\"a\":1,}",
        "NaN",
        "1e999",
        "-1e999",
        "[1e400]",
        "'x'",
    ] {
        assert_eq!(parse(bad), None, "{bad}");
        assert!(
            serde_json::from_str::<serde_json::Value>(bad).is_err(),
            "{bad}"
        );
    }
    let nested = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    use tally::json::MAX_DEPTH;
    for n in [1, MAX_DEPTH, MAX_DEPTH + 1, 200] {
        let reference = serde_json::from_str::<serde_json::Value>(&nested(n));
        assert_eq!(parse(&nested(n)).is_some(), reference.is_ok(), "{n}");
    }
    assert!(parse(&nested(MAX_DEPTH)).is_some());
    assert_eq!(parse(&nested(100_000)), None);
}

#[wasm_bindgen_test]
fn a_quantity_that_jumps_is_drawn_as_steps() {
    use tally::ui::components::chart::steps;
    // A one-year cliff on 48,000 shares vesting monthly over four years.
    let vested = vec![(10.0, 0.0), (11.0, 0.0), (12.0, 12_000.0), (13.0, 13_000.0)];
    assert_eq!(
        steps(vested),
        vec![
            (10.0, 0.0),
            (11.0, 0.0),
            (12.0, 0.0),
            (12.0, 12_000.0),
            (13.0, 12_000.0),
            (13.0, 13_000.0),
        ]
    );
    assert_eq!(steps(Vec::new()), Vec::new());
}

#[wasm_bindgen_test]
fn a_marker_label_goes_where_no_line_runs() {
    use tally::ui::components::chart::place_label;
    // Nothing in the way: right of the point and above it.
    let (alone, area) = place_label((300.0, 150.0), 10, &[], &[]);
    assert_eq!(
        (alone.x, alone.y, alone.anchor, alone.hanging),
        (308.0, 142.0, "start", false)
    );
    // A line rising through the point crosses that place: below it is clear.
    let rising = vec![vec![(100.0, 250.0), (500.0, 50.0)]];
    let (below, _) = place_label((300.0, 150.0), 10, &rising, &[]);
    assert_eq!((below.anchor, below.hanging), ("start", true));
    // A label already there moves the next one too.
    let (next, _) = place_label((300.0, 150.0), 10, &[], &[area]);
    assert!(next.hanging);
    assert_eq!(next.leader, None);
    // Unit economics' break-even: the curve rises through the point, the
    // CAC line runs just below it, and left of it the plot soon ends. The
    // label goes above, apart, joined by a leader line.
    let curve = |x: f64| 228.0 - (x - 78.0) * 0.363;
    let lines = vec![
        vec![(78.0, curve(78.0)), (624.0, curve(624.0))],
        vec![(78.0, 211.0), (624.0, 211.0)],
    ];
    let point = (169.0, curve(169.0));
    let (apart, (left, _, right, bottom)) = place_label(point, 19, &lines, &[]);
    assert_eq!(apart.leader, Some(apart.y));
    assert!(apart.y < point.1 && !apart.hanging);
    assert!(left >= 74.0 && left <= point.0 && point.0 <= right);
    // Both lines pass below the label.
    assert!(curve(right) > bottom && 211.0 > bottom, "{apart:?}");
}

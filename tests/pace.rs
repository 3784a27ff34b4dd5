//! The pace of address changes (src/pace.rs) against every browser's cap,
//! and the changes kept for when the page comes back.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tally::pace::{Kept, Pace};

#[test]
fn a_burst_goes_at_once_then_one_every_half_second() {
    let mut pace = Pace::new(0.0);
    for _ in 0..20 {
        assert_eq!(pace.take(10.0), Ok(()));
    }
    assert_eq!(pace.take(10.0), Err(500.0));
    assert_eq!(pace.take(260.0), Err(250.0));
    assert_eq!(pace.take(510.0), Ok(()));
    assert_eq!(pace.take(510.0), Err(500.0));
}

#[test]
fn a_pause_refills_the_burst_and_no_more() {
    let mut pace = Pace::new(0.0);
    for _ in 0..20 {
        pace.take(0.0).unwrap();
    }
    let mut granted = 0;
    while pace.take(60_000.0).is_ok() {
        granted += 1;
    }
    assert_eq!(granted, 20);
}

#[test]
fn a_clock_that_goes_back_or_reads_nan_refills_nothing() {
    let mut pace = Pace::new(1_000.0);
    for _ in 0..20 {
        pace.take(1_000.0).unwrap();
    }
    assert!(pace.take(0.0).is_err());
    assert!(pace.take(f64::NAN).is_err());
    assert_eq!(pace.take(1_500.0), Ok(()));
}

proptest! {
    /// Whatever the timing of the requests, and however often each
    /// refused one is asked again, no 30 seconds see more than 80
    /// changes (Safari's limit is 100) and no 10 seconds more than 40
    /// (Chromium's is 200); and a refused request, asked again after
    /// the wait it was given, goes through.
    #[test]
    fn changes_stay_under_every_browser_cap(
        // Mostly typing speed, with pauses.
        gaps in proptest::collection::vec(
            prop_oneof![3 => 0.0f64..100.0, 1 => 0.0f64..5_000.0],
            1..600,
        ),
    ) {
        let mut pace = Pace::new(0.0);
        let mut now = 0.0;
        let mut granted = Vec::new();
        for gap in gaps {
            now += gap;
            match pace.take(now) {
                Ok(()) => granted.push(now),
                Err(wait) => {
                    prop_assert!(wait > 0.0 && wait <= Pace::EVERY_MS);
                    let mut retry = pace;
                    prop_assert_eq!(retry.take(now + wait), Ok(()));
                }
            }
        }
        for (i, &start) in granted.iter().enumerate() {
            let within = |span: f64| granted[i..].iter().take_while(|&&t| t < start + span).count();
            prop_assert!(within(30_000.0) <= 80, "{} in 30 s", within(30_000.0));
            prop_assert!(within(10_000.0) <= 40, "{} in 10 s", within(10_000.0));
        }
    }
}

#[test]
fn kept_changes_read_back_as_written_and_the_latest_is_last() {
    let mut kept = Kept::default();
    kept.put(["11", "#/roi?s=a", "#/roi?s=b"]);
    kept.put(["22", "#/equity?s=c", "#/equity?s=d"]);
    let text = kept.text();
    assert_eq!(
        text,
        "11\n#/roi?s=a\n#/roi?s=b\n22\n#/equity?s=c\n#/equity?s=d"
    );
    let read = Kept::read(&text);
    assert_eq!(read, kept);
    assert_eq!(read.latest(), Some(["22", "#/equity?s=c", "#/equity?s=d"]));
}

#[test]
fn a_change_taken_out_is_gone_and_another_entry_keeps_its_own() {
    let text = "11\na\nb\n22\nc\nd";
    let mut kept = Kept::read(text);
    assert_eq!(kept.take("11"), Some(("a", "b")));
    assert_eq!(kept.take("11"), None);
    assert_eq!(kept.text(), "22\nc\nd");
}

#[test]
fn a_change_put_again_for_its_entry_replaces_the_one_before_and_goes_last() {
    let mut kept = Kept::read("11\na\nb\n22\nc\nd");
    kept.put(["11", "a", "e"]);
    assert_eq!(kept.text(), "22\nc\nd\n11\na\ne");
}

#[test]
fn past_the_most_kept_the_oldest_go_first() {
    let entries: Vec<String> = (0..Kept::MAX + 3).map(|n| n.to_string()).collect();
    let mut kept = Kept::default();
    for entry in &entries {
        kept.put([entry, "from", "to"]);
    }
    let text = kept.text();
    let read = Kept::read(&text);
    assert_eq!(
        read.latest().map(|c| c[0]),
        Some(entries.last().unwrap().as_str())
    );
    let mut all = read.clone();
    assert_eq!(all.take("2"), None, "the three oldest are dropped");
    assert_eq!(all.take("3"), Some(("from", "to")));
    assert_eq!(text.lines().count(), 3 * Kept::MAX);
}

#[test]
fn nothing_or_a_cut_tail_reads_as_the_whole_changes_only() {
    assert_eq!(Kept::read(""), Kept::default());
    assert_eq!(Kept::read("11\na"), Kept::default());
    let cut = Kept::read("11\na\nb\n22\nc");
    assert_eq!(cut.latest(), Some(["11", "a", "b"]));
    assert_eq!(cut.text(), "11\na\nb");
}

#[test]
fn a_change_put_leaves_one_for_its_entry_even_after_text_written_by_hand() {
    let mut kept = Kept::read("11\na\nb\n11\nc\nd\n22\ne\nf");
    kept.put(["11", "g", "h"]);
    assert_eq!(kept.text(), "22\ne\nf\n11\ng\nh");
}

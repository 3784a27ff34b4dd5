//! The equity calculator's rounds against public worked examples, hand
//! computations of each convention, and invariants.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;
use tally::calc::equity::*;
use tally::calc::Outcome;

fn holder(name: &str, class: Class, shares: f64) -> Holder {
    Holder {
        name: name.into(),
        class,
        shares,
        strike: 0.0,
    }
}

fn priced(name: &str, pre_money: f64, amount: f64, pool: PoolTopUp, basis: PriceBasis) -> Round {
    Round {
        name: name.into(),
        kind: Kind::Priced {
            pre_money,
            amount,
            date: NaiveDate::from_ymd_opt(2026, 1, 1),
            pool,
            price_basis: basis,
            liq_pref: 1.0,
            participating: false,
            seniority: 0.0,
        },
    }
}

fn safe_post(name: &str, amount: f64, cap: Option<f64>, discount_pct: f64) -> Round {
    Round {
        name: name.into(),
        kind: Kind::SafePost {
            amount,
            cap,
            discount_pct,
            pro_rata: false,
        },
    }
}

/// A note at `interest_pct` simple interest from `issue_date`, paid back
/// 1× at a sale.
fn note(
    name: &str,
    amount: f64,
    interest_pct: f64,
    issue_date: Option<NaiveDate>,
    cap: Option<f64>,
    discount_pct: f64,
) -> Round {
    Round {
        name: name.into(),
        kind: Kind::Note {
            amount,
            interest_pct,
            issue_date,
            cap,
            discount_pct,
            sale_multiple: 1.0,
        },
    }
}

fn value(o: Outcome) -> f64 {
    o.value().unwrap_or_else(|| panic!("undefined: {o:?}"))
}

#[test]
fn venture_hacks_option_pool_shuffle() {
    // Venture Hacks, "The Option Pool Shuffle": 6,000,000 founder shares;
    // 2,000,000 raised at 8,000,000 pre-money with a 20 % post-money pool
    // carved from the pre-money gives 1.00 a share.
    let r = compute(
        &[holder("Founders", Class::Common, 6_000_000.0)],
        &[priced(
            "Series A",
            8e6,
            2e6,
            PoolTopUp::TargetPct(20.0),
            PriceBasis::FullyDiluted,
        )],
        "Founders",
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let a = &r.rounds[0];
    assert_eq!(value(a.price), 1.0);
    assert_eq!(value(a.pool_increase), 2_000_000.0);
    assert_eq!(value(a.new_shares), 2_000_000.0);
    assert_eq!(value(a.fd_shares), 10_000_000.0);
    assert_eq!(value(a.post_money), 10_000_000.0);
    assert_eq!(r.shares_of("Option pool"), 2_000_000.0);
    assert_eq!(value(r.pct_of("Founders")), 60.0);
    assert_eq!(value(a.follow_pct), 60.0);
    assert_eq!(value(r.follow_start), 100.0);
}

#[test]
fn yc_post_money_safe_series_a_price() {
    // The YC post-money safe user guide's Series A price: $15,000,000 /
    // (11,764,705 + 1,695,000) = $1.1144, the safes converting into 15 % of
    // the company capitalization (here one safe: $1.5M at a $10M post-money
    // cap over 10,000,000 shares: a safe price of $0.85).
    let r = compute(
        &[holder("Founders", Class::Common, 10_000_000.0)],
        &[
            safe_post("Seed SAFE", 1.5e6, Some(10e6), 0.0),
            priced(
                "Series A",
                15e6,
                5e6,
                PoolTopUp::Increase(1_695_000.0),
                PriceBasis::FullyDiluted,
            ),
        ],
        "Founders",
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(value(r.rounds[0].price), 0.85);
    assert_eq!(value(r.rounds[0].new_shares), 1_764_705.0);
    assert_eq!(value(r.rounds[1].price), 1.1144);
    assert_eq!(value(r.rounds[1].new_shares), 4_486_719.0);
    assert_eq!(value(r.rounds[1].pool_increase), 1_695_000.0);
    assert_eq!(r.shares_of("Seed SAFE"), 1_764_705.0);
    assert_eq!(
        r.total_shares(),
        10_000_000.0 + 1_764_705.0 + 1_695_000.0 + 4_486_719.0
    );
    // What the page's "how" shows: the guide's own division, the safe's
    // shares unrounded in it (1.5M / 0.85 = 1,764,705.88).
    let Some(How::Priced {
        pre_money,
        converting,
        count,
        basis,
        amount,
    }) = r.rounds[1].how.clone()
    else {
        panic!("{:?}", r.rounds[1].how)
    };
    let value = pre_money + converting;
    assert_eq!(
        (value, converting, basis, amount),
        (15e6, 0.0, PriceBasis::FullyDiluted, 5e6)
    );
    assert!(
        (count - (11_764_705.88 + 1_695_000.0)).abs() < 0.01,
        "{count}"
    );
    assert_eq!(round_price(value / count), 1.1144);
    let Some(How::Converted {
        round,
        amount,
        cap: Some((cap, capitalization)),
        cap_price,
        post: true,
        note: false,
        round_price: at,
        discount_pct,
        discount_price,
        pro_rata: 0.0,
    }) = r.rounds[0].how.clone()
    else {
        panic!("{:?}", r.rounds[0].how)
    };
    assert_eq!((round.as_str(), amount, cap), ("Series A", 1.5e6, 10e6));
    assert!(
        (capitalization - 11_764_705.88).abs() < 0.01,
        "{capitalization}"
    );
    assert_eq!(
        (cap_price, at, discount_pct, discount_price),
        (Some(0.85), 1.1144, 0.0, 1.1144)
    );
}

#[test]
fn a_discounted_uncapped_safe_under_each_pricing_method() {
    // Computed by hand: 8,000,000 founder shares and a 2,000,000 pool; a
    // $1M SAFE, no cap, 20 % discount; $5M at $20M pre-money.
    //   fully diluted:    P = 20M / (10M + 1M / (0.8 P))  → P = 1.875,  SAFE 666,666
    //   pre-conversion:   P = 20M / 10M                   → P = 2.00,   SAFE 625,000
    //   dollars invested: P = 21M / (10M + 1M / (0.8 P))  → P = 1.975,  SAFE 632,911
    let start = [
        holder("Founders", Class::Common, 8_000_000.0),
        holder("Pool", Class::Pool, 2_000_000.0),
    ];
    for (basis, price, safe, new) in [
        (PriceBasis::FullyDiluted, 1.875, 666_666.0, 2_666_666.0),
        (PriceBasis::PreConversion, 2.0, 625_000.0, 2_500_000.0),
        (PriceBasis::DollarsInvested, 1.975, 632_911.0, 2_531_645.0),
    ] {
        let r = compute(
            &start,
            &[
                safe_post("SAFE", 1e6, None, 20.0),
                priced("Series A", 20e6, 5e6, PoolTopUp::None, basis),
            ],
            "Founders",
        );
        assert!(r.errors.is_empty(), "{basis:?}: {:?}", r.errors);
        assert_eq!(value(r.rounds[1].price), price, "{basis:?}");
        assert_eq!(value(r.rounds[0].price), price * 0.8, "{basis:?}");
        assert_eq!(r.shares_of("SAFE"), safe, "{basis:?}");
        assert_eq!(value(r.rounds[1].new_shares), new, "{basis:?}");
        // Dollars invested adds the SAFE's 1M to the pre-money; the other
        // bases divide the pre-money alone.
        let Some(How::Priced {
            pre_money,
            converting,
            count,
            ..
        }) = &r.rounds[1].how
        else {
            panic!("{:?}", r.rounds[1].how)
        };
        let v = &(pre_money + converting);
        let dollars = if basis == PriceBasis::DollarsInvested {
            1e6
        } else {
            0.0
        };
        assert_eq!((*v, *converting), (20e6 + dollars, dollars), "{basis:?}");
        assert_eq!(round_price(v / count), price, "{basis:?}");
    }
}

#[test]
fn pre_money_safe_with_the_pool_shuffle() {
    // By hand: 9,000,000 founders + 1,000,000 pool; a $500k pre-money SAFE
    // capped at $5M; $2M at $10M pre with a 15 % post-money pool. The cap
    // counts the pool increase X; solving: X = 0.98M / 0.802 = 1,221,945.1,
    // price 10M / 12,344,139.7 = 0.8101, cap price 5M / 11,221,945.1 = 0.4456.
    let r = compute(
        &[
            holder("Founders", Class::Common, 9_000_000.0),
            holder("Pool", Class::Pool, 1_000_000.0),
        ],
        &[
            Round {
                name: "Angel".into(),
                kind: Kind::SafePre {
                    amount: 500_000.0,
                    cap: Some(5e6),
                    discount_pct: 0.0,
                },
            },
            priced(
                "Series A",
                10e6,
                2e6,
                PoolTopUp::TargetPct(15.0),
                PriceBasis::FullyDiluted,
            ),
        ],
        "Founders",
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(value(r.rounds[1].pool_increase), 1_221_945.0);
    assert_eq!(value(r.rounds[1].price), 0.8101);
    assert_eq!(value(r.rounds[0].price), 0.4456);
    assert_eq!(r.shares_of("Angel"), 1_122_082.0);
    assert_eq!(value(r.rounds[1].new_shares), 2_468_831.0);
    assert_eq!(r.shares_of("Pool"), 1_000_000.0 + 1_221_945.0);
}

#[test]
fn a_note_converts_with_its_interest_at_the_lower_price() {
    // $100k at 8 % simple for 365 days: $108,000 converting; cap $4M over
    // 5,000,000 shares = 0.80, below the discounted round price.
    let note = note(
        "Bridge note",
        100_000.0,
        8.0,
        NaiveDate::from_ymd_opt(2025, 1, 1),
        Some(4e6),
        20.0,
    );
    let r = compute(
        &[holder("Founders", Class::Common, 5_000_000.0)],
        &[
            note,
            priced(
                "Series A",
                8e6,
                2e6,
                PoolTopUp::None,
                PriceBasis::FullyDiluted,
            ),
        ],
        "Founders",
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(value(r.rounds[0].price), 0.8);
    assert_eq!(r.shares_of("Bridge note"), 135_000.0);
    assert_eq!(value(r.rounds[1].price), 1.5579);
    assert_eq!(value(r.rounds[1].new_shares), 1_283_779.0);
}

#[test]
fn pro_rata_comes_out_of_the_round() {
    let r = compute(
        &[holder("Founders", Class::Common, 9_000_000.0)],
        &[
            Round {
                name: "YC".into(),
                kind: Kind::SafePost {
                    amount: 1e6,
                    cap: Some(10e6),
                    discount_pct: 0.0,
                    pro_rata: true,
                },
            },
            priced("Seed", 20e6, 5e6, PoolTopUp::None, PriceBasis::FullyDiluted),
        ],
        "YC",
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    // The SAFE owns 10 % of the capitalization after conversion and buys
    // 10 % of the round's new shares out of its amount.
    let safe = 1_000_000.0;
    let new = value(r.rounds[1].new_shares);
    let pro_rata = (new * safe / 10_000_000.0).floor();
    assert_eq!(r.shares_of("YC"), safe + pro_rata);
    assert_eq!(r.shares_of("Seed"), new - pro_rata);
    // The page says so under the SAFE's conversion.
    assert!(
        matches!(r.rounds[0].how, Some(How::Converted { pro_rata: p, .. }) if p == pro_rata && p > 0.0),
        "{:?}",
        r.rounds[0].how
    );
}

#[test]
fn invalid_financings_say_why() {
    let founders = [holder("Founders", Class::Common, 1_000_000.0)];
    let too_much = compute(
        &founders,
        &[
            safe_post("A", 6e6, Some(10e6), 0.0),
            safe_post("B", 5e6, Some(10e6), 0.0),
        ],
        "Founders",
    );
    assert!(
        too_much.errors[0].contains("would own the whole company"),
        "{:?}",
        too_much.errors
    );
    assert!(
        matches!(too_much.rounds[1].price, Outcome::Undefined(w) if w.contains("not computed"))
    );
    assert!(exit(&too_much, 1e6).is_none());
    // Found by `more_money_never_lowers_the_price`: fully diluted, the
    // SAFE's 945,995.43 at a 10 % discount converts to 1,051,106.03 of
    // stock, more than the round's 1,000,000 pre-money leaves for anyone.
    let over = compute(
        &founders,
        &[
            safe_post("S", 945_995.43, Some(5e6), 10.0),
            priced("A", 1e6, 0.0, PoolTopUp::None, PriceBasis::FullyDiluted),
        ],
        "Founders",
    );
    assert!(
        over.errors[0]
            .contains("“\u{2068}A\u{2069}”: the SAFEs and notes would own more than the company"),
        "{:?}",
        over.errors
    );
    assert!(over.rounds[1].price.value().is_none());
    // Found by `ownership_sums_to_100_and_nobody_loses_shares`: a SAFE's
    // conversion price that rounds to 0 at 4 places, here (1,000 − 100) /
    // 1,000,000,000 shares, is refused like a round's own price, not shown
    // as 0.0000 beside a billion new shares.
    let dust = compute(
        &[holder("Founders", Class::Common, 1e9)],
        &[
            safe_post("S", 100.0, Some(1_000.0), 0.0),
            priced("A", 1e9, 1e6, PoolTopUp::None, PriceBasis::FullyDiluted),
        ],
        "Founders",
    );
    assert_eq!(
        dust.errors,
        ["“\u{2068}S\u{2069}”: its conversion price in “\u{2068}A\u{2069}” rounds to 0"]
    );
    assert!(dust.rounds[0].price.value().is_none());
    // Nor does the page explain a conversion that did not happen.
    assert!(
        dust.rounds.iter().all(|r| r.how.is_none()),
        "{:?}",
        dust.rounds
    );
    let nothing = compute(
        &[],
        &[priced(
            "A",
            1e6,
            1e6,
            PoolTopUp::None,
            PriceBasis::FullyDiluted,
        )],
        "x",
    );
    assert!(nothing.errors[0].contains("before any shares exist"));
    let undated = note("N", 1.0, 5.0, None, None, 0.0);
    assert!(compute(&founders, &[undated], "x").errors[0].contains("no issue date"));
    // A note dated after the round it converts in (2026-01-01) used to
    // convert with no interest, without a word.
    let issued = |month| {
        note(
            "N",
            1e5,
            8.0,
            NaiveDate::from_ymd_opt(2026, month, 1),
            None,
            0.0,
        )
    };
    let a = priced("A", 8e6, 2e6, PoolTopUp::None, PriceBasis::FullyDiluted);
    let backwards = compute(&founders, &[issued(6), a.clone()], "x");
    assert_eq!(
        backwards.errors,
        ["The note “\u{2068}N\u{2069}” is issued after the round it converts in closes: its issue date must come first"]
    );
    assert!(backwards.rounds[1].price.value().is_none());
    // Issued the day the round closes: no interest, and no error.
    assert!(compute(&founders, &[issued(1), a], "x").errors.is_empty());
    let pool = compute(
        &founders,
        &[priced(
            "A",
            1e6,
            1e6,
            PoolTopUp::TargetPct(100.0),
            PriceBasis::FullyDiluted,
        )],
        "x",
    );
    assert!(pool.errors[0].contains("pool target"), "{:?}", pool.errors);
    let twice = compute(
        &founders,
        &[
            safe_post("S", 1.0, None, 0.0),
            safe_post("S", 1.0, None, 0.0),
        ],
        "x",
    );
    assert!(twice.errors[0].contains("unique"));
}

#[test]
fn a_pool_that_meets_its_target_is_not_shrunk() {
    let r = compute(
        &[
            holder("Founders", Class::Common, 7_000_000.0),
            holder("Pool", Class::Pool, 3_000_000.0),
        ],
        &[priced(
            "A",
            10e6,
            2e6,
            PoolTopUp::TargetPct(10.0),
            PriceBasis::FullyDiluted,
        )],
        "Founders",
    );
    assert_eq!(value(r.rounds[0].pool_increase), 0.0);
    assert_eq!(value(r.rounds[0].price), 1.0);
    assert_eq!(r.shares_of("Pool"), 3_000_000.0);
}

#[test]
fn the_pool_shuffle_lowers_the_price_as_the_round_grows() {
    // 1,000,000 founder shares, $1M pre-money, a 10 % post-money pool:
    // with no new money the pool is 1/9 of the pre-money count (price 0.90);
    // with $1M the post-money doubles, and so does the pool (price 0.80).
    let at = |amount: f64| {
        let r = compute(
            &[holder("Founders", Class::Common, 1_000_000.0)],
            &[priced(
                "A",
                1e6,
                amount,
                PoolTopUp::TargetPct(10.0),
                PriceBasis::FullyDiluted,
            )],
            "Founders",
        );
        value(r.rounds[0].price)
    };
    assert_eq!(at(0.0), 0.9);
    assert_eq!(at(1e6), 0.8);
}

fn venture_hacks(participating: bool) -> Results {
    let mut round = priced(
        "Series A",
        8e6,
        2e6,
        PoolTopUp::TargetPct(20.0),
        PriceBasis::FullyDiluted,
    );
    if let Kind::Priced {
        participating: p, ..
    } = &mut round.kind
    {
        *p = participating;
    }
    compute(
        &[holder("Founders", Class::Common, 6_000_000.0)],
        &[round],
        "Founders",
    )
}

#[test]
fn the_waterfall_pays_the_larger_of_preference_and_conversion() {
    // 2,000,000 Series A shares for $2M, 6,000,000 founder shares, a
    // 2,000,000 unissued pool that takes nothing.
    let r = venture_hacks(false);
    // $5M: converting would pay 5M × 2/8 = 1.25M < 2M: the preference.
    let low = exit(&r, 5e6).unwrap();
    assert_eq!(low.of("Series A"), 2e6);
    assert_eq!(low.of("Founders"), 3e6);
    assert_eq!(low.of("Option pool"), 0.0);
    assert_eq!(value(low.per_common_share), 0.5);
    assert_eq!(value(low.pct_of("Series A")), 40.0);
    // $20M: converting pays 5M > 2M.
    let high = exit(&r, 20e6).unwrap();
    assert_eq!(high.of("Series A"), 5e6);
    assert_eq!(high.of("Founders"), 15e6);
    assert_eq!(value(high.per_common_share), 2.5);
    // Participating: the preference and a share of the rest.
    let both = exit(&venture_hacks(true), 5e6).unwrap();
    assert_eq!(both.of("Series A"), 2e6 + 3e6 * 0.25);
    assert_eq!(both.of("Founders"), 3e6 * 0.75);
    // Below the preference, it all goes to the preferred.
    assert_eq!(exit(&r, 1e6).unwrap().of("Series A"), 1e6);
}

#[test]
fn an_exit_with_no_common_shares_held_says_so() {
    let pool = [holder("Option pool", Class::Pool, 2_000_000.0)];
    // The unissued pool alone: the sale has no one to pay, and a common
    // share's part of it is undefined rather than $0 (which would let the
    // $10M vanish from the page without a word).
    let e = exit(&compute(&pool, &[], "Option pool"), 10e6).unwrap();
    assert_eq!(e.per_common_share, Outcome::Undefined(NO_COMMON));
    assert_eq!(e.of("Option pool"), 0.0);
    // No holders at all: the same.
    let none = exit(&compute(&[], &[], "Founders"), 10e6).unwrap();
    assert_eq!(none.per_common_share, Outcome::Undefined(NO_COMMON));
    assert!(none.proceeds.is_empty());
    // A Series A bought into the pool alone: $2M at $8M pre-money over
    // its 2,000,000 shares, $4 a share, 500,000 shares. Sold for $1M it
    // takes its preference, and no common share is held to share anything.
    let round = priced(
        "Series A",
        8e6,
        2e6,
        PoolTopUp::Increase(0.0),
        PriceBasis::FullyDiluted,
    );
    let r = compute(&pool, &[round], "Series A");
    let low = exit(&r, 1e6).unwrap();
    assert_eq!(low.of("Series A"), 1e6);
    assert_eq!(low.per_common_share, Outcome::Undefined(NO_COMMON));
    // Sold for $20M it converts, and its shares are the common ones.
    let high = exit(&r, 20e6).unwrap();
    assert_eq!(high.of("Series A"), 20e6);
    assert_eq!(value(high.per_common_share), 20e6 / 500_000.0);
    // Options under water are held all the same: at a sale of nothing a
    // common share receives $0.
    let options = [Holder {
        name: "Grant".into(),
        class: Class::Options,
        shares: 1e3,
        strike: 2.0,
    }];
    let zero = exit(&compute(&options, &[], "Grant"), 0.0).unwrap();
    assert_eq!(value(zero.per_common_share), 0.0);
}

#[test]
fn a_safe_outstanding_at_the_exit_takes_the_larger_of_its_amount_and_its_shares() {
    // $1M post-money SAFE at a $10M cap over 9,000,000 shares: 10 % as
    // converted.
    let r = compute(
        &[holder("Founders", Class::Common, 9_000_000.0)],
        &[safe_post("SAFE", 1e6, Some(10e6), 0.0)],
        "Founders",
    );
    assert_eq!(r.outstanding.len(), 1);
    let small = exit(&r, 5e6).unwrap();
    assert_eq!((small.of("SAFE"), small.of("Founders")), (1e6, 4e6));
    let big = exit(&r, 50e6).unwrap();
    assert!((big.of("SAFE") - 5e6).abs() < 1e-6 && (big.of("Founders") - 45e6).abs() < 1e-6);
}

/// $12M for 12,000,000 shares after 8,000,000 founder shares, with a 3×
/// preference: $36M.
fn three_x_series_a() -> Round {
    let mut series_a = priced(
        "Series A",
        8e6,
        12e6,
        PoolTopUp::None,
        PriceBasis::FullyDiluted,
    );
    if let Kind::Priced { liq_pref, .. } = &mut series_a.kind {
        *liq_pref = 3.0;
    }
    series_a
}

#[test]
fn the_liquidity_capitalization_leaves_out_those_paid_their_preference() {
    // The post-money safe's Liquidity Capitalization leaves out "any Safes
    // and other convertible securities (including without limitation
    // shares of Preferred Stock) where the holders of such securities are
    // receiving Cash-Out Amounts or similar liquidation preference
    // payments": a safe converting at the exit owns its amount over its
    // cap of what is paid as converted, whoever else takes cash.
    //
    // Two safes over 9,000,000 founder shares, sold for $20M: $1M on a $10M
    // cap converts (10 % of $19M beats $1M), $1M on a $100M cap takes its
    // $1M (1 % is $0.2M). The first gets 10 % of the $19M left: $1.9M
    // (counting the cashed-out safe's shares too, it got $1,919,192).
    let r = compute(
        &[holder("Founders", Class::Common, 9_000_000.0)],
        &[
            safe_post("Low cap", 1e6, Some(10e6), 0.0),
            safe_post("High cap", 1e6, Some(100e6), 0.0),
        ],
        "Founders",
    );
    let x = exit(&r, 20e6).unwrap();
    assert_eq!(x.of("High cap"), 1e6);
    assert!(
        (x.of("Low cap") - 1.9e6).abs() < 0.01,
        "{}",
        x.of("Low cap")
    );
    assert!((x.of("Founders") - 17.1e6).abs() < 0.01);

    // A 3× Series A ($12M for 12,000,000 shares at $1.00, a $36M
    // preference) before a $1M safe on a $10M cap, sold for $60M: the
    // Series A takes $36M (as converted it would get about $32.4M) and the
    // safe converts over its Liquidity Capitalization.
    // - Post-money: that leaves out the Series A, paid its preference, so
    //   the safe gets 10 % of the $24M left, $2.4M, the founders $21.6M.
    //   (With the Series A's shares in the capitalization, the safe got
    //   21.7 %.)
    // - Pre-money: every share issued, as converted, leaving out only the
    //   unissued pool and convertibles: 10 % of the 20,000,000 shares,
    //   2,000,000, takes 2/10 of the $24M left, $4.8M.
    let pre_money_safe = Round {
        name: "Safe".into(),
        kind: Kind::SafePre {
            amount: 1e6,
            cap: Some(10e6),
            discount_pct: 0.0,
        },
    };
    for (safe, to_safe, to_founders) in [
        (safe_post("Safe", 1e6, Some(10e6), 0.0), 2.4e6, 21.6e6),
        (pre_money_safe, 4.8e6, 19.2e6),
    ] {
        let r = compute(
            &[holder("Founders", Class::Common, 8_000_000.0)],
            &[three_x_series_a(), safe],
            "Founders",
        );
        assert_eq!(r.shares_of("Series A"), 12_000_000.0);
        let x = exit(&r, 60e6).unwrap();
        assert!(
            (x.of("Series A") - 36e6).abs() < 0.01,
            "{}",
            x.of("Series A")
        );
        assert!((x.of("Safe") - to_safe).abs() < 0.01, "{}", x.of("Safe"));
        assert!((x.of("Founders") - to_founders).abs() < 0.01);
    }
}

#[test]
fn a_note_outstanding_at_the_exit_is_owed_its_interest_to_the_exit_date() {
    // A $1M note at 10 % simple interest, issued 2026-01-01, with a $9M cap,
    // over 9,000,000 founder shares, and no priced round: sold a year later
    // it is owed $1,100,000, or converts that at its cap into 1,100,000
    // shares (1.1 / 10.1 of the company).
    let note = note(
        "Note",
        1e6,
        10.0,
        NaiveDate::from_ymd_opt(2026, 1, 1),
        Some(9e6),
        0.0,
    );
    let r = compute(
        &[holder("Founders", Class::Common, 9_000_000.0)],
        &[note],
        "Founders",
    );
    let a_year_on = NaiveDate::from_ymd_opt(2027, 1, 1);
    let small = exit_on(&r, 5e6, a_year_on).unwrap();
    assert!(
        (small.of("Note") - 1.1e6).abs() < 1e-6,
        "{}",
        small.of("Note")
    );
    assert!((small.of("Founders") - 3.9e6).abs() < 1e-6);
    let big = exit_on(&r, 50e6, a_year_on).unwrap();
    assert!(
        (big.of("Note") - 50e6 * 1.1 / 10.1).abs() < 1e-3,
        "{}",
        big.of("Note")
    );
    // Sold before the note was issued: no interest, and the page is told.
    let before = NaiveDate::from_ymd_opt(2025, 6, 1);
    assert_eq!(exit_on(&r, 5e6, before).unwrap().of("Note"), 1e6);
    assert!(r.outstanding[0].issued_after(before));
    assert!(!r.outstanding[0].issued_after(a_year_on));
    assert!(!r.outstanding[0].issued_after(None));
    // Without a date: the principal alone.
    assert_eq!(exit(&r, 5e6).unwrap().of("Note"), 1e6);
    assert!((exit(&r, 50e6).unwrap().of("Note") - 5e6).abs() < 1e-3);

    // "Two times the principal, plus accrued interest" at a sale: $2.1M,
    // which beats converting at $5M; at $50M converting still pays more,
    // and converts principal and interest, not the multiple.
    let mut twice = r.clone();
    twice.outstanding[0].sale_multiple = 2.0;
    let small = exit_on(&twice, 5e6, a_year_on).unwrap();
    assert!(
        (small.of("Note") - 2.1e6).abs() < 1e-6,
        "{}",
        small.of("Note")
    );
    let big = exit_on(&twice, 50e6, a_year_on).unwrap();
    assert!(
        (big.of("Note") - 50e6 * 1.1 / 10.1).abs() < 1e-3,
        "{}",
        big.of("Note")
    );
    // The multiple is read like typed input: 1× to 10×.
    let (i, problems) = Inputs::from_json(&serde_json::json!({"rounds": [
        {"name": "N", "kind": "note", "sale_multiple": "2"},
        {"name": "M", "kind": "note", "sale_multiple": 0.5},
    ]}));
    assert!(matches!(i.rounds[0].kind, Kind::Note { sale_multiple, .. } if sale_multiple == 2.0));
    assert!(matches!(i.rounds[1].kind, Kind::Note { sale_multiple, .. } if sale_multiple == 1.0));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "rounds.1.sale_multiple");
}

/// A priced round with its seniority set.
fn at_seniority(mut round: Round, level: f64) -> Round {
    if let Kind::Priced { seniority, .. } = &mut round.kind {
        *seniority = level;
    }
    round
}

#[test]
fn at_an_exit_notes_come_before_the_preferred_and_safes_stand_with_it() {
    // The post-money safe: "junior to payment of outstanding indebtedness
    // and creditor claims, including ... convertible promissory notes ...;
    // on par with payments for other Safes and/or Preferred Stock".
    // 8,000,000 founder shares, then a Series A of $12M (12,000,000 shares,
    // a 1x preference of $12M).
    let series_a = |level: f64| {
        at_seniority(
            priced(
                "Series A",
                8e6,
                12e6,
                PoolTopUp::None,
                PriceBasis::FullyDiluted,
            ),
            level,
        )
    };
    let founders = [holder("Founders", Class::Common, 8_000_000.0)];
    // A $1M note at 10 % after it, sold a year on for $10M: the note is
    // paid its $1.1M first, the Series A the $8.9M left.
    let note = note(
        "Note",
        1e6,
        10.0,
        NaiveDate::from_ymd_opt(2026, 1, 1),
        Some(100e6),
        0.0,
    );
    let r = compute(&founders, &[series_a(0.0), note], "Founders");
    let x = exit_on(&r, 10e6, NaiveDate::from_ymd_opt(2027, 1, 1)).unwrap();
    assert!((x.of("Note") - 1.1e6).abs() < 1e-6, "{}", x.of("Note"));
    assert!((x.of("Series A") - 8.9e6).abs() < 1e-6);
    assert_eq!(x.of("Founders"), 0.0);
    // A $1M SAFE instead, the Series A at seniority 2: the SAFE stands with
    // it, not behind it; $6.5M is shared 12 to 1.
    let r = compute(
        &founders,
        &[series_a(2.0), safe_post("Safe", 1e6, Some(100e6), 0.0)],
        "Founders",
    );
    let x = exit(&r, 6.5e6).unwrap();
    assert!((x.of("Safe") - 0.5e6).abs() < 1e-6, "{}", x.of("Safe"));
    assert!((x.of("Series A") - 6e6).abs() < 1e-6);
}

#[test]
fn promised_options_count_in_the_liquidity_capitalization_only_above_water() {
    // The post-money safe's Liquidity Capitalization "Includes all (i)
    // issued and outstanding Options and (ii) to the extent receiving
    // Proceeds, Promised Options". 9,000,000 founder shares, 1,000,000
    // options at a $3 strike, a $1M safe on a $10M cap, sold for $15M: a
    // share is worth about $1.50, so the options are under water.
    let run = |class: Class| {
        let r = compute(
            &[
                holder("Founders", Class::Common, 9_000_000.0),
                Holder {
                    name: "Hires".into(),
                    class,
                    shares: 1_000_000.0,
                    strike: 3.0,
                },
            ],
            &[safe_post("Safe", 1e6, Some(10e6), 0.0)],
            "Founders",
        );
        exit(&r, 15e6).unwrap()
    };
    // Promised, they receive nothing and leave the capitalization: the safe
    // converts into 10 % of 10,000,000, a tenth of the $15M.
    let promised = run(Class::Promised);
    assert_eq!(promised.of("Hires"), 0.0);
    assert!(
        (promised.of("Safe") - 1.5e6).abs() < 1e-6,
        "{}",
        promised.of("Safe")
    );
    // Granted, they stay in it: 10 % of 11,111,111, over the 10,111,111
    // shares paid, $1,648,352.
    let granted = run(Class::Options);
    assert_eq!(granted.of("Hires"), 0.0);
    let safe_shares = 10_000_000.0 / 0.9 * 0.1;
    let expected = 15e6 * safe_shares / (9e6 + safe_shares);
    assert!(
        (granted.of("Safe") - expected).abs() < 1e-3,
        "{}",
        granted.of("Safe")
    );
}

#[test]
fn a_senior_series_is_paid_its_preference_first() {
    // By hand: 6,000,000 founder shares; Series A buys 2,000,000 shares for
    // $2M (1.00 each), Series B 2,000,000 for $4M (2.00 each: $16M pre over
    // 8,000,000 shares). Sold for $5M, under the $6M of preferences:
    // side by side each takes 5/6 of its preference; with the B senior it
    // takes its $4M and the A the $1M left.
    let rounds = |b_seniority: f64| {
        let b = at_seniority(
            priced(
                "Series B",
                16e6,
                4e6,
                PoolTopUp::None,
                PriceBasis::FullyDiluted,
            ),
            b_seniority,
        );
        vec![
            priced(
                "Series A",
                6e6,
                2e6,
                PoolTopUp::None,
                PriceBasis::FullyDiluted,
            ),
            b,
        ]
    };
    let founders = [holder("Founders", Class::Common, 6_000_000.0)];
    let side_by_side = compute(&founders, &rounds(0.0), "Founders");
    assert_eq!(value(side_by_side.rounds[1].price), 2.0);
    let e = exit(&side_by_side, 5e6).unwrap();
    assert!((e.of("Series A") - 2e6 * 5.0 / 6.0).abs() < 1e-6);
    assert!((e.of("Series B") - 4e6 * 5.0 / 6.0).abs() < 1e-6);
    let stacked = compute(&founders, &rounds(1.0), "Founders");
    let e = exit(&stacked, 5e6).unwrap();
    assert_eq!(e.of("Series B"), 4e6);
    assert_eq!(e.of("Series A"), 1e6);
    assert_eq!(e.of("Founders"), 0.0);
    // Where both convert (a $100M sale, 10M shares: 10.00 a share), the
    // order of the preferences no longer matters.
    let high = exit(&stacked, 100e6).unwrap();
    assert_eq!((high.of("Series B"), high.of("Series A")), (20e6, 20e6));
}

#[test]
fn options_are_exercised_only_above_their_strike() {
    // By hand: 8,000,000 founder shares, 1,000,000 options at $1 and
    // 1,000,000 at $3, sold for $20M. With both exercised a share would be
    // worth (20M + 1M + 3M) / 10M = $2.40, under the $3 strike; without
    // the $3 options, (20M + 1M) / 9M = $2.3333: the $1 options take
    // 1,000,000 × $1.3333 and the founders the rest.
    let mut holders = vec![holder("Founders", Class::Common, 8_000_000.0)];
    for (name, strike) in [("Early", 1.0), ("Late", 3.0)] {
        holders.push(Holder {
            name: name.into(),
            class: Class::Options,
            shares: 1_000_000.0,
            strike,
        });
    }
    let r = compute(&holders, &[], "Early");
    let e = exit(&r, 20e6).unwrap();
    let per_share = 21e6 / 9e6;
    assert!((value(e.per_common_share) - per_share).abs() < 1e-9);
    assert!((e.of("Early") - 1e6 * (per_share - 1.0)).abs() < 1e-6);
    assert_eq!(e.of("Late"), 0.0);
    assert!((e.of("Founders") - 8e6 * per_share).abs() < 1e-6);
    // At $40M both are in the money: (40M + 4M) / 10M = $4.40.
    let high = exit(&r, 40e6).unwrap();
    assert!((high.of("Late") - 1e6 * 1.4).abs() < 1e-6);
    assert!((high.of("Early") - 1e6 * 3.4).abs() < 1e-6);
    // A strike on a common row means nothing.
    let mut common = holder("Founders", Class::Common, 8_000_000.0);
    common.strike = 5.0;
    assert_eq!(common.strike_price(), 0.0);
}

#[test]
fn the_same_safe_dilutes_founders_less_as_a_pre_money_safe() {
    // $1M at a $5M cap: post-money it owns 20 % of the capitalization;
    // pre-money its cap divides over the shares before it, so it owns
    // 1/6 ≈ 16.7 % (before the Series A dilutes everyone).
    let start = [holder("Founders", Class::Common, 10_000_000.0)];
    let post = [
        safe_post("SAFE", 1e6, Some(5e6), 0.0),
        priced("A", 20e6, 0.0, PoolTopUp::None, PriceBasis::FullyDiluted),
    ];
    let pre = swap_safe_kinds(&post);
    assert!(matches!(pre[0].kind, Kind::SafePre { .. }));
    assert_eq!(
        swap_safe_kinds(&pre)[0].kind,
        Kind::SafePost {
            amount: 1e6,
            cap: Some(5e6),
            discount_pct: 0.0,
            pro_rata: false
        }
    );
    let a = compute(&start, &post, "Founders");
    let b = compute(&start, &pre, "Founders");
    assert_eq!(a.shares_of("SAFE"), 2_500_000.0);
    assert_eq!(b.shares_of("SAFE"), 2_000_000.0);
}

#[test]
fn displayed_percentages_add_up_to_exactly_100() {
    // Thirds: 33.33 + 33.33 + 33.33 = 99.99; the largest remainder takes
    // the last hundredth.
    assert_eq!(hundredths(&[1.0, 1.0, 1.0]), vec![3334, 3333, 3333]);
    assert_eq!(hundredths(&[6.0, 2.0, 2.0]), vec![6000, 2000, 2000]);
    assert_eq!(hundredths(&[0.0, 0.0]), vec![0, 0]);
    let r = venture_hacks(false);
    assert_eq!(r.rounds[0].holdings.len(), 3);
}

fn scenario() -> impl Strategy<Value = (Vec<Holder>, Vec<Round>)> {
    (
        1.0..2e7f64,
        0.0..5e6f64,
        proptest::collection::vec(
            (
                1e3..3e6f64,
                proptest::option::of(2e6..5e7f64),
                0.0..40.0f64,
                any::<bool>(),
            ),
            0..3,
        ),
        1e6..1e8f64,
        0.0..3e7f64,
        0.0..30.0f64,
        0usize..3,
        0.0..5e6f64,
    )
        .prop_map(
            |(founders, pool, safes, pre, amount, target, basis, promised)| {
                // Promised options beyond the pool make part of the pool
                // increase count in a post-money SAFE's capitalization.
                let holders = vec![
                    holder("Founders", Class::Common, founders),
                    holder("Pool", Class::Pool, pool),
                    holder("Promised", Class::Promised, promised),
                ];
                let mut rounds: Vec<Round> = safes
                    .into_iter()
                    .enumerate()
                    .map(|(i, (a, cap, d, post))| {
                        let name = format!("SAFE {i}");
                        if post {
                            safe_post(&name, a, cap, d)
                        } else {
                            Round {
                                name,
                                kind: Kind::SafePre {
                                    amount: a,
                                    cap,
                                    discount_pct: d,
                                },
                            }
                        }
                    })
                    .collect();
                let basis = [
                    PriceBasis::FullyDiluted,
                    PriceBasis::PreConversion,
                    PriceBasis::DollarsInvested,
                ][basis];
                rounds.push(priced(
                    "Series A",
                    pre,
                    amount,
                    PoolTopUp::TargetPct(target),
                    basis,
                ));
                (holders, rounds)
            },
        )
}

proptest! {
    /// Ownership always adds up to 100 %, and no holder's share count ever
    /// falls from one round to the next.
    #[test]
    fn ownership_sums_to_100_and_nobody_loses_shares((holders, rounds) in scenario()) {
        let r = compute(&holders, &rounds, "Founders");
        if r.errors.is_empty() {
            let sum: f64 = r.holders().iter().map(|h| r.pct_of(h).value().unwrap()).sum();
            prop_assert!((sum - 100.0).abs() < 1e-9, "{sum}");
            for round in &r.rounds {
                let shares: Vec<f64> = round.holdings.iter().map(|(_, s)| *s).collect();
                prop_assert_eq!(hundredths(&shares).iter().sum::<u64>(), 10_000);
            }
            for h in &holders {
                prop_assert!(r.shares_of(&h.name) >= h.shares.floor());
            }
            for round in &r.rounds {
                prop_assert!(round.price.value().is_some_and(|p| p > 0.0), "{round:?}");
            }
        }
    }

    /// The exit is paid out in full, to nobody negatively, the pool nothing.
    #[test]
    fn the_exit_adds_up(
        (mut holders, mut rounds) in scenario(),
        value in 0.0..1e9f64,
        grant in 1.0..2e6f64,
        strike in 0.0..10.0f64,
        later_senior in any::<bool>(),
        outstanding in proptest::collection::vec(
            (1e3..5e6f64, proptest::option::of(1e6..1e8f64), 0u8..3),
            0..3,
        ),
        days_to_exit in 0i64..4000,
    ) {
        // An option grant that may be under water at the exit.
        holders.push(Holder { name: "Grant".into(), class: Class::Options, shares: grant, strike });
        // Stacked preferences: each priced round senior to the ones before.
        if later_senior {
            for (n, r) in rounds.iter_mut().enumerate() {
                if let Kind::Priced { seniority, .. } = &mut r.kind {
                    *seniority = n as f64;
                }
            }
        }
        // SAFEs and notes still outstanding at the exit, after the priced
        // round; a note accrues interest to the exit's date.
        for (i, (amount, cap, kind)) in outstanding.into_iter().enumerate() {
            let name = format!("Outstanding {i}");
            rounds.push(match kind {
                0 => safe_post(&name, amount, cap, 0.0),
                1 => Round { name, kind: Kind::SafePre { amount, cap, discount_pct: 0.0 } },
                _ => Round { name, kind: Kind::Note {
                    amount, interest_pct: 8.0, issue_date: NaiveDate::from_ymd_opt(2025, 1, 1),
                    cap, discount_pct: 0.0,
                    sale_multiple: 1.0 + f64::from(i as u8),
                } },
            });
        }
        let exit_date = NaiveDate::from_ymd_opt(2025, 1, 1)
            .and_then(|d| d.checked_add_signed(chrono::Duration::days(days_to_exit)));
        let r = compute(&holders, &rounds, "Founders");
        if r.errors.is_empty() {
            let e = exit_on(&r, value, exit_date).unwrap();
            let paid: f64 = e.proceeds.iter().map(|(_, x)| x).sum();
            prop_assert!((paid - value).abs() <= 1e-6 * value.max(1.0), "{paid} vs {value}");
            // The scenario's founders hold common shares.
            prop_assert!(e.per_common_share.value().is_some());
            prop_assert!(e.proceeds.iter().all(|(_, x)| *x >= 0.0));
            prop_assert_eq!(e.of("Pool"), 0.0);
        }
    }

    /// Raising more at the same pre-money never lowers the price, with the
    /// pool left alone or topped up by a fixed number of shares, and with
    /// SAFEs converting. (With a pool target the price does fall: the
    /// increase is a share of the post-money count, which the new money
    /// raises, and it is carved from the pre-money. See
    /// `the_pool_shuffle_lowers_the_price_as_the_round_grows`.)
    #[test]
    fn more_money_never_lowers_the_price(
        founders in 1e6..2e7f64, pre in 1e6..1e8f64, amount in 0.0..2e7f64, more in 0.0..2e7f64,
        increase in 0.0..3e6f64, safe in 0.0..1e6f64, cap in 5e6..5e7f64, basis in 0usize..3,
    ) {
        let start = [holder("Founders", Class::Common, founders)];
        let basis = [PriceBasis::FullyDiluted, PriceBasis::PreConversion, PriceBasis::DollarsInvested][basis];
        let at = |a: f64| {
            let rounds = [
                safe_post("S", safe, Some(cap), 10.0),
                priced("A", pre, a, PoolTopUp::Increase(increase), basis),
            ];
            compute(&start, &rounds, "Founders").rounds[1].price.value()
        };
        // A SAFE whose discounted conversion is worth more than the whole
        // pre-money (945,995 / 0.9 > 1,000,000, fully diluted) makes the
        // round impossible, and the model says so; how much new money comes
        // in does not change that.
        match (at(amount), at(amount + more)) {
            (Some(less), Some(more)) => prop_assert!(more >= less, "{more} < {less}"),
            (less, more) => prop_assert!(less.is_none() && more.is_none(), "{less:?} vs {more:?}"),
        }
    }

    /// No panic and no NaN or infinity, whatever the numbers.
    #[test]
    fn no_panic_no_nan(
        shares in any::<f64>(), amount in any::<f64>(), cap in any::<f64>(), d in any::<f64>(),
        pre in any::<f64>(), money in any::<f64>(), target in any::<f64>(),
    ) {
        let r = compute(
            &[holder("F", Class::Common, shares)],
            &[safe_post("S", amount, Some(cap), d), priced("A", pre, money, PoolTopUp::TargetPct(target), PriceBasis::FullyDiluted)],
            "F",
        );
        for round in &r.rounds {
            for o in [round.price, round.new_shares, round.pool_increase, round.post_money, round.fd_shares, round.follow_pct] {
                if let Outcome::Value(x) = o { prop_assert!(x.is_finite(), "{o:?}"); }
            }
        }
    }
}

#[test]
fn json_reads_like_typed_input_and_round_trips() {
    use serde_json::json;
    let d = Inputs::default();
    let (again, problems) = Inputs::from_json(&d.to_json());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again, d);
    // The default computes without an error.
    let r = compute(&d.holders, &d.rounds, &d.follow);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let (i, problems) = Inputs::from_json(&json!({
        "holders": [{"name": "Ada", "class": "common", "shares": "4,000,000"},
                    {"name": "Pool", "class": "pool", "shares": -1}],
        "rounds": [
            {"name": "S", "kind": "safe_post", "amount": "$250k", "cap": null, "discount_pct": "20%"},
            {"name": "N", "kind": "note", "amount": 100000, "issue_date": "2026-02-30"},
            {"name": "A", "kind": "priced", "pre_money": "12M", "amount": "3M", "pool_increase": 500000,
             "price_basis": "dollars_invested", "participating": "yes"}
        ],
        "follow": "Ada", "exit_value": "1e9"
    }));
    assert_eq!(i.holders[0].shares, 4_000_000.0);
    assert_eq!(i.holders[1].shares, 0.0);
    assert_eq!(
        i.rounds[0].kind,
        Kind::SafePost {
            amount: 250_000.0,
            cap: None,
            discount_pct: 20.0,
            pro_rata: false
        }
    );
    match &i.rounds[2].kind {
        Kind::Priced {
            pre_money,
            pool,
            price_basis,
            participating,
            ..
        } => {
            assert_eq!(
                (*pre_money, *pool, *price_basis, *participating),
                (
                    12e6,
                    PoolTopUp::Increase(500_000.0),
                    PriceBasis::DollarsInvested,
                    false
                )
            );
        }
        other => panic!("{other:?}"),
    }
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "exit_value",
            "holders.1.shares",
            "rounds.1.issue_date",
            "rounds.2.participating"
        ]
    );
}

#[test]
fn csv_round_trips_the_starting_table_and_exports_the_result() {
    let d = Inputs::default();
    let text = holders_csv(&d.holders);
    assert!(text.starts_with("name,class,shares,strike\r\nFounders,common,7900000,\r\n"));
    assert_eq!(holders_from_csv(&text).unwrap(), d.holders);
    // Quotes, commas, spreadsheet formulas and reordered columns.
    let tricky = vec![
        Holder {
            name: "Smith, \"Jo\"".into(),
            class: Class::Promised,
            shares: 1500.0,
            strike: 0.35,
        },
        Holder {
            name: "=HYPERLINK(\"x\")".into(),
            class: Class::Common,
            shares: 1.0,
            strike: 0.0,
        },
        // An apostrophe of the name's own stays; a number stays a number.
        Holder {
            name: "'t Hooft Capital".into(),
            class: Class::Common,
            shares: 2.0,
            strike: 0.0,
        },
        Holder {
            name: "-1".into(),
            class: Class::Common,
            shares: 3.0,
            strike: 0.0,
        },
    ];
    let text = holders_csv(&tricky);
    assert!(text.contains("\"Smith, \"\"Jo\"\"\""));
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""));
    assert_eq!(holders_from_csv(&text).unwrap(), tricky);
    let reordered = "shares,Name,class,notes\n\"1,000\",Ada,options,x\n";
    assert_eq!(
        holders_from_csv(reordered).unwrap(),
        vec![Holder {
            name: "Ada".into(),
            class: Class::Options,
            shares: 1000.0,
            strike: 0.0,
        }]
    );
    assert!(holders_from_csv("name,class,shares,strike\nA,options,5,-1")
        .unwrap_err()
        .contains("Line 2: strike"));
    assert!(holders_from_csv("name,class\nA,common")
        .unwrap_err()
        .contains("name, class and shares"));
    assert!(holders_from_csv("name,class,shares\nA,stock,5")
        .unwrap_err()
        .starts_with("Line 2"));
    assert!(holders_from_csv("name,class,shares\nA,common,-5")
        .unwrap_err()
        .contains("Line 2: shares"));
    // The cap table after the rounds, one line per position.
    let r = compute(&d.holders, &d.rounds, &d.follow);
    let e = exit(&r, d.exit_value);
    let table = cap_table_csv(&r, e.as_ref());
    assert!(table
        .starts_with("holder,class,series,shares,invested,fully_diluted_pct,exit_proceeds\r\n"));
    assert!(table.contains("Series A,preferred,Series A,3000000,7200000,"));
    assert_eq!(table.lines().count(), 1 + r.positions.len());
}

#[test]
fn a_discounted_uncapped_safe_in_the_pre_money_capitalization() {
    // A discounted, uncapped SAFE in the pricing-method comparison the issue
    // cites from Cooley (its text is reproduced at
    // hudsonriverperformingarts.com/2021/04/simple-agreement-for-future-equity-ireland/):
    // 3,000,000 shares, a $500,000 SAFE at a 20 % discount, $2,000,000
    // pre-money. The SAFE holds 500,000 / 1,600,000 = 31.25 % of the
    // pre-money capitalization: X / (X + 3,000,000) = 31.25 % gives
    // 1,363,636 shares and 4,363,636 in all; a price of about $0.46, the
    // SAFE's about $0.09 less, the discount kept.
    let r = compute(
        &[holder("Founders", Class::Common, 3_000_000.0)],
        &[
            safe_post("SAFE", 500_000.0, None, 20.0),
            priced("Seed", 2e6, 1e6, PoolTopUp::None, PriceBasis::FullyDiluted),
        ],
        "Founders",
    );
    let price = value(r.rounds[1].price);
    let safe_price = value(r.rounds[0].price);
    assert_eq!(price, 0.4583); // 2,000,000 / 4,363,636.4, to 4 places
    assert_eq!(safe_price, 0.3666); // 80 % of it, to 4 places
    assert!(((price - safe_price) - 0.09).abs() < 0.005);
    // With the prices rounded to 4 places (as the YC guide and cap-table
    // tools do) the SAFE gets floor(500,000 / 0.3666) = 1,363,884 shares,
    // 248 more than the article's unrounded 1,363,636: 31.26 % of the
    // pre-money capitalization instead of 31.25 %.
    assert_eq!(r.shares_of("SAFE"), 1_363_884.0);
    let pre_money_count = 3_000_000.0 + r.shares_of("SAFE");
    assert!((r.shares_of("SAFE") / pre_money_count - 0.3125).abs() < 0.0001);
}

/// The YC SAFE primer's numerical examples (the original, pre-money safe),
/// as FundersClub reproduces them ("Numerical Example: SAFE, cap, no
/// discount" and "SAFE, cap and discount", fundersclub.com/learn/safe-primer/
/// safe-numerical-examples/): $1,000,000 of Series A at a $10,000,000
/// pre-money valuation; 11,000,000 shares fully diluted just before it,
/// counting a 1,000,000-share pool adopted with the financing; the Series A
/// price is 10M / 11M (the SAFE's shares are not counted: `pre_conversion`).
fn yc_safe_primer(cap: f64, discount_pct: f64) -> Results {
    compute(
        &[holder("Company", Class::Common, 10_000_000.0)],
        &[
            Round {
                name: "Safe".into(),
                kind: Kind::SafePre {
                    amount: 100_000.0,
                    cap: Some(cap),
                    discount_pct,
                },
            },
            priced(
                "Series A",
                10e6,
                1e6,
                PoolTopUp::Increase(1_000_000.0),
                PriceBasis::PreConversion,
            ),
        ],
        "Company",
    )
}

#[test]
fn yc_safe_primer_cap_no_discount() {
    // The primer: a $100,000 safe capped at $5,000,000 gets 220,022 shares
    // of Series A-1 at $0.4545 (5M / 11M). The new investors get 1,100,110
    // shares at $0.909: the primer rounds that price to 3 places; to 4
    // places, as the post-money guide does, it is $0.9091 and 1,099,989.
    let r = yc_safe_primer(5e6, 0.0);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(value(r.rounds[0].price), 0.4545);
    assert_eq!(r.shares_of("Safe"), 220_022.0);
    assert_eq!(value(r.rounds[1].price), 0.9091);
    assert_eq!(value(r.rounds[1].new_shares), 1_099_989.0);
    assert_eq!((1e6_f64 / 0.909).floor(), 1_100_110.0); // the primer's count at its price
    assert_eq!(r.shares_of("Option pool"), 1_000_000.0);
}

#[test]
fn yc_safe_primer_cap_and_discount() {
    // The primer: capped at $8,000,000 with an 85 % discount rate (15 %
    // off), the cap price ($0.72727, 8M / 11M) is below the discounted
    // price ($0.77265), so the cap applies and the safe gets 137,500
    // shares. To 4 places the prices are $0.7273 and $0.7727; the cap still
    // applies, and floor(100,000 / 0.7273) = 137,494 shares.
    let r = yc_safe_primer(8e6, 15.0);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(value(r.rounds[0].price), 0.7273);
    assert_eq!(r.shares_of("Safe"), 137_494.0);
    assert_eq!((100_000.0_f64 / 0.72727).floor(), 137_500.0); // the primer's count at its price
                                                              // The discount alone would have given the higher price.
    let discount_only = yc_safe_primer(1e9, 15.0);
    assert_eq!(value(discount_only.rounds[0].price), 0.7727);
}

#[test]
fn yc_safe_primer_preferences_are_pari_passu() {
    // The primer: in a change of control the two series are paid pari
    // passu, the Series A its $1,000,000 and the safe's Series A-1 its
    // $100,000 (its purchase amount, not its shares at the Series A price).
    // The Series A's preference is what its shares cost: 1,099,989 at
    // $0.9091, $999,999.9999 (the primer's $1,000,000, to the cent).
    let cent = |x: f64, want: f64| assert!((x - want).abs() < 0.01, "{x} is not {want}");
    let r = yc_safe_primer(5e6, 0.0);
    let at_preference = exit(&r, 1_100_000.0).unwrap();
    cent(at_preference.of("Series A"), 1_000_000.0);
    assert_eq!(at_preference.of("Safe"), 100_000.0);
    cent(at_preference.of("Company"), 0.0);
    // Short of it, in proportion to the preferences: 10 to 1.
    let short = exit(&r, 550_000.0).unwrap();
    cent(short.of("Series A"), 500_000.0);
    cent(short.of("Safe"), 50_000.0);
    assert_eq!(short.of("Company"), 0.0);
}

/// `holder`'s % of the capitalization just before the last round's new
/// money (its new shares and pool increase left out).
fn owned_before_new_money(r: &Results, holder: &str) -> f64 {
    let last = r.rounds.last().expect("a round");
    let before = r.total_shares() - value(last.new_shares) - value(last.pool_increase);
    r.shares_of(holder) / before * 100.0
}

/// 10,000,000 founder shares, `safes`, then a $5M Series A on a $30M
/// pre-money, far above every cap here.
fn safes_then_a_series_a(safes: &[Round]) -> Results {
    let mut rounds = safes.to_vec();
    rounds.push(priced(
        "Series A",
        30e6,
        5e6,
        PoolTopUp::None,
        PriceBasis::FullyDiluted,
    ));
    let r = compute(
        &[holder("Founder", Class::Common, 10_000_000.0)],
        &rounds,
        "Founder",
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

#[test]
fn two_post_money_safes_own_their_amounts_over_their_caps() {
    // The post-money safe's promise, with the example of "Post-Money SAFE
    // Math Problems" (CYT Law, medium.com/@cytlaw): $1,000,000 at a
    // $10,000,000 post-money cap is 10 % of the company just before the
    // priced round, $600,000 at $15,000,000 is 4 %, the founder keeps 86 %.
    // Over 10,000,000 founder shares the capitalization is 10M / 0.86, so
    // the safe prices are exactly $0.86 and $1.29.
    let r = safes_then_a_series_a(&[
        safe_post("First safe", 1e6, Some(10e6), 0.0),
        safe_post("Second safe", 600_000.0, Some(15e6), 0.0),
    ]);
    assert_eq!(value(r.rounds[0].price), 0.86);
    assert_eq!(value(r.rounds[1].price), 1.29);
    assert_eq!(r.shares_of("First safe"), 1_162_790.0); // floor(1,000,000 / 0.86)
    assert_eq!(r.shares_of("Second safe"), 465_116.0); // floor(600,000 / 1.29)
    for (holder, pct) in [
        ("First safe", 10.0),
        ("Second safe", 4.0),
        ("Founder", 86.0),
    ] {
        let held = owned_before_new_money(&r, holder);
        assert!((held - pct).abs() < 0.0001, "{holder}: {held} %");
    }
    let before_new_money = 10_000_000.0 + 1_162_790.0 + 465_116.0;
    // The Series A price spreads $30M over that capitalization.
    assert_eq!(
        value(r.rounds[2].price),
        (30e6_f64 / before_new_money * 1e4).round() / 1e4
    );
}

// The Quick Start Guide that opens Y Combinator's Post-Money Safe User
// Guide (ycombinator.com/documents, "Post-Money Safe User Guide", Quick
// Start Guide sections 1-3). Its promise is that a post-money safe's
// ownership just before the priced round's new money is its purchase
// amount over its post-money valuation cap, however many safes there are.

#[test]
fn yc_quick_start_one_post_money_cap() {
    // Section 1: a $6.7 million post-money cap; raising $500k sells
    // 0.5/6.7 = ~7.5 %, $800k ~12 %, $1 million ~15 %.
    for (amount, shown) in [(500_000.0, 7.5), (800_000.0, 12.0), (1e6, 15.0)] {
        let r = safes_then_a_series_a(&[safe_post("Safe", amount, Some(6.7e6), 0.0)]);
        let owned = owned_before_new_money(&r, "Safe");
        // To the share: the price is rounded to 4 places, the shares down.
        assert!((owned - amount / 6.7e6 * 100.0).abs() < 0.001, "{owned} %");
        let places = if shown == 7.5 { 10.0 } else { 1.0 };
        assert_eq!((owned * places).round() / places, shown, "{amount}");
    }
}

#[test]
fn yc_quick_start_two_post_money_caps() {
    // Section 2: $500k on a $5.5 million cap is ~9 %, $500k on an
    // $8.3 million cap ~6 %; together the founder has sold ~15 %.
    let r = safes_then_a_series_a(&[
        safe_post("Cap 1", 500_000.0, Some(5.5e6), 0.0),
        safe_post("Cap 2", 500_000.0, Some(8.3e6), 0.0),
    ]);
    let first = owned_before_new_money(&r, "Cap 1");
    let second = owned_before_new_money(&r, "Cap 2");
    assert!((first - 0.5 / 5.5 * 100.0).abs() < 0.001, "{first} %");
    assert!((second - 0.5 / 8.3 * 100.0).abs() < 0.001, "{second} %");
    assert_eq!(first.round(), 9.0);
    assert_eq!(second.round(), 6.0);
    assert_eq!((first + second).round(), 15.0);
}

#[test]
fn yc_quick_start_pro_rata_side_letters() {
    // Section 3: safes sold 15 % of the company before the Series A on a
    // $5 million post-money cap, every safe holder has a pro rata side
    // letter, options are 8 % of the company before the Series A. The
    // Series A's new investors own 25 % after it (pro rata excluded) and the
    // pool is topped up to 10 % unissued after it. The guide back-solves the
    // safes' pro rata allocation as 25 % / (100 % - 15 %) - 25 % = 4.41 %.
    //
    // Here: founders 77 % and options 8 % of a 10,000,000-share
    // capitalization, so $750,000 of safes on the $5M cap own the other
    // 15 % at $0.50. New money of $10M on a $24M pre-money buys 10/34 =
    // 25/85 of the company: the new investors' 25 % plus the pro rata.
    let pro_rata_safe = |name: &str, amount: f64| Round {
        name: name.into(),
        kind: Kind::SafePost {
            amount,
            cap: Some(5e6),
            discount_pct: 0.0,
            pro_rata: true,
        },
    };
    let r = compute(
        &[
            holder("Founders", Class::Common, 7_700_000.0),
            holder("Employees", Class::Options, 800_000.0),
        ],
        &[
            pro_rata_safe("Safe A", 450_000.0),
            pro_rata_safe("Safe B", 300_000.0),
            priced(
                "Series A",
                24e6,
                10e6,
                PoolTopUp::TargetPct(10.0),
                PriceBasis::FullyDiluted,
            ),
        ],
        "Founders",
    );
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(value(r.rounds[0].price), 0.5);
    assert_eq!(value(r.rounds[0].new_shares), 900_000.0);
    assert_eq!(value(r.rounds[1].new_shares), 600_000.0);
    let total = r.total_shares();
    let pct = |shares: f64| shares / total * 100.0;
    let pro_rata = r.shares_of("Safe A") + r.shares_of("Safe B") - 1_500_000.0;
    assert!((pct(pro_rata) - 4.41).abs() < 0.005, "{} %", pct(pro_rata));
    let back_solved = 25.0 / (100.0 - 15.0) * 100.0 - 25.0;
    assert!((pct(pro_rata) - back_solved).abs() < 0.001);
    assert!((pct(r.shares_of("Series A")) - 25.0).abs() < 0.001);
    assert!((pct(r.shares_of("Option pool")) - 10.0).abs() < 0.001);
}

#[test]
fn promised_options_beyond_the_pool_count_part_of_its_increase() {
    // The post-money safe's "Company Capitalization" leaves out the
    // round's pool increase "except that any increase to the Unissued
    // Option Pool in connection with the Equity Financing will only be
    // included to the extent that the number of Promised Options exceeds
    // the Unissued Option Pool prior to such increase."
    //
    // 8,000,000 common, 1,000,000 options promised and 400,000 unissued:
    // 600,000 promised options the pool does not cover. A $1M safe on a
    // $10M post-money cap owns 10 % of a capitalization C of the 9,400,000
    // shares, the counted part of the increase and its own shares.
    let run = |pool: PoolTopUp| {
        compute(
            &[
                holder("Founders", Class::Common, 8_000_000.0),
                holder("Hires", Class::Promised, 1_000_000.0),
                holder("Option pool", Class::Pool, 400_000.0),
            ],
            &[
                safe_post("Safe", 1e6, Some(10e6), 0.0),
                priced("Series A", 30e6, 5e6, pool, PriceBasis::FullyDiluted),
            ],
            "Founders",
        )
    };
    // An increase of 1,000,000 counts for 600,000: C = 10,000,000 / 0.9 and
    // the safe price is exactly $0.90 (without the clause, $0.9574).
    let r = run(PoolTopUp::Increase(1_000_000.0));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(value(r.rounds[0].price), 0.9);
    assert_eq!(r.shares_of("Safe"), 1_111_111.0);
    // An increase of 300,000 counts whole: C = 9,700,000 / 0.9, price
    // 10M / C = 0.927835... → $0.9278.
    let r = run(PoolTopUp::Increase(300_000.0));
    assert_eq!(value(r.rounds[0].price), 0.9278);
    assert_eq!(r.shares_of("Safe"), 1_077_818.0); // floor(1,000,000 / 0.9278)
                                                  // A pool target solved with the conversion: a 10 % target needs more
                                                  // than the shortfall, so the price is $0.90 again; a 4 % target needs
                                                  // less, and all of its increase counts.
    let r = run(PoolTopUp::TargetPct(10.0));
    assert!(value(r.rounds[1].pool_increase) > 600_000.0);
    assert_eq!(value(r.rounds[0].price), 0.9);
    let r = run(PoolTopUp::TargetPct(4.0));
    let increase = value(r.rounds[1].pool_increase);
    assert!(increase > 0.0 && increase < 600_000.0, "{increase}");
    let c = 9_400_000.0 + increase + r.shares_of("Safe");
    assert!((value(r.rounds[0].price) - 10e6 / c).abs() < 0.0001);
}

#[test]
fn the_largest_cap_table_travels_as_a_plain_link() {
    // The most holders and rounds, every name at its longest in four-byte
    // characters: a shared scenario shows in the address in the plain form,
    // so a reload must open it.
    let d = Inputs::default();
    let name = |k: usize| format!("{k}{}", "𝔄".repeat(MAX_NAME - 3));
    let inputs = Inputs {
        holders: (0..MAX_HOLDERS)
            .map(|k| Holder {
                name: name(k),
                ..d.holders[k % d.holders.len()].clone()
            })
            .collect(),
        rounds: (0..MAX_ROUNDS)
            .map(|k| Round {
                name: name(k),
                ..d.rounds[k % d.rounds.len()].clone()
            })
            .collect(),
        follow: name(0),
        ..d.clone()
    };
    let link = tally::scenario::encode_link("equity", &inputs.to_json());
    assert!(link.len() > 40_000, "{}", link.len());
    let back = tally::scenario::decode_link(&link, "equity").unwrap();
    let (back, problems) = Inputs::from_json(&back);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, inputs);
}

#[test]
fn ownership_bars_give_the_largest_holders_a_band_each_and_group_the_rest() {
    // Ten founders of 1,000 to 10,000 shares, then a priced round.
    let holders: Vec<Holder> = (1..=10)
        .map(|k| holder(&format!("F{k}"), Class::Common, 1000.0 * k as f64))
        .collect();
    let rounds = [priced(
        "A",
        1e6,
        2e5,
        PoolTopUp::None,
        PriceBasis::FullyDiluted,
    )];
    let r = compute(&holders, &rounds, "F1");
    let b = bands(&r, 8);
    // Seven bands of their own: the largest, in the table's order. The
    // round's investor (11,000 shares at 18.18) is the largest of all.
    assert_eq!(b.names, ["F5", "F6", "F7", "F8", "F9", "F10", "A"]);
    assert_eq!(b.others, 4);
    for (round, bars) in r.rounds.iter().zip(&b.rounds) {
        assert_eq!(bars.len(), 8);
        let total: f64 = round.holdings.iter().map(|(_, s)| s).sum();
        assert!((bars.iter().sum::<f64>() - total).abs() < 1e-6);
        // The group holds F1 to F4.
        let grouped: f64 = round
            .holdings
            .iter()
            .filter(|(n, _)| !b.names.contains(n))
            .map(|(_, s)| s)
            .sum();
        assert_eq!(bars[7], grouped);
    }
    // Eight holders or fewer: a band each, no group.
    let b = bands(&compute(&holders[..7], &rounds, "F1"), 8);
    assert_eq!((b.names.len(), b.others), (8, 0));
}

#[test]
fn the_followed_name_is_known_to_name_a_holder_or_nobody() {
    let mut inputs = Inputs::default();
    assert!(
        inputs.follows_a_holder(),
        "the default follows {}",
        inputs.follow
    );
    let followed = inputs
        .holders
        .iter()
        .position(|h| h.name == inputs.follow)
        .unwrap();
    inputs.holders[followed].name = "Ana, engineer".into();
    assert!(!inputs.follows_a_holder());
    // Its stake is then undefined in every round, not zero.
    let r = compute(&inputs.holders, &inputs.rounds, &inputs.follow);
    assert!(r.follow_start.value().is_none());
    assert!(r
        .rounds
        .iter()
        .all(|round| round.follow_pct.value().is_none()));
    inputs.follow = "Ana, engineer".into();
    assert!(inputs.follows_a_holder());
}

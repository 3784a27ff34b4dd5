//! The compensation calculator against the issue's worked checks, a public
//! tiered-commission example, and invariants.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::close;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::json;
use tally::calc::compensation::*;
use tally::calc::Outcome;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// OTE 200,000 at 60/40, quota 800,000 a year, uncapped, 1.5× above quota.
fn worked_plan() -> Plan {
    Plan {
        ote: 200_000.0,
        quota: 800_000.0,
        achieved: 1_200_000.0,
        ..Plan::preset(Role::Custom)
    }
}

#[test]
fn worked_check_plan_from_the_issue() {
    // Rate 80,000 / 800,000 = 10 %: 800,000 × 10 % + 400,000 × 15 %.
    let r = plan_results(&worked_plan());
    close(r.base, 120_000.0, 1e-9);
    close(r.variable, 80_000.0, 1e-9);
    close(r.rate, 10.0, 1e-12);
    close(r.attainment_pct, 150.0, 1e-12);
    close(r.commission, 140_000.0, 1e-6);
    close(r.total, 260_000.0, 1e-6);
    close(r.effective_rate_pct, 140_000.0 / 1_200_000.0 * 100.0, 1e-9);
    close(r.vs_ote_pct, 130.0, 1e-9);
}

#[test]
fn public_tiered_example() {
    // excelforum.com thread 861932, "VLOOKUP for multiple results": 5 % on
    // 0–100,000 of a quarter's 100,000 quota, 6 % from 100,000 to 125,000,
    // 7 % above; 150,000 sold pays 5,000 + 1,500 + 1,750 = 8,250.
    let plan = Plan {
        ote: 5_000.0 * 4.0,
        base_pct: 0.0,
        quota: 100_000.0,
        period: Period::Quarterly,
        achieved: 150_000.0,
        tiers: vec![
            Tier {
                from_pct: 0.0,
                multiplier: 1.0,
            },
            Tier {
                from_pct: 100.0,
                multiplier: 1.2,
            },
            Tier {
                from_pct: 125.0,
                multiplier: 1.4,
            },
        ],
        ..Plan::preset(Role::Custom)
    };
    close(plan_results(&plan).commission, 8_250.0, 1e-6);
}

#[test]
fn threshold_cap_team_bonus_and_meetings() {
    let mut p = worked_plan();
    p.threshold_pct = 50.0;
    p.achieved = 399_999.0;
    close(plan_results(&p).commission, 0.0, 0.0);
    p.achieved = 400_000.0;
    close(plan_results(&p).commission, 40_000.0, 1e-6);
    // Capped at 125 %: nothing more is earned beyond 1,000,000.
    p.cap_pct = Some(125.0);
    p.achieved = 1_600_000.0;
    close(
        plan_results(&p).commission,
        80_000.0 + 200_000.0 * 0.15,
        1e-6,
    );
    // 2,500 a quarter, hit in 3: 7,500 a year; a quarterly period shows a
    // quarter's share.
    p.team_bonus = 2_500.0;
    p.team_quarters_hit = 3.0;
    close(plan_results(&p).team_bonus, 7_500.0, 1e-9);
    p.period = Period::Quarterly;
    close(plan_results(&p).team_bonus, 1_875.0, 1e-9);
    close(plan_results(&p).base, 30_000.0, 1e-9);
    // An SDR: 80,000 OTE at 60/40 is 32,000 variable, 2,666.67 a month,
    // over 50 meetings: 53.33 a meeting; 60 meetings pay 50 + 10 × 1.5.
    let sdr = Plan {
        achieved: 60.0,
        ..Plan::preset(Role::Sdr)
    };
    let r = plan_results(&sdr);
    close(r.rate, 32_000.0 / 12.0 / 50.0, 1e-9);
    close(r.commission, 32_000.0 / 12.0 / 50.0 * 65.0, 1e-9);
    close(
        r.effective_rate_pct,
        32_000.0 / 12.0 / 50.0 * 65.0 / 60.0,
        1e-9,
    );
}

/// A cap below the threshold is allowed, computes as written (nothing,
/// then at once the commission up to the cap) and is flagged so the page
/// can say so.
#[test]
fn a_cap_below_the_threshold_is_flagged() {
    let mut p = worked_plan();
    assert!(!p.cap_below_threshold());
    p.threshold_pct = 150.0;
    p.cap_pct = Some(100.0);
    assert!(p.cap_below_threshold());
    p.achieved = 1_199_999.0;
    close(plan_results(&p).commission, 0.0, 0.0);
    // At 150 % of 800,000: the commission on the first 800,000, at 10 %.
    p.achieved = 1_200_000.0;
    close(plan_results(&p).commission, 80_000.0, 1e-6);
    p.cap_pct = Some(150.0);
    assert!(!p.cap_below_threshold());
    p.cap_pct = None;
    assert!(!p.cap_below_threshold());
}

#[test]
fn earnings_table_and_the_reverse_question() {
    let p = worked_plan();
    let at = |pct| total_at_pct(&p, pct).value().unwrap();
    assert_eq!(TABLE_PCTS, [50.0, 75.0, 100.0, 125.0, 150.0, 200.0]);
    assert!((at(100.0) - 200_000.0).abs() < 1e-6);
    assert!((at(150.0) - 260_000.0).abs() < 1e-6);
    assert_eq!(commission_at_pct(&p, 150.0).value(), Some(140_000.0));
    assert!((at(50.0) - 160_000.0).abs() < 1e-6);
    // What earns 260,000? 150 % of quota.
    close(attainment_for(&p, 260_000.0), 150.0, 1e-6);
    close(attainment_for(&p, 100_000.0), 0.0, 0.0);
    // A cap makes some totals unreachable.
    let capped = Plan {
        cap_pct: Some(100.0),
        ..p.clone()
    };
    assert!(matches!(
        attainment_for(&capped, 250_000.0),
        Outcome::Undefined(_)
    ));
    let curve = payout_curve(&p);
    assert_eq!(curve.len(), 201);
    assert!((curve[150].1 - 260_000.0).abs() < 1e-6);
}

#[test]
fn the_payout_curve_reaches_the_attainment_and_the_plan_s_changes() {
    let p = Plan::preset(Role::EnterpriseAe);
    // At quota, and with the plan's 1.5× from 100 %: 0 to 200 %.
    assert_eq!(curve_top_pct(&p), 200.0);
    assert_eq!(payout_curve(&p).last().map(|x| x.0), Some(200.0));
    // A rep at 300 % of quota, capped at 200 %: to 350 % (300 and a tenth,
    // in steps of 50), where the pay has been flat since 200 %.
    let top_rep = Plan {
        achieved: 3_000_000.0,
        cap_pct: Some(200.0),
        ..p.clone()
    };
    assert_eq!(curve_top_pct(&top_rep), 350.0);
    let curve = payout_curve(&top_rep);
    assert_eq!(curve.len(), 201);
    assert_eq!(curve[200], (350.0, 400_000.0));
    assert!(curve
        .iter()
        .filter(|(x, _)| *x >= 200.0)
        .all(|&(_, y)| y == 400_000.0));
    // A cap or a tier at 200 % shows what happens past it.
    assert_eq!(
        curve_top_pct(&Plan {
            cap_pct: Some(200.0),
            ..p.clone()
        }),
        250.0
    );
    let mut tiers = default_tiers();
    tiers.push(Tier {
        from_pct: 400.0,
        multiplier: 2.0,
    });
    assert_eq!(curve_top_pct(&Plan { tiers, ..p.clone() }), 450.0);
    // Far beyond: at most 1,000 %. No quota: the attainment does not count.
    assert_eq!(
        curve_top_pct(&Plan {
            achieved: 1e9,
            ..p.clone()
        }),
        1000.0
    );
    assert_eq!(
        curve_top_pct(&Plan {
            quota: 0.0,
            ..p.clone()
        }),
        200.0
    );
    assert_eq!(
        curve_top_pct(&Plan {
            quota: 0.0,
            achieved: 0.0,
            ..p
        }),
        200.0
    );
}

#[test]
fn worked_check_vesting_from_the_issue() {
    // 48,000 options from 2026-01-15, 12-month cliff, monthly.
    let o = Offer {
        shares: 48_000.0,
        start_date: date(2026, 1, 15),
        ..Offer::example("A")
    };
    assert_eq!(vested_shares(&o, date(2027, 1, 14)), 0.0);
    assert_eq!(vested_shares(&o, date(2027, 1, 15)), 12_000.0);
    assert_eq!(vested_shares(&o, date(2027, 2, 15)), 13_000.0);
    assert_eq!(vested_shares(&o, date(2030, 1, 15)), 48_000.0);
    assert_eq!(vested_shares(&o, date(2035, 1, 1)), 48_000.0);
    let s = schedule(&o);
    assert_eq!(s.len(), 37); // the cliff, then 36 months
                             // Valued today at the $3 share less the $1 strike.
    let row = |v: &Vesting| (v.date, v.shares, v.value);
    assert_eq!(row(&s[0]), (date(2027, 1, 15), 12_000.0, 24_000.0));
    assert_eq!(row(&s[36]), (date(2030, 1, 15), 48_000.0, 96_000.0));
}

#[test]
fn vesting_on_month_ends_quarterly_and_rounding() {
    // A start on the 31st vests on the last day of shorter months.
    let o = Offer {
        shares: 1_000.0,
        start_date: date(2026, 1, 31),
        cliff_months: 1.0,
        vest_months: 12.0,
        ..Offer::example("A")
    };
    assert_eq!(vested_shares(&o, date(2026, 2, 27)), 0.0);
    assert_eq!(vested_shares(&o, date(2026, 2, 28)), 83.0); // floor(1000 / 12)
    assert_eq!(vested_shares(&o, date(2026, 4, 30)), 250.0);
    // Quarterly after a 12-month cliff: 13 and 14 months still count 12.
    let q = Offer {
        vest_every_months: 3.0,
        start_date: date(2026, 1, 15),
        ..Offer::example("A")
    };
    assert_eq!(vested_shares(&q, date(2027, 3, 15)), 12_000.0);
    assert_eq!(vested_shares(&q, date(2027, 4, 15)), 15_000.0);
    assert_eq!(months_elapsed(date(2026, 1, 31), date(2026, 3, 30)), 1);
    assert_eq!(months_elapsed(date(2026, 1, 31), date(2026, 3, 31)), 2);
    assert_eq!(months_elapsed(date(2026, 5, 1), date(2026, 4, 1)), 0);
}

#[test]
fn offer_totals() {
    // 150,000 base, 10 % bonus, 15,000 benefits, 3 % raises; 48,000 options
    // at a 1.00 strike worth 3.00: 2.00 a share, 96,000 over 4 years.
    let o = Offer {
        sign_on: 20_000.0,
        ..Offer::example("A")
    };
    let r = offer_results(&o, date(2027, 7, 15));
    // Year 1: 165,000 + 15,000 + 20,000 + 12,000 options × 2.00.
    close(
        r.year1_total,
        165_000.0 + 15_000.0 + 20_000.0 + 24_000.0,
        1e-6,
    );
    // Base + 96,000 / 4 + 15,000 bonus + 20,000 / 4.
    close(
        r.annualized_total,
        150_000.0 + 24_000.0 + 15_000.0 + 5_000.0,
        1e-9,
    );
    let cash4: f64 = (0..4).map(|y| 165_000.0 * 1.03f64.powi(y) + 15_000.0).sum();
    close(r.four_year_total, cash4 + 20_000.0 + 96_000.0, 1e-6);
    close(r.grant_pct, 0.48, 1e-12);
    close(r.exercise_cost, 48_000.0, 1e-9);
    // Exit 500M, 30 % dilution, 10M shares: 35.00 a share, 34.00 over strike.
    close(r.exit_value_of_grant, 48_000.0 * 34.0, 1e-6);
    close(r.vested_shares, 18_000.0, 0.0);
    close(r.vested_value, 36_000.0, 1e-9);
    let rsu = Offer {
        equity_type: EquityType::Rsu,
        ..o
    };
    let r = offer_results(&rsu, date(2027, 7, 15));
    assert!(matches!(r.exercise_cost, Outcome::Undefined(_)));
    close(r.vested_value, 18_000.0 * 3.0, 1e-9);
    close(r.exit_value_of_grant, 48_000.0 * 35.0, 1e-6);
}

#[test]
fn the_pay_curve_jumps_where_pay_comes_at_once() {
    // The example offer with a 20,000 sign-on: 48,000 options at 2.00 of
    // value, a one-year cliff, then 1,000 a month.
    let o = Offer {
        sign_on: 20_000.0,
        ..Offer::example("A")
    };
    let curve = pay_curve(&o, 48);
    let totals = cumulative(&o, 48);
    let at = |m: f64| -> Vec<f64> {
        curve
            .iter()
            .filter(|(x, _)| *x == m)
            .map(|&(_, y)| y)
            .collect()
    };
    let near = |got: f64, want: f64| assert!((got - want).abs() < 1e-6, "got {got}, want {want}");
    // Each whole month ends on the cumulative total.
    for (m, total) in totals.iter().enumerate() {
        assert_eq!(at(m as f64).last(), Some(total), "month {m}");
    }
    // Salary, bonus and benefits accrue: 180,000 a year in the first year.
    let month = 180_000.0 / 12.0;
    // The sign-on comes at once in month 1.
    let one = at(1.0);
    assert_eq!(one.len(), 2);
    near(one[1] - one[0], 20_000.0);
    // Nothing comes at once in months 2 to 11: one point each.
    for m in 2..=11 {
        assert_eq!(at(f64::from(m)).len(), 1, "month {m}");
    }
    // The cliff is a jump of 12,000 options × 2.00 at month 12, after a
    // month's accrual, not a ramp from month 11.
    let twelve = at(12.0);
    assert_eq!(twelve.len(), 2);
    near(twelve[0] - totals[11], month);
    near(twelve[1] - twelve[0], 24_000.0);
    // Then 1,000 options (2,000) at the end of every month.
    let thirteen = at(13.0);
    near(thirteen[1] - thirteen[0], 2_000.0);
}

#[test]
fn comparison_helpers() {
    let a = [0.0, 10.0, 20.0, 30.0, 40.0];
    let b = [0.0, 15.0, 22.0, 29.0, 35.0];
    assert_eq!(crossings(&a, &b), vec![3]);
    let v = [
        Outcome::Value(1.0),
        Outcome::Value(3.0),
        Outcome::Undefined("x"),
    ];
    assert_eq!(best(&v, false), Some(1));
    assert_eq!(best(&v, true), Some(0));
    assert_eq!(
        best(&[Outcome::Value(2.0), Outcome::Value(2.0)], false),
        None
    );
    // Alone, or alone with a value, nothing is the best.
    assert_eq!(best(&[Outcome::Value(2.0)], false), None);
    assert_eq!(
        best(&[Outcome::Value(2.0), Outcome::Undefined("x")], true),
        None
    );
}

#[test]
fn json_reads_like_typed_input() {
    let (i, problems) = Inputs::from_json(&json!({
        "currency": "EUR",
        "as_of": "2027-06-30",
        "plan": {"role": "smb_ae", "achieved": "600k", "cap_pct": "200%", "quota": -5,
                 "tiers": [{"from_pct": 0, "multiplier": 1}, {"from_pct": 100, "multiplier": 2}]},
        "offers": [{"name": "Acme", "shares": "10,000", "equity_type": "rsu", "strike": "x"},
                   {"start_date": "2026-02-30"}]
    }));
    assert_eq!(i.currency, tally::calc::Currency::EUR);
    assert_eq!(i.as_of(date(2026, 11, 27)), date(2027, 6, 30));
    assert_eq!(i.plan.role, Role::SmbAe);
    assert_eq!(i.plan.quota, 500_000.0); // the preset, since -5 is refused
    assert_eq!(i.plan.achieved, 600_000.0);
    assert_eq!(i.plan.cap_pct, Some(200.0));
    assert_eq!(i.plan.tiers[1].multiplier, 2.0);
    assert_eq!(i.offers.len(), 2);
    assert_eq!(
        (i.offers[0].name.as_str(), i.offers[0].shares),
        ("Acme", 10_000.0)
    );
    assert_eq!(i.offers[0].equity_type, EquityType::Rsu);
    assert_eq!(i.offers[1].name, "Offer B");
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        ["plan.quota", "offers.0.strike", "offers.1.start_date"]
    );
    // Round trip.
    let (again, none) = Inputs::from_json(&i.to_json());
    assert!(none.is_empty(), "{none:?}");
    assert_eq!(again, i);
    // Defaults: today is the vesting date looked at, whenever that is.
    let defaults = Inputs::from_json(&json!({})).0;
    assert_eq!(defaults, Inputs::new());
    assert_eq!(defaults.as_of(date(2031, 5, 6)), date(2031, 5, 6));
    assert_eq!(Inputs::from_json(&defaults.to_json()).0.as_of, None);
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(0.0),
        -1e6..1e7f64,
        0.0..300.0f64,
    ]
}

proptest! {
    /// Commission never falls as more is achieved.
    #[test]
    fn commission_never_decreases(
        ote in 0.0..1e6f64, base_pct in 0.0..100.0f64, quota in 1.0..1e7f64,
        a in 0.0..3e7f64, more in 0.0..1e7f64, threshold in 0.0..150.0f64,
        cap in proptest::option::of(50.0..400.0f64),
        m1 in 0.0..3.0f64, from2 in 0.0..300.0f64, m2 in 0.0..5.0f64,
    ) {
        let p = Plan {
            ote, base_pct, quota, threshold_pct: threshold, cap_pct: cap,
            tiers: vec![Tier { from_pct: 0.0, multiplier: m1 }, Tier { from_pct: from2, multiplier: m2 }],
            ..Plan::preset(Role::Custom)
        };
        prop_assert!(p.commission(a + more) >= p.commission(a) - 1e-6);
    }

    /// Vested shares never fall with time and never exceed the grant.
    #[test]
    fn vesting_is_monotone_and_bounded(
        shares in 0.0..1e7f64, vest in 1u32..120, cliff in 0u32..60, every in 1u32..12,
        start_day in 0i64..3000, a in 0i64..6000, b in 0i64..2000,
    ) {
        let start = date(2024, 1, 1) + chrono::Days::new(start_day as u64);
        let o = Offer {
            shares, start_date: start, vest_months: f64::from(vest),
            cliff_months: f64::from(cliff.min(vest)), vest_every_months: f64::from(every),
            ..Offer::example("A")
        };
        let d1 = date(2024, 1, 1) + chrono::Days::new(a as u64);
        let d2 = d1 + chrono::Days::new(b as u64);
        let (v1, v2) = (vested_shares(&o, d1), vested_shares(&o, d2));
        prop_assert!(v1 <= v2);
        prop_assert!(v2 <= shares);
    }

    /// No panic and no NaN or infinity in any plan result, whatever the numbers.
    #[test]
    fn no_panic_no_nan_in_plans(
        ote in any_f64(), base_pct in any_f64(), quota in any_f64(), achieved in any_f64(),
        threshold in any_f64(), cap in any_f64(), mult in any_f64(), target in any_f64(),
    ) {
        let p = Plan {
            ote, base_pct, quota, achieved, threshold_pct: threshold, cap_pct: Some(cap),
            tiers: vec![Tier { from_pct: 0.0, multiplier: mult }],
            ..Plan::preset(Role::Custom)
        };
        let r = plan_results(&p);
        for o in [r.base, r.variable, r.rate, r.attainment_pct, r.commission, r.team_bonus,
                  r.total, r.effective_rate_pct, r.vs_ote_pct, attainment_for(&p, target)] {
            if let Outcome::Value(x) = o { prop_assert!(x.is_finite(), "{o:?}"); }
        }
    }

    /// No panic and no NaN or infinity in any offer result, whatever the numbers.
    #[test]
    fn no_panic_no_nan_in_offers(
        money in proptest::collection::vec(any_f64(), 5),
        shares in any_f64(), company in any_f64(), vest in any_f64(), cliff in any_f64(),
        every in any_f64(), dilution in any_f64(), raise in any_f64(),
    ) {
        let o = Offer {
            base: money[0], strike: money[1], share_price: money[2], exit_value: money[3],
            sign_on: money[4], shares, company_shares: company,
            vest_months: vest, cliff_months: cliff, vest_every_months: every,
            dilution_pct: dilution, raise_pct: raise,
            ..Offer::example("A")
        };
        let r = offer_results(&o, date(2028, 6, 1));
        for x in [r.year1_total, r.annualized_total, r.four_year_total, r.grant_pct,
                  r.exercise_cost, r.exit_value_of_grant, r.vested_shares, r.vested_value] {
            if let Outcome::Value(v) = x { prop_assert!(v.is_finite(), "{x:?}"); }
        }
    }
}

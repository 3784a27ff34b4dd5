//! The ROI calculator against its worked check, a published study's table,
//! and invariants.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::close;

use chrono::NaiveDate;
use proptest::prelude::*;
use tally::calc::roi::*;
use tally::calc::Outcome;
use tally::input::parse_iso_date;

/// The worked check of issue 3: 50,000 a month, 60 % less, a 5,000 monthly
/// licence and 40,000 of implementation over 36 months, undiscounted.
fn worked() -> Inputs {
    Inputs {
        current_monthly_cost: 50_000.0,
        change_basis: ChangeBasis::Reduction,
        cost_reduction_pct: 60.0,
        license_monthly: 5_000.0,
        implementation_cost: 40_000.0,
        horizon_months: 36.0,
        discount_rate_pct: 0.0,
        ..Inputs::default()
    }
}

#[test]
fn worked_check_from_the_issue() {
    let r = compute(&worked());
    close(r.monthly_savings, 30_000.0, 1e-9);
    close(r.total_benefits, 1_080_000.0, 1e-6);
    close(r.total_costs, 220_000.0, 1e-6);
    close(r.net_benefit, 860_000.0, 1e-6);
    close(r.roi_pct, 860_000.0 / 220_000.0 * 100.0, 1e-9);
    assert_eq!(format!("{:.1}", r.roi_pct.value().unwrap()), "390.9");
    // −40,000, then +25,000 a month: −15,000 after month 1, +10,000 after 2.
    close(r.payback_months, 1.6, 1e-12);
    // 2026-01-01 + 1 month = 2026-02-01, + 0.6 × 28 days ≈ 17 days.
    assert_eq!(r.payback_date, NaiveDate::from_ymd_opt(2026, 2, 18));
}

#[test]
fn reproduces_the_salesloft_tei_cash_flow_table() {
    // Forrester, "The Total Economic Impact™ Of SalesLoft", Financial Summary,
    // cash flow table (risk-adjusted), 10 % yearly discount rate:
    //   total costs   ($53,150) ($666,715) ($636,772) ($647,783) total ($2,004,420) PV ($1,672,201)
    //   total benefits $0 $1,606,511 $3,061,331 $4,229,760 total $8,897,602 PV $7,168,371
    //   net benefits  ($53,150) $939,796 $2,424,560 $3,581,976 total $6,893,182 PV $5,496,170
    //   ROI 329 %
    let inputs = Inputs {
        current_monthly_cost: 0.0,
        license_monthly: 0.0,
        implementation_cost: 0.0,
        items: vec![
            Item {
                name: "Total costs".into(),
                kind: ItemKind::Cost,
                amounts: Amounts::Yearly {
                    initial: 53_150.0,
                    yearly: vec![666_715.0, 636_772.0, 647_783.0],
                },
            },
            Item {
                name: "Total benefits".into(),
                kind: ItemKind::Benefit,
                amounts: Amounts::Yearly {
                    initial: 0.0,
                    yearly: vec![1_606_511.0, 3_061_331.0, 4_229_760.0],
                },
            },
        ],
        ..Inputs::default()
    };
    let s = summary(&inputs);
    // The study prints whole dollars computed from unrounded figures, so its
    // own sums are off by up to a dollar (3,061,331 − 636,772 = 2,424,559,
    // printed 2,424,560).
    let near = |got: f64, want: f64| assert!((got - want).abs() <= 1.5, "got {got}, want {want}");
    near(s.costs.initial, 53_150.0);
    for (got, want) in s.costs.years.iter().zip([666_715.0, 636_772.0, 647_783.0]) {
        near(*got, want);
    }
    near(s.costs.total, 2_004_420.0);
    near(s.costs.present_value, 1_672_201.0);
    near(s.benefits.total, 8_897_602.0);
    near(s.benefits.present_value, 7_168_371.0);
    for (got, want) in s
        .net
        .years
        .iter()
        .zip([939_796.0, 2_424_560.0, 3_581_976.0])
    {
        near(*got, want);
    }
    near(s.net.present_value, 5_496_170.0);
    // The table's order, on screen and on paper: Initial, the years, Total,
    // Present value.
    let cells: Vec<f64> = s.costs.cells().collect();
    assert_eq!(cells.len(), 6);
    assert_eq!(cells[0], s.costs.initial);
    assert_eq!(&cells[1..4], s.costs.years.as_slice());
    assert_eq!(cells[4..], [s.costs.total, s.costs.present_value]);
    let r = compute(&inputs);
    assert_eq!(r.roi_pct.value().map(f64::round), Some(329.0));
}

#[test]
fn cost_bases_and_speedup() {
    let tokens = Inputs {
        cost_basis: CostBasis::Tokens,
        tokens_per_month: 2_000.0,
        cost_per_million_tokens: 15.0,
        ..Inputs::default()
    };
    assert_eq!(current_monthly_cost(&tokens), 30_000.0);
    let gpu = Inputs {
        cost_basis: CostBasis::Gpu,
        gpu_count: 8.0,
        gpu_hourly_cost: 2.5,
        ..Inputs::default()
    };
    assert_eq!(current_monthly_cost(&gpu), 8.0 * 2.5 * 730.0);
    let faster = Inputs {
        speedup: 4.0,
        ..Inputs::default()
    };
    assert_eq!(new_monthly_cost(&faster), Outcome::Value(12_500.0));
    let stalled = Inputs {
        speedup: 0.0,
        ..Inputs::default()
    };
    assert!(matches!(new_monthly_cost(&stalled), Outcome::Undefined(_)));
}

#[test]
fn ramp_growth_confidence_and_monthly_discounting() {
    let inputs = Inputs {
        ramp_months: 4.0,
        workload_growth_pct: 10.0,
        confidence_pct: 50.0,
        ..worked()
    };
    let f = flows(&inputs);
    // Month 3: 30,000 × 1.1² × 3/4 × 50 %.
    assert!((f.benefits[3] - 30_000.0 * 1.21 * 0.75 * 0.5).abs() < 1e-6);
    // Month 5: full ramp.
    assert!((f.benefits[5] - 30_000.0 * 1.1f64.powi(4) * 0.5).abs() < 1e-6);
    // Costs are not risk-adjusted.
    assert_eq!(f.costs[5], 5_000.0);

    let monthly = Inputs {
        discount_rate_pct: 12.0,
        discounting: Discounting::Monthly,
        ..worked()
    };
    let m = 1.12f64.powf(1.0 / 12.0) - 1.0;
    let pv: f64 = (1..=36).map(|t| 25_000.0 / (1.0 + m).powi(t)).sum::<f64>() - 40_000.0;
    close(compute(&monthly).npv, pv, 1e-6);
    // Annual discounting: year 1's months at 1.12, year 2's at 1.12², …
    let annual = Inputs {
        discount_rate_pct: 12.0,
        ..worked()
    };
    let pv =
        300_000.0 / 1.12 + 300_000.0 / 1.12f64.powi(2) + 300_000.0 / 1.12f64.powi(3) - 40_000.0;
    close(compute(&annual).npv, pv, 1e-6);
}

#[test]
fn payback_that_never_comes_is_undefined() {
    let inputs = Inputs {
        license_monthly: 40_000.0,
        ..worked()
    };
    let r = compute(&inputs);
    assert!(matches!(r.payback_months, Outcome::Undefined(_)));
    assert_eq!(r.payback_date, None);
}

#[test]
fn payback_waits_for_a_ramp_with_no_fee_up_front() {
    // No implementation fee, a 20,000 licence from month 1 and savings of
    // 30,000 ramping up over 4 months: the cumulative net is 0 at the
    // start, then −12,500, −17,500, −15,000, −5,000 and +5,000 after
    // month 5. Paid back half-way through month 5, not at once.
    let inputs = Inputs {
        implementation_cost: 0.0,
        license_monthly: 20_000.0,
        ramp_months: 4.0,
        ..worked()
    };
    let r = compute(&inputs);
    close(r.payback_months, 4.5, 1e-12);
    // What the formula shows: 4 + 5,000 ÷ 10,000.
    assert_eq!(
        r.payback,
        Payback::In {
            month: 5,
            short: 5_000.0,
            net: 10_000.0
        }
    );
    // 2026-05-01 + 0.5 × 31 days, rounded.
    assert_eq!(r.payback_date, NaiveDate::from_ymd_opt(2026, 5, 17));
}

#[test]
fn payback_is_when_the_cumulative_net_stays_non_negative() {
    // The worked check, paid back after 1.6 months, then a 600,000 cost
    // spread over year 2 (50,000 a month) that takes the cumulative net
    // below zero again.
    let inputs = Inputs {
        items: vec![Item {
            name: "Renewal".into(),
            kind: ItemKind::Cost,
            amounts: Amounts::Yearly {
                initial: 0.0,
                yearly: vec![0.0, 600_000.0],
            },
        }],
        ..worked()
    };
    // −40,000 + 12 × 25,000 = 260,000 after month 12; then −25,000 a month
    // to −40,000 after month 24; then +25,000 a month: 0 at 24 + 1.6.
    let r = compute(&inputs);
    close(r.payback_months, 25.6, 1e-9);
    let curve = cumulative_net(&inputs, 1.0);
    assert!(curve[2] >= 0.0 && curve[24] < 0.0);
}

#[test]
fn no_costs_nothing_to_pay_back() {
    let inputs = Inputs {
        implementation_cost: 0.0,
        license_monthly: 0.0,
        ..worked()
    };
    let r = compute(&inputs);
    assert_eq!(
        r.payback_months,
        Outcome::Undefined("there are no costs to pay back")
    );
    assert_eq!(r.payback_date, None);
    assert!(matches!(r.roi_pct, Outcome::Undefined(_)));
    // Costs that the benefits cover from the first month: paid back at once.
    let covered = Inputs {
        implementation_cost: 0.0,
        ..worked()
    };
    close(compute(&covered).payback_months, 0.0, 0.0);
    assert_eq!(compute(&covered).payback, Payback::AtOnce);
}

/// The cash flows CSV read back: its header and rows of numbers by column.
fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text.split_terminator("\r\n").map(|l| {
        assert!(
            !l.contains('"') && !l.contains('\''),
            "plain fields only: {l}"
        );
        l.split(',').map(String::from).collect::<Vec<_>>()
    });
    (lines.next().unwrap(), lines.collect())
}

fn column(rows: &[Vec<String>], c: usize) -> Vec<f64> {
    rows.iter().map(|r| r[c].parse().unwrap()).collect()
}

#[test]
fn the_cash_flows_csv_adds_up_to_the_results() {
    // The worked check, then discounted yearly and monthly at 12 %, with a
    // ramp and growth so that no two months are alike.
    let discounted = |discounting| Inputs {
        discount_rate_pct: 12.0,
        discounting,
        ramp_months: 3.0,
        workload_growth_pct: 2.0,
        ..worked()
    };
    for inputs in [
        worked(),
        discounted(Discounting::Annual),
        discounted(Discounting::Monthly),
    ] {
        let (header, rows) = read_csv(&cash_flows_csv(&inputs));
        assert_eq!(
            header.join(","),
            "month,date,benefits,costs,net,discount_factor,present_value,cumulative_net"
        );
        assert_eq!(rows.len(), 37);
        let r = compute(&inputs);
        let sum = |c| column(&rows, c).iter().sum::<f64>();
        close(r.total_benefits, sum(2), 1e-6);
        close(r.total_costs, sum(3), 1e-6);
        close(r.net_benefit, sum(4), 1e-6);
        close(r.npv, sum(6), 1e-6);
        close(r.net_benefit, *column(&rows, 7).last().unwrap(), 1e-6);
        // The month the cumulative net turns non-negative holds the payback.
        let paid = column(&rows, 7).iter().position(|&c| c >= 0.0).unwrap() as f64;
        let payback = r.payback_months.value().unwrap();
        assert!(paid - 1.0 < payback && payback <= paid, "{paid} {payback}");
        for (row, factor) in rows.iter().zip(column(&rows, 5)) {
            let net: f64 = row[4].parse().unwrap();
            let pv: f64 = row[6].parse().unwrap();
            assert!((net * factor - pv).abs() < 1e-9, "{row:?}");
        }
    }
    let (_, rows) = read_csv(&cash_flows_csv(&worked()));
    // Month 0 is the start, with the implementation; month m is dated at
    // its end.
    assert_eq!(rows[0][..5].join(","), "0,2026-01-01,0,40000,-40000");
    assert_eq!(rows[1][..5].join(","), "1,2026-02-01,30000,5000,25000");
    assert_eq!(rows[12][1], "2027-01-01");
    assert_eq!(rows[36][1], "2029-01-01");
    // Yearly at 12 %: months 1 to 12 share year 1's factor, month 13 is in
    // year 2.
    let (_, rows) = read_csv(&cash_flows_csv(&discounted(Discounting::Annual)));
    let factors = column(&rows, 5);
    assert_eq!((factors[0], factors[1]), (1.0, factors[12]));
    assert!((factors[12] - 1.0 / 1.12).abs() < 1e-15);
    assert!((factors[13] - 1.0 / 1.12f64.powi(2)).abs() < 1e-15);
}

#[test]
fn dates_follow_the_calendar() {
    let jan31 = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
    assert_eq!(date_after(jan31, 1.0), NaiveDate::from_ymd_opt(2026, 2, 28));
    assert_eq!(date_after(jan31, 0.0), Some(jan31));
    assert_eq!(date_after(jan31, f64::NAN), None);
}

#[test]
fn half_the_claimed_savings() {
    // The worked check with the inference savings halved: 15,000 a month,
    // 540,000 over 36 months against the same 220,000 of costs.
    let r = compute_scaled(&worked(), HALF);
    close(r.monthly_savings, 15_000.0, 1e-9);
    close(r.total_benefits, 540_000.0, 1e-6);
    close(r.total_costs, 220_000.0, 1e-6);
    close(r.npv, 320_000.0, 1e-6);
    close(r.roi_pct, 320_000.0 / 220_000.0 * 100.0, 1e-9);
    // −40,000, then +10,000 a month: paid back after exactly 4 months.
    close(r.payback_months, 4.0, 1e-12);
    let curve = cumulative_net(&worked(), HALF);
    assert_eq!(curve.len(), 37);
    assert_eq!((curve[0], curve[4], curve[36]), (-40_000.0, 0.0, 320_000.0));
    assert_eq!(cumulative_net(&worked(), 1.0)[36], 860_000.0);
}

#[test]
fn tornado_moves_each_assumption_by_a_fifth_widest_first() {
    let bars = tornado(&worked());
    let find = |key: &str| bars.iter().find(|b| b.key == key).unwrap().clone();
    // Today's cost ±20 %: savings 24,000 or 36,000 a month, ±216,000 over 36.
    let cost = find("current_monthly_cost");
    assert_eq!((cost.low, cost.high), (40_000.0, 60_000.0));
    close(cost.npv_low, 860_000.0 - 216_000.0, 1e-6);
    close(cost.npv_high, 860_000.0 + 216_000.0, 1e-6);
    // A 48 % or 72 % reduction moves the savings by the same amount.
    let change = find("cost_reduction_pct");
    close(change.npv_low, 644_000.0, 1e-6);
    // Confidence cannot go above 100 %: one-sided.
    let confidence = find("confidence_pct");
    assert_eq!((confidence.low, confidence.high), (80.0, 100.0));
    close(confidence.npv_low, 644_000.0, 1e-6);
    close(confidence.npv_high, 860_000.0, 1e-6);
    // Licence 4,000 or 6,000 a month: ∓36,000. Implementation ∓8,000.
    close(find("license_monthly").npv_low, 896_000.0, 1e-6);
    close(find("implementation_cost").npv_high, 852_000.0, 1e-6);
    // A 0 % discount rate, growth or ramp moved by a fifth is still 0: left out.
    for still in ["discount_rate_pct", "workload_growth_pct", "ramp_months"] {
        assert!(bars.iter().all(|b| b.key != still), "{still}");
    }
    let swings: Vec<f64> = bars.iter().map(Bar::swing).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    // With a speed-up, the speed-up is the lever.
    let speedup = tornado(&Inputs::default());
    assert!(speedup.iter().any(|b| b.key == "speedup"));
    assert!(!speedup.iter().any(|b| b.key == "cost_reduction_pct"));
}

#[test]
fn tornado_moves_a_ramp_by_whole_months() {
    // The ramp field takes whole months: a bar at "3.2 mo" showed a case
    // nobody could enter. A fifth, rounded, and at least one month.
    let ramp = |months: f64| {
        let inputs = Inputs {
            ramp_months: months,
            ..worked()
        };
        let bar = tornado(&inputs)
            .into_iter()
            .find(|b| b.key == "ramp_months");
        bar.map(|b| (b.low, b.high))
    };
    assert_eq!(ramp(4.0), Some((3.0, 5.0)));
    assert_eq!(ramp(12.0), Some((10.0, 14.0)));
    assert_eq!(ramp(10.0), Some((8.0, 12.0)));
    // 20 % of 1 or 2 months rounds to nothing: still a month either way.
    assert_eq!(ramp(1.0), Some((0.0, 2.0)));
    assert_eq!(ramp(2.0), Some((1.0, 3.0)));
    // No ramp stays out, like any 0 moved by a fifth.
    assert_eq!(ramp(0.0), None);
    // Within the field's range (0 to 120).
    assert_eq!(ramp(120.0), Some((96.0, 120.0)));
}

#[test]
fn what_differs_from_the_version_sent() {
    let sent = worked();
    let mut copy = sent.clone();
    assert!(changed_keys(&sent, &copy).is_empty());
    copy.license_monthly = 6_000.0;
    copy.prospect = "Acme".into();
    copy.sources
        .insert("license_monthly".into(), Source::Prospect);
    assert_eq!(
        changed_keys(&sent, &copy),
        ["license_monthly", "prospect", "sources"]
    );
    // The fields in force follow the bases chosen.
    let gpu = Inputs {
        cost_basis: CostBasis::Gpu,
        ..Inputs::default()
    };
    let keys = keys_in_use(&gpu);
    assert!(keys.contains(&"gpu_hourly_cost") && keys.contains(&"speedup"));
    assert!(!keys.contains(&"current_monthly_cost") && !keys.contains(&"cost_reduction_pct"));
    assert!(keys.iter().all(|k| number(k).is_some()));
}

#[test]
fn iso_dates_only() {
    assert_eq!(
        parse_iso_date("2026-03-31"),
        NaiveDate::from_ymd_opt(2026, 3, 31)
    );
    for bad in [
        "2026-02-30",
        "2026-3-31",
        "26-03-31",
        "2026-03-31-01",
        "2026/03/31",
        "",
        "２０２６-03-31",
        "+026-03-31",
    ] {
        assert_eq!(parse_iso_date(bad), None, "{bad}");
    }
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(0.0),
        -1e6..1e6f64,
        0.0..100.0f64,
    ]
}

proptest! {
    /// No panic and no NaN or infinity in any result, whatever the numbers.
    #[test]
    fn no_panic_no_nan(
        current in any_f64(), reduction in any_f64(), speedup in any_f64(),
        license in any_f64(), implementation in any_f64(), horizon in any_f64(),
        rate in any_f64(), growth in any_f64(), ramp in any_f64(), confidence in any_f64(),
        yearly in proptest::collection::vec(any_f64(), 0..4),
    ) {
        for change_basis in [ChangeBasis::Reduction, ChangeBasis::Speedup] {
            let inputs = Inputs {
                current_monthly_cost: current, cost_reduction_pct: reduction, speedup,
                license_monthly: license, implementation_cost: implementation,
                horizon_months: horizon, discount_rate_pct: rate, workload_growth_pct: growth,
                ramp_months: ramp, confidence_pct: confidence, change_basis,
                items: vec![Item { name: "x".into(), kind: ItemKind::Benefit,
                    amounts: Amounts::Yearly { initial: 0.0, yearly: yearly.clone() } }],
                ..Inputs::default()
            };
            let csv = cash_flows_csv(&inputs);
            prop_assert!(!csv.contains("NaN") && !csv.contains("inf"), "{csv}");
            let r = compute(&inputs);
            for o in [r.current_monthly_cost, r.new_monthly_cost, r.monthly_savings,
                r.total_benefits, r.total_costs, r.net_benefit, r.pv_benefits, r.pv_costs,
                r.npv, r.roi_pct, r.payback_months] {
                if let Outcome::Value(x) = o {
                    prop_assert!(x.is_finite(), "{o:?}");
                }
            }
        }
    }

    /// Within the fields' ranges, more savings never lower ROI.
    #[test]
    fn more_savings_never_lower_roi(
        reduction in 0.0..99.0f64, more in 0.0..1.0f64, rate in 0.0..30.0f64,
        license in 0.0..50_000.0f64, implementation in 1.0..500_000.0f64,
    ) {
        let base = Inputs { cost_reduction_pct: reduction, discount_rate_pct: rate,
            license_monthly: license, implementation_cost: implementation, ..worked() };
        let better = Inputs { cost_reduction_pct: reduction + more, ..base.clone() };
        let (a, b) = (compute(&base).roi_pct.value(), compute(&better).roi_pct.value());
        prop_assert!(b.unwrap() >= a.unwrap() - 1e-9);
    }

    /// Each tornado bar brackets the NPV as entered, and halving the claimed
    /// savings never raises it (a speed-up of at least 1× saves money).
    #[test]
    fn tornado_brackets_the_base_case(
        current in 0.0..1e6f64, speedup in 1.0..10.0f64, rate in 0.0..30.0f64,
        license in 0.0..50_000.0f64, confidence in 0.0..100.0f64, growth in -5.0..5.0f64,
    ) {
        let inputs = Inputs { current_monthly_cost: current, speedup, discount_rate_pct: rate,
            license_monthly: license, confidence_pct: confidence, workload_growth_pct: growth,
            ..Inputs::default() };
        let base = compute(&inputs).npv.value().unwrap();
        let tolerance = 1e-6 * base.abs().max(1.0);
        // NPV need not be monotone in the discount rate when the net flow
        // changes sign more than once (shrinking savings under a licence), so
        // the discount rate is left out; every other lever moves NPV one way.
        for bar in tornado(&inputs).into_iter().filter(|b| b.key != "discount_rate_pct") {
            let (a, b) = (bar.npv_low.value().unwrap(), bar.npv_high.value().unwrap());
            prop_assert!(a.min(b) - tolerance <= base && base <= a.max(b) + tolerance, "{bar:?} {base}");
        }
        let half = compute_scaled(&inputs, HALF).npv.value().unwrap();
        prop_assert!(half <= base + tolerance);
    }

    /// Lower costs never lengthen payback.
    #[test]
    fn lower_costs_never_lengthen_payback(
        license in 0.0..40_000.0f64, cut in 0.0..1.0f64, implementation in 0.0..1e6f64,
    ) {
        let base = Inputs { license_monthly: license, implementation_cost: implementation, ..worked() };
        let cheaper = Inputs { license_monthly: license * cut, implementation_cost: implementation * cut, ..base.clone() };
        match (compute(&base).payback_months, compute(&cheaper).payback_months) {
            (Outcome::Value(a), Outcome::Value(b)) => prop_assert!(b <= a + 1e-9),
            (Outcome::Value(_), Outcome::Undefined(_)) => prop_assert!(false, "cheaper never paid back"),
            _ => {}
        }
    }
}

#[test]
fn json_round_trip_and_checks_like_typed_input() {
    let inputs = Inputs {
        prospect: "Acme <b>Corp</b>".into(),
        start_date: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        cost_basis: CostBasis::Gpu,
        discounting: Discounting::Monthly,
        items: vec![
            Item {
                name: "Ops time saved".into(),
                kind: ItemKind::Benefit,
                amounts: Amounts::Yearly {
                    initial: 0.0,
                    yearly: vec![10_000.0, 20_000.0],
                },
            },
            Item {
                name: "Training".into(),
                kind: ItemKind::Cost,
                amounts: Amounts::Monthly { monthly: 500.0 },
            },
        ],
        ..Inputs::default()
    };
    let json = inputs.to_json();
    assert_eq!(json["start_date"], "2026-03-31");
    assert_eq!(json["items"][0]["type"], "benefit");
    assert_eq!(json["sources"]["speedup"], "vendor benchmark");
    let (back, problems) = Inputs::from_json(&json);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, inputs);

    let bad = serde_json::json!({
        "horizon_months": 36.5, "speedup": "3x", "start_date": "31/01/2026",
        "discounting": "weekly", "license_monthly": "$5k", "unknown": [1],
        "items": [{"name": "x", "type": "benefit", "yearly": [1, -2]}],
        "sources": {"speedup": "rumour"}
    });
    let (read, problems) = Inputs::from_json(&bad);
    assert_eq!(read.license_monthly, 5_000.0);
    assert_eq!(read.horizon_months, 36.0);
    assert_eq!(read.speedup, DEFAULT_SPEEDUP);
    let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "horizon_months",
            "speedup",
            "discounting",
            "start_date",
            "items",
            "sources"
        ]
    );
    assert!(
        problems[4].message.starts_with("Line 1: yearly"),
        "{problems:?}"
    );
}

#[test]
fn the_largest_business_case_travels_as_a_plain_link() {
    // Every limit at once: 50 lines of 50 years, every text at its longest
    // in four-byte characters, amounts with all their digits. The address
    // shows a shared scenario in the plain form, so a reload must open it.
    let long = |n: usize| "𝔄".repeat(n);
    let amount = 999_999_999_999.987_6;
    let inputs = Inputs {
        prospect: long(MAX_TEXT),
        prepared_by: long(MAX_TEXT),
        horizon_months: 600.0,
        items: (0..MAX_ITEMS)
            .map(|_| Item {
                name: long(MAX_TEXT),
                kind: ItemKind::Benefit,
                amounts: Amounts::Yearly {
                    initial: amount,
                    yearly: vec![amount; 50],
                },
            })
            .collect(),
        ..Inputs::default()
    };
    let link = tally::scenario::encode_link("roi", &inputs.to_json());
    assert!(link.len() > 100_000, "{}", link.len());
    let back = tally::scenario::decode_link(&link, "roi").unwrap();
    let (back, problems) = Inputs::from_json(&back);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, inputs);
}

//! Unit economics against public worked examples and invariants.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use tally::calc::unit_economics::*;
use tally::calc::{Currency, Outcome};

/// Within a relative 10⁻⁹ of `want`.
fn close(a: Outcome, want: f64) {
    common::close(a, want, 1e-9 * want.abs().max(1.0));
}

/// Inputs with no funnel: CAC given directly, no expansion, no discount.
fn simple(arpa: f64, gm: f64, churn: f64, cac: f64) -> Inputs {
    Inputs {
        arpa,
        gross_margin_pct: gm,
        churn_pct: churn,
        expansion_pct: 0.0,
        discount_rate_pct: 0.0,
        cac_override: Some(cac),
        ..Inputs::default()
    }
}

#[test]
fn ltv_cac_worked_example_mhq() {
    // "LTV to CAC vs magic number" (mhq-gatsby.pages.dev): ARPA $500/month,
    // gross margin 75 %, monthly churn 2.5 %, CAC $6,000 → LTV $15,000,
    // LTV/CAC 2.5.
    let r = compute(&simple(500.0, 75.0, 2.5, 6_000.0));
    close(r.ltv, 15_000.0);
    close(r.ltv_cac, 2.5);
    assert!(!r.ltv_capped);
}

#[test]
fn seed_stage_worked_example_callculator() {
    // callculator.cc "Seed stage LTV calculator": ARPA $250, margin 80 %,
    // churn 4 %, CAC $750 → lifetime 25 months, LTV $5,000, LTV:CAC 6.67×.
    let r = compute(&simple(250.0, 80.0, 4.0, 750.0));
    close(r.lifetime_months, 25.0);
    close(r.ltv, 5_000.0);
    close(r.ltv_cac, 5_000.0 / 750.0);
    // Simple payback: 750 / (250 × 0.8) = 3.75 months.
    close(r.payback_months, 3.75);
}

#[test]
fn ltv_worked_example_abracalc() {
    // abracalc.com customer LTV: $200 ARPA, 85 % margin, 3 % churn → ≈ $5,667.
    let r = compute(&simple(200.0, 85.0, 3.0, 1.0));
    close(r.ltv, 200.0 * 0.85 / 0.03);
    assert_eq!((r.ltv.value().unwrap()).round(), 5_667.0);
}

#[test]
fn defaults_reproduce_the_plan() {
    let inputs = Inputs::default();
    let r = compute(&inputs);
    // 200 MQLs × 25 % × 20 % = 10 customers a month.
    close(r.new_customers, 10.0);
    // (200 × 100 + 4,000) / 10 = 2,400, under the plan's 2,500.
    close(r.cac, 2_400.0);
    let nrr = r.nrr_pct.value().unwrap();
    assert!(nrr > PLAN_NRR_PCT, "NRR {nrr}");
    // NRR above 100 % means the undiscounted series has no limit.
    assert!(r.ltv_capped);
    let flags = health(&inputs, &r);
    assert!(flags.iter().all(|f| f.ok == Some(true)));
    // The plan's targets read as the plan writes them.
    let plan_cac = flags.iter().find(|f| f.key == "plan_cac").unwrap();
    assert_eq!(plan_cac.label, "Blended CAC under $2,500 (plan)");
    // In another currency it is not compared, and says so rather than
    // showing a dash alone.
    let euros = Inputs {
        currency: Currency::EUR,
        ..Inputs::default()
    };
    let flags = health(&euros, &compute(&euros));
    let plan_cac = flags.iter().find(|f| f.key == "plan_cac").unwrap();
    assert_eq!(plan_cac.ok, None);
    assert_eq!(
        plan_cac.label,
        "Blended CAC under $2,500 (plan): not compared, as CAC is in EUR"
    );
}

#[test]
fn discounting_and_expansion_follow_the_series() {
    // With expansion and discount the closed form is gp / (1 − q).
    let inputs = Inputs {
        discount_rate_pct: 10.0,
        expansion_pct: 1.0,
        ..simple(1_000.0, 80.0, 3.0, 5_000.0)
    };
    let r = compute(&inputs);
    let d = 1.1f64.powf(1.0 / 12.0) - 1.0;
    let q = 0.97 * 1.01 / (1.0 + d);
    close(r.ltv, 800.0 / (1.0 - q));
    // Summing the series term by term agrees.
    let summed: f64 = (0..5_000).map(|t| 800.0 * q.powi(t)).sum();
    close(r.ltv, summed);
}

#[test]
fn non_converging_ltv_is_a_horizon_sum_and_flagged() {
    let inputs = Inputs {
        horizon_months: 12.0,
        ..simple(100.0, 100.0, 0.0, 100.0)
    };
    let r = compute(&inputs);
    assert!(r.ltv_capped);
    close(r.ltv, 1_200.0);
    assert!(matches!(r.lifetime_months, Outcome::Undefined(_)));
}

#[test]
fn cohort_payback_counts_whole_months() {
    // gp 100 a month, 10 % churn: cumulative 100, 190, 271, 343.9 … CAC 300
    // is reached in month 4.
    close(cohort_payback(300.0, 100.0, 0.9), 4.0);
    close(cohort_payback(100.0, 100.0, 0.9), 1.0);
    // The cohort can never earn more than 100 / 0.1 = 1,000.
    assert!(matches!(
        cohort_payback(1_000.5, 100.0, 0.9),
        Outcome::Undefined(_)
    ));
    let curve = cohort_curve(&simple(125.0, 80.0, 10.0, 300.0), 4);
    assert_eq!(curve.len(), 5);
    assert!((curve[4] - 343.9).abs() < 1e-9);
    // The page's formula shows the cumulative either side of month 4.
    let r = compute(&simple(125.0, 80.0, 10.0, 300.0));
    close(r.payback_months_cohort, 4.0);
    let (before, after) = r.cohort_cumulative.unwrap();
    assert!(
        (before - 271.0).abs() < 1e-9 && (after - 343.9).abs() < 1e-9,
        "{before} {after}"
    );
    // None where there is no such month.
    assert_eq!(
        compute(&simple(125.0, 80.0, 10.0, 0.0)).cohort_cumulative,
        None
    );
    assert_eq!(
        compute(&simple(125.0, 80.0, 10.0, 1_000.5)).cohort_cumulative,
        None
    );
}

#[test]
fn undefined_results_say_why() {
    let no_customers = Inputs {
        stages: vec![Stage {
            name: "x".into(),
            rate_pct: 0.0,
        }],
        ..Inputs::default()
    };
    let r = compute(&no_customers);
    assert_eq!(r.cac, Outcome::Undefined("no lead becomes a customer"));
    assert!(matches!(r.ltv_cac, Outcome::Undefined(_)));
    assert!(matches!(r.payback_months_cohort, Outcome::Undefined(_)));

    let free = simple(100.0, 80.0, 2.0, 0.0);
    assert!(matches!(compute(&free).ltv_cac, Outcome::Undefined(_)));
    let no_margin = simple(100.0, 0.0, 2.0, 10.0);
    assert!(matches!(
        compute(&no_margin).payback_months,
        Outcome::Undefined(_)
    ));
}

#[test]
fn json_round_trip_and_lenient_reading() {
    let inputs = Inputs {
        cac_override: Some(1234.5),
        ..Inputs::default()
    };
    let (back, problems) = Inputs::from_json(&inputs.to_json());
    assert_eq!(back, inputs);
    assert!(problems.is_empty());

    let json = serde_json::json!({
        "arpa": "1.5k", "churn_pct": 140, "future_key": true,
        "currency": "XYZ", "stages": [{"name": "<script>", "rate_pct": 50}]
    });
    let (read, problems) = Inputs::from_json(&json);
    assert_eq!(read.arpa, 1_500.0);
    assert_eq!(read.churn_pct, Inputs::default().churn_pct);
    assert_eq!(read.stages[0].name, "<script>");
    let keys: Vec<_> = problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["churn_pct", "currency"]);

    // A link from an Indian spreadsheet: rupees in lakhs and crores.
    let json = serde_json::json!({
        "currency": "INR", "arpa": "₹12,50,000", "cost_per_lead": "2Cr", "other_sm_spend": "1.5L"
    });
    let (read, problems) = Inputs::from_json(&json);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        (read.arpa, read.cost_per_lead, read.other_sm_spend),
        (1_250_000.0, 2e7, 150_000.0)
    );
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        -1e6..1e6f64,
        0.0..100.0f64,
    ]
}

prop_compose! {
    fn any_inputs()(
        leads in any_f64(), cost_per_lead in any_f64(), other in any_f64(),
        rates in proptest::collection::vec(any_f64(), 0..4),
        cac in proptest::option::of(any_f64()),
        arpa in any_f64(), gm in any_f64(), churn in any_f64(),
        expansion in any_f64(), discount in any_f64(), horizon in any_f64(),
    ) -> Inputs {
        Inputs {
            leads, cost_per_lead, other_sm_spend: other,
            stages: rates.into_iter().map(|rate_pct| Stage { name: "s".into(), rate_pct }).collect(),
            cac_override: cac, arpa, gross_margin_pct: gm, churn_pct: churn,
            expansion_pct: expansion, discount_rate_pct: discount, horizon_months: horizon,
            ..Inputs::default()
        }
    }
}

fn all_outcomes(r: &Results) -> [Outcome; 9] {
    [
        r.sm_spend,
        r.gross_profit,
        r.new_customers,
        r.cac,
        r.ltv,
        r.ltv_cac,
        r.payback_months,
        r.payback_months_cohort,
        r.lifetime_months,
    ]
}

proptest! {
    /// Any numbers at all, finite or not: no panic, no NaN or infinity.
    #[test]
    fn no_panic_no_nan_for_any_input(inputs in any_inputs()) {
        let r = compute(&inputs);
        for o in all_outcomes(&r).into_iter().chain([r.nrr_pct]) {
            if let Outcome::Value(x) = o {
                prop_assert!(x.is_finite(), "{o:?} from {inputs:?}");
            }
        }
        prop_assert!(r.ltv_after_horizon_pct.is_finite());
        for row in sensitivity(&inputs).cells {
            for cell in row {
                if let Outcome::Value(x) = cell.ltv_cac { prop_assert!(x.is_finite()); }
            }
        }
        prop_assert!(cohort_curve(&inputs, 24).iter().all(|x| x.is_finite()));
    }

    /// Within the fields' ranges, lower churn never lowers LTV.
    #[test]
    fn less_churn_never_lowers_ltv(
        churn in 0.1..100.0f64, less in 0.0..1.0f64, arpa in 0.0..1e6f64,
        gm in 0.0..100.0f64, discount in 0.0..50.0f64,
    ) {
        let base = Inputs { churn_pct: churn, arpa, gross_margin_pct: gm,
            discount_rate_pct: discount, expansion_pct: 0.0, ..Inputs::default() };
        let better = Inputs { churn_pct: churn * less, ..base.clone() };
        let (a, b) = (compute(&base).ltv.value(), compute(&better).ltv.value());
        if let (Some(a), Some(b)) = (a, b) {
            // A horizon sum may fall below the limit it replaces only when
            // the series stops converging; compare like with like.
            if !compute(&better).ltv_capped {
                prop_assert!(b >= a * (1.0 - 1e-12), "{a} → {b}");
            }
        }
    }

    /// Within the fields' ranges, the grid's current cell is the inputs'
    /// own LTV/CAC, and no row or column repeats another.
    #[test]
    fn the_grid_holds_the_inputs_once_each(
        churn in prop_oneof![Just(0.0), Just(100.0), 0.0..100.0f64],
        arpa in prop_oneof![Just(0.0), 0.0..1e6f64],
    ) {
        let inputs = Inputs { churn_pct: churn, arpa, ..Inputs::default() };
        let grid = sensitivity(&inputs);
        let (row, column) = grid.current;
        prop_assert_eq!((grid.churn_pct[row], grid.arpa[column]), (churn, arpa));
        prop_assert_eq!(grid.cells[row][column].ltv_cac, compute(&inputs).ltv_cac);
        for axis in [&grid.churn_pct, &grid.arpa] {
            prop_assert!(axis.windows(2).all(|w| w[0] < w[1]), "{axis:?}");
        }
    }

    /// Values read from any JSON are always inside their fields' ranges.
    #[test]
    fn json_reads_stay_in_range(churn in any_f64(), arpa in ".{0,12}") {
        let json = serde_json::json!({ "churn_pct": churn, "arpa": arpa });
        let (inputs, _) = Inputs::from_json(&json);
        prop_assert!(CHURN.check(inputs.churn_pct).is_ok());
        prop_assert!(ARPA.check(inputs.arpa).is_ok());
    }
}

#[test]
fn the_part_of_ltv_beyond_the_horizon_is_measured() {
    // q = (1 − churn)(1 + expansion): the months after the horizon H hold
    // q^H of Σ qᵗ. With 5 % churn and nothing else, 0.95^60 = 4.6 %.
    let plain = compute(&simple(1_000.0, 80.0, 5.0, 1_000.0));
    assert!((plain.ltv_after_horizon_pct - 0.95f64.powi(60) * 100.0).abs() < 1e-9);
    assert!(plain.ltv_after_horizon_pct < AFTER_HORIZON_WARNING_PCT);
    // The plan's 3.8 % expansion with churn at 3.75 % (the grid's last row):
    // q = 0.9625 × 1.038 = 0.999075: the limit is 1 / (1 − q) = 1,081
    // months of gross profit, 94.6 % of it after month 60. The page says so.
    let edge = Inputs {
        churn_pct: 3.75,
        expansion_pct: 3.8,
        ..Inputs::default()
    };
    let r = compute(&edge);
    assert!(!r.ltv_capped);
    let q: f64 = 0.9625 * 1.038;
    assert!((r.ltv_after_horizon_pct - q.powi(60) * 100.0).abs() < 1e-9);
    assert!(r.ltv_after_horizon_pct > AFTER_HORIZON_WARNING_PCT);
    let grid = sensitivity(&Inputs::default());
    let last_row = grid.cells.last().unwrap();
    assert!(last_row.iter().all(|c| c.mostly_after_horizon && !c.capped));
    // A horizon sum has nothing after the horizon.
    assert!(compute(&Inputs::default()).ltv_capped);
    assert_eq!(compute(&Inputs::default()).ltv_after_horizon_pct, 0.0);
}

/// Around the plan's 2.5 % churn and $2,900 ARPA the grid shows half to one
/// and a half times each, the inputs in the middle. At no churn, where
/// every multiple is 0, it steps up from 0 by whole points; at no ARPA it
/// has one column; at 80 % churn one 100 % row, not two.
#[test]
fn the_grid_steps_around_the_inputs_and_never_repeats_a_row() {
    let grid = sensitivity(&Inputs::default());
    assert_eq!(grid.churn_pct, [1.25, 1.875, 2.5, 3.125, 3.75]);
    assert_eq!(grid.arpa, [1450.0, 2175.0, 2900.0, 3625.0, 4350.0]);
    assert_eq!(grid.current, (2, 2));

    let none = Inputs {
        churn_pct: 0.0,
        ..Inputs::default()
    };
    let grid = sensitivity(&none);
    assert_eq!(grid.churn_pct, [0.0, 1.0, 2.0, 3.0, 4.0]);
    assert_eq!(grid.current, (0, 2));
    let at_one = compute(&Inputs {
        churn_pct: 1.0,
        ..Inputs::default()
    })
    .ltv_cac;
    assert_eq!(grid.cells[1][2].ltv_cac, at_one);

    let free = Inputs {
        arpa: 0.0,
        ..Inputs::default()
    };
    let grid = sensitivity(&free);
    assert_eq!(grid.arpa, [0.0]);
    assert_eq!(grid.current, (2, 0));
    assert!(grid.cells.iter().all(|row| row.len() == 1));

    let high = Inputs {
        churn_pct: 80.0,
        ..Inputs::default()
    };
    let grid = sensitivity(&high);
    assert_eq!(grid.churn_pct, [40.0, 60.0, 80.0, 100.0]);
    assert_eq!(grid.current, (2, 2));
}

/// With no ARPA (or no margin) every month's gross profit is 0: LTV is 0, a
/// series that converges whatever the churn and expansion, so neither the
/// horizon's warning nor the share after it applies.
#[test]
fn no_gross_profit_is_an_ltv_of_zero_without_a_horizon_warning() {
    for inputs in [
        Inputs {
            arpa: 0.0,
            ..Inputs::default()
        },
        Inputs {
            gross_margin_pct: 0.0,
            ..Inputs::default()
        },
        Inputs {
            arpa: 0.0,
            churn_pct: 3.75,
            ..Inputs::default()
        },
        Inputs {
            arpa: 0.0,
            churn_pct: 0.0,
            expansion_pct: 0.0,
            ..Inputs::default()
        },
    ] {
        let r = compute(&inputs);
        assert_eq!(r.ltv, Outcome::Value(0.0), "{inputs:?}");
        assert!(!r.ltv_capped, "{inputs:?}");
        assert_eq!(r.ltv_after_horizon_pct, 0.0, "{inputs:?}");
    }
}

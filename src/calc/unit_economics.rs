//! Unit economics of a subscription business: CAC, LTV, payback, retention.
//!
//! Monthly periods throughout. Definitions follow the common SaaS usage
//! (David Skok, "SaaS Metrics 2.0", forEntrepreneurs.com): CAC is sales and
//! marketing spend over new customers; LTV is the gross profit a customer
//! brings over its life; months to recover CAC is CAC over monthly gross
//! profit per customer.

use super::{monthly_rate, Currency, Outcome, TOO_LARGE};
use crate::input::{FieldSpec, Kind, Problem, Reader, MAX_AMOUNT};
use crate::text::shortest;
use serde::Serialize;
use serde_json::Value;

/// One conversion step of the funnel, e.g. MQL→SQL at 25 %.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stage {
    pub name: String,
    pub rate_pct: f64,
}

/// Everything the calculator takes, under the keys the scenario JSON uses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inputs {
    pub currency: Currency,
    pub leads: f64,
    pub cost_per_lead: f64,
    pub stages: Vec<Stage>,
    pub other_sm_spend: f64,
    /// CAC known directly; replaces the funnel's figure when set.
    pub cac_override: Option<f64>,
    pub arpa: f64,
    pub gross_margin_pct: f64,
    pub churn_pct: f64,
    pub expansion_pct: f64,
    pub discount_rate_pct: f64,
    pub horizon_months: f64,
}

/// The company plan's numbers (shared/seed/operations-plan.md): 200 MQLs a
/// month at under $100 a lead, 25 % MQL→SQL, 20 % SQL→customer, blended CAC
/// under $2,500, gross margin above 80 %, churn under 3 % a month, net revenue
/// retention above 115 % a year, $7M ARR over 200 customers (≈ $2,900 a month
/// each).
impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            currency: Currency::USD,
            leads: 200.0,
            cost_per_lead: 100.0,
            stages: vec![
                Stage {
                    name: "MQL → SQL".into(),
                    rate_pct: 25.0,
                },
                Stage {
                    name: "SQL → customer".into(),
                    rate_pct: 20.0,
                },
            ],
            other_sm_spend: 4_000.0,
            cac_override: None,
            arpa: 2_900.0,
            gross_margin_pct: 80.0,
            churn_pct: 2.5,
            expansion_pct: 3.8,
            discount_rate_pct: 0.0,
            horizon_months: 60.0,
        }
    }
}

/// The plan's targets, shown beside the rule of thumb in the health flags.
pub const PLAN_LTV_CAC: f64 = 15.0;
pub const PLAN_CAC: f64 = 2_500.0;
pub const PLAN_CHURN_PCT: f64 = 3.0;
pub const PLAN_NRR_PCT: f64 = 115.0;
/// The common rule of thumb: LTV at least 3× CAC, CAC back within a year.
pub const RULE_LTV_CAC: f64 = 3.0;
pub const RULE_PAYBACK_MONTHS: f64 = 12.0;

/// The longest the cohort payback is searched for: a century.
pub const MAX_COHORT_MONTHS: u32 = 1_200;

const fn field(
    key: &'static str,
    label: &'static str,
    kind: Kind,
    max: f64,
    help: &'static str,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        kind,
        min: 0.0,
        max,
        help,
    }
}

pub const LEADS: FieldSpec = field(
    "leads",
    "Leads per month",
    Kind::Count,
    MAX_AMOUNT,
    "Entering the funnel each month",
);
pub const COST_PER_LEAD: FieldSpec = field(
    "cost_per_lead",
    "Cost per lead",
    Kind::Money,
    MAX_AMOUNT,
    "",
);
pub const OTHER_SM_SPEND: FieldSpec = field(
    "other_sm_spend",
    "Other sales & marketing spend",
    Kind::Money,
    MAX_AMOUNT,
    "Monthly, beyond the cost of leads",
);
pub const CAC_OVERRIDE: FieldSpec = field(
    "cac_override",
    "CAC",
    Kind::Money,
    MAX_AMOUNT,
    "Cost to acquire one customer",
);
pub const STAGE_RATE: FieldSpec = field("rate_pct", "Conversion", Kind::Percent, 100.0, "");
pub const ARPA: FieldSpec = field(
    "arpa",
    "ARPA",
    Kind::Money,
    MAX_AMOUNT,
    "Average revenue per account per month",
);
pub const GROSS_MARGIN: FieldSpec =
    field("gross_margin_pct", "Gross margin", Kind::Percent, 100.0, "");
pub const CHURN: FieldSpec = field(
    "churn_pct",
    "Monthly churn",
    Kind::Percent,
    100.0,
    "Customers lost each month",
);
pub const EXPANSION: FieldSpec = field(
    "expansion_pct",
    "Monthly expansion",
    Kind::Percent,
    100.0,
    "Growth of surviving customers' revenue",
);
pub const DISCOUNT_RATE: FieldSpec = field(
    "discount_rate_pct",
    "Discount rate",
    Kind::Percent,
    100.0,
    "Annual; 0 for undiscounted",
);
pub const HORIZON: FieldSpec = FieldSpec {
    min: 1.0,
    ..field(
        "horizon_months",
        "Horizon",
        Kind::Months,
        1_200.0,
        "Used when the lifetime value has no limit",
    )
};

/// The most funnel stages a scenario may have.
pub const MAX_STAGES: usize = 12;

impl Inputs {
    /// Reads inputs from a scenario's JSON: unknown keys are ignored, missing
    /// ones take defaults, and every value is checked like typed input. A bad
    /// value keeps its default and is reported, it never fails the whole read.
    pub fn from_json(value: &Value) -> (Inputs, Vec<Problem>) {
        let mut inputs = Inputs::default();
        let mut read = Reader::new(value);
        for (spec, target) in [
            (&LEADS, &mut inputs.leads),
            (&COST_PER_LEAD, &mut inputs.cost_per_lead),
            (&OTHER_SM_SPEND, &mut inputs.other_sm_spend),
            (&ARPA, &mut inputs.arpa),
            (&GROSS_MARGIN, &mut inputs.gross_margin_pct),
            (&CHURN, &mut inputs.churn_pct),
            (&EXPANSION, &mut inputs.expansion_pct),
            (&DISCOUNT_RATE, &mut inputs.discount_rate_pct),
            (&HORIZON, &mut inputs.horizon_months),
        ] {
            read.set(spec, target);
        }
        inputs.cac_override = read.number(&CAC_OVERRIDE);
        if let Some(c) = read.choice("currency", &Currency::CHOICES) {
            inputs.currency = c;
        }
        if let Some(stages) = read.get("stages") {
            match read_stages(stages) {
                Ok(s) => inputs.stages = s,
                Err(message) => read.problem("stages", message),
            }
        }
        (inputs, read.finish())
    }

    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

fn read_stages(value: &Value) -> Result<Vec<Stage>, String> {
    let list = value.as_array().ok_or("Stages must be a list")?;
    if list.len() > MAX_STAGES {
        return Err(format!("At most {MAX_STAGES} stages"));
    }
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            let obj = s.as_object().ok_or("Each stage needs a name and a rate")?;
            let name = match obj.get("name") {
                Some(Value::String(n)) => n.chars().take(80).collect(),
                _ => format!("Stage {}", i + 1),
            };
            let rate_pct = STAGE_RATE
                .read(obj)
                .map_err(|e| format!("Stage {}: {e}", i + 1))?
                .ok_or(format!("Stage {}: missing rate_pct", i + 1))?;
            Ok(Stage { name, rate_pct })
        })
        .collect()
}

/// A pass/fail comparison with a target, for the health flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    pub key: &'static str,
    pub label: String,
    pub ok: Option<bool>,
}

/// Everything the calculator computes.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Leads × the product of the stage rates.
    pub new_customers: Outcome,
    /// Monthly sales and marketing spend: leads × cost per lead + other.
    pub sm_spend: Outcome,
    pub cac: Outcome,
    /// Monthly gross profit per account: ARPA × gross margin.
    pub gross_profit: Outcome,
    pub ltv: Outcome,
    /// True when the lifetime series has no limit and LTV is a horizon sum.
    pub ltv_capped: bool,
    /// The part of a limit LTV earned after the horizon month, in % (q^H):
    /// near the limit's edge (expansion almost offsetting churn) most of it
    /// lies years out. 0 for a horizon sum.
    pub ltv_after_horizon_pct: f64,
    pub ltv_cac: Outcome,
    pub payback_months: Outcome,
    pub payback_months_cohort: Outcome,
    /// The cohort's cumulative gross profit a customer after the month
    /// before its payback and after the payback's month.
    pub cohort_cumulative: Option<(f64, f64)>,
    pub lifetime_months: Outcome,
    pub nrr_pct: Outcome,
    /// Monthly equivalent of the annual discount rate, as a fraction.
    pub monthly_discount: f64,
    /// (1 − churn)(1 + expansion): what a month keeps of a cohort's revenue.
    pub retention_factor: f64,
}

fn fraction(pct: f64) -> f64 {
    pct / 100.0
}

/// Computes every result. Never panics and never yields a NaN or infinity:
/// what does not exist for the inputs is `Outcome::Undefined`.
pub fn compute(inputs: &Inputs) -> Results {
    let churn = fraction(inputs.churn_pct);
    let expansion = fraction(inputs.expansion_pct);
    let gm = fraction(inputs.gross_margin_pct);
    let monthly_discount = monthly_rate(fraction(inputs.discount_rate_pct));
    let retention_factor = (1.0 - churn) * (1.0 + expansion);

    let conversion: f64 = inputs.stages.iter().map(|s| fraction(s.rate_pct)).product();
    let new_customers = Outcome::finite(inputs.leads * conversion, TOO_LARGE);
    let sm_spend = Outcome::finite(
        inputs.leads * inputs.cost_per_lead + inputs.other_sm_spend,
        TOO_LARGE,
    );
    let cac = match (inputs.cac_override, sm_spend, new_customers) {
        (Some(c), _, _) => Outcome::finite(c, TOO_LARGE),
        (None, Outcome::Value(spend), Outcome::Value(n)) => {
            Outcome::ratio(spend, n, "no lead becomes a customer")
        }
        (None, Outcome::Undefined(r), _) | (None, _, Outcome::Undefined(r)) => {
            Outcome::Undefined(r)
        }
    };
    let gross_profit = Outcome::finite(inputs.arpa * gm, TOO_LARGE);
    let gp = gross_profit.value().unwrap_or(0.0);
    let (ltv, ltv_capped) = lifetime_value(
        gp,
        retention_factor,
        monthly_discount,
        inputs.horizon_months,
    );
    // No gross profit, no value to place before or after the horizon.
    let ltv_after_horizon_pct = if ltv_capped || gp == 0.0 {
        0.0
    } else {
        after_horizon_pct(retention_factor, monthly_discount, inputs.horizon_months)
    };
    let ltv_cac = match (ltv, cac) {
        (Outcome::Value(l), Outcome::Value(c)) => {
            Outcome::ratio(l, c, "CAC is zero, so any value is infinitely many CACs")
        }
        (Outcome::Undefined(r), _) | (_, Outcome::Undefined(r)) => Outcome::Undefined(r),
    };
    let payback_months = match cac {
        Outcome::Value(c) => Outcome::ratio(c, gp, "no gross profit to recover CAC from"),
        undefined => undefined,
    };
    let (payback_months_cohort, cohort_cumulative) = match cac {
        Outcome::Value(c) => cohort_reached(c, gp, retention_factor),
        undefined => (undefined, None),
    };
    Results {
        new_customers,
        sm_spend,
        cac,
        gross_profit,
        ltv,
        ltv_capped,
        ltv_after_horizon_pct,
        ltv_cac,
        payback_months,
        payback_months_cohort,
        cohort_cumulative,
        lifetime_months: Outcome::ratio(1.0, churn, "with no churn a customer never leaves"),
        nrr_pct: Outcome::finite(retention_factor.powi(12) * 100.0, TOO_LARGE),
        monthly_discount,
        retention_factor,
    }
}

/// LTV = Σ_{t≥0} gp × q^t with q = (1 − churn)(1 + expansion)/(1 + d), which
/// is gp / (1 − q) when q < 1 (gp / churn with no expansion or discount).
/// When q ≥ 1 the series has no limit: it is summed over the horizon instead
/// (t = 0 … horizon − 1) and the second value says so. With no gross profit
/// every term is 0, and so is the sum, whatever q.
pub fn lifetime_value(
    gp: f64,
    retention: f64,
    monthly_discount: f64,
    horizon: f64,
) -> (Outcome, bool) {
    let q = retention / (1.0 + monthly_discount);
    if gp == 0.0 {
        (Outcome::Value(0.0), false)
    } else if q < 1.0 {
        (Outcome::finite(gp / (1.0 - q), TOO_LARGE), false)
    } else {
        let months = horizon.clamp(0.0, f64::from(MAX_COHORT_MONTHS)) as u32;
        let sum: f64 = (0..months).map(|t| q.powf(f64::from(t))).sum();
        (Outcome::finite(gp * sum, TOO_LARGE), true)
    }
}

/// Above this share of a limit LTV earned after the horizon, the page says
/// so: the figure then rests on customers staying for years.
pub const AFTER_HORIZON_WARNING_PCT: f64 = 50.0;

/// Of Σ_{t≥0} qᵗ, the part from t = horizon on, in %: q^horizon (0 unless
/// 0 ≤ q < 1).
pub fn after_horizon_pct(retention: f64, monthly_discount: f64, horizon: f64) -> f64 {
    let q = retention / (1.0 + monthly_discount);
    // `as` takes NaN to 0 and saturates.
    let months = horizon.clamp(0.0, f64::from(MAX_COHORT_MONTHS)) as u32;
    if (0.0..1.0).contains(&q) {
        q.powf(f64::from(months)) * 100.0
    } else {
        0.0
    }
}

/// The first whole month n in which the cohort's cumulative gross profit per
/// acquired customer, Σ_{t=1..n} gp × r^(t−1), reaches CAC.
pub fn cohort_payback(cac: f64, gp: f64, retention: f64) -> Outcome {
    cohort_reached(cac, gp, retention).0
}

/// [`cohort_payback`], with the cumulative gross profit after months n − 1
/// and n (none when CAC is 0 or never reached), for its formula.
fn cohort_reached(cac: f64, gp: f64, retention: f64) -> (Outcome, Option<(f64, f64)>) {
    if cac <= 0.0 {
        return (Outcome::Value(0.0), None);
    }
    let mut cumulative = 0.0;
    for n in 1..=MAX_COHORT_MONTHS {
        let before = cumulative;
        cumulative += gp * retention.powf(f64::from(n - 1));
        if cumulative >= cac {
            return (Outcome::Value(f64::from(n)), Some((before, cumulative)));
        }
    }
    (
        Outcome::Undefined("the cohort never earns back its CAC"),
        None,
    )
}

/// The funnel as counts: leads, then what is left after each stage.
pub fn funnel(inputs: &Inputs) -> Vec<(String, Outcome)> {
    let mut count = inputs.leads;
    let mut steps = vec![("Leads".to_string(), Outcome::finite(count, TOO_LARGE))];
    for stage in &inputs.stages {
        count *= fraction(stage.rate_pct);
        steps.push((stage.name.clone(), Outcome::finite(count, TOO_LARGE)));
    }
    steps
}

/// Cumulative gross profit per acquired customer at the end of months
/// 0 … `months` (month 0 is 0), for the break-even chart. The curve stops
/// early where it would overflow.
pub fn cohort_curve(inputs: &Inputs, months: u32) -> Vec<f64> {
    let r = compute(inputs);
    let gp = r.gross_profit.value().unwrap_or(0.0);
    let mut cumulative = 0.0;
    let mut curve = vec![0.0];
    for t in 1..=months.min(MAX_COHORT_MONTHS) {
        cumulative += gp * r.retention_factor.powf(f64::from(t - 1));
        if !cumulative.is_finite() {
            break;
        }
        curve.push(cumulative);
    }
    curve
}

/// LTV/CAC over a grid of churn (rows) × ARPA (columns) around the inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    pub churn_pct: Vec<f64>,
    pub arpa: Vec<f64>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<SensitivityCell>>,
    /// `(row, column)` of the inputs' own churn and ARPA.
    pub current: (usize, usize),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SensitivityCell {
    pub ltv_cac: Outcome,
    /// Its LTV is a horizon sum: the series has no limit.
    pub capped: bool,
    /// Over `AFTER_HORIZON_WARNING_PCT` of its LTV comes after the horizon.
    pub mostly_after_horizon: bool,
}

/// Multiples of the current churn and ARPA the grid shows.
pub const SENSITIVITY_STEPS: [f64; 5] = [0.5, 0.75, 1.0, 1.25, 1.5];

/// The churns shown when there is none: every multiple of 0 is 0, and the
/// question at no churn is what a little would cost.
pub const CHURN_PCT_FROM_NONE: [f64; 5] = [0.0, 1.0, 2.0, 3.0, 4.0];

/// An axis of the grid around `value`, and where `value` is on it: its
/// multiples, each at most `max` and shown once (a churn of 80 % has no
/// 120 % row, one 100 % row instead); at 0, `at_zero`.
fn sensitivity_axis(value: f64, max: f64, at_zero: &[f64]) -> (Vec<f64>, usize) {
    if value == 0.0 {
        return (at_zero.to_vec(), 0);
    }
    let (mut values, mut current) = (Vec::new(), 0);
    for m in SENSITIVITY_STEPS {
        let v = (value * m).min(max);
        if values.last() != Some(&v) {
            values.push(v);
        }
        if m == 1.0 {
            current = values.len() - 1;
        }
    }
    (values, current)
}

pub fn sensitivity(inputs: &Inputs) -> Sensitivity {
    let (churn_pct, row) = sensitivity_axis(inputs.churn_pct, 100.0, &CHURN_PCT_FROM_NONE);
    // No ARPA has no scale to step by: one column, of LTV/CAC 0.
    let (arpa, column) = sensitivity_axis(inputs.arpa, f64::INFINITY, &[0.0]);
    let cells = churn_pct
        .iter()
        .map(|&c| {
            arpa.iter()
                .map(|&a| {
                    let varied = Inputs {
                        churn_pct: c,
                        arpa: a,
                        ..inputs.clone()
                    };
                    let r = compute(&varied);
                    SensitivityCell {
                        ltv_cac: r.ltv_cac,
                        capped: r.ltv_capped,
                        mostly_after_horizon: r.ltv_after_horizon_pct > AFTER_HORIZON_WARNING_PCT,
                    }
                })
                .collect()
        })
        .collect();
    Sensitivity {
        churn_pct,
        arpa,
        cells,
        current: (row, column),
    }
}

/// Health flags: the results against the plan's targets and the rule of thumb.
/// `ok` is `None` when the result itself is undefined.
pub fn health(inputs: &Inputs, r: &Results) -> Vec<Flag> {
    let check = |o: Outcome, pass: &dyn Fn(f64) -> bool| o.value().map(pass);
    vec![
        Flag {
            key: "rule_ltv_cac",
            label: format!(
                "LTV/CAC at least {}× (rule of thumb)",
                shortest(RULE_LTV_CAC)
            ),
            ok: check(r.ltv_cac, &|x| x >= RULE_LTV_CAC),
        },
        Flag {
            key: "plan_ltv_cac",
            label: format!("LTV/CAC above {}× (plan)", shortest(PLAN_LTV_CAC)),
            ok: check(r.ltv_cac, &|x| x > PLAN_LTV_CAC),
        },
        Flag {
            key: "rule_payback",
            label: format!(
                "CAC back within {} months (rule of thumb)",
                shortest(RULE_PAYBACK_MONTHS)
            ),
            ok: check(r.payback_months, &|x| x <= RULE_PAYBACK_MONTHS),
        },
        // The plan's target is in dollars; other currencies are not
        // compared, and the flag says why it is left unchecked.
        Flag {
            key: "plan_cac",
            label: format!(
                "Blended CAC under ${} (plan){}",
                crate::input::input_text(PLAN_CAC),
                match inputs.currency {
                    Currency::USD => String::new(),
                    other => format!(": not compared, as CAC is in {}", other.code()),
                }
            ),
            ok: if inputs.currency == Currency::USD {
                check(r.cac, &|x| x < PLAN_CAC)
            } else {
                None
            },
        },
        Flag {
            key: "plan_churn",
            label: format!("Monthly churn under {}% (plan)", shortest(PLAN_CHURN_PCT)),
            ok: Some(inputs.churn_pct < PLAN_CHURN_PCT),
        },
        Flag {
            key: "plan_nrr",
            label: format!(
                "Net revenue retention above {}% a year (plan)",
                shortest(PLAN_NRR_PCT)
            ),
            ok: check(r.nrr_pct, &|x| x > PLAN_NRR_PCT),
        },
    ]
}

//! Return on investment of cheaper inference, laid out like a
//! total-economic-impact study: an initial period, then years, each with
//! benefits, costs and net; present values at a discount rate; NPV, ROI and
//! payback.
//!
//! The layout and conventions follow Forrester's Total Economic Impact
//! methodology as published in its studies: cash flows per year with the
//! initial investment undiscounted, each year discounted at (1 + r)^year
//! (year-end convention), ROI = net present value ÷ present value of costs,
//! and a risk adjustment applied to benefits.

use super::{csv, monthly_rate, Currency, Outcome, TOO_LARGE};
use crate::input::{FieldSpec, Kind, Problem, Reader, MAX_AMOUNT};
use chrono::{Months, NaiveDate};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// How future cash flows are discounted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Discounting {
    /// Each year's flows at (1 + r)^year: the studies' year-end convention.
    #[default]
    Annual,
    /// Each month's flows at (1 + m)^month, m the monthly equivalent of r.
    Monthly,
}

/// How today's inference cost is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CostBasis {
    /// `current_monthly_cost` directly.
    #[default]
    Direct,
    /// `tokens_per_month` (millions) × `cost_per_million_tokens`.
    Tokens,
    /// `gpu_count` × `gpu_hourly_cost` × `hours_per_month`.
    Gpu,
}

/// How the change is given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeBasis {
    /// The new cost is the old less `cost_reduction_pct`.
    Reduction,
    /// The new cost is the old divided by `speedup` (throughput on the same
    /// hardware).
    #[default]
    Speedup,
}

/// Where an assumption comes from, shown beside it in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Source {
    #[serde(rename = "prospect")]
    Prospect,
    #[serde(rename = "vendor benchmark")]
    VendorBenchmark,
    #[serde(rename = "default")]
    Default,
}

impl Source {
    pub const CHOICES: [(&'static str, Source); 3] = [
        ("prospect", Source::Prospect),
        ("vendor benchmark", Source::VendorBenchmark),
        ("default", Source::Default),
    ];
}

/// Whether an extra line of the business case adds value or costs money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Benefit,
    Cost,
}

/// When an extra line's amounts fall.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Amounts {
    /// `initial` at the start; each yearly amount spread evenly over that
    /// year's months.
    Yearly { initial: f64, yearly: Vec<f64> },
    /// The same amount every month.
    Monthly { monthly: f64 },
}

/// An extra line of the business case.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ItemKind,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// Everything the calculator takes, under the keys the scenario JSON uses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inputs {
    pub prospect: String,
    pub prepared_by: String,
    pub currency: Currency,
    pub start_date: NaiveDate,
    pub horizon_months: f64,
    pub discount_rate_pct: f64,
    pub discounting: Discounting,
    pub confidence_pct: f64,
    pub cost_basis: CostBasis,
    pub current_monthly_cost: f64,
    pub tokens_per_month: f64,
    pub cost_per_million_tokens: f64,
    pub gpu_count: f64,
    pub gpu_hourly_cost: f64,
    pub hours_per_month: f64,
    pub change_basis: ChangeBasis,
    pub cost_reduction_pct: f64,
    pub speedup: f64,
    pub workload_growth_pct: f64,
    pub ramp_months: f64,
    pub license_monthly: f64,
    pub implementation_cost: f64,
    pub items: Vec<Item>,
    /// The source of each assumption, by input key; absent means `default`.
    pub sources: BTreeMap<String, Source>,
}

/// The conservative end of the published bitnet.cpp results (Microsoft,
/// "1-bit AI Infra", arXiv:2410.16144: 2.37× to 6.17× faster on x86 CPUs,
/// 71.9 % to 82.2 % less energy).
pub const DEFAULT_SPEEDUP: f64 = 2.37;

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            prospect: String::new(),
            prepared_by: String::new(),
            currency: Currency::USD,
            start_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            horizon_months: 36.0,
            discount_rate_pct: 10.0,
            discounting: Discounting::Annual,
            confidence_pct: 100.0,
            cost_basis: CostBasis::Direct,
            current_monthly_cost: 50_000.0,
            tokens_per_month: 0.0,
            cost_per_million_tokens: 0.0,
            gpu_count: 0.0,
            gpu_hourly_cost: 0.0,
            hours_per_month: 730.0,
            change_basis: ChangeBasis::Speedup,
            cost_reduction_pct: 0.0,
            speedup: DEFAULT_SPEEDUP,
            workload_growth_pct: 0.0,
            ramp_months: 0.0,
            license_monthly: 5_000.0,
            implementation_cost: 40_000.0,
            items: Vec::new(),
            sources: BTreeMap::from([("speedup".to_string(), Source::VendorBenchmark)]),
        }
    }
}

const fn money(key: &'static str, label: &'static str) -> FieldSpec {
    FieldSpec::new(key, label, Kind::Money, 0.0, MAX_AMOUNT)
}

pub const HORIZON: FieldSpec = FieldSpec {
    key: "horizon_months",
    label: "Horizon",
    kind: Kind::Months,
    min: 1.0,
    max: 600.0,
    help: "",
};
pub const DISCOUNT_RATE: FieldSpec = FieldSpec {
    key: "discount_rate_pct",
    label: "Discount rate",
    kind: Kind::Percent,
    min: 0.0,
    max: 100.0,
    help: "Annual",
};
pub const CONFIDENCE: FieldSpec = FieldSpec {
    key: "confidence_pct",
    label: "Confidence",
    kind: Kind::Percent,
    min: 0.0,
    max: 100.0,
    help: "Risk adjustment applied to every benefit",
};
pub const CURRENT_MONTHLY_COST: FieldSpec = money("current_monthly_cost", "Current monthly cost");
pub const COST_PER_MILLION_TOKENS: FieldSpec =
    money("cost_per_million_tokens", "Cost per million tokens");
pub const GPU_HOURLY_COST: FieldSpec = money("gpu_hourly_cost", "GPU hourly cost");
pub const LICENSE_MONTHLY: FieldSpec = money("license_monthly", "Licence, monthly");
pub const IMPLEMENTATION_COST: FieldSpec = money("implementation_cost", "Implementation, one-time");
pub const TOKENS_PER_MONTH: FieldSpec = FieldSpec {
    kind: Kind::Count,
    ..money("tokens_per_month", "Tokens per month (millions)")
};
pub const GPU_COUNT: FieldSpec = FieldSpec {
    kind: Kind::Count,
    ..money("gpu_count", "GPUs")
};
pub const HOURS_PER_MONTH: FieldSpec = FieldSpec {
    kind: Kind::Count,
    max: 744.0,
    ..money("hours_per_month", "Hours per month")
};
pub const COST_REDUCTION: FieldSpec = FieldSpec {
    key: "cost_reduction_pct",
    label: "Cost reduction",
    kind: Kind::Percent,
    min: 0.0,
    max: 100.0,
    help: "",
};
pub const SPEEDUP: FieldSpec = FieldSpec {
    key: "speedup",
    label: "Speed-up",
    kind: Kind::Count,
    min: 0.01,
    max: 1_000.0,
    help: "Throughput multiple on the same hardware",
};
pub const WORKLOAD_GROWTH: FieldSpec = FieldSpec {
    key: "workload_growth_pct",
    label: "Workload growth",
    kind: Kind::Percent,
    min: -50.0,
    max: 100.0,
    help: "Monthly",
};
pub const RAMP: FieldSpec = FieldSpec {
    key: "ramp_months",
    label: "Ramp",
    kind: Kind::Months,
    min: 0.0,
    max: 120.0,
    help: "Savings reach full over these months",
};

/// The longest text kept from a name field, and the most extra lines.
pub const MAX_TEXT: usize = 200;
pub const MAX_ITEMS: usize = 50;
/// Amounts of an extra line: non-negative money.
pub const ITEM_AMOUNT: FieldSpec = money("amount", "Amount");

/// Reads one number of the inputs.
pub type Get = fn(&Inputs) -> f64;
/// Writes one number of the inputs.
pub type Set = fn(&mut Inputs, f64);

/// Every numeric input: its field (key, label, range) and where it lives.
pub const NUMBERS: [(FieldSpec, Get, Set); 15] = [
    (HORIZON, |i| i.horizon_months, |i, x| i.horizon_months = x),
    (
        DISCOUNT_RATE,
        |i| i.discount_rate_pct,
        |i, x| i.discount_rate_pct = x,
    ),
    (
        CONFIDENCE,
        |i| i.confidence_pct,
        |i, x| i.confidence_pct = x,
    ),
    (
        CURRENT_MONTHLY_COST,
        |i| i.current_monthly_cost,
        |i, x| i.current_monthly_cost = x,
    ),
    (
        TOKENS_PER_MONTH,
        |i| i.tokens_per_month,
        |i, x| i.tokens_per_month = x,
    ),
    (
        COST_PER_MILLION_TOKENS,
        |i| i.cost_per_million_tokens,
        |i, x| i.cost_per_million_tokens = x,
    ),
    (GPU_COUNT, |i| i.gpu_count, |i, x| i.gpu_count = x),
    (
        GPU_HOURLY_COST,
        |i| i.gpu_hourly_cost,
        |i, x| i.gpu_hourly_cost = x,
    ),
    (
        HOURS_PER_MONTH,
        |i| i.hours_per_month,
        |i, x| i.hours_per_month = x,
    ),
    (
        COST_REDUCTION,
        |i| i.cost_reduction_pct,
        |i, x| i.cost_reduction_pct = x,
    ),
    (SPEEDUP, |i| i.speedup, |i, x| i.speedup = x),
    (
        WORKLOAD_GROWTH,
        |i| i.workload_growth_pct,
        |i, x| i.workload_growth_pct = x,
    ),
    (RAMP, |i| i.ramp_months, |i, x| i.ramp_months = x),
    (
        LICENSE_MONTHLY,
        |i| i.license_monthly,
        |i, x| i.license_monthly = x,
    ),
    (
        IMPLEMENTATION_COST,
        |i| i.implementation_cost,
        |i, x| i.implementation_cost = x,
    ),
];

/// The numeric input with scenario key `key`.
pub fn number(key: &str) -> Option<(FieldSpec, Get, Set)> {
    NUMBERS.into_iter().find(|(spec, _, _)| spec.key == key)
}

/// The inputs in force for this case: today's cost by its basis, the change
/// by its basis, then the rest. The fields of the other bases are kept in
/// the scenario but play no part.
pub fn keys_in_use(i: &Inputs) -> Vec<&'static str> {
    let mut keys = match i.cost_basis {
        CostBasis::Direct => vec!["current_monthly_cost"],
        CostBasis::Tokens => vec!["tokens_per_month", "cost_per_million_tokens"],
        CostBasis::Gpu => vec!["gpu_count", "gpu_hourly_cost", "hours_per_month"],
    };
    keys.push(match i.change_basis {
        ChangeBasis::Reduction => "cost_reduction_pct",
        ChangeBasis::Speedup => "speedup",
    });
    keys.extend([
        "workload_growth_pct",
        "ramp_months",
        "license_monthly",
        "implementation_cost",
        "confidence_pct",
        "horizon_months",
        "discount_rate_pct",
    ]);
    keys
}

/// The top-level scenario keys whose values differ between `a` and `b`, in
/// the scenario's order (what changed since a version was sent).
pub fn changed_keys(a: &Inputs, b: &Inputs) -> Vec<String> {
    match (a.to_json(), b.to_json()) {
        (Value::Object(a), Value::Object(b)) => a
            .iter()
            .filter(|(k, v)| b.get(k.as_str()) != Some(v))
            .map(|(k, _)| k.clone())
            .collect(),
        _ => Vec::new(),
    }
}

impl Inputs {
    /// Reads inputs from a scenario's JSON like typed input (see
    /// [`Reader`]): a bad value keeps its default and is reported.
    pub fn from_json(value: &Value) -> (Inputs, Vec<Problem>) {
        let mut i = Inputs::default();
        let mut read = Reader::new(value);
        for (spec, get, set) in NUMBERS {
            let mut x = get(&i);
            read.set(&spec, &mut x);
            set(&mut i, x);
        }
        if let Some(t) = read.text("prospect", MAX_TEXT) {
            i.prospect = t;
        }
        if let Some(t) = read.text("prepared_by", MAX_TEXT) {
            i.prepared_by = t;
        }
        if let Some(c) = read.choice("currency", &Currency::CHOICES) {
            i.currency = c;
        }
        let discounting = [
            ("annual", Discounting::Annual),
            ("monthly", Discounting::Monthly),
        ];
        if let Some(d) = read.choice("discounting", &discounting) {
            i.discounting = d;
        }
        let cost_bases = [
            ("direct", CostBasis::Direct),
            ("tokens", CostBasis::Tokens),
            ("gpu", CostBasis::Gpu),
        ];
        if let Some(b) = read.choice("cost_basis", &cost_bases) {
            i.cost_basis = b;
        }
        let change_bases = [
            ("reduction", ChangeBasis::Reduction),
            ("speedup", ChangeBasis::Speedup),
        ];
        if let Some(b) = read.choice("change_basis", &change_bases) {
            i.change_basis = b;
        }
        if let Some(d) = read.date("start_date") {
            i.start_date = d;
        }
        if let Some(list) = read.get("items") {
            match read_items(list) {
                Ok(items) => i.items = items,
                Err(message) => read.problem("items", message),
            }
        }
        if let Some(Value::Object(map)) = read.get("sources") {
            for (key, label) in map {
                let found = Source::CHOICES
                    .iter()
                    .find(|(w, _)| Some(*w) == label.as_str());
                match found {
                    Some((_, source)) => {
                        i.sources.insert(key.chars().take(40).collect(), *source);
                    }
                    None => {
                        read.problem("sources", "Must be prospect, vendor benchmark or default")
                    }
                }
            }
        }
        (i, read.finish())
    }

    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// Reads the extra lines; one bad line refuses the list, with its number.
fn read_items(value: &Value) -> Result<Vec<Item>, String> {
    let list = value.as_array().ok_or("Must be a list")?;
    if list.len() > MAX_ITEMS {
        return Err(format!("At most {MAX_ITEMS} lines"));
    }
    list.iter()
        .enumerate()
        .map(|(n, v)| read_item(v).map_err(|e| format!("Line {}: {e}", n + 1)))
        .collect()
}

fn read_item(value: &Value) -> Result<Item, String> {
    let mut read = Reader::new(value);
    let name = read.text("name", MAX_TEXT).unwrap_or_default();
    let kind = read.choice(
        "type",
        &[("benefit", ItemKind::Benefit), ("cost", ItemKind::Cost)],
    );
    let amount =
        |read: &mut Reader, key: &'static str| read.number(&FieldSpec { key, ..ITEM_AMOUNT });
    let amounts = match read.get("yearly") {
        Some(Value::Array(years)) if years.len() <= 50 => {
            let initial = amount(&mut read, "initial").unwrap_or(0.0);
            let yearly = years
                .iter()
                .map(|y| {
                    ITEM_AMOUNT
                        .read_value(Some(y))
                        .map(Option::unwrap_or_default)
                })
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("yearly: {e}"))?;
            Amounts::Yearly { initial, yearly }
        }
        Some(_) => return Err("yearly must be a list of at most 50 amounts".into()),
        None => Amounts::Monthly {
            monthly: amount(&mut read, "monthly").ok_or("needs yearly or monthly amounts")?,
        },
    };
    let problems = read.finish();
    if let Some(p) = problems.first() {
        return Err(format!("{}: {}", p.key, p.message));
    }
    let kind = kind.ok_or("type must be benefit or cost")?;
    Ok(Item {
        name,
        kind,
        amounts,
    })
}

/// Today's inference cost a month, by the chosen basis.
pub fn current_monthly_cost(i: &Inputs) -> f64 {
    match i.cost_basis {
        CostBasis::Direct => i.current_monthly_cost,
        CostBasis::Tokens => i.tokens_per_month * i.cost_per_million_tokens,
        CostBasis::Gpu => i.gpu_count * i.gpu_hourly_cost * i.hours_per_month,
    }
}

/// The inference cost a month after the change, at today's workload.
pub fn new_monthly_cost(i: &Inputs) -> Outcome {
    let current = current_monthly_cost(i);
    match i.change_basis {
        ChangeBasis::Reduction => {
            Outcome::finite(current * (1.0 - i.cost_reduction_pct / 100.0), TOO_LARGE)
        }
        ChangeBasis::Speedup => Outcome::ratio(current, i.speedup, "a speed-up of zero"),
    }
}

/// Cash flows by period: index 0 is the initial period (the start), index
/// m the month m = 1 … horizon. Benefits are already risk-adjusted.
#[derive(Clone, Debug, PartialEq)]
pub struct Flows {
    pub benefits: Vec<f64>,
    pub costs: Vec<f64>,
}

impl Flows {
    pub fn net(&self, period: usize) -> f64 {
        self.benefits.get(period).copied().unwrap_or(0.0)
            - self.costs.get(period).copied().unwrap_or(0.0)
    }
}

/// The horizon as a whole number of months, within the field's range.
fn months(i: &Inputs) -> usize {
    if i.horizon_months.is_finite() {
        i.horizon_months.clamp(HORIZON.min, HORIZON.max) as usize
    } else {
        HORIZON.min as usize
    }
}

/// Share of the full savings earned in month `m` (1-based): a linear ramp
/// reaching full in month `ramp_months`.
fn ramp(i: &Inputs, m: usize) -> f64 {
    if i.ramp_months >= 1.0 {
        (m as f64 / i.ramp_months).min(1.0)
    } else {
        1.0
    }
}

/// The business case's cash flows, month by month.
pub fn flows(i: &Inputs) -> Flows {
    flows_scaled(i, 1.0)
}

/// The cash flows with the inference savings multiplied by `scale` (the
/// "what if the savings are half of what we claim?" question).
fn flows_scaled(i: &Inputs, scale: f64) -> Flows {
    let h = months(i);
    let confidence = i.confidence_pct / 100.0;
    let savings = (current_monthly_cost(i) - new_monthly_cost(i).value().unwrap_or(0.0)) * scale;
    let growth = 1.0 + i.workload_growth_pct / 100.0;
    let mut benefits = vec![0.0; h + 1];
    let mut costs = vec![0.0; h + 1];
    if let Some(c) = costs.first_mut() {
        *c = i.implementation_cost;
    }
    for m in 1..=h {
        let saved = savings * growth.powi(m as i32 - 1) * ramp(i, m);
        if let Some(b) = benefits.get_mut(m) {
            *b = saved * confidence;
        }
        if let Some(c) = costs.get_mut(m) {
            *c = i.license_monthly;
        }
    }
    for item in &i.items {
        let (target, factor) = match item.kind {
            ItemKind::Benefit => (&mut benefits, confidence),
            ItemKind::Cost => (&mut costs, 1.0),
        };
        match &item.amounts {
            Amounts::Monthly { monthly } => {
                for slot in target.iter_mut().skip(1) {
                    *slot += monthly * factor;
                }
            }
            Amounts::Yearly { initial, yearly } => {
                if let Some(slot) = target.first_mut() {
                    *slot += initial * factor;
                }
                for (m, slot) in target.iter_mut().enumerate().skip(1) {
                    let year = (m - 1) / 12;
                    *slot += yearly.get(year).copied().unwrap_or(0.0) / 12.0 * factor;
                }
            }
        }
    }
    Flows { benefits, costs }
}

/// The discount factor of period `m` (0 = the initial period).
pub fn discount_factor(i: &Inputs, m: usize) -> f64 {
    let r = i.discount_rate_pct / 100.0;
    match (m, i.discounting) {
        (0, _) => 1.0,
        (m, Discounting::Annual) => (1.0 + r).powi(m.div_ceil(12) as i32).recip(),
        (m, Discounting::Monthly) => (1.0 + monthly_rate(r)).powi(m as i32).recip(),
    }
}

/// One row of the summary table: Initial, Year 1 …, Total, Present value.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub initial: f64,
    pub years: Vec<f64>,
    pub total: f64,
    pub present_value: f64,
}

impl Row {
    /// Its figures in the table's order: Initial, Year 1 …, Total, Present value.
    pub fn cells(&self) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(self.initial)
            .chain(self.years.iter().copied())
            .chain([self.total, self.present_value])
    }
}

fn row(i: &Inputs, flow: impl Fn(usize) -> f64, h: usize) -> Row {
    let mut years = vec![0.0; h.div_ceil(12)];
    for m in 1..=h {
        if let Some(y) = years.get_mut((m - 1) / 12) {
            *y += flow(m);
        }
    }
    Row {
        initial: flow(0),
        total: (0..=h).map(&flow).sum(),
        present_value: (0..=h).map(|m| flow(m) * discount_factor(i, m)).sum(),
        years,
    }
}

/// The study's summary table.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub benefits: Row,
    pub costs: Row,
    pub net: Row,
}

/// Everything the calculator computes (the `data-result` keys).
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub current_monthly_cost: Outcome,
    pub new_monthly_cost: Outcome,
    /// Gross savings a month at full ramp, month 1.
    pub monthly_savings: Outcome,
    pub total_benefits: Outcome,
    pub total_costs: Outcome,
    pub net_benefit: Outcome,
    pub pv_benefits: Outcome,
    pub pv_costs: Outcome,
    pub npv: Outcome,
    pub roi_pct: Outcome,
    pub payback_months: Outcome,
    /// How `payback_months` comes about, for its formula.
    pub payback: Payback,
    pub payback_date: Option<NaiveDate>,
    pub summary: Summary,
}

pub fn summary(i: &Inputs) -> Summary {
    summary_of(i, &flows(i))
}

fn summary_of(i: &Inputs, f: &Flows) -> Summary {
    let h = months(i);
    let at = |v: &Vec<f64>, m: usize| v.get(m).copied().unwrap_or(0.0);
    Summary {
        benefits: row(i, |m| at(&f.benefits, m), h),
        costs: row(i, |m| at(&f.costs, m), h),
        net: row(i, |m| f.net(m), h),
    }
}

/// When the undiscounted cumulative net cash flow, from the initial
/// period's net, is non-negative for good: the end of its last stretch
/// below zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Payback {
    /// Never below zero: paid back at once (there are costs to pay back).
    AtOnce,
    /// Back to zero inside month `month` (from 1): `short` below zero
    /// after the month before, and `net` earned in it.
    In { month: usize, short: f64, net: f64 },
    /// Below zero at the horizon, or nothing to pay back: why.
    Never(&'static str),
}

impl Payback {
    /// Months from the start, interpolated linearly inside the month.
    pub fn months(self) -> Outcome {
        match self {
            Payback::AtOnce => Outcome::Value(0.0),
            Payback::In { month, short, net } => {
                Outcome::finite((month - 1) as f64 + short / net, TOO_LARGE)
            }
            Payback::Never(why) => Outcome::Undefined(why),
        }
    }
}

/// Where the cash flows are paid back. Undefined when the cumulative net
/// is below zero at the horizon, and when there are no costs at all.
pub fn payback(f: &Flows) -> Payback {
    let mut cumulative = 0.0;
    let mut payback = Payback::AtOnce;
    for m in 0..f.benefits.len() {
        let net = f.net(m);
        let before = cumulative;
        cumulative += net;
        if cumulative < 0.0 {
            payback = Payback::Never("the investment is not paid back within the horizon");
        } else if before < 0.0 {
            // Month m's flows fall within it, from m − 1 to m; before < 0
            // only after month 0.
            payback = Payback::In {
                month: m,
                short: -before,
                net,
            };
        }
    }
    if payback == Payback::AtOnce && f.costs.iter().all(|&c| c == 0.0) {
        return Payback::Never("there are no costs to pay back");
    }
    payback
}

/// The calendar date `months` (fractional) after `start`: whole months by
/// the calendar (the 31st becomes the last day of a shorter month), the
/// fraction as that share of the following month's days, rounded.
pub fn date_after(start: NaiveDate, months: f64) -> Option<NaiveDate> {
    if !(0.0..100_000.0).contains(&months) {
        return None;
    }
    let whole = months.floor() as u32;
    let from = start.checked_add_months(Months::new(whole))?;
    let to = start.checked_add_months(Months::new(whole + 1))?;
    let days = (to - from).num_days() as f64;
    from.checked_add_days(chrono::Days::new(
        ((months - months.floor()) * days).round() as u64,
    ))
}

/// Computes every result. No panic and no NaN or infinity for any input.
pub fn compute(i: &Inputs) -> Results {
    compute_scaled(i, 1.0)
}

/// Every result with the inference savings multiplied by `scale`.
pub fn compute_scaled(i: &Inputs, scale: f64) -> Results {
    let f = flows_scaled(i, scale);
    let s = summary_of(i, &f);
    let current = current_monthly_cost(i);
    let new = new_monthly_cost(i);
    let paid = payback(&f);
    let payback = paid.months();
    let finite = |x: f64| Outcome::finite(x, TOO_LARGE);
    let npv = finite(s.net.present_value);
    Results {
        current_monthly_cost: finite(current),
        monthly_savings: match new {
            Outcome::Value(n) => finite((current - n) * scale),
            undefined => undefined,
        },
        new_monthly_cost: new,
        total_benefits: finite(s.benefits.total),
        total_costs: finite(s.costs.total),
        net_benefit: finite(s.net.total),
        pv_benefits: finite(s.benefits.present_value),
        pv_costs: finite(s.costs.present_value),
        roi_pct: match npv {
            Outcome::Value(n) => {
                Outcome::ratio(n * 100.0, s.costs.present_value, "there are no costs")
            }
            undefined => undefined,
        },
        npv,
        payback_date: payback.value().and_then(|p| date_after(i.start_date, p)),
        payback_months: payback,
        payback: paid,
        summary: s,
    }
}

/// The undiscounted cumulative net cash flow after each period (index 0 is
/// the initial period), with the inference savings multiplied by `scale`:
/// the curve whose zero crossing is the payback.
pub fn cumulative_net(i: &Inputs, scale: f64) -> Vec<f64> {
    let f = flows_scaled(i, scale);
    (0..f.benefits.len())
        .scan(0.0, |total, m| {
            *total += f.net(m);
            Some(*total)
        })
        .collect()
}

/// The business case month by month, as CSV for a spreadsheet: `month` (0
/// is the initial period), `date` (the start, then the day each month
/// ends, where it is discounted), `benefits` (risk-adjusted), `costs`,
/// `net`, `discount_factor`, `present_value` and `cumulative_net`, at full
/// precision (empty where too large): `present_value` sums to the net
/// present value, and `cumulative_net` turns non-negative in the month of
/// the payback.
pub fn cash_flows_csv(i: &Inputs) -> String {
    let f = flows(i);
    let mut out = csv::line(
        &[
            "month",
            "date",
            "benefits",
            "costs",
            "net",
            "discount_factor",
            "present_value",
            "cumulative_net",
        ]
        .map(String::from),
    );
    let mut cumulative = 0.0;
    for m in 0..f.benefits.len() {
        let net = f.net(m);
        let factor = discount_factor(i, m);
        cumulative += net;
        out += &csv::line(&[
            m.to_string(),
            date_after(i.start_date, m as f64)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            csv::number(f.benefits.get(m).copied().unwrap_or(0.0)),
            csv::number(f.costs.get(m).copied().unwrap_or(0.0)),
            csv::number(net),
            csv::number(factor),
            csv::number(net * factor),
            csv::number(cumulative),
        ]);
    }
    out
}

/// The share of the claimed inference savings in the "what if" case.
pub const HALF: f64 = 0.5;

/// How far each assumption is moved either way in the tornado (±20 %).
pub const SWING: f64 = 0.2;

/// One bar of the tornado: NPV with one assumption moved down and up by
/// [`SWING`], everything else as entered.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The input key moved.
    pub key: &'static str,
    pub label: &'static str,
    /// The assumption's value moved down and up (within its field's range).
    pub low: f64,
    pub high: f64,
    pub npv_low: Outcome,
    pub npv_high: Outcome,
}

impl Bar {
    /// How much NPV moves between the two ends (0 when either is undefined).
    pub fn swing(&self) -> f64 {
        match (self.npv_low, self.npv_high) {
            (Outcome::Value(a), Outcome::Value(b)) => (b - a).abs(),
            _ => 0.0,
        }
    }
}

/// The main assumptions the tornado moves: the ones in use, but the
/// horizon and the hours in a month; today's cost is moved through its
/// price (cost per million tokens, GPU hourly cost).
fn levers(i: &Inputs) -> Vec<(FieldSpec, Get, Set)> {
    keys_in_use(i)
        .into_iter()
        .filter(|k| {
            !matches!(
                *k,
                "horizon_months" | "hours_per_month" | "gpu_count" | "tokens_per_month"
            )
        })
        .filter_map(number)
        .collect()
}

/// The tornado: each main assumption moved by ±[`SWING`] of its value (a
/// number of months by whole months), widest swing in NPV first. An
/// assumption that does not move (a rate of 0 moved by a fifth is still 0)
/// is left out.
pub fn tornado(i: &Inputs) -> Vec<Bar> {
    let npv_with = |set: fn(&mut Inputs, f64), x: f64| {
        let mut moved = i.clone();
        set(&mut moved, x);
        compute(&moved).npv
    };
    let mut bars: Vec<Bar> = levers(i)
        .into_iter()
        .map(|(spec, get, set)| {
            let x = get(i);
            // Not f64::clamp: its check of the bounds would bring float
            // formatting into the wasm for a message that cannot show.
            let within = |y: f64| y.max(spec.min).min(spec.max);
            // A field of whole months moves by whole months, at least one:
            // a ramp of 4 is tried at 3 and 5, not at 3.2, which its field
            // refuses.
            let step = match spec.kind {
                Kind::Months if x > 0.0 => (x * SWING).round().max(1.0),
                _ => x * SWING,
            };
            let (low, high) = (within(x - step), within(x + step));
            Bar {
                key: spec.key,
                label: spec.label,
                low,
                high,
                npv_low: npv_with(set, low),
                npv_high: npv_with(set, high),
            }
        })
        .filter(|b| b.low != b.high)
        .collect();
    super::sort_by(&mut bars, |a, b| b.swing().total_cmp(&a.swing()));
    bars
}

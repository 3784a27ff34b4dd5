//! Compensation: what a sales plan pays (base, marginal accelerator tiers,
//! threshold, cap, team bonus), and what offer packages are worth (salary,
//! bonus, sign-on, benefits and equity vesting by the calendar).

use super::{Currency, Outcome, TOO_LARGE};
use crate::input::{FieldSpec, Kind, Problem, Reader, MAX_AMOUNT};
use chrono::{Months, NaiveDate};
use serde::Serialize;
use serde_json::Value;

// ---------------------------------------------------------------- the plan

/// A role preset: it fills the plan with the company plan's numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    EnterpriseAe,
    SmbAe,
    /// Counted in qualified meetings, not money.
    Sdr,
    Custom,
}

impl Role {
    pub const CHOICES: [(&'static str, Role); 4] = [
        ("enterprise_ae", Role::EnterpriseAe),
        ("smb_ae", Role::SmbAe),
        ("sdr", Role::Sdr),
        ("custom", Role::Custom),
    ];
}

/// The period quota and achievement are counted in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Annual,
    Quarterly,
    Monthly,
}

impl Period {
    pub const CHOICES: [(&'static str, Period); 3] = [
        ("annual", Period::Annual),
        ("quarterly", Period::Quarterly),
        ("monthly", Period::Monthly),
    ];

    /// The share of a year the period is.
    pub fn of_year(self) -> f64 {
        match self {
            Period::Annual => 1.0,
            Period::Quarterly => 0.25,
            Period::Monthly => 1.0 / 12.0,
        }
    }
}

/// A marginal accelerator tier: from `from_pct` of quota (to the next
/// tier's start), each unit earns `multiplier` × the base rate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Tier {
    pub from_pct: f64,
    pub multiplier: f64,
}

/// A sales compensation plan (`inputs.plan`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub role: Role,
    /// On-target earnings a year: base + variable at 100 % of quota.
    pub ote: f64,
    pub base_pct: f64,
    /// Quota for the period: money, or meetings for an SDR.
    pub quota: f64,
    pub period: Period,
    /// Achieved in the period, in the quota's unit.
    pub achieved: f64,
    /// Sorted by `from_pct`; units below the first tier earn nothing.
    pub tiers: Vec<Tier>,
    pub threshold_pct: f64,
    /// `None`: uncapped.
    pub cap_pct: Option<f64>,
    /// Paid per quarter in which the team goal is hit.
    pub team_bonus: f64,
    pub team_quarters_hit: f64,
    /// The reverse question: what attainment earns this total?
    pub target_total: f64,
}

/// The plan's accelerator: 1.5× the base rate on every unit above quota.
pub fn default_tiers() -> Vec<Tier> {
    vec![
        Tier {
            from_pct: 0.0,
            multiplier: 1.0,
        },
        Tier {
            from_pct: 100.0,
            multiplier: 1.5,
        },
    ]
}

impl Plan {
    /// The company plan's numbers for `role`: quotas of 1,000,000 and
    /// 500,000 of ARR a year for enterprise and SMB AEs, 50 qualified
    /// meetings a month for SDRs; 60/40 base/commission, uncapped, 1.5×
    /// above quota. The OTEs are illustrative defaults (the plan gives none).
    pub fn preset(role: Role) -> Plan {
        let (ote, quota, period) = match role {
            Role::EnterpriseAe => (250_000.0, 1_000_000.0, Period::Annual),
            Role::SmbAe => (140_000.0, 500_000.0, Period::Annual),
            Role::Sdr => (80_000.0, 50.0, Period::Monthly),
            Role::Custom => (200_000.0, 800_000.0, Period::Annual),
        };
        Plan {
            role,
            ote,
            base_pct: 60.0,
            quota,
            period,
            achieved: quota,
            tiers: default_tiers(),
            threshold_pct: 0.0,
            cap_pct: None,
            team_bonus: 0.0,
            team_quarters_hit: 0.0,
            target_total: ote * period.of_year() * 1.2,
        }
    }

    /// Whether quota and achievement are counted in meetings.
    pub fn in_meetings(&self) -> bool {
        self.role == Role::Sdr
    }

    /// Base pay for the period.
    pub fn base(&self) -> f64 {
        self.ote * self.base_pct / 100.0 * self.period.of_year()
    }

    /// Variable pay at 100 % of quota, for the period.
    pub fn variable(&self) -> f64 {
        self.ote * (1.0 - self.base_pct / 100.0) * self.period.of_year()
    }

    /// Team bonus for the period: the year's (bonus × quarters hit) spread
    /// over the year.
    pub fn team_bonus_pay(&self) -> f64 {
        self.team_bonus * self.team_quarters_hit * self.period.of_year()
    }

    /// A cap below the threshold: nothing is paid until the threshold, and
    /// there at once the commission on everything up to the cap. Allowed
    /// (each field is in range), but likely not what the plan means.
    pub fn cap_below_threshold(&self) -> bool {
        self.cap_pct.is_some_and(|cap| cap < self.threshold_pct)
    }

    /// Commission for `achieved` units in the period.
    pub fn commission(&self, achieved: f64) -> f64 {
        let q = self.quota;
        if q.is_nan()
            || q <= 0.0
            || achieved.is_nan()
            || achieved <= 0.0
            || achieved / q * 100.0 < self.threshold_pct
        {
            return 0.0;
        }
        let rate = self.variable() / q;
        let counted = match self.cap_pct {
            Some(cap) => achieved.min(cap / 100.0 * q),
            None => achieved,
        };
        let mut tiers = self.tiers.clone();
        super::sort_by(&mut tiers, |a, b| a.from_pct.total_cmp(&b.from_pct));
        let mut paid = 0.0;
        for (k, tier) in tiers.iter().enumerate() {
            let from = tier.from_pct / 100.0 * q;
            let to = tiers
                .get(k + 1)
                .map_or(f64::INFINITY, |t| t.from_pct / 100.0 * q);
            // min/max rather than clamp: clamp panics on a NaN bound.
            let units = (counted.min(to) - from).max(0.0);
            paid += rate * tier.multiplier * units;
        }
        paid
    }

    /// Total pay for the period at `achieved`.
    pub fn total_at(&self, achieved: f64) -> f64 {
        self.base() + self.commission(achieved) + self.team_bonus_pay()
    }
}

/// Everything the plan computes (`plan.<key>`).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanResults {
    pub base: Outcome,
    pub variable: Outcome,
    /// Commission per unit of quota: a percentage for money quotas, money
    /// per meeting for an SDR.
    pub rate: Outcome,
    pub attainment_pct: Outcome,
    pub commission: Outcome,
    pub team_bonus: Outcome,
    pub total: Outcome,
    /// Commission ÷ achieved: a percentage, or money per meeting.
    pub effective_rate_pct: Outcome,
    pub vs_ote_pct: Outcome,
}

const NO_QUOTA: &str = "there is no quota";

pub fn plan_results(p: &Plan) -> PlanResults {
    let finite = |x: f64| Outcome::finite(x, TOO_LARGE);
    let per_unit = if p.in_meetings() { 1.0 } else { 100.0 };
    let commission = p.commission(p.achieved);
    let total = p.total_at(p.achieved);
    PlanResults {
        base: finite(p.base()),
        variable: finite(p.variable()),
        rate: Outcome::ratio(p.variable() * per_unit, p.quota, NO_QUOTA),
        attainment_pct: Outcome::ratio(p.achieved * 100.0, p.quota, NO_QUOTA),
        commission: finite(commission),
        team_bonus: finite(p.team_bonus_pay()),
        total: finite(total),
        effective_rate_pct: Outcome::ratio(
            commission * per_unit,
            p.achieved,
            "nothing was achieved",
        ),
        vs_ote_pct: Outcome::ratio(total * 100.0, p.ote * p.period.of_year(), "OTE is zero"),
    }
}

/// The attainments of the earnings table.
pub const TABLE_PCTS: [f64; 6] = [50.0, 75.0, 100.0, 125.0, 150.0, 200.0];

/// Commission at `pct` % of quota.
pub fn commission_at_pct(p: &Plan, pct: f64) -> Outcome {
    Outcome::finite(p.commission(pct / 100.0 * p.quota), TOO_LARGE)
}

/// Total pay at `pct` % of quota.
pub fn total_at_pct(p: &Plan, pct: f64) -> Outcome {
    Outcome::finite(p.total_at(pct / 100.0 * p.quota), TOO_LARGE)
}

/// Where the payout curve ends, in % of quota: at 200 %, or, when the
/// attainment or a change of the plan (a tier's start, the threshold, the
/// cap) is there or beyond, a tenth past the furthest of them in steps of
/// 50 %, at most 1,000 %. A rep at 300 % sees where they are, and a cap at
/// 200 % the pay it holds flat.
pub fn curve_top_pct(p: &Plan) -> f64 {
    let furthest = p
        .tiers
        .iter()
        .map(|t| t.from_pct)
        .chain([p.achieved * 100.0 / p.quota, p.threshold_pct])
        .chain(p.cap_pct)
        .filter(|x| x.is_finite())
        .fold(0.0, f64::max);
    if furthest < 200.0 {
        200.0
    } else {
        ((furthest * 1.1 / 50.0).ceil() * 50.0).min(1000.0)
    }
}

/// The payout curve: (attainment %, total) from 0 to `curve_top_pct`, in
/// 200 steps (1 % each to 200 %).
pub fn payout_curve(p: &Plan) -> Vec<(f64, f64)> {
    let top = curve_top_pct(p);
    (0..=200)
        .map(|k| {
            let pct = f64::from(k) * top / 200.0;
            (pct, p.total_at(pct / 100.0 * p.quota))
        })
        .filter(|(_, y)| y.is_finite())
        .collect()
}

/// The least attainment (% of quota) at which the period's total pay
/// reaches `target`. Undefined when the plan cannot pay that much (a cap,
/// no quota).
pub fn attainment_for(p: &Plan, target: f64) -> Outcome {
    if p.quota.is_nan() || p.quota <= 0.0 || !target.is_finite() {
        return Outcome::Undefined(NO_QUOTA);
    }
    if p.total_at(0.0) >= target {
        return Outcome::Value(0.0);
    }
    // Pay never falls as achievement grows: double until it is reached,
    // then halve the interval to well under a unit.
    // (At most 14 doublings: 16,384 % of quota; a bounded loop whatever the
    // numbers.)
    let mut high = p.quota;
    let mut doublings = 0;
    while p.total_at(high).is_nan() || p.total_at(high) < target {
        high *= 2.0;
        doublings += 1;
        if doublings > 14 {
            return Outcome::Undefined("the plan cannot pay that much at any attainment");
        }
    }
    let mut low = 0.0;
    for _ in 0..200 {
        let mid = (low + high) / 2.0;
        if p.total_at(mid) >= target {
            high = mid;
        } else {
            low = mid;
        }
    }
    Outcome::finite(high / p.quota * 100.0, TOO_LARGE)
}

// ---------------------------------------------------------------- offers

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EquityType {
    #[default]
    Options,
    Rsu,
}

/// One offer package (`inputs.offers[i]`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Offer {
    pub name: String,
    pub base: f64,
    pub bonus_pct: f64,
    pub sign_on: f64,
    pub start_date: NaiveDate,
    pub raise_pct: f64,
    /// Yearly value of benefits (retirement match, health …).
    pub benefits: f64,
    pub equity_type: EquityType,
    pub shares: f64,
    pub strike: f64,
    /// Today's value of a share (preferred price or 409A).
    pub share_price: f64,
    /// Fully diluted shares of the company.
    pub company_shares: f64,
    pub vest_months: f64,
    pub cliff_months: f64,
    pub vest_every_months: f64,
    pub exit_value: f64,
    pub dilution_pct: f64,
}

impl Offer {
    /// A typical start-up offer: 48,000 options over 4 years with a 1-year
    /// cliff (the company plan's vesting), vesting monthly.
    pub fn example(name: &str) -> Offer {
        Offer {
            name: name.into(),
            base: 150_000.0,
            bonus_pct: 10.0,
            sign_on: 0.0,
            start_date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default(),
            raise_pct: 3.0,
            benefits: 15_000.0,
            equity_type: EquityType::Options,
            shares: 48_000.0,
            strike: 1.0,
            share_price: 3.0,
            company_shares: 10_000_000.0,
            vest_months: 48.0,
            cliff_months: 12.0,
            vest_every_months: 1.0,
            exit_value: 500_000_000.0,
            dilution_pct: 30.0,
        }
    }

    /// The example offer in place `n` (from 0): "Offer A", "Offer B" …
    pub fn nth(n: usize) -> Offer {
        let letter = char::from(b'A' + (n % 26) as u8);
        Offer::example(&format!("Offer {letter}"))
    }

    /// What one share is worth today: the spread over the strike for an
    /// option (never below 0), the price for an RSU.
    pub fn value_per_share(&self) -> f64 {
        match self.equity_type {
            EquityType::Options => (self.share_price - self.strike).max(0.0),
            EquityType::Rsu => self.share_price,
        }
    }

    /// What the holder pays a share: the strike for options, nothing for RSUs.
    pub fn strike_paid(&self) -> f64 {
        match self.equity_type {
            EquityType::Options => self.strike,
            EquityType::Rsu => 0.0,
        }
    }
}

/// Whole calendar months from `start` to `date`: the largest m with
/// start + m months ≤ date (a start on the 31st counts a month on the last
/// day of a shorter one).
pub fn months_elapsed(start: NaiveDate, date: NaiveDate) -> u32 {
    if date < start {
        return 0;
    }
    let mut m = (date.year_month() - start.year_month()).max(0) as u32;
    while m > 0
        && start
            .checked_add_months(Months::new(m))
            .is_none_or(|d| d > date)
    {
        m -= 1;
    }
    m
}

trait YearMonth {
    fn year_month(&self) -> i64;
}

impl YearMonth for NaiveDate {
    fn year_month(&self) -> i64 {
        use chrono::Datelike;
        i64::from(self.year()) * 12 + i64::from(self.month0())
    }
}

/// The vesting months counted on `date`: none before the cliff, the cliff's
/// months at the cliff, then one part every `vest_every_months`, up to the
/// whole.
pub fn vested_months(o: &Offer, date: NaiveDate) -> f64 {
    let m = f64::from(months_elapsed(o.start_date, date));
    let cliff = o.cliff_months.max(0.0);
    if m < cliff {
        return 0.0;
    }
    let every = o.vest_every_months.max(1.0);
    let counted = cliff + ((m - cliff) / every).floor() * every;
    counted.min(o.vest_months.max(0.0))
}

/// Shares vested on `date`: floor(shares × vested months ÷ vest months).
pub fn vested_shares(o: &Offer, date: NaiveDate) -> f64 {
    if o.vest_months.is_nan() || o.vest_months <= 0.0 {
        return o.shares.max(0.0);
    }
    let v = (o.shares * vested_months(o, date) / o.vest_months).floor();
    if v.is_finite() {
        v.clamp(0.0, o.shares.max(0.0))
    } else {
        0.0
    }
}

/// The date `m` whole months after the start (end-of-month clamped).
pub fn month_date(o: &Offer, m: u32) -> Option<NaiveDate> {
    o.start_date.checked_add_months(Months::new(m))
}

/// One date of a vesting schedule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vesting {
    pub date: NaiveDate,
    /// The total vested that day.
    pub shares: f64,
    /// Those shares' value today (an option's less its strike).
    pub value: f64,
}

/// The vesting schedule: every date on which shares vest.
pub fn schedule(o: &Offer) -> Vec<Vesting> {
    let months = o.vest_months.clamp(0.0, 600.0) as u32;
    let per_share = o.value_per_share();
    let mut out: Vec<Vesting> = Vec::new();
    let mut last = 0.0;
    for m in 0..=months {
        let Some(date) = month_date(o, m) else { break };
        let shares = vested_shares(o, date);
        if shares > last {
            out.push(Vesting {
                date,
                shares,
                value: shares * per_share,
            });
            last = shares;
        }
    }
    out
}

/// Pay month by month (item m − 1 is month m), in two parts: what accrues
/// through the month (a twelfth of that year's base, raised at each
/// anniversary, target bonus and benefits) and what comes at once at its end
/// (the sign-on in the first month, the value today of the shares that vest).
fn monthly_pay(o: &Offer, months: u32) -> Vec<(f64, f64)> {
    let per_share = o.value_per_share();
    let mut vested_before = 0.0;
    (1..=months)
        .map(|m| {
            let year = (m - 1) / 12;
            let base = o.base * (1.0 + o.raise_pct / 100.0).powi(year as i32);
            let accrued = (base * (1.0 + o.bonus_pct / 100.0) + o.benefits) / 12.0;
            let vested = month_date(o, m).map_or(vested_before, |d| vested_shares(o, d));
            let sign_on = if m == 1 { o.sign_on } else { 0.0 };
            let at_once = sign_on + (vested - vested_before) * per_share;
            vested_before = vested;
            (accrued, at_once)
        })
        .collect()
}

/// Cumulative compensation month by month (index 0: nothing yet; index m:
/// after m months).
pub fn cumulative(o: &Offer, months: u32) -> Vec<f64> {
    let mut total = 0.0;
    let mut out = vec![0.0];
    for (accrued, at_once) in monthly_pay(o, months) {
        total += accrued;
        total += at_once;
        out.push(total);
    }
    out
}

/// The cumulative pay as a curve to draw, in (month, pay) points: pay
/// accrues along each month, and what comes at once (a sign-on, shares
/// vesting at the cliff) is a jump at the month's end, not a ramp from the
/// month before. The last point at each whole month is `cumulative`'s.
pub fn pay_curve(o: &Offer, months: u32) -> Vec<(f64, f64)> {
    let mut total = 0.0;
    let mut out = vec![(0.0, 0.0)];
    for (m, (accrued, at_once)) in (1..=months).zip(monthly_pay(o, months)) {
        total += accrued;
        out.push((f64::from(m), total));
        if at_once != 0.0 {
            total += at_once;
            out.push((f64::from(m), total));
        }
    }
    out
}

/// Everything an offer computes (`offer.<i>.<key>`).
#[derive(Clone, Debug, PartialEq)]
pub struct OfferResults {
    pub year1_total: Outcome,
    pub annualized_total: Outcome,
    pub four_year_total: Outcome,
    pub grant_pct: Outcome,
    pub exercise_cost: Outcome,
    pub exit_value_of_grant: Outcome,
    pub vested_shares: Outcome,
    pub vested_value: Outcome,
}

pub fn offer_results(o: &Offer, as_of: NaiveDate) -> OfferResults {
    let finite = |x: f64| Outcome::finite(x, TOO_LARGE);
    let curve = cumulative(o, 48);
    let at = |m: usize| curve.get(m).copied().unwrap_or(0.0);
    let years = o.vest_months / 12.0;
    let yearly_equity = Outcome::ratio(o.shares * o.value_per_share(), years, "no vesting period");
    let vested = vested_shares(o, as_of);
    let exit_price = o.exit_value * (1.0 - o.dilution_pct / 100.0) / o.company_shares;
    OfferResults {
        year1_total: finite(at(12)),
        annualized_total: match yearly_equity {
            Outcome::Value(e) => {
                finite(o.base + e + o.base * o.bonus_pct / 100.0 + o.sign_on / 4.0)
            }
            undefined => undefined,
        },
        four_year_total: finite(at(48)),
        grant_pct: Outcome::ratio(
            o.shares * 100.0,
            o.company_shares,
            "the company's share count is zero",
        ),
        exercise_cost: match o.equity_type {
            EquityType::Options => finite(o.shares * o.strike),
            EquityType::Rsu => Outcome::Undefined("RSUs are not bought"),
        },
        exit_value_of_grant: if o.company_shares > 0.0 {
            finite(o.shares * (exit_price - o.strike_paid()).max(0.0))
        } else {
            Outcome::Undefined("the company's share count is zero")
        },
        vested_shares: finite(vested),
        vested_value: finite(vested * o.value_per_share()),
    }
}

/// The months (from 1) after which line `a` and line `b` change order.
pub fn crossings(a: &[f64], b: &[f64]) -> Vec<usize> {
    let sign = |m: usize| {
        let d = a.get(m).copied().unwrap_or(0.0) - b.get(m).copied().unwrap_or(0.0);
        if d > 0.0 {
            1
        } else if d < 0.0 {
            -1
        } else {
            0
        }
    };
    let mut out = Vec::new();
    let mut last = 0;
    for m in 1..a.len().min(b.len()) {
        let s = sign(m);
        if s != 0 {
            if last != 0 && s != last {
                out.push(m);
            }
            last = s;
        }
    }
    out
}

/// Which of `values` is best (the largest, or with `lower_is_better` the
/// smallest); none when fewer than two are defined (one offer is not "the
/// best" of anything) or they are all equal.
pub fn best(values: &[Outcome], lower_is_better: bool) -> Option<usize> {
    let defined: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.value().map(|v| (i, v)))
        .collect();
    let first = defined.first()?.1;
    if defined.len() < 2 || defined.iter().all(|(_, v)| *v == first) {
        return None;
    }
    let pick = |a: &(usize, f64), b: &(usize, f64)| a.1.total_cmp(&b.1);
    if lower_is_better {
        defined.iter().min_by(|a, b| pick(a, b)).map(|(i, _)| *i)
    } else {
        defined.iter().max_by(|a, b| pick(a, b)).map(|(i, _)| *i)
    }
}

// ---------------------------------------------------------------- inputs

/// The whole calculator's inputs: both tools, the currency and the date
/// vesting is looked at.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inputs {
    pub currency: Currency,
    /// "What if I leave on …": the date vested shares are counted on;
    /// `None` is today, whenever the scenario is opened.
    pub as_of: Option<NaiveDate>,
    pub plan: Plan,
    pub offers: Vec<Offer>,
}

/// At most this many offers side by side.
pub const MAX_OFFERS: usize = 4;
pub const MAX_TIERS: usize = 8;
pub const MAX_NAME: usize = 80;

impl Default for Inputs {
    fn default() -> Self {
        Inputs::new()
    }
}

impl Inputs {
    /// The date vested shares are counted on.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    pub fn new() -> Inputs {
        Inputs {
            currency: Currency::USD,
            as_of: None,
            plan: Plan::preset(Role::EnterpriseAe),
            offers: vec![Offer::example("Offer A")],
        }
    }

    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Reads inputs from a scenario's JSON like typed input: a bad value
    /// keeps its default and is reported under its full key
    /// (`plan.quota`, `offers.1.strike`).
    pub fn from_json(value: &Value) -> (Inputs, Vec<Problem>) {
        let mut i = Inputs::new();
        let mut read = Reader::new(value);
        if let Some(c) = read.choice("currency", &Currency::CHOICES) {
            i.currency = c;
        }
        if let Some(d) = read.date("as_of") {
            i.as_of = Some(d);
        }
        let mut problems = Vec::new();
        if let Some(plan) = read.get("plan") {
            let (p, found) = read_plan(plan);
            i.plan = p;
            problems.extend(prefixed("plan", found));
        }
        if let Some(list) = read.get("offers") {
            match list.as_array() {
                Some(list) if list.len() <= MAX_OFFERS => {
                    i.offers = list
                        .iter()
                        .enumerate()
                        .map(|(n, v)| {
                            let (o, found) = read_offer(v, n);
                            problems.extend(prefixed(&format!("offers.{n}"), found));
                            o
                        })
                        .collect();
                }
                _ => read.problem(
                    "offers",
                    format!("Must be a list of at most {MAX_OFFERS} offers"),
                ),
            }
        }
        let mut all = read.finish();
        all.extend(problems);
        (i, all)
    }
}

fn prefixed(prefix: &str, problems: Vec<Problem>) -> impl Iterator<Item = Problem> + '_ {
    problems.into_iter().map(move |p| Problem {
        key: format!("{prefix}.{}", p.key),
        message: p.message,
    })
}

pub type Get<T> = fn(&T) -> f64;
pub type Set<T> = fn(&mut T, f64);

/// The plan's numeric fields.
pub const PLAN_NUMBERS: [(FieldSpec, Get<Plan>, Set<Plan>); 8] = [
    (
        FieldSpec::new(
            "ote",
            "On-target earnings, a year",
            Kind::Money,
            0.0,
            MAX_AMOUNT,
        ),
        |p| p.ote,
        |p, x| p.ote = x,
    ),
    (
        FieldSpec::new("base_pct", "Base share of OTE", Kind::Percent, 0.0, 100.0),
        |p| p.base_pct,
        |p, x| p.base_pct = x,
    ),
    (
        FieldSpec::new(
            "quota",
            "Quota for the period",
            Kind::Count,
            0.0,
            MAX_AMOUNT,
        ),
        |p| p.quota,
        |p, x| p.quota = x,
    ),
    (
        FieldSpec::new(
            "achieved",
            "Achieved in the period",
            Kind::Count,
            0.0,
            MAX_AMOUNT,
        ),
        |p| p.achieved,
        |p, x| p.achieved = x,
    ),
    (
        FieldSpec::new(
            "threshold_pct",
            "No commission below",
            Kind::Percent,
            0.0,
            1_000.0,
        ),
        |p| p.threshold_pct,
        |p, x| p.threshold_pct = x,
    ),
    (
        FieldSpec::new(
            "team_bonus",
            "Team bonus a quarter",
            Kind::Money,
            0.0,
            MAX_AMOUNT,
        ),
        |p| p.team_bonus,
        |p, x| p.team_bonus = x,
    ),
    (
        FieldSpec::new(
            "team_quarters_hit",
            "Quarters the team goal is hit",
            Kind::Count,
            0.0,
            4.0,
        ),
        |p| p.team_quarters_hit,
        |p, x| p.team_quarters_hit = x,
    ),
    (
        FieldSpec::new(
            "target_total",
            "Total pay wanted in the period",
            Kind::Money,
            0.0,
            MAX_AMOUNT,
        ),
        |p| p.target_total,
        |p, x| p.target_total = x,
    ),
];

pub const CAP: FieldSpec = FieldSpec::new("cap_pct", "Cap", Kind::Percent, 0.0, 10_000.0);
pub const TIER_FROM: FieldSpec = FieldSpec::new("from_pct", "From", Kind::Percent, 0.0, 10_000.0);
pub const TIER_MULTIPLIER: FieldSpec =
    FieldSpec::new("multiplier", "Multiplier", Kind::Count, 0.0, 100.0);

fn read_plan(value: &Value) -> (Plan, Vec<Problem>) {
    let mut read = Reader::new(value);
    // The role's preset first, then every field given overrides it.
    let role = read.choice("role", &Role::CHOICES).unwrap_or_default();
    let mut p = Plan::preset(role);
    for (spec, get, set) in PLAN_NUMBERS {
        let mut x = get(&p);
        read.set(&spec, &mut x);
        set(&mut p, x);
    }
    if let Some(period) = read.choice("period", &Period::CHOICES) {
        p.period = period;
    }
    if read.get("cap_pct").is_some() {
        p.cap_pct = read.number(&CAP).or(p.cap_pct);
    }
    if let Some(list) = read.get("tiers") {
        match read_tiers(list) {
            Ok(t) => p.tiers = t,
            Err(message) => read.problem("tiers", message),
        }
    }
    (p, read.finish())
}

fn read_tiers(value: &Value) -> Result<Vec<Tier>, String> {
    let list = value.as_array().ok_or("Must be a list")?;
    if list.is_empty() || list.len() > MAX_TIERS {
        return Err(format!("Must have 1 to {MAX_TIERS} tiers"));
    }
    let mut tiers = list
        .iter()
        .enumerate()
        .map(|(n, v)| {
            let mut read = Reader::new(v);
            let from = read.number(&TIER_FROM);
            let multiplier = read.number(&TIER_MULTIPLIER);
            match (read.finish().first(), from, multiplier) {
                (Some(p), _, _) => Err(format!("Tier {}: {}: {}", n + 1, p.key, p.message)),
                (None, Some(from_pct), Some(multiplier)) => Ok(Tier {
                    from_pct,
                    multiplier,
                }),
                _ => Err(format!("Tier {}: needs from_pct and multiplier", n + 1)),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    super::sort_by(&mut tiers, |a, b| a.from_pct.total_cmp(&b.from_pct));
    Ok(tiers)
}

/// Each offer's numeric fields.
pub const OFFER_NUMBERS: [(FieldSpec, Get<Offer>, Set<Offer>); 14] = [
    (
        FieldSpec::new("base", "Base salary, a year", Kind::Money, 0.0, MAX_AMOUNT),
        |o| o.base,
        |o, x| o.base = x,
    ),
    (
        FieldSpec::new("bonus_pct", "Target bonus", Kind::Percent, 0.0, 1_000.0),
        |o| o.bonus_pct,
        |o, x| o.bonus_pct = x,
    ),
    (
        FieldSpec::new("sign_on", "Sign-on bonus", Kind::Money, 0.0, MAX_AMOUNT),
        |o| o.sign_on,
        |o, x| o.sign_on = x,
    ),
    (
        FieldSpec::new("raise_pct", "Raise a year", Kind::Percent, 0.0, 100.0),
        |o| o.raise_pct,
        |o, x| o.raise_pct = x,
    ),
    (
        FieldSpec::new("benefits", "Benefits, a year", Kind::Money, 0.0, MAX_AMOUNT),
        |o| o.benefits,
        |o, x| o.benefits = x,
    ),
    (
        FieldSpec::new(
            "shares",
            "Shares or options granted",
            Kind::Count,
            0.0,
            MAX_AMOUNT,
        ),
        |o| o.shares,
        |o, x| o.shares = x,
    ),
    (
        FieldSpec::new("strike", "Strike price", Kind::Money, 0.0, MAX_AMOUNT),
        |o| o.strike,
        |o, x| o.strike = x,
    ),
    (
        FieldSpec {
            help: "Preferred price or 409A: your choice",
            ..FieldSpec::new(
                "share_price",
                "Value of a share today",
                Kind::Money,
                0.0,
                MAX_AMOUNT,
            )
        },
        |o| o.share_price,
        |o, x| o.share_price = x,
    ),
    (
        FieldSpec {
            help: "To show the grant as a share of the company",
            ..FieldSpec::new(
                "company_shares",
                "Company shares, fully diluted",
                Kind::Count,
                1.0,
                MAX_AMOUNT,
            )
        },
        |o| o.company_shares,
        |o, x| o.company_shares = x,
    ),
    (
        FieldSpec::new("vest_months", "Vesting period", Kind::Months, 1.0, 240.0),
        |o| o.vest_months,
        |o, x| o.vest_months = x,
    ),
    (
        FieldSpec::new("cliff_months", "Cliff", Kind::Months, 0.0, 240.0),
        |o| o.cliff_months,
        |o, x| o.cliff_months = x,
    ),
    (
        FieldSpec::new("vest_every_months", "Vests every", Kind::Months, 1.0, 24.0),
        |o| o.vest_every_months,
        |o, x| o.vest_every_months = x,
    ),
    (
        FieldSpec {
            help: "A sale price to value the grant at",
            ..FieldSpec::new(
                "exit_value",
                "Exit value of the company",
                Kind::Money,
                0.0,
                1e15,
            )
        },
        |o| o.exit_value,
        |o, x| o.exit_value = x,
    ),
    (
        FieldSpec::new(
            "dilution_pct",
            "Dilution before the exit",
            Kind::Percent,
            0.0,
            99.0,
        ),
        |o| o.dilution_pct,
        |o, x| o.dilution_pct = x,
    ),
];

fn read_offer(value: &Value, n: usize) -> (Offer, Vec<Problem>) {
    let mut read = Reader::new(value);
    let mut o = Offer::nth(n);
    for (spec, get, set) in OFFER_NUMBERS {
        let mut x = get(&o);
        read.set(&spec, &mut x);
        set(&mut o, x);
    }
    if let Some(t) = read.text("name", MAX_NAME) {
        o.name = t;
    }
    if let Some(d) = read.date("start_date") {
        o.start_date = d;
    }
    let types = [("options", EquityType::Options), ("rsu", EquityType::Rsu)];
    if let Some(t) = read.choice("equity_type", &types) {
        o.equity_type = t;
    }
    if o.cliff_months > o.vest_months {
        read.problem(
            "cliff_months",
            "The cliff cannot be longer than the vesting period",
        );
        o.cliff_months = o.vest_months;
    }
    (o, read.finish())
}

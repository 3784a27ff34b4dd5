//! Equity dilution: a cap table carried through SAFEs, convertible notes and
//! priced rounds, computed the way financings are closed.
//!
//! Conventions (the YC post-money safe user guide, and the common pre-money
//! convention):
//! - A post-money SAFE's cap price is its post-money cap ÷ the company
//!   capitalization: every share, option, promised option and the unissued
//!   pool, plus every converting SAFE and note, but not the round's pool
//!   increase, except the part of it that covers promised options the
//!   unissued pool did not (the safe's own words: the increase "will only
//!   be included to the extent that the number of Promised Options exceeds
//!   the Unissued Option Pool prior to such increase"). A pre-money SAFE's
//!   or a note's cap price is its cap ÷ the shares before the round
//!   including the pool increase, converting securities excluded.
//! - A convertible takes the lower of its cap price and the round price less
//!   its discount.
//! - Where conversions, the pool increase and the round price depend on one
//!   another, the system is linear for a given choice of cap or discount per
//!   security; it is solved exactly, the choice checked, and solved again
//!   until every security has its lower price.
//! - Prices are then rounded to 4 decimal places and share counts down.
//!
//! The exit runs through a waterfall: preferred series by seniority (the
//! highest paid first, equal ones pari passu; all 0 by default), each
//! non-participating series taking the larger of its preference and its
//! as-converted share (decided consistently, cheapest conversions first),
//! participating series both; SAFEs still outstanding take the larger of
//! their purchase amount and their as-converted amount (a post-money
//! SAFE's cap over the liquidity capitalization, which leaves out the
//! SAFEs and series paid a preference instead and promised options under
//! water; a pre-money SAFE's over
//! every share issued), standing with the most junior series; notes still
//! outstanding are debt, paid before every series (principal times their
//! sale multiple, plus interest to the exit date), or convert their
//! principal and interest at their cap; the unissued pool
//! nothing; options with a strike are exercised only when a common share is
//! worth more, their exercise prices added to what the shares divide, and
//! take the difference; common the rest. (OCF and CSV: `ocf.rs`,
//! `holders_csv`, `cap_table_csv`.)

use super::{csv, Currency, Outcome, TOO_LARGE};
use crate::input::{FieldSpec, Kind as FieldKind, Problem, Reader, MAX_AMOUNT};
use crate::text::{quoted, shortest};
use chrono::NaiveDate;
use serde_json::{json, Value};

/// What a starting row of the cap table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Common,
    /// Granted options.
    Options,
    /// Options promised, not yet granted.
    Promised,
    /// The unissued pool.
    Pool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Holder {
    pub name: String,
    pub class: Class,
    pub shares: f64,
    /// The exercise price a share of an `options` or `promised` row (0 for
    /// none); other classes have none. At an exit an option is exercised
    /// only when a common share is worth more, and pays the difference.
    pub strike: f64,
}

impl Holder {
    /// Whether the row is options (granted or promised), which have a strike.
    pub fn is_option(&self) -> bool {
        matches!(self.class, Class::Options | Class::Promised)
    }

    /// The exercise price that applies: an option's strike, else 0.
    pub fn strike_price(&self) -> f64 {
        if self.is_option() && self.strike.is_finite() {
            self.strike.max(0.0)
        } else {
            0.0
        }
    }
}

/// How a priced round tops up the pool.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PoolTopUp {
    None,
    /// The unissued pool as a % of the post-money fully diluted count, the
    /// increase counted in the pre-money (the "option pool shuffle").
    TargetPct(f64),
    /// An explicit number of new pool shares.
    Increase(f64),
}

/// How the pre-money valuation is spread over shares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PriceBasis {
    /// pre-money ÷ every share and option before the new money, converting
    /// securities and the pool increase included (the YC guide's).
    #[default]
    FullyDiluted,
    /// pre-money ÷ the shares before conversion plus the pool increase.
    PreConversion,
    /// (pre-money + the converting dollars) ÷ the fully diluted count.
    DollarsInvested,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    SafePost {
        amount: f64,
        cap: Option<f64>,
        discount_pct: f64,
        pro_rata: bool,
    },
    SafePre {
        amount: f64,
        cap: Option<f64>,
        discount_pct: f64,
    },
    Note {
        amount: f64,
        /// Simple interest a year.
        interest_pct: f64,
        issue_date: Option<NaiveDate>,
        /// A pre-money cap.
        cap: Option<f64>,
        discount_pct: f64,
        /// At a sale before it converts, the holder is repaid this many
        /// times its principal, plus interest (many notes say 2×), unless
        /// converting at the cap pays more.
        sale_multiple: f64,
    },
    Priced {
        pre_money: f64,
        /// New money, pro-rata purchases included.
        amount: f64,
        date: Option<NaiveDate>,
        pool: PoolTopUp,
        price_basis: PriceBasis,
        liq_pref: f64,
        participating: bool,
        /// Where the series stands at an exit: a higher number is paid its
        /// preference first, equal numbers side by side (pari passu).
        seniority: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    pub name: String,
    pub kind: Kind,
}

/// A line of the cap table as it stands after some rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    pub holder: String,
    /// `None`: common, options, promised or pool (see `class`); a name: the
    /// preferred series it was bought in.
    pub series: Option<String>,
    pub class: Class,
    pub shares: f64,
    /// Money paid for it: a preferred position's preference is
    /// `liq_pref` × this (a converted SAFE's or note's purchase amount).
    pub invested: f64,
    pub liq_pref: f64,
    pub participating: bool,
    /// The exercise price a share of an option position (0 otherwise).
    pub strike: f64,
    /// A preferred position's seniority at an exit (its round's; see
    /// `Kind::Priced`), 0 otherwise.
    pub seniority: f64,
}

/// What one round did (`<key>:<round>` results).
#[derive(Clone, Debug, PartialEq)]
pub struct RoundResult {
    pub name: String,
    /// Price per share of a priced round; conversion price of a SAFE or note.
    pub price: Outcome,
    pub new_shares: Outcome,
    pub pool_increase: Outcome,
    pub post_money: Outcome,
    /// Fully diluted count after the round.
    pub fd_shares: Outcome,
    /// The followed holder's fully diluted stake after the round.
    pub follow_pct: Outcome,
    /// Shares by holder after the round, in the cap table's order.
    pub holdings: Vec<(String, f64)>,
    /// How its price and shares were reached (`None`: not computed).
    pub how: Option<How>,
}

/// How a round's price and new shares were reached, with its numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum How {
    /// A priced round: (`pre_money` + `converting`) ÷ `count` = the price,
    /// to 4 places; the new money ÷ the price = the new shares, rounded
    /// down.
    Priced {
        pre_money: f64,
        /// The converting dollars added to the pre-money on the
        /// dollars-invested basis (0 on the others).
        converting: f64,
        /// The share count the price divides by (its basis), unrounded.
        count: f64,
        basis: PriceBasis,
        amount: f64,
    },
    /// A SAFE or note converting in the priced round `round`: `amount`
    /// (a note's principal and interest) at the lower of its cap price
    /// and the round's price less its discount, to 4 places.
    Converted {
        round: String,
        amount: f64,
        /// (the cap, the share count it divides by): a post-money SAFE's
        /// company capitalization, else the shares before the round with
        /// its pool increase.
        cap: Option<(f64, f64)>,
        cap_price: Option<f64>,
        /// A post-money SAFE's (else a pre-money SAFE's or a note's).
        post: bool,
        /// A note's: `amount` is its principal and interest.
        note: bool,
        /// The round's price and the discount, in %.
        round_price: f64,
        discount_pct: f64,
        discount_price: f64,
        /// A post-money SAFE's pro-rata purchase out of the round's new
        /// shares (0 without its side letter).
        pro_rata: f64,
    },
}

/// The whole computation: each round, and the cap table after the last.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub rounds: Vec<RoundResult>,
    pub positions: Vec<Position>,
    /// Financings that could not be computed, with why (the rounds after
    /// one are not computed either).
    pub errors: Vec<String>,
    /// SAFEs and notes with no priced round after them.
    pub outstanding: Vec<Outstanding>,
    /// The followed holder's fully diluted stake before the first round.
    pub follow_start: Outcome,
}

/// A SAFE or note still outstanding after the last round.
#[derive(Clone, Debug, PartialEq)]
pub struct Outstanding {
    pub name: String,
    pub amount: f64,
    pub cap: Option<f64>,
    pub post: bool,
    /// A note's simple interest: (rate a year in %, issue date); `None`
    /// for a SAFE.
    pub interest: Option<(f64, NaiveDate)>,
    /// What a sale repays, in times the principal (1 for a SAFE).
    pub sale_multiple: f64,
}

impl Outstanding {
    /// A convertible note (it has interest), not a SAFE.
    pub fn is_note(&self) -> bool {
        self.interest.is_some()
    }

    /// A note issued after a sale on `date`: it has earned no interest
    /// by then (and likely did not exist yet), which the page says.
    pub fn issued_after(&self, date: Option<NaiveDate>) -> bool {
        matches!((self.interest, date), (Some((_, issued)), Some(date)) if issued > date)
    }

    /// A note's simple interest to an exit on `date` (none without a
    /// date, or for a SAFE).
    pub fn interest_to(&self, date: Option<NaiveDate>) -> f64 {
        match (self.interest, date) {
            (Some((rate, issued)), Some(date)) => {
                let days = (date - issued).num_days().max(0) as f64;
                self.amount * rate / 100.0 * days / 365.0
            }
            _ => 0.0,
        }
    }

    /// What a sale on `date` repays it: a SAFE its purchase amount, a note
    /// its principal times its sale multiple, plus its interest.
    pub fn owed(&self, date: Option<NaiveDate>) -> f64 {
        self.amount * self.sale_multiple.max(1.0) + self.interest_to(date)
    }

    /// What converts at its cap on a sale: the principal and interest.
    pub fn converting(&self, date: Option<NaiveDate>) -> f64 {
        self.amount + self.interest_to(date)
    }
}

impl Results {
    pub fn total_shares(&self) -> f64 {
        self.positions.iter().map(|p| p.shares).sum()
    }

    /// Shares of `holder`, all classes and series together.
    pub fn shares_of(&self, holder: &str) -> f64 {
        self.positions
            .iter()
            .filter(|p| p.holder == holder)
            .map(|p| p.shares)
            .sum()
    }

    /// The holders in the order they appear.
    pub fn holders(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in &self.positions {
            if !out.contains(&p.holder) {
                out.push(p.holder.clone());
            }
        }
        out
    }

    /// Fully diluted ownership of `holder`, in %.
    pub fn pct_of(&self, holder: &str) -> Outcome {
        Outcome::ratio(
            self.shares_of(holder) * 100.0,
            self.total_shares(),
            "there are no shares",
        )
    }
}

/// Rounds a price to 4 decimal places, as the user guide and cap-table
/// tools do.
pub fn round_price(p: f64) -> f64 {
    (p * 10_000.0).round() / 10_000.0
}

/// A SAFE or note waiting for the next priced round.
#[derive(Clone, Debug)]
struct Pending {
    round: usize,
    name: String,
    amount: f64,
    /// Converts like a post-money SAFE.
    post: bool,
    cap: Option<f64>,
    discount: f64,
    pro_rata: bool,
    /// A note's interest: (rate a year, issue date).
    interest: Option<(f64, Option<NaiveDate>)>,
    /// A note's repayment at a sale, in times its principal (1 for a SAFE).
    sale_multiple: f64,
}

impl Pending {
    /// What converts: a note's principal plus simple interest to `date`.
    fn converting(&self, date: Option<NaiveDate>) -> Result<f64, String> {
        match self.interest {
            None => Ok(self.amount),
            Some((rate, issued)) => {
                let (Some(issued), Some(date)) = (issued, date) else {
                    return Err(format!(
                        "The note {} needs its issue date and the converting round's date",
                        quoted(&self.name)
                    ));
                };
                // Interest cannot run backwards: a round closed before the
                // note was issued is a date typed wrong, not no interest.
                if date < issued {
                    return Err(format!(
                        "The note {} is issued after the round it converts in closes: its issue date must come first",
                        quoted(&self.name)
                    ));
                }
                let days = (date - issued).num_days() as f64;
                Ok(self.amount * (1.0 + rate / 100.0 * days / 365.0))
            }
        }
    }
}

/// The linear system of one priced round, for a given choice of cap (true)
/// or discount (false) per convertible. Unknowns: x[0] the pool increase,
/// x[1 + k] the shares of convertible k.
struct Setup<'a> {
    s0: f64,
    pool0: f64,
    /// Promised options beyond the unissued pool before the round: up to
    /// this many shares of the pool increase count in a post-money SAFE's
    /// company capitalization.
    shortfall: f64,
    pre: f64,
    amount: f64,
    basis: PriceBasis,
    pool: PoolTopUp,
    conv: &'a [(f64, &'a Pending)],
}

impl Setup<'_> {
    /// The numerator of the round price (pre-money, plus the converting
    /// dollars on the dollars-invested basis).
    fn value(&self) -> f64 {
        match self.basis {
            PriceBasis::DollarsInvested => self.pre + self.conv.iter().map(|(a, _)| a).sum::<f64>(),
            _ => self.pre,
        }
    }

    /// Coefficients of K, the share count the price divides by, over
    /// (constant, x...).
    fn k_row(&self, n: usize) -> (f64, Vec<f64>) {
        let mut row = vec![0.0; n + 1];
        row[0] = 1.0;
        if self.basis != PriceBasis::PreConversion {
            for c in row.iter_mut().skip(1) {
                *c = 1.0;
            }
        }
        (self.s0, row)
    }

    /// The part of a pool increase `x` counted in a post-money SAFE's
    /// company capitalization.
    fn counted_increase(&self, x: f64) -> f64 {
        x.max(0.0).min(self.shortfall)
    }

    /// Solves for the choice; `None` when the system has no usable solution.
    /// `increase_counted`: the pool increase is below the shortfall, so all
    /// of it counts in the company capitalization (else the shortfall does).
    fn solve(
        &self,
        at_cap: &[bool],
        fix_pool: Option<f64>,
        increase_counted: bool,
    ) -> Option<Vec<f64>> {
        let n = self.conv.len();
        let v = self.value();
        let (k0, k) = self.k_row(n);
        let mut a = vec![vec![0.0; n + 1]; n + 1];
        let mut b = vec![0.0; n + 1];
        // Row 0: the pool.
        match (fix_pool, self.pool) {
            (Some(x), _) => {
                a[0][0] = 1.0;
                b[0] = x;
            }
            (None, PoolTopUp::TargetPct(t)) => {
                let t = t / 100.0;
                // pool0 + X = t × (S0 + X + Σs + amount × K / V)
                for c in a[0].iter_mut().skip(1) {
                    *c = -t;
                }
                a[0][0] = 1.0 - t;
                for (j, kj) in k.iter().enumerate() {
                    a[0][j] -= t * self.amount * kj / v;
                }
                b[0] = t * (self.s0 + self.amount * k0 / v) - self.pool0;
            }
            (None, PoolTopUp::Increase(x)) => {
                a[0][0] = 1.0;
                b[0] = x;
            }
            (None, PoolTopUp::None) => {
                a[0][0] = 1.0;
            }
        }
        for (i, ((amount, p), cap)) in self.conv.iter().zip(at_cap).enumerate() {
            let r = i + 1;
            a[r][r] = 1.0;
            match (cap, p.cap) {
                (true, Some(c)) if p.post => {
                    // s = (amount / cap) × (S0 + Σs + the counted increase)
                    let f = amount / c;
                    for c in a[r].iter_mut().skip(1) {
                        *c -= f;
                    }
                    if increase_counted {
                        a[r][0] -= f;
                        b[r] = f * self.s0;
                    } else {
                        b[r] = f * (self.s0 + self.shortfall);
                    }
                }
                (true, Some(c)) => {
                    // s = (amount / cap) × (S0 + X)
                    let f = amount / c;
                    a[r][0] -= f;
                    b[r] = f * self.s0;
                }
                _ => {
                    // s = amount / (P (1 − d)) = amount × K / (V (1 − d))
                    let f = amount / (v * (1.0 - p.discount));
                    for (j, kj) in k.iter().enumerate() {
                        a[r][j] -= f * kj;
                    }
                    b[r] = f * k0;
                }
            }
        }
        gauss(a, b)
    }
}

/// Solves a x = b by Gaussian elimination with partial pivoting.
fn gauss(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 || !a[pivot][col].is_finite() {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (top, rest) = a.split_at_mut(col + 1);
        let pivot_row = &top[col];
        for (k, row) in rest.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (x, p) in row.iter_mut().zip(pivot_row).skip(col) {
                *x -= f * p;
            }
            b[col + 1 + k] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|c| a[row][c] * x[c]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Carries `holders` through `rounds`, following `follow`.
pub fn compute(holders: &[Holder], rounds: &[Round], follow: &str) -> Results {
    let mut positions: Vec<Position> = holders
        .iter()
        .filter(|h| h.shares.is_finite() && h.shares > 0.0)
        .map(|h| Position {
            holder: h.name.clone(),
            series: None,
            class: h.class,
            shares: h.shares.floor(),
            invested: 0.0,
            liq_pref: 0.0,
            participating: false,
            strike: h.strike_price(),
            seniority: 0.0,
        })
        .collect();
    let mut out = Results {
        rounds: rounds
            .iter()
            .map(|r| RoundResult {
                name: r.name.clone(),
                price: Outcome::Undefined("not converted: no priced round follows"),
                new_shares: Outcome::Undefined("not converted: no priced round follows"),
                pool_increase: Outcome::Value(0.0),
                post_money: Outcome::Undefined("a SAFE or note sets no valuation"),
                fd_shares: Outcome::Undefined("not computed"),
                follow_pct: Outcome::Undefined("not computed"),
                holdings: Vec::new(),
                how: None,
            })
            .collect(),
        positions: Vec::new(),
        errors: Vec::new(),
        outstanding: Vec::new(),
        follow_start: stake(&positions, follow),
    };
    let mut pending: Vec<Pending> = Vec::new();
    for (index, round) in rounds.iter().enumerate() {
        if let Some(e) = check_name(rounds, index).or_else(|| check_terms(round)) {
            out.errors.push(e);
            mark_not_computed(&mut out.rounds, index);
            break;
        }
        let step = match &round.kind {
            Kind::SafePost {
                amount,
                cap,
                discount_pct,
                pro_rata,
            } => {
                pending.push(Pending {
                    round: index,
                    name: round.name.clone(),
                    amount: *amount,
                    post: true,
                    cap: *cap,
                    discount: discount_pct / 100.0,
                    pro_rata: *pro_rata,
                    interest: None,
                    sale_multiple: 1.0,
                });
                check_post_caps(&pending)
            }
            Kind::SafePre {
                amount,
                cap,
                discount_pct,
            } => {
                pending.push(Pending {
                    round: index,
                    name: round.name.clone(),
                    amount: *amount,
                    post: false,
                    cap: *cap,
                    discount: discount_pct / 100.0,
                    pro_rata: false,
                    interest: None,
                    sale_multiple: 1.0,
                });
                Ok(())
            }
            Kind::Note {
                amount,
                interest_pct,
                issue_date,
                cap,
                discount_pct,
                sale_multiple,
            } => {
                if issue_date.is_none() {
                    Err(format!(
                        "The note {} has no issue date",
                        quoted(&round.name)
                    ))
                } else {
                    pending.push(Pending {
                        round: index,
                        name: round.name.clone(),
                        amount: *amount,
                        post: false,
                        cap: *cap,
                        discount: discount_pct / 100.0,
                        pro_rata: false,
                        interest: Some((*interest_pct, *issue_date)),
                        sale_multiple: *sale_multiple,
                    });
                    Ok(())
                }
            }
            Kind::Priced { .. } => {
                priced(&mut positions, &mut pending, round, index, &mut out.rounds)
            }
        };
        if let Err(e) = step {
            out.errors.push(e);
            mark_not_computed(&mut out.rounds, index);
            break;
        }
        let total: f64 = positions.iter().map(|p| p.shares).sum();
        if let Some(r) = out.rounds.get_mut(index) {
            r.fd_shares = Outcome::finite(total, TOO_LARGE);
            r.holdings = holdings(&positions);
            r.follow_pct = stake(&positions, follow);
        }
    }
    out.positions = positions;
    out.outstanding = pending
        .into_iter()
        .map(|p| Outstanding {
            interest: p.interest.and_then(|(rate, issued)| Some((rate, issued?))),
            sale_multiple: p.sale_multiple,
            name: p.name,
            amount: p.amount,
            cap: p.cap,
            post: p.post,
        })
        .collect();
    out
}

/// `holder`'s fully diluted stake in `positions`, in %.
fn stake(positions: &[Position], holder: &str) -> Outcome {
    if !positions.iter().any(|p| p.holder == holder) {
        return Outcome::Undefined("no holder of that name");
    }
    let mine: f64 = positions
        .iter()
        .filter(|p| p.holder == holder)
        .map(|p| p.shares)
        .sum();
    let total: f64 = positions.iter().map(|p| p.shares).sum();
    Outcome::ratio(mine * 100.0, total, "there are no shares")
}

/// Shares by holder, all classes and series together, in order of first
/// appearance.
fn holdings(positions: &[Position]) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = Vec::new();
    for p in positions {
        match out.iter_mut().find(|(h, _)| *h == p.holder) {
            Some((_, s)) => *s += p.shares,
            None => out.push((p.holder.clone(), p.shares)),
        }
    }
    out
}

/// The bands of the ownership bars, one bar per round that has holdings:
/// every holder its own band when there are at most `most`, else the
/// `most - 1` largest after the last round (ties: the earlier first) and
/// one band for everyone else, so that no two bands need the same colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    /// The holders with a band of their own, in the table's order.
    pub names: Vec<String>,
    /// How many holders share the last band (0: there is none).
    pub others: usize,
    /// Per round, the shares of each band: `names`, then the others'.
    pub rounds: Vec<Vec<f64>>,
}

/// The ownership bars' bands: see [`Bands`].
pub fn bands(r: &Results, most: usize) -> Bands {
    let holders = r.holders();
    let mut shown = vec![true; holders.len()];
    if holders.len() > most {
        let mut order: Vec<usize> = (0..holders.len()).collect();
        let now: Vec<f64> = holders.iter().map(|h| r.shares_of(h)).collect();
        super::sort_by(&mut order, |&a, &b| {
            let at = |k: usize| now.get(k).copied().unwrap_or(0.0);
            at(b).total_cmp(&at(a))
        });
        shown = vec![false; holders.len()];
        for &k in order.iter().take(most.saturating_sub(1)) {
            if let Some(s) = shown.get_mut(k) {
                *s = true;
            }
        }
    }
    let others = shown.iter().filter(|s| !**s).count();
    let rounds = r
        .rounds
        .iter()
        .filter(|round| !round.holdings.is_empty())
        .map(|round| {
            let of = |h: &String| {
                round
                    .holdings
                    .iter()
                    .filter(|(n, _)| n == h)
                    .map(|(_, s)| s)
                    .sum::<f64>()
            };
            let mut band: Vec<f64> = Vec::new();
            let mut rest = 0.0;
            for (h, &own) in holders.iter().zip(&shown) {
                if own {
                    band.push(of(h));
                } else {
                    rest += of(h);
                }
            }
            if others > 0 {
                band.push(rest);
            }
            band
        })
        .collect();
    Bands {
        names: holders
            .into_iter()
            .zip(&shown)
            .filter(|(_, own)| **own)
            .map(|(h, _)| h)
            .collect(),
        others,
        rounds,
    }
}

/// Percentages of `shares` to two decimals that add up to exactly 100.00
/// as displayed: each is rounded down to a hundredth, and the hundredths
/// left over go to the largest remainders. Returned in hundredths of a
/// percent (whole numbers), so that nothing is lost to float printing.
pub fn hundredths(shares: &[f64]) -> Vec<u64> {
    let total: f64 = shares.iter().filter(|s| s.is_finite() && **s > 0.0).sum();
    if !(total > 0.0 && total.is_finite()) {
        return vec![0; shares.len()];
    }
    let exact: Vec<f64> = shares
        .iter()
        .map(|s| {
            if s.is_finite() && *s > 0.0 {
                s / total * 10_000.0
            } else {
                0.0
            }
        })
        .collect();
    let mut out: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let given: u64 = out.iter().sum();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    super::sort_by(&mut order, |&a, &b| {
        let frac = |i: usize| exact[i] - exact[i].floor();
        frac(b).total_cmp(&frac(a)).then(a.cmp(&b))
    });
    for &i in order.iter().take(10_000u64.saturating_sub(given) as usize) {
        if let Some(x) = out.get_mut(i) {
            *x += 1;
        }
    }
    out
}

/// From round `from` on, nothing is computed: every figure says so.
fn mark_not_computed(rounds: &mut [RoundResult], from: usize) {
    const WHY: &str = "not computed: a round cannot be, see the message";
    for r in rounds.iter_mut().skip(from) {
        r.price = Outcome::Undefined(WHY);
        r.new_shares = Outcome::Undefined(WHY);
        r.pool_increase = Outcome::Undefined(WHY);
        r.post_money = Outcome::Undefined(WHY);
        r.fd_shares = Outcome::Undefined(WHY);
        r.follow_pct = Outcome::Undefined(WHY);
        r.holdings.clear();
        r.how = None;
    }
}

fn check_name(rounds: &[Round], index: usize) -> Option<String> {
    let name = &rounds.get(index)?.name;
    if name.trim().is_empty() {
        return Some(format!("Round {} needs a name", index + 1));
    }
    rounds[..index].iter().any(|r| &r.name == name).then(|| {
        format!(
            "Two rounds are called {}: names must be unique",
            quoted(name)
        )
    })
}

/// Amounts, caps and discounts a financing can have (typed input is checked
/// against the same ranges; this guards the maths).
fn check_terms(round: &Round) -> Option<String> {
    let name = quoted(&round.name);
    let money = |x: f64| x.is_finite() && x >= 0.0;
    let (amount, cap, discount) = match &round.kind {
        Kind::SafePost {
            amount,
            cap,
            discount_pct,
            ..
        }
        | Kind::SafePre {
            amount,
            cap,
            discount_pct,
        }
        | Kind::Note {
            amount,
            cap,
            discount_pct,
            ..
        } => (*amount, *cap, *discount_pct),
        Kind::Priced {
            pre_money,
            amount,
            liq_pref,
            pool,
            ..
        } => {
            if !money(*pre_money) || !money(*amount) || !money(*liq_pref) {
                return Some(format!("{name}: amounts must be 0 or more"));
            }
            if let PoolTopUp::Increase(x) = pool {
                if !money(*x) {
                    return Some(format!("{name}: the pool increase must be 0 or more"));
                }
            }
            return None;
        }
    };
    if !money(amount) {
        return Some(format!("{name}: the amount must be 0 or more"));
    }
    if cap.is_some_and(|c| !(c.is_finite() && c > 0.0)) {
        return Some(format!("{name}: a cap must be above 0"));
    }
    if !(0.0..100.0).contains(&discount) {
        return Some(format!(
            "{name}: a discount must be from 0 % to below 100 %"
        ));
    }
    if let Kind::Note { interest_pct, .. } = &round.kind {
        if !(0.0..=100.0).contains(interest_pct) {
            return Some(format!("{name}: interest must be from 0 % to 100 %"));
        }
    }
    None
}

/// Post-money SAFEs' ownership (amount ÷ cap) must leave something for
/// everyone else.
fn check_post_caps(pending: &[Pending]) -> Result<(), String> {
    let sold: f64 = pending
        .iter()
        .filter(|p| p.post)
        .filter_map(|p| p.cap.map(|c| p.amount / c))
        .sum();
    if sold >= 1.0 || sold.is_nan() {
        Err(format!(
            "The post-money SAFEs' amounts over their caps add up to {} %: they would own the whole company",
            crate::text::fixed(sold * 100.0, 1)
        ))
    } else {
        Ok(())
    }
}

/// A priced round: converts what is pending, tops up the pool, sells the
/// new shares.
fn priced(
    positions: &mut Vec<Position>,
    pending: &mut Vec<Pending>,
    round: &Round,
    index: usize,
    results: &mut [RoundResult],
) -> Result<(), String> {
    let Kind::Priced {
        pre_money,
        amount,
        date,
        pool,
        price_basis,
        liq_pref,
        participating,
        seniority,
    } = &round.kind
    else {
        return Ok(());
    };
    let s0: f64 = positions.iter().map(|p| p.shares).sum();
    if s0 <= 0.0 {
        return Err(format!(
            "{} comes before any shares exist",
            quoted(&round.name)
        ));
    }
    if !(pre_money.is_finite() && *pre_money > 0.0) {
        return Err(format!(
            "{} needs a pre-money valuation above 0",
            quoted(&round.name)
        ));
    }
    if let PoolTopUp::TargetPct(t) = pool {
        if !(0.0..100.0).contains(t) {
            return Err(format!(
                "{}: a pool target must be below 100 %",
                quoted(&round.name)
            ));
        }
    }
    let of_class = |class: Class| -> f64 {
        positions
            .iter()
            .filter(|p| p.class == class)
            .map(|p| p.shares)
            .sum()
    };
    let pool0 = of_class(Class::Pool);
    let shortfall = (of_class(Class::Promised) - pool0).max(0.0);
    let converting: Vec<f64> = pending
        .iter()
        .map(|p| p.converting(*date))
        .collect::<Result<_, _>>()?;
    let conv: Vec<(f64, &Pending)> = converting.iter().copied().zip(pending.iter()).collect();
    let setup = Setup {
        s0,
        pool0,
        shortfall,
        pre: *pre_money,
        amount: *amount,
        basis: *price_basis,
        pool: *pool,
        conv: &conv,
    };
    // Each convertible at its cap where it has one, the pool increase
    // counted while there is a shortfall; then each choice moved to what the
    // solution says until none changes.
    let mut at_cap: Vec<bool> = pending.iter().map(|p| p.cap.is_some()).collect();
    let mut increase_counted = shortfall > 0.0;
    let mut fixed_pool = None;
    let mut x = None;
    for _ in 0..(2 * pending.len() + 6) {
        let Some(sol) = setup.solve(&at_cap, fixed_pool, increase_counted) else {
            return Err(format!(
                "{} cannot be computed: the conversions and the pool target have no solution (a pool target that cannot be reached, or SAFEs that would own everything)",
                quoted(&round.name)
            ));
        };
        // A pool that already meets its target is never shrunk.
        if sol[0] < 0.0 && fixed_pool.is_none() {
            fixed_pool = Some(0.0);
            continue;
        }
        let prices = conversion_prices(&setup, &sol);
        let next: Vec<bool> = prices
            .iter()
            .zip(pending.iter())
            .map(|((cap, discount), p)| p.cap.is_some() && cap <= discount)
            .collect();
        let next_counted = sol[0] < shortfall;
        x = Some(sol);
        if next == at_cap && next_counted == increase_counted {
            break;
        }
        at_cap = next;
        increase_counted = next_counted;
    }
    let sol = x.ok_or_else(|| format!("{} cannot be computed", quoted(&round.name)))?;
    if sol.iter().skip(1).any(|s| *s < 0.0) {
        return Err(format!(
            "{}: the SAFEs and notes would own more than the company",
            quoted(&round.name)
        ));
    }
    // Publish: prices to 4 places, shares rounded down.
    let k_real = {
        let (k0, k) = setup.k_row(pending.len());
        k0 + k.iter().zip(&sol).map(|(c, v)| c * v).sum::<f64>()
    };
    let price = round_price(setup.value() / k_real);
    if !(price.is_finite() && price > 0.0) {
        return Err(format!(
            "{}: the price per share rounds to 0",
            quoted(&round.name)
        ));
    }
    let pool_increase = sol[0].max(0.0).floor();
    let capitalization = s0 + sol.iter().skip(1).sum::<f64>() + setup.counted_increase(sol[0]);
    let mut converted_total = 0.0;
    let mut converted: Vec<(f64, f64, How)> = Vec::new();
    for (amount, p) in &conv {
        let cap = p.cap.map(|c| {
            (
                c,
                if p.post {
                    capitalization
                } else {
                    s0 + sol[0].max(0.0)
                },
            )
        });
        let cap_price = cap.map(|(c, count)| round_price(c / count));
        let discount_price = round_price(price * (1.0 - p.discount));
        let conversion = cap_price.map_or(discount_price, |c| c.min(discount_price));
        // As for the round's own price: a conversion at a price that rounds
        // to 0 would issue shares without end, so it is refused.
        if !(conversion.is_finite() && conversion > 0.0) {
            return Err(format!(
                "{}: its conversion price in {} rounds to 0",
                quoted(&p.name),
                quoted(&round.name)
            ));
        }
        let shares = (amount / conversion).floor();
        converted.push((
            conversion,
            shares,
            How::Converted {
                round: round.name.clone(),
                amount: *amount,
                cap,
                cap_price,
                post: p.post,
                note: p.interest.is_some(),
                round_price: price,
                discount_pct: p.discount * 100.0,
                discount_price,
                pro_rata: 0.0,
            },
        ));
        converted_total += shares;
    }
    let new_total = (amount / price).floor();
    // Pro-rata purchases by post-money SAFEs, out of the round's new shares.
    let capitalization_after = s0 + converted_total;
    let mut pro_rata_total = 0.0;
    let series = round.name.clone();
    for (p, (conversion, shares, mut how)) in pending.iter().zip(converted) {
        positions.push(Position {
            holder: p.name.clone(),
            series: Some(series.clone()),
            class: Class::Common,
            shares,
            invested: p.amount,
            liq_pref: 1.0,
            participating: *participating,
            strike: 0.0,
            seniority: *seniority,
        });
        let extra = if p.pro_rata {
            (new_total * shares / capitalization_after).floor()
        } else {
            0.0
        };
        if let How::Converted { pro_rata, .. } = &mut how {
            *pro_rata = extra.max(0.0);
        }
        if let Some(r) = results.get_mut(p.round) {
            r.price = Outcome::finite(conversion, TOO_LARGE);
            r.new_shares = Outcome::finite(shares, TOO_LARGE);
            r.how = Some(how);
        }
        if extra > 0.0 {
            positions.push(Position {
                holder: p.name.clone(),
                series: Some(series.clone()),
                class: Class::Common,
                shares: extra,
                invested: extra * price,
                liq_pref: *liq_pref,
                participating: *participating,
                strike: 0.0,
                seniority: *seniority,
            });
            pro_rata_total += extra;
        }
    }
    if pool_increase > 0.0 {
        match positions
            .iter_mut()
            .find(|p| p.class == Class::Pool && p.series.is_none())
        {
            Some(pool) => pool.shares += pool_increase,
            None => positions.push(Position {
                holder: "Option pool".into(),
                series: None,
                class: Class::Pool,
                shares: pool_increase,
                invested: 0.0,
                liq_pref: 0.0,
                participating: false,
                strike: 0.0,
                seniority: 0.0,
            }),
        }
    }
    let investors = new_total - pro_rata_total;
    if investors > 0.0 {
        positions.push(Position {
            holder: round.name.clone(),
            series: Some(series),
            class: Class::Common,
            shares: investors,
            invested: investors * price,
            liq_pref: *liq_pref,
            participating: *participating,
            strike: 0.0,
            seniority: *seniority,
        });
    }
    if let Some(r) = results.get_mut(index) {
        r.how = Some(How::Priced {
            pre_money: *pre_money,
            converting: setup.value() - pre_money,
            count: k_real,
            basis: *price_basis,
            amount: *amount,
        });
        r.price = Outcome::finite(price, TOO_LARGE);
        r.new_shares = Outcome::finite(new_total, TOO_LARGE);
        r.pool_increase = Outcome::finite(pool_increase, TOO_LARGE);
        r.post_money = Outcome::finite(
            price * positions.iter().map(|p| p.shares).sum::<f64>(),
            TOO_LARGE,
        );
    }
    pending.clear();
    Ok(())
}

/// Each convertible's (cap price, discounted round price) at a solution,
/// unrounded; a convertible without a cap has an infinite cap price.
fn conversion_prices(setup: &Setup, sol: &[f64]) -> Vec<(f64, f64)> {
    let (k0, k) = setup.k_row(setup.conv.len());
    let kv = k0 + k.iter().zip(sol).map(|(c, v)| c * v).sum::<f64>();
    let price = setup.value() / kv;
    let capitalization =
        setup.s0 + sol.iter().skip(1).sum::<f64>() + setup.counted_increase(sol[0]);
    setup
        .conv
        .iter()
        .map(|(_, p)| {
            let cap = p.cap.map_or(f64::INFINITY, |c| {
                if p.post {
                    c / capitalization
                } else {
                    c / (setup.s0 + sol[0].max(0.0))
                }
            });
            (cap, price * (1.0 - p.discount))
        })
        .collect()
}

/// Who gets what when the company is sold for `exit_value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Exit {
    /// Proceeds by holder, in the cap table's order (outstanding SAFEs
    /// last).
    pub proceeds: Vec<(String, f64)>,
    /// What a common share receives; undefined when no common share (or
    /// preferred share as converted) is held to receive the rest of the
    /// exit: a table of the unissued pool alone pays it to no one.
    pub per_common_share: Outcome,
}

/// Why a common share's part of an exit is undefined.
pub const NO_COMMON: &str = "no one holds common shares";

impl Exit {
    pub fn of(&self, holder: &str) -> f64 {
        self.proceeds
            .iter()
            .filter(|(h, _)| h == holder)
            .map(|(_, x)| x)
            .sum()
    }

    /// `holder`'s share of the exit, in %.
    pub fn pct_of(&self, holder: &str) -> Outcome {
        let total: f64 = self.proceeds.iter().map(|(_, x)| x).sum();
        Outcome::ratio(self.of(holder) * 100.0, total, "the exit pays nothing")
    }
}

/// One claim on the exit: a preference (0 for common), shares as
/// converted, and whether it takes both.
#[derive(Clone)]
struct Claim {
    holder: String,
    preference: f64,
    shares: f64,
    participating: bool,
    /// An option's exercise price a share (0: a share, or an option with
    /// none).
    strike: f64,
    /// Higher is paid its preference first.
    seniority: f64,
    /// Promised options: in a post-money SAFE's liquidity capitalization
    /// only "to the extent receiving Proceeds".
    promised: bool,
}

/// The exit waterfall after the last round (see the module's notes), with
/// no date: notes outstanding are owed their principal.
pub fn exit(r: &Results, exit_value: f64) -> Option<Exit> {
    exit_on(r, exit_value, None)
}

/// The exit waterfall on `date`: notes outstanding are owed their
/// principal and interest to it, or convert it at their cap.
pub fn exit_on(r: &Results, exit_value: f64, date: Option<NaiveDate>) -> Option<Exit> {
    // A financing that cannot be computed has no waterfall.
    if !r.errors.is_empty() {
        return None;
    }
    let e = if exit_value.is_finite() {
        exit_value.max(0.0)
    } else {
        0.0
    };
    let held: Vec<Claim> = r
        .positions
        .iter()
        .map(|p| {
            // The unissued pool is listed, and takes nothing.
            let unissued = p.class == Class::Pool && p.series.is_none();
            Claim {
                holder: p.holder.clone(),
                preference: if p.series.is_some() {
                    p.liq_pref.max(0.0) * p.invested
                } else {
                    0.0
                },
                shares: if unissued { 0.0 } else { p.shares },
                participating: p.participating,
                strike: p.strike,
                seniority: p.seniority,
                promised: p.class == Class::Promised,
            }
        })
        .collect();
    // SAFEs still outstanding convert over the liquidity capitalization,
    // which leaves out "any Safes and other convertible securities
    // (including without limitation shares of Preferred Stock) where the
    // holders of such securities are receiving Cash-Out Amounts or similar
    // liquidation preference payments" (the post-money safe). Who takes
    // the preference depends on it in turn: start with everyone as
    // converted, settle the waterfall, and again with those paid their
    // preference left out, until that set no longer changes.
    let mut as_converted = vec![true; held.len() + r.outstanding.len()];
    let mut settled = None;
    for _ in 0..=as_converted.len() {
        let claims = with_outstanding_safes(&held, r, &as_converted, date);
        let (proceeds, per_share, next) = waterfall(&claims, e);
        let done = next == as_converted;
        settled = Some((claims, proceeds, per_share));
        if done {
            break;
        }
        as_converted = next;
    }
    let (claims, proceeds, per_share) = settled?;
    let mut out: Vec<(String, f64)> = Vec::new();
    for (c, x) in claims.iter().zip(proceeds) {
        match out.iter_mut().find(|(h, _)| *h == c.holder) {
            Some((_, total)) => *total += x,
            None => out.push((c.holder.clone(), x)),
        }
    }
    Some(Exit {
        proceeds: out,
        per_common_share: per_share,
    })
}

/// The claims of the cap table and of the SAFEs outstanding at the exit,
/// each SAFE's shares as converted over its liquidity capitalization. A
/// post-money SAFE's: the claims paid as converted (`as_converted`, the
/// held ones then the SAFEs), itself included. A pre-money SAFE's: every
/// share and option issued, SAFEs excluded (the pre-money safe's
/// definition leaves out only the unissued pool and convertibles).
fn with_outstanding_safes(
    held: &[Claim],
    r: &Results,
    as_converted: &[bool],
    date: Option<NaiveDate>,
) -> Vec<Claim> {
    let issued: f64 = held.iter().map(|c| c.shares).sum();
    let base: f64 = held
        .iter()
        .zip(as_converted)
        .filter(|(_, a)| **a)
        .map(|(c, _)| c.shares)
        .sum();
    let sold = |o: &Outstanding| match o.cap {
        Some(c) if c > 0.0 && o.post => o.amount / c,
        _ => 0.0,
    };
    let sold_converting: f64 = r
        .outstanding
        .iter()
        .zip(&as_converted[held.len()..])
        .filter(|(_, a)| **a)
        .map(|(o, _)| sold(o))
        .sum();
    let most_junior_series = held
        .iter()
        .filter(|c| c.preference > 0.0)
        .map(|c| c.seniority)
        .reduce(f64::min)
        .unwrap_or(0.0);
    let mut claims: Vec<Claim> = held.to_vec();
    for (o, converting) in r.outstanding.iter().zip(&as_converted[held.len()..]) {
        let others = sold_converting - if *converting { sold(o) } else { 0.0 };
        let post_sold = others + sold(o);
        // A note owes, and converts, its interest too; a sale may repay it
        // a multiple of its principal.
        let owed = o.owed(date);
        let shares = match o.cap {
            Some(c) if c > 0.0 && o.post && post_sold < 1.0 => {
                o.amount / c * base / (1.0 - post_sold)
            }
            Some(c) if c > 0.0 && o.post => o.amount / c * base,
            Some(c) if c > 0.0 => o.converting(date) / c * issued,
            _ => 0.0,
        };
        claims.push(Claim {
            holder: o.name.clone(),
            preference: owed.max(0.0),
            shares: if shares.is_finite() { shares } else { 0.0 },
            participating: false,
            strike: 0.0,
            // The post-money safe stands "junior to payment of outstanding
            // indebtedness and creditor claims, including ... convertible
            // promissory notes (to the extent such convertible promissory
            // notes are not actually or notionally converted into Capital
            // Stock); on par with payments for other Safes and/or Preferred
            // Stock": a note before every series, a SAFE at the level of
            // the most junior series.
            seniority: if o.is_note() {
                f64::MAX
            } else {
                most_junior_series
            },
            promised: false,
        });
    }
    claims
}

/// Settles the waterfall for `claims` at exit value `e`: the proceeds of
/// each claim, the price a common share, and which claims are paid as
/// converted (no preference, participating, or converting; promised
/// options only when above water).
fn waterfall(claims: &[Claim], e: f64) -> (Vec<f64>, Outcome, Vec<bool>) {
    // Non-participating preferred convert cheapest first while converting
    // pays the next one more than its preference.
    let mut order: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].preference > 0.0 && !claims[i].participating)
        .collect();
    super::sort_by(&mut order, |&a, &b| {
        let t = |i: usize| claims[i].preference / claims[i].shares.max(1e-12);
        t(a).total_cmp(&t(b))
    });
    let split = |converting: &[usize]| {
        let takes_pref = |i: usize| claims[i].preference > 0.0 && !converting.contains(&i);
        // Preferences by seniority, the highest first; within a level side
        // by side in proportion to the preferences.
        let mut levels: Vec<f64> = (0..claims.len())
            .filter(|&i| takes_pref(i))
            .map(|i| claims[i].seniority)
            .collect();
        super::sort_by(&mut levels, |a, b| b.total_cmp(a));
        levels.dedup();
        let mut pref_paid = vec![0.0; claims.len()];
        let mut residual = e;
        for level in levels {
            let at = |i: usize| takes_pref(i) && claims[i].seniority == level;
            let owed: f64 = (0..claims.len())
                .filter(|&i| at(i))
                .map(|i| claims[i].preference)
                .sum();
            let paid = owed.min(residual);
            for i in (0..claims.len()).filter(|&i| at(i)) {
                pref_paid[i] = claims[i].preference / owed * paid;
            }
            residual -= paid;
        }
        let shares_in = |i: usize| {
            claims[i].preference == 0.0 || claims[i].participating || converting.contains(&i)
        };
        // Options are exercised when a share is worth more than their
        // strike: their exercise prices join the residual and they share
        // it. Start with all exercised and drop one under water at a time:
        // it would have paid more than a share is worth, so dropping it
        // lowers the price a share; those dropped stay under water and
        // others may follow, until every one left is above water.
        let mut exercised: Vec<bool> = claims.iter().map(|c| c.strike > 0.0).collect();
        let per_share = loop {
            let held = |i: usize| shares_in(i) && (claims[i].strike == 0.0 || exercised[i]);
            let shares: f64 = (0..claims.len())
                .filter(|&i| held(i))
                .map(|i| claims[i].shares)
                .sum();
            let cash: f64 = (0..claims.len())
                .filter(|&i| held(i))
                .map(|i| claims[i].shares * claims[i].strike)
                .sum();
            let per_share = if shares > 0.0 {
                (residual + cash) / shares
            } else {
                0.0
            };
            let under_water =
                (0..claims.len()).find(|&i| exercised[i] && claims[i].strike >= per_share);
            match under_water {
                Some(i) => exercised[i] = false,
                None => break per_share,
            }
        };
        let proceeds: Vec<f64> = (0..claims.len())
            .map(|i| {
                let c = &claims[i];
                let pref = pref_paid[i];
                let common = if !shares_in(i) || (c.strike > 0.0 && !exercised[i]) {
                    0.0
                } else {
                    c.shares * (per_share - c.strike)
                };
                pref + common
            })
            .collect();
        // Options under water are common shares held all the same.
        let per_share = if (0..claims.len()).any(|i| shares_in(i) && claims[i].shares > 0.0) {
            Outcome::Value(per_share)
        } else {
            Outcome::Undefined(NO_COMMON)
        };
        (proceeds, per_share, exercised)
    };
    let mut k = 0;
    while let Some(&next) = order.get(k) {
        let (with, ..) = split(&order[..=k]);
        let (without, ..) = split(&order[..k]);
        if with[next] > without[next] {
            k += 1;
        } else {
            break;
        }
    }
    let (proceeds, per_share, exercised) = split(&order[..k]);
    let as_converted = (0..claims.len())
        .map(|i| {
            let c = &claims[i];
            let under_water = c.promised && c.strike > 0.0 && !exercised[i];
            (c.preference == 0.0 || c.participating || order[..k].contains(&i)) && !under_water
        })
        .collect();
    (proceeds, per_share, as_converted)
}

// ---------------------------------------------------------------- inputs

/// Everything the calculator takes, under the scenario's keys.
#[derive(Clone, Debug, PartialEq)]
pub struct Inputs {
    pub currency: Currency,
    pub holders: Vec<Holder>,
    pub rounds: Vec<Round>,
    /// The holder whose stake is followed through the rounds.
    pub follow: String,
    pub exit_value: f64,
    /// When the sale closes: notes still outstanding accrue interest to it.
    pub exit_date: Option<NaiveDate>,
    /// Show the SAFEs' outcome both as post-money and as pre-money SAFEs.
    pub compare_safes: bool,
}

pub const MAX_HOLDERS: usize = 100;
pub const MAX_ROUNDS: usize = 20;
pub const MAX_NAME: usize = 80;

pub const SHARES: FieldSpec = FieldSpec::new("shares", "Shares", FieldKind::Count, 0.0, MAX_AMOUNT);
pub const STRIKE: FieldSpec =
    FieldSpec::new("strike", "Strike price", FieldKind::Money, 0.0, MAX_AMOUNT);
pub const AMOUNT: FieldSpec = FieldSpec::new("amount", "Amount", FieldKind::Money, 0.0, MAX_AMOUNT);
pub const CAP: FieldSpec = FieldSpec::new("cap", "Valuation cap", FieldKind::Money, 1.0, 1e15);
pub const DISCOUNT: FieldSpec =
    FieldSpec::new("discount_pct", "Discount", FieldKind::Percent, 0.0, 99.0);
pub const INTEREST: FieldSpec = FieldSpec::new(
    "interest_pct",
    "Interest a year (simple)",
    FieldKind::Percent,
    0.0,
    100.0,
);
pub const PRE_MONEY: FieldSpec = FieldSpec::new(
    "pre_money",
    "Pre-money valuation",
    FieldKind::Money,
    1.0,
    1e15,
);
pub const POOL_TARGET: FieldSpec = FieldSpec::new(
    "pool_target_pct",
    "Pool after the round (% of post-money)",
    FieldKind::Percent,
    0.0,
    99.0,
);
pub const POOL_INCREASE: FieldSpec = FieldSpec::new(
    "pool_increase",
    "New pool shares",
    FieldKind::Count,
    0.0,
    MAX_AMOUNT,
);
pub const SENIORITY: FieldSpec = FieldSpec::new(
    "seniority",
    "Seniority at an exit (higher is paid first)",
    FieldKind::Count,
    0.0,
    100.0,
);
pub const SALE_MULTIPLE: FieldSpec = FieldSpec::new(
    "sale_multiple",
    "Repaid at a sale (× principal)",
    FieldKind::Count,
    1.0,
    10.0,
);
pub const LIQ_PREF: FieldSpec = FieldSpec::new(
    "liq_pref",
    "Liquidation preference (×)",
    FieldKind::Count,
    0.0,
    10.0,
);
pub const EXIT_VALUE: FieldSpec =
    FieldSpec::new("exit_value", "Exit value", FieldKind::Money, 0.0, 1e15);

pub const CLASSES: [(&str, Class); 4] = [
    ("common", Class::Common),
    ("options", Class::Options),
    ("promised", Class::Promised),
    ("pool", Class::Pool),
];
pub const BASES: [(&str, PriceBasis); 3] = [
    ("fully_diluted", PriceBasis::FullyDiluted),
    ("pre_conversion", PriceBasis::PreConversion),
    ("dollars_invested", PriceBasis::DollarsInvested),
];
pub const KINDS: [&str; 4] = ["safe_post", "safe_pre", "note", "priced"];

/// The word a choice is written with in the scenario.
pub fn word_of<T: PartialEq + Copy>(choices: &[(&'static str, T)], value: T) -> &'static str {
    choices
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("", |(w, _)| w)
}

impl Default for Inputs {
    /// A seed-stage company: founders, an early engineer's grant, a 20 %
    /// pool (the company plan's), two post-money SAFEs and a Series A.
    fn default() -> Self {
        let date = NaiveDate::from_ymd_opt(2026, 6, 1);
        Inputs {
            currency: Currency::USD,
            holders: vec![
                Holder {
                    name: "Founders".into(),
                    class: Class::Common,
                    shares: 7_900_000.0,
                    strike: 0.0,
                },
                Holder {
                    name: "Early engineer".into(),
                    class: Class::Options,
                    shares: 100_000.0,
                    strike: 0.0,
                },
                Holder {
                    name: "Option pool".into(),
                    class: Class::Pool,
                    shares: 2_000_000.0,
                    strike: 0.0,
                },
            ],
            rounds: vec![
                Round {
                    name: "Pre-seed SAFE".into(),
                    kind: Kind::SafePost {
                        amount: 500_000.0,
                        cap: Some(5_000_000.0),
                        discount_pct: 0.0,
                        pro_rata: false,
                    },
                },
                Round {
                    name: "Seed SAFE".into(),
                    kind: Kind::SafePost {
                        amount: 1_500_000.0,
                        cap: Some(15_000_000.0),
                        discount_pct: 0.0,
                        pro_rata: true,
                    },
                },
                Round {
                    name: "Series A".into(),
                    kind: Kind::Priced {
                        pre_money: 30_000_000.0,
                        amount: 8_000_000.0,
                        date,
                        pool: PoolTopUp::TargetPct(10.0),
                        price_basis: PriceBasis::FullyDiluted,
                        liq_pref: 1.0,
                        participating: false,
                        seniority: 0.0,
                    },
                },
            ],
            follow: "Early engineer".into(),
            exit_value: 150_000_000.0,
            exit_date: None,
            compare_safes: false,
        }
    }
}

impl Round {
    /// A new round of `kind` ("safe_post", "safe_pre", "note", "priced")
    /// with typical terms.
    pub fn typical(name: &str, kind: &str) -> Round {
        let kind = match kind {
            "safe_pre" => Kind::SafePre {
                amount: 500_000.0,
                cap: Some(8_000_000.0),
                discount_pct: 0.0,
            },
            "note" => Kind::Note {
                amount: 500_000.0,
                interest_pct: 5.0,
                issue_date: NaiveDate::from_ymd_opt(2026, 1, 1),
                cap: Some(8_000_000.0),
                discount_pct: 20.0,
                sale_multiple: 1.0,
            },
            "priced" => Kind::Priced {
                pre_money: 20_000_000.0,
                amount: 5_000_000.0,
                date: NaiveDate::from_ymd_opt(2027, 1, 1),
                pool: PoolTopUp::None,
                price_basis: PriceBasis::FullyDiluted,
                liq_pref: 1.0,
                participating: false,
                seniority: 0.0,
            },
            _ => Kind::SafePost {
                amount: 500_000.0,
                cap: Some(10_000_000.0),
                discount_pct: 0.0,
                pro_rata: false,
            },
        };
        Round {
            name: name.into(),
            kind,
        }
    }

    pub fn kind_word(&self) -> &'static str {
        match self.kind {
            Kind::SafePost { .. } => "safe_post",
            Kind::SafePre { .. } => "safe_pre",
            Kind::Note { .. } => "note",
            Kind::Priced { .. } => "priced",
        }
    }

    fn to_json(&self) -> Value {
        let date = |d: &Option<NaiveDate>| d.map(|d| d.to_string());
        let mut v = match &self.kind {
            Kind::SafePost {
                amount,
                cap,
                discount_pct,
                pro_rata,
            } => {
                json!({"amount": amount, "cap": cap, "discount_pct": discount_pct, "pro_rata": pro_rata})
            }
            Kind::SafePre {
                amount,
                cap,
                discount_pct,
            } => {
                json!({"amount": amount, "cap": cap, "discount_pct": discount_pct})
            }
            Kind::Note {
                amount,
                interest_pct,
                issue_date,
                cap,
                discount_pct,
                sale_multiple,
            } => json!({
                "amount": amount, "interest_pct": interest_pct, "issue_date": date(issue_date),
                "cap": cap, "discount_pct": discount_pct, "sale_multiple": sale_multiple
            }),
            Kind::Priced {
                pre_money,
                amount,
                date: d,
                pool,
                price_basis,
                liq_pref,
                participating,
                seniority,
            } => {
                let mut v = json!({
                    "pre_money": pre_money, "amount": amount, "date": date(d),
                    "price_basis": word_of(&BASES, *price_basis), "liq_pref": liq_pref,
                    "participating": participating, "seniority": seniority
                });
                match pool {
                    PoolTopUp::TargetPct(t) => v["pool_target_pct"] = json!(t),
                    PoolTopUp::Increase(x) => v["pool_increase"] = json!(x),
                    PoolTopUp::None => {}
                }
                v
            }
        };
        v["name"] = json!(self.name);
        v["kind"] = json!(self.kind_word());
        v
    }
}

impl Inputs {
    /// Whether the followed name is a holder's: one renamed, or a table
    /// imported over, leaves it naming nobody.
    pub fn follows_a_holder(&self) -> bool {
        self.holders.iter().any(|h| h.name == self.follow)
    }

    pub fn to_json(&self) -> Value {
        json!({
            "currency": self.currency.code(),
            "holders": self.holders.iter().map(|h| {
                let mut v = json!({
                    "name": h.name, "class": word_of(&CLASSES, h.class), "shares": h.shares
                });
                if h.is_option() {
                    v["strike"] = json!(h.strike);
                }
                v
            }).collect::<Vec<_>>(),
            "rounds": self.rounds.iter().map(Round::to_json).collect::<Vec<_>>(),
            "follow": self.follow,
            "exit_value": self.exit_value,
            "exit_date": self.exit_date.map(|d| d.to_string()),
            "compare_safes": self.compare_safes,
        })
    }

    /// Reads inputs like typed input: a bad value keeps its default and is
    /// reported under its full key (`rounds.2.cap`); a list that cannot be
    /// read keeps the default list.
    pub fn from_json(value: &Value) -> (Inputs, Vec<Problem>) {
        let mut i = Inputs::default();
        let mut read = Reader::new(value);
        if let Some(c) = read.choice("currency", &Currency::CHOICES) {
            i.currency = c;
        }
        read.set(&EXIT_VALUE, &mut i.exit_value);
        if value.get("exit_date").is_some_and(|d| !d.is_null()) {
            i.exit_date = read.date("exit_date").or(i.exit_date);
        }
        if let Some(t) = read.text("follow", MAX_NAME) {
            i.follow = t;
        }
        if let Some(b) = read.flag("compare_safes") {
            i.compare_safes = b;
        }
        if let Some(list) = read.get("holders") {
            match list.as_array().filter(|l| l.len() <= MAX_HOLDERS) {
                Some(list) => {
                    i.holders = list
                        .iter()
                        .enumerate()
                        .map(|(n, v)| {
                            let mut r = Reader::new(v);
                            let mut h = Holder {
                                name: format!("Holder {}", n + 1),
                                class: Class::Common,
                                shares: 0.0,
                                strike: 0.0,
                            };
                            if let Some(t) = r.text("name", MAX_NAME) {
                                h.name = t;
                            }
                            if let Some(c) = r.choice("class", &CLASSES) {
                                h.class = c;
                            }
                            r.set(&SHARES, &mut h.shares);
                            r.set(&STRIKE, &mut h.strike);
                            read.absorb(&format!("holders.{n}"), r.finish());
                            h
                        })
                        .collect();
                }
                None => read.problem(
                    "holders",
                    format!("Must be a list of at most {MAX_HOLDERS} holders"),
                ),
            }
        }
        if let Some(list) = read.get("rounds") {
            match list.as_array().filter(|l| l.len() <= MAX_ROUNDS) {
                Some(list) => {
                    i.rounds = list
                        .iter()
                        .enumerate()
                        .map(|(n, v)| {
                            let (round, problems) = read_round(v, n);
                            read.absorb(&format!("rounds.{n}"), problems);
                            round
                        })
                        .collect();
                }
                None => read.problem(
                    "rounds",
                    format!("Must be a list of at most {MAX_ROUNDS} rounds"),
                ),
            }
        }
        (i, read.finish())
    }
}

fn read_round(value: &Value, n: usize) -> (Round, Vec<Problem>) {
    let mut read = Reader::new(value);
    let kinds: Vec<(&str, &str)> = KINDS.iter().map(|k| (*k, *k)).collect();
    let kind = read.choice("kind", &kinds).unwrap_or("safe_post");
    let mut round = Round::typical(&format!("Round {}", n + 1), kind);
    if let Some(t) = read.text("name", MAX_NAME) {
        round.name = t;
    }
    // A key that is missing keeps the kind's typical term; null clears it
    // (an uncapped SAFE, a note without a date).
    let raw = |key: &str| value.get(key);
    let date = |read: &mut Reader, key: &str, target: &mut Option<NaiveDate>| match raw(key) {
        None => {}
        Some(Value::Null) => *target = None,
        Some(_) => {
            if let Some(d) = read.date(key) {
                *target = Some(d);
            }
        }
    };
    let cap = |read: &mut Reader, target: &mut Option<f64>| match raw("cap") {
        None => {}
        Some(Value::Null) => *target = None,
        Some(_) => *target = read.number(&CAP).or(*target),
    };
    match &mut round.kind {
        Kind::SafePost {
            amount,
            cap: c,
            discount_pct,
            pro_rata,
        } => {
            read.set(&AMOUNT, amount);
            cap(&mut read, c);
            read.set(&DISCOUNT, discount_pct);
            if let Some(b) = read.flag("pro_rata") {
                *pro_rata = b;
            }
        }
        Kind::SafePre {
            amount,
            cap: c,
            discount_pct,
        } => {
            read.set(&AMOUNT, amount);
            cap(&mut read, c);
            read.set(&DISCOUNT, discount_pct);
        }
        Kind::Note {
            amount,
            interest_pct,
            issue_date,
            cap: c,
            discount_pct,
            sale_multiple,
        } => {
            read.set(&AMOUNT, amount);
            read.set(&INTEREST, interest_pct);
            date(&mut read, "issue_date", issue_date);
            cap(&mut read, c);
            read.set(&DISCOUNT, discount_pct);
            read.set(&SALE_MULTIPLE, sale_multiple);
        }
        Kind::Priced {
            pre_money,
            amount,
            date: d,
            pool,
            price_basis,
            liq_pref,
            participating,
            seniority,
        } => {
            read.set(&PRE_MONEY, pre_money);
            read.set(&AMOUNT, amount);
            date(&mut read, "date", d);
            *pool = match (read.number(&POOL_TARGET), read.number(&POOL_INCREASE)) {
                (Some(t), _) => PoolTopUp::TargetPct(t),
                (None, Some(x)) => PoolTopUp::Increase(x),
                (None, None) => PoolTopUp::None,
            };
            if let Some(b) = read.choice("price_basis", &BASES) {
                *price_basis = b;
            }
            read.set(&LIQ_PREF, liq_pref);
            if let Some(b) = read.flag("participating") {
                *participating = b;
            }
            read.set(&SENIORITY, seniority);
        }
    }
    (round, read.finish())
}

/// The same rounds with every SAFE of the other kind on the same terms
/// (post-money ↔ pre-money; a pre-money SAFE has no pro rata right).
pub fn swap_safe_kinds(rounds: &[Round]) -> Vec<Round> {
    rounds
        .iter()
        .map(|r| Round {
            name: r.name.clone(),
            kind: match &r.kind {
                Kind::SafePost {
                    amount,
                    cap,
                    discount_pct,
                    ..
                } => Kind::SafePre {
                    amount: *amount,
                    cap: *cap,
                    discount_pct: *discount_pct,
                },
                Kind::SafePre {
                    amount,
                    cap,
                    discount_pct,
                } => Kind::SafePost {
                    amount: *amount,
                    cap: *cap,
                    discount_pct: *discount_pct,
                    pro_rata: false,
                },
                other => other.clone(),
            },
        })
        .collect()
}

// ---------------------------------------------------------------- CSV

/// The starting cap table as CSV: `name,class,shares,strike` (what
/// [`holders_from_csv`] reads back; the strike is empty but for options).
pub fn holders_csv(holders: &[Holder]) -> String {
    let mut out = csv::line(&["name", "class", "shares", "strike"].map(String::from));
    for h in holders {
        out += &csv::line(&[
            h.name.clone(),
            word_of(&CLASSES, h.class).into(),
            shortest(h.shares),
            if h.is_option() {
                shortest(h.strike)
            } else {
                String::new()
            },
        ]);
    }
    out
}

/// The cap table after the last round, one line per position, with each
/// holder's stake and exit proceeds (on the holder's first line).
pub fn cap_table_csv(r: &Results, exit: Option<&Exit>) -> String {
    let mut out = csv::line(
        &[
            "holder",
            "class",
            "series",
            "shares",
            "invested",
            "fully_diluted_pct",
            "exit_proceeds",
        ]
        .map(String::from),
    );
    let mut seen: Vec<&str> = Vec::new();
    for p in &r.positions {
        let first = !seen.contains(&p.holder.as_str());
        seen.push(&p.holder);
        let class = if p.series.is_some() {
            "preferred"
        } else {
            word_of(&CLASSES, p.class)
        };
        let (pct, proceeds) = if first {
            (
                r.pct_of(&p.holder)
                    .value()
                    .map(shortest)
                    .unwrap_or_default(),
                exit.map(|e| shortest(e.of(&p.holder))).unwrap_or_default(),
            )
        } else {
            (String::new(), String::new())
        };
        out += &csv::line(&[
            p.holder.clone(),
            class.into(),
            p.series.clone().unwrap_or_default(),
            shortest(p.shares),
            shortest(p.invested),
            pct,
            proceeds,
        ]);
    }
    out
}

/// Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes,
/// commas and line breaks inside quotes).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| r.iter().any(|f| !f.trim().is_empty()));
    rows
}

/// Reads a starting cap table from CSV with a header naming `name`,
/// `class` and `shares`, and `strike` if it likes (any order, other columns
/// ignored; an empty strike is none). Numbers are
/// read like typed input; one bad line refuses the file, with its number.
pub fn holders_from_csv(text: &str) -> Result<Vec<Holder>, String> {
    if text.len() > 256 * 1024 {
        return Err("The file is too large for a cap table".into());
    }
    let rows = csv_rows(text);
    let header = rows.first().ok_or("The file is empty")?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(n), Some(c), Some(s)) = (col("name"), col("class"), col("shares")) else {
        return Err("The first line must name the columns name, class and shares".into());
    };
    let strike_col = col("strike");
    if rows.len() - 1 > MAX_HOLDERS {
        return Err(format!("At most {MAX_HOLDERS} holders"));
    }
    rows.iter()
        .enumerate()
        .skip(1)
        .map(|(line, row)| {
            let get = |i: usize| row.get(i).map(|f| f.trim()).unwrap_or("");
            let name: String = csv::unguarded(get(n)).chars().take(MAX_NAME).collect();
            let class = CLASSES
                .iter()
                .find(|(w, _)| w.eq_ignore_ascii_case(get(c)))
                .map(|(_, k)| *k)
                .ok_or_else(|| {
                    format!(
                        "Line {}: class must be common, options, promised or pool",
                        line + 1
                    )
                })?;
            let shares = SHARES
                .parse(get(s))
                .map_err(|e| format!("Line {}: shares: {e}", line + 1))?;
            let strike = match strike_col.map(get).filter(|t| !t.is_empty()) {
                Some(t) => STRIKE
                    .parse(t)
                    .map_err(|e| format!("Line {}: strike: {e}", line + 1))?,
                None => 0.0,
            };
            Ok(Holder {
                name,
                class,
                shares,
                strike,
            })
        })
        .collect()
}

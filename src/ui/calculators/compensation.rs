//! The compensation page: a sales plan (what it pays, the payout curve, the
//! reverse question) and up to four offer packages side by side (totals,
//! vesting by the calendar, cumulative pay).

use crate::calc::compensation::{
    self as comp, EquityType, Inputs, Offer, Period, Plan, Role, Tier, MAX_OFFERS, MAX_TIERS,
};
use crate::calc::{Currency, Outcome};
use crate::input::{FieldSpec, Kind};
use crate::text::{isolate, quoted, shortest};
use crate::ui::calculators::{
    currency_of, headlines, open_page, CurrencySelect, ProblemList, ReportMeta, ResultRow,
};
use crate::ui::components::{
    chart::{steps, whole_months, ChartData, Line, LineChart, Marker},
    fields::{ChoiceField, DateField, TextField},
    number_field::NumberField,
    result::{cited, contract, outcome_text, Announce, How, Peek, ResultValue},
    scenario_bar::ScenarioBar,
};
use crate::ui::format::{format, format_input, long_date, today_date, Style};
use crate::ui::state::Scenarios;
use chrono::NaiveDate;
use leptos::prelude::*;

pub const CALC: &str = "compensation";

/// What every part of the page reads, and the way to change an input.
#[derive(Clone, Copy)]
struct Comp {
    scenarios: Scenarios,
    inputs: Memo<Inputs>,
    /// The inputs without the offers, and without the plan: an edit to one
    /// tool does not recompute the other's results and charts.
    plan_inputs: Memo<Inputs>,
    offer_inputs: Memo<Inputs>,
    currency: Signal<Currency>,
    today: NaiveDate,
}

impl Comp {
    fn edit(self, change: impl FnOnce(&mut Inputs)) {
        let mut next = self.inputs.get_untracked();
        change(&mut next);
        self.scenarios.set_inputs(next.to_json());
    }

    /// The plan's field `n` of [`comp::PLAN_NUMBERS`]; quota and achieved
    /// are money unless the role counts meetings.
    fn plan_field(self, n: usize, meetings: bool) -> impl IntoView {
        let (spec, get, set) = comp::PLAN_NUMBERS[n];
        let spec = match spec.key {
            "quota" | "achieved" if !meetings => FieldSpec {
                kind: Kind::Money,
                ..spec
            },
            _ => spec,
        };
        view! {
            <NumberField
                spec=spec
                name=format!("plan.{}", spec.key)
                value=Signal::derive(move || self.plan_inputs.with(|i| get(&i.plan)))
                on_change=Callback::new(move |x| self.edit(|i| set(&mut i.plan, x)))
                currency=self.currency
            />
        }
    }

    fn offer_field(self, index: usize, n: usize) -> impl IntoView {
        let (spec, get, set) = comp::OFFER_NUMBERS[n];
        view! {
            <NumberField
                spec=spec
                name=format!("offers.{index}.{}", spec.key)
                value=Signal::derive(move || self.offer_inputs.with(|i| i.offers.get(index).map_or(0.0, get)))
                on_change=Callback::new(move |x| self.edit(|i| {
                    if let Some(o) = i.offers.get_mut(index) {
                        set(o, x);
                    }
                }))
                currency=self.currency
            />
        }
    }
}

#[component]
pub fn CompensationPage() -> impl IntoView {
    let (scenarios, inputs, problems) =
        open_page(CALC, || Inputs::new().to_json(), Inputs::from_json);
    let c = Comp {
        scenarios,
        inputs,
        plan_inputs: Memo::new(move |_| {
            inputs.with(|i| Inputs {
                offers: Vec::new(),
                ..i.clone()
            })
        }),
        offer_inputs: Memo::new(move |_| {
            inputs.with(|i| Inputs {
                plan: Plan::preset(Role::Custom),
                ..i.clone()
            })
        }),
        currency: currency_of(inputs, |i| i.currency),
        today: today_date(),
    };
    view! {
        <article class="calculator compensation">
            <ReportMeta scenarios=scenarios />
            <ScenarioBar scenarios=scenarios />
            <ProblemList problems=problems />
            <div class="no-print">
                <CurrencySelect
                    value=c.currency
                    on_change=Callback::new(move |cur| c.edit(|i| i.currency = cur))
                />
            </div>
            <PlanSection c=c />
            <OffersSection c=c />
        </article>
    }
}

/// Short enough for a 360 px phone; the help below the field gives each
/// role's quota.
const ROLES: [(&str, &str); 4] = [
    ("enterprise_ae", "Enterprise AE"),
    ("smb_ae", "SMB AE"),
    ("sdr", "SDR"),
    ("custom", "Custom"),
];
const PERIODS: [(&str, &str); 3] = [
    ("annual", "A year"),
    ("quarterly", "A quarter"),
    ("monthly", "A month"),
];

fn word<T: PartialEq + Copy>(choices: &[(&'static str, T)], value: T) -> &'static str {
    choices
        .iter()
        .find(|(_, v)| *v == value)
        .map_or("", |(w, _)| w)
}

/// A. The sales compensation plan.
#[component]
fn PlanSection(c: Comp) -> impl IntoView {
    let inputs = c.plan_inputs;
    let meetings = Memo::new(move |_| inputs.with(|i| i.plan.in_meetings()));
    let capped = Memo::new(move |_| inputs.with(|i| i.plan.cap_pct.is_some()));
    let results = Memo::new(move |_| inputs.with(|i| comp::plan_results(&i.plan)));
    view! {
        <section class="tool" aria-labelledby="plan-title">
            <h2 id="plan-title">"Sales compensation plan"</h2>
            <div class="layout">
                <Peek figures=headlines(&PLAN_RESULTS, results, c.currency) />
                <section class="inputs" aria-label="Plan inputs">
                    <ChoiceField
                        name="plan.role"
                        label="Role (fills in the plan's numbers)"
                        choices=&ROLES
                        value=Signal::derive(move || inputs.with(|i| word(&Role::CHOICES, i.plan.role)))
                        on_change=Callback::new(move |v: String| {
                            if let Some((_, role)) = Role::CHOICES.into_iter().find(|(w, _)| *w == v) {
                                // Every number of the plan changes: one click to go back.
                                let name = ROLES.into_iter().find(|(w, _)| *w == v).map_or("the role", |(_, l)| l);
                                c.scenarios.undoably(format!("The plan's numbers were set for {name}"), || c.edit(|i| i.plan = Plan::preset(role)));
                            }
                        })
                    />
                    <p class="help">"Quotas and rates as the company plan sets them; the OTEs are illustrative: edit them."</p>
                    <ChoiceField
                        name="plan.period"
                        label="Quota period"
                        choices=&PERIODS
                        value=Signal::derive(move || inputs.with(|i| word(&Period::CHOICES, i.plan.period)))
                        on_change=Callback::new(move |v: String| {
                            if let Some((_, p)) = Period::CHOICES.into_iter().find(|(w, _)| *w == v) {
                                c.edit(|i| i.plan.period = p);
                            }
                        })
                    />
                    {move || {
                        let m = meetings.get();
                        (0..comp::PLAN_NUMBERS.len() - 1).map(|n| c.plan_field(n, m)).collect_view()
                    }}
                    <div class="check">
                        <input
                            id="plan-capped"
                            type="checkbox"
                            prop:checked=capped
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                c.edit(|i| i.plan.cap_pct = on.then_some(200.0));
                            }
                        />
                        <label for="plan-capped">"Commission is capped"</label>
                    </div>
                    {move || capped.get().then(|| view! {
                        <NumberField
                            spec=comp::CAP
                            name="plan.cap_pct"
                            label="Nothing more is earned above (% of quota)"
                            value=Signal::derive(move || inputs.with(|i| i.plan.cap_pct.unwrap_or(0.0)))
                            on_change=Callback::new(move |x| c.edit(|i| i.plan.cap_pct = Some(x)))
                        />
                    })}
                    <TierList c=c />
                </section>
                <section class="results" aria-label="What the plan pays">
                    <PlanResults c=c results=results meetings=meetings />
                </section>
            </div>
        </section>
    }
}

/// The accelerator tiers: from which attainment, what multiple of the rate.
#[component]
fn TierList(c: Comp) -> impl IntoView {
    let inputs = c.plan_inputs;
    let count = Memo::new(move |_| inputs.with(|i| i.plan.tiers.len()));
    let change = move |index: usize, f: &dyn Fn(&mut Tier)| {
        c.edit(|i| {
            if let Some(t) = i.plan.tiers.get_mut(index) {
                f(t);
            }
        })
    };
    view! {
        <div class="tiers" role="group" aria-labelledby="tiers-title" data-list="tiers">
            <p id="tiers-title" class="group-title">"Accelerator tiers (marginal: each rate applies only to the units inside its tier)"</p>
            {move || (0..count.get()).map(|index| view! {
                <div class="tier">
                    <NumberField
                        spec=comp::TIER_FROM
                        name=format!("plan.tiers.{index}.from_pct")
                        label=format!("Tier {} from (% of quota)", index + 1)
                        value=Signal::derive(move || inputs.with(|i| i.plan.tiers.get(index).map_or(0.0, |t| t.from_pct)))
                        on_change=Callback::new(move |x| change(index, &|t| t.from_pct = x))
                    />
                    <NumberField
                        spec=comp::TIER_MULTIPLIER
                        name=format!("plan.tiers.{index}.multiplier")
                        label=format!("Tier {} multiplier", index + 1)
                        value=Signal::derive(move || inputs.with(|i| i.plan.tiers.get(index).map_or(0.0, |t| t.multiplier)))
                        on_change=Callback::new(move |x| change(index, &|t| t.multiplier = x))
                    />
                    <button
                        type="button"
                        class="remove"
                        aria-label=format!("Remove tier {}", index + 1)
                        disabled=move || { count.get() <= 1 }
                        on:click=move |_| c.scenarios.remove_row(format!("Removed tier {}", index + 1), "plan.tiers", index, || c.edit(|i| { if index < i.plan.tiers.len() && i.plan.tiers.len() > 1 { i.plan.tiers.remove(index); } }))
                    >
                        "Remove"
                    </button>
                </div>
            }).collect_view()}
            <button
                type="button"
                data-add=""
                disabled=move || { count.get() >= MAX_TIERS }
                on:click=move |_| c.edit(|i| {
                    let next = i.plan.tiers.iter().map(|t| t.from_pct).fold(0.0, f64::max) + 25.0;
                    i.plan.tiers.push(Tier { from_pct: next, multiplier: 2.0 });
                })
            >
                "Add a tier"
            </button>
        </div>
    }
}

/// The plan's results. A rate's style is a percentage's: paid per meeting,
/// it is money (`plan_style`).
const PLAN_RESULTS: [ResultRow<comp::PlanResults>; 9] = [
    (
        "plan.total",
        "Total pay in the period",
        Style::Money,
        |r| r.total,
        true,
    ),
    (
        "plan.commission",
        "Commission",
        Style::Money,
        |r| r.commission,
        true,
    ),
    (
        "plan.attainment_pct",
        "Attainment",
        Style::Percent,
        |r| r.attainment_pct,
        true,
    ),
    ("plan.base", "Base", Style::Money, |r| r.base, false),
    (
        "plan.variable",
        "Variable at 100%",
        Style::Money,
        |r| r.variable,
        false,
    ),
    ("plan.rate", "Base rate", Style::Percent, |r| r.rate, false),
    (
        "plan.effective_rate_pct",
        "Effective rate",
        Style::Percent,
        |r| r.effective_rate_pct,
        false,
    ),
    (
        "plan.team_bonus",
        "Team bonus",
        Style::Money,
        |r| r.team_bonus,
        false,
    ),
    (
        "plan.vs_ote_pct",
        "Against OTE",
        Style::Percent,
        |r| r.vs_ote_pct,
        false,
    ),
];

/// Shown under a plan's result: a cap below the threshold, on the
/// commission it shapes.
fn plan_note(key: &str, p: &Plan) -> Option<String> {
    (key == "plan.commission" && p.cap_below_threshold()).then(|| {
        let (cap, threshold) = (shortest(p.cap_pct.unwrap_or_default()), shortest(p.threshold_pct));
        format!("The cap, {cap}%, is below the threshold, {threshold}%: nothing is paid below {threshold}% of quota, and there at once the commission up to the cap.")
    })
}

fn plan_style(key: &str, style: Style, meetings: bool) -> Style {
    match key {
        "plan.rate" | "plan.effective_rate_pct" if meetings => Style::Money,
        _ => style,
    }
}

fn plan_formula(key: &str, p: &Plan, r: &comp::PlanResults, c: Currency) -> String {
    let money = |x: f64| format_input(x, Kind::Money, c);
    let pct = |x: f64| format_input(x, Kind::Percent, c);
    let show = |o: Outcome, style: Style| cited(o, style, c);
    let unit = |x: f64| {
        if p.in_meetings() {
            format!("{} meetings", format_input(x, Kind::Count, c))
        } else {
            money(x)
        }
    };
    let share = match p.period {
        Period::Annual => "",
        Period::Quarterly => " ÷ 4",
        Period::Monthly => " ÷ 12",
    };
    match key {
        "plan.base" => format!(
            "OTE × base share{share} = {} × {}{share}",
            money(p.ote),
            pct(p.base_pct)
        ),
        "plan.variable" => format!(
            "OTE × (1 − base share){share} = {} × (1 − {}){share}",
            money(p.ote),
            pct(p.base_pct)
        ),
        "plan.rate" => format!(
            "variable ÷ quota = {} ÷ {}",
            show(r.variable, Style::Money),
            unit(p.quota)
        ),
        "plan.attainment_pct" => format!(
            "achieved ÷ quota = {} ÷ {}",
            unit(p.achieved),
            unit(p.quota)
        ),
        "plan.commission" => {
            let tiers: Vec<String> = p
                .tiers
                .iter()
                .map(|t| {
                    format!(
                        "{} × rate from {}",
                        format_input(t.multiplier, Kind::Count, c),
                        pct(t.from_pct)
                    )
                })
                .collect();
            let mut text = format!(
                "Σ over tiers of rate × multiplier × the part of {} inside the tier ({})",
                unit(p.achieved),
                tiers.join("; ")
            );
            if p.threshold_pct > 0.0 {
                text += &format!("; nothing below {}", pct(p.threshold_pct));
            }
            if let Some(cap) = p.cap_pct {
                text += &format!("; nothing more above {}", pct(cap));
            }
            text
        }
        "plan.team_bonus" => format!(
            "{} a quarter × {} quarters hit{share}",
            money(p.team_bonus),
            format_input(p.team_quarters_hit, Kind::Count, c)
        ),
        "plan.total" => format!(
            "base + commission + team bonus = {} + {} + {}",
            show(r.base, Style::Money),
            show(r.commission, Style::Money),
            show(r.team_bonus, Style::Money)
        ),
        "plan.effective_rate_pct" => format!(
            "commission ÷ achieved = {} ÷ {}",
            show(r.commission, Style::Money),
            unit(p.achieved)
        ),
        "plan.vs_ote_pct" => format!(
            "total ÷ OTE for the period = {} ÷ {}{share}",
            show(r.total, Style::Money),
            money(p.ote)
        ),
        _ => String::new(),
    }
}

#[component]
fn PlanResults(c: Comp, results: Memo<comp::PlanResults>, meetings: Memo<bool>) -> impl IntoView {
    let inputs = c.plan_inputs;
    let currency = c.currency;
    let curve = Signal::derive(move || {
        inputs.with(|i| {
            let p = &i.plan;
            let top = comp::curve_top_pct(p);
            let mut markers: Vec<Marker> = p
                .tiers
                .iter()
                .filter(|t| t.from_pct > 0.0 && t.from_pct <= top)
                .filter_map(|t| {
                    Some(Marker {
                        x: t.from_pct,
                        y: comp::total_at_pct(p, t.from_pct).value()?,
                        label: format!(
                            "{}× from {}%",
                            format_input(t.multiplier, Kind::Count, i.currency),
                            shortest(t.from_pct)
                        ),
                    })
                })
                .collect();
            let now = results.with(|r| r.attainment_pct.value().zip(r.total.value()));
            if let Some((a, total)) = now {
                // On a tier's start, one marker says both (labels would
                // print over each other).
                match markers.iter_mut().find(|m| (m.x - a).abs() < 3.0) {
                    Some(m) => m.label = format!("Now · {}", m.label),
                    None if a <= top => markers.push(Marker {
                        x: a,
                        y: total,
                        label: "Now".into(),
                    }),
                    None => {}
                }
            }
            ChartData {
                lines: vec![Line {
                    label: "Total pay in the period".into(),
                    points: comp::payout_curve(p),
                    class: "primary",
                }],
                markers,
            }
        })
    });
    let reverse =
        Signal::derive(move || inputs.with(|i| comp::attainment_for(&i.plan, i.plan.target_total)));
    view! {
        <dl class="result-grid">
            // Rebuilt when the role switches between money and meetings.
            {move || {
                let m = meetings.get();
                PLAN_RESULTS
                .into_iter()
                .map(|(key, label, style, get, headline)| {
                    view! {
                        <ResultValue
                            key=key
                            label=label
                            headline=headline
                            style=plan_style(key, style, m)
                            currency=currency
                            outcome=Signal::derive(move || results.with(get))
                            formula=Signal::derive(move || inputs.with(|i| results.with(|r| plan_formula(key, &i.plan, r, i.currency))))
                            note=Signal::derive(move || inputs.with(|i| plan_note(key, &i.plan)))
                        />
                    }
                })
                .collect_view()
            }}
        </dl>
        <h3>"Payout curve"</h3>
        <LineChart
            data=curve
            summary=Signal::derive(move || inputs.with(|i| results.with(|r| format!(
                "Total pay against attainment from 0 to {} % of quota; now {}.",
                shortest(comp::curve_top_pct(&i.plan)),
                cited(r.total, Style::Money, currency.get())
            ))))
            x_title="Attainment, % of quota"
            y_title="Total pay"
            x_format=Callback::new(|x: f64| format!("{}%", shortest(x)))
            y_format=Callback::new(move |y: f64| format(y, Style::AxisMoney, currency.get()))
        />
        <div class="table-wrap">
            <table class="earnings">
                <caption>"Earnings at a given attainment"</caption>
                <thead><tr><th scope="col">"Attainment"</th><th scope="col">"Commission"</th><th scope="col">"Total"</th></tr></thead>
                <tbody>
                    {move || {
                        let cur = currency.get();
                        inputs.with(|i| {
                            comp::TABLE_PCTS.into_iter().map(|pct| {
                                let p = &i.plan;
                                let commission = comp::commission_at_pct(p, pct);
                                let total = comp::total_at_pct(p, pct);
                                view! {
                                    <tr>
                                        <th scope="row">{format!("{}%", shortest(pct))}</th>
                                        <td>{commission.value().map_or("—".into(), |x| format(x, Style::Money, cur))}</td>
                                        <td data-result=format!("plan.total_at.{}", shortest(pct)) data-value=total.value().map(shortest).unwrap_or_default()>
                                            {total.value().map_or("—".into(), |t| format(t, Style::Money, cur))}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
        <div class="reverse">
            {c.plan_field(comp::PLAN_NUMBERS.len() - 1, false)}
            <dl class="result-grid compact">
                <ResultValue
                    key="plan.attainment_for"
                    label="Attainment that earns it"
                    style=Style::Percent
                    currency=currency
                    outcome=reverse
                    formula=Signal::derive(move || inputs.with(|i| format!(
                        "The least attainment at which base + commission + team bonus reaches {}",
                        format_input(i.plan.target_total, Kind::Money, i.currency)
                    )))
                />
            </dl>
        </div>
    }
}

/// B. Offer packages, side by side.
#[component]
fn OffersSection(c: Comp) -> impl IntoView {
    let inputs = c.offer_inputs;
    let count = Memo::new(move |_| inputs.with(|i| i.offers.len()));
    let as_of = Memo::new(move |_| inputs.with(|i| i.as_of(c.today)));
    let results = Memo::new(move |_| {
        let date = as_of.get();
        inputs.with(|i| {
            i.offers
                .iter()
                .map(|o| comp::offer_results(o, date))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="tool offers" aria-labelledby="offers-title">
            <h2 id="offers-title">"Offer packages"</h2>
            <div class="as-of">
                <DateField
                    name="as_of"
                    label="Vesting counted on (what if I leave on this date?)"
                    value=Signal::derive(move || Some(as_of.get()))
                    on_change=Callback::new(move |d: Option<NaiveDate>| c.edit(|i| i.as_of = d))
                    help="Cleared, it is today, whenever the scenario is opened."
                />
            </div>
            <OffersPeek c=c results=results />
            <div class="offer-cards" data-list="offers">
                {move || (0..count.get()).map(|index| view! { <OfferCard c=c index=index /> }).collect_view()}
                // The next offer's place, beside the others.
                <div class="offer-add no-print">
                    <p>
                        {move || if count.get() >= MAX_OFFERS {
                            format!("{MAX_OFFERS} offers at most: remove one to compare another.")
                        } else {
                            "Compare another package: its pay, equity and vesting, side by side.".to_string()
                        }}
                    </p>
                    <button
                        type="button"
                        data-add=""
                        disabled=move || { count.get() >= MAX_OFFERS }
                        on:click=move |_| c.edit(|i| {
                            let n = i.offers.len();
                            i.offers.push(Offer::nth(n));
                        })
                    >
                        "Add an offer"
                    </button>
                </div>
            </div>
            <Comparison c=c as_of=as_of results=results />
        </section>
    }
}

const EQUITY_TYPES: [(&str, &str); 2] = [("options", "Stock options"), ("rsu", "RSUs")];

/// On a phone, each offer's first-year total above the offers' cards, kept
/// at the top of the screen while they scroll under it, until the
/// comparison comes into view: a page's `Peek`, for one to four offers.
#[component]
fn OffersPeek(c: Comp, results: Memo<Vec<comp::OfferResults>>) -> impl IntoView {
    let inputs = c.offer_inputs;
    view! {
        <div class="peek no-print" aria-hidden="true">
            <p class="peek-what">"First-year total"</p>
            {move || {
                let cur = c.currency.get();
                inputs.with(|i| results.with(|rs| {
                    i.offers
                        .iter()
                        .zip(rs)
                        .map(|(o, r)| view! { <p><span>{o.name.clone()}</span><b>{cited(r.year1_total, Style::Money, cur)}</b></p> })
                        .collect_view()
                }))
            }}
        </div>
    }
}

#[component]
fn OfferCard(c: Comp, index: usize) -> impl IntoView {
    let inputs = c.offer_inputs;
    let options = Memo::new(move |_| {
        inputs.with(|i| {
            i.offers
                .get(index)
                .is_some_and(|o| o.equity_type == EquityType::Options)
        })
    });
    let edit = move |f: &dyn Fn(&mut Offer)| {
        c.edit(|i| {
            if let Some(o) = i.offers.get_mut(index) {
                f(o);
            }
        })
    };
    // Field numbers in comp::OFFER_NUMBERS.
    let (cash, equity, vesting, exit) = ([0, 1, 2, 3, 4], [5, 7, 8], [9, 10, 11], [12, 13]);
    view! {
        <fieldset class="offer" data-offer=index>
            <legend>{move || inputs.with(|i| i.offers.get(index).map(|o| o.name.clone()).unwrap_or_default())}</legend>
            <TextField
                name=format!("offers.{index}.name")
                label="Name"
                max_chars=comp::MAX_NAME
                value=Signal::derive(move || inputs.with(|i| i.offers.get(index).map(|o| o.name.clone()).unwrap_or_default()))
                on_change=Callback::new(move |t: String| edit(&|o| o.name = t.clone()))
            />
            {cash.into_iter().map(|n| c.offer_field(index, n)).collect_view()}
            <DateField
                name=format!("offers.{index}.start_date")
                label="Start date"
                value=Signal::derive(move || inputs.with(|i| i.offers.get(index).map(|o| o.start_date)))
                on_change=Callback::new(move |d: Option<NaiveDate>| {
                    if let Some(d) = d {
                        edit(&|o| o.start_date = d);
                    }
                })
            />
            <ChoiceField
                name=format!("offers.{index}.equity_type")
                label="Equity"
                choices=&EQUITY_TYPES
                value=Signal::derive(move || if options.get() { "options" } else { "rsu" })
                on_change=Callback::new(move |v: String| {
                    let t = if v == "rsu" { EquityType::Rsu } else { EquityType::Options };
                    edit(&|o| o.equity_type = t)
                })
            />
            {equity.into_iter().map(|n| c.offer_field(index, n)).collect_view()}
            {move || options.get().then(|| c.offer_field(index, 6))}
            {vesting.into_iter().map(|n| c.offer_field(index, n)).collect_view()}
            {exit.into_iter().map(|n| c.offer_field(index, n)).collect_view()}
            <details class="schedule">
                <summary>"Vesting schedule"</summary>
                <VestingTable c=c index=index />
            </details>
            <button
                type="button"
                class="remove no-print"
                disabled=move || { inputs.with(|i| i.offers.len() <= 1) }
                on:click=move |_| {
                    let name = inputs.with_untracked(|i| i.offers.get(index).map(|o| o.name.clone()).unwrap_or_default());
                    c.scenarios.remove_row(format!("Removed {}", quoted(&name)), "offers", index, || c.edit(|i| { if index < i.offers.len() && i.offers.len() > 1 { i.offers.remove(index); } }));
                }
            >
                {move || inputs.with(|i| format!("Remove {}", i.offers.get(index).map(|o| o.name.as_str()).unwrap_or("this offer")))}
            </button>
        </fieldset>
    }
}

#[component]
fn VestingTable(c: Comp, index: usize) -> impl IntoView {
    let inputs = c.offer_inputs;
    view! {
        <div class="table-wrap">
            <table class="vesting">
                <thead><tr><th scope="col">"Date"</th><th scope="col">"Vested shares"</th><th scope="col">"Value today"</th></tr></thead>
                <tbody>
                    {move || inputs.with(|i| {
                        let Some(o) = i.offers.get(index) else { return ().into_any() };
                        comp::schedule(o).into_iter().map(|v| view! {
                            <tr>
                                <td>{long_date(v.date)}</td>
                                <td>{format(v.shares, Style::Count, i.currency)}</td>
                                <td>{format(v.value, Style::Money, i.currency)}</td>
                            </tr>
                        }).collect_view().into_any()
                    })}
                </tbody>
            </table>
        </div>
    }
}

type OfferRow = (
    &'static str,
    &'static str,
    Style,
    fn(&comp::OfferResults) -> Outcome,
    bool,
);
const OFFER_RESULTS: [OfferRow; 8] = [
    (
        "year1_total",
        "First-year total",
        Style::Money,
        |r| r.year1_total,
        false,
    ),
    (
        "annualized_total",
        "Annualized total",
        Style::Money,
        |r| r.annualized_total,
        false,
    ),
    (
        "four_year_total",
        "Four-year total",
        Style::Money,
        |r| r.four_year_total,
        false,
    ),
    (
        "grant_pct",
        "Grant, % of the company",
        // 0.48 %, not 0.5 %: a stake is read to the hundredth.
        Style::Share,
        |r| r.grant_pct,
        false,
    ),
    (
        "exercise_cost",
        "Cost to exercise",
        Style::Money,
        |r| r.exercise_cost,
        true,
    ),
    (
        "exit_value_of_grant",
        "Grant's value at the exit",
        Style::Money,
        |r| r.exit_value_of_grant,
        false,
    ),
    (
        "vested_shares",
        "Vested on the date",
        Style::Count,
        |r| r.vested_shares,
        false,
    ),
    (
        "vested_value",
        "Value vested on the date",
        Style::Money,
        |r| r.vested_value,
        false,
    ),
];

/// How row `key` is computed and, where the row has a formula short enough
/// to write out, each offer's with its own numbers in it.
fn offer_formula(
    key: &str,
    offers: &[Offer],
    results: &[comp::OfferResults],
    as_of: NaiveDate,
    c: Currency,
) -> String {
    let general = match key {
        "year1_total" => "The first 12 months: base, target bonus and benefits, the sign-on, and today's value of the shares that vest in them",
        "annualized_total" => "base + grant value ÷ vesting years + target bonus + sign-on ÷ 4 (the offer-comparison sites' convention; benefits not included)",
        "four_year_total" => "48 months: base with the yearly raise, target bonus, benefits, the sign-on, and today's value of the shares vested by then",
        "grant_pct" => "shares granted ÷ company shares, fully diluted",
        "exercise_cost" => "options × strike",
        "exit_value_of_grant" => "shares × max(0, exit value × (1 − dilution) ÷ company shares − strike)",
        "vested_shares" => "floor(shares × months vested ÷ vesting months): none before the cliff, then the cliff's months, then one part every period",
        "vested_value" => "vested shares × today's value per share (over the strike for options)",
        _ => "",
    };
    let count = |x: f64| format_input(x, Kind::Count, c);
    let money = |x: f64| format_input(x, Kind::Money, c);
    let per_share = |o: &Offer| match o.equity_type {
        EquityType::Options => format!("max(0, {} − {})", money(o.share_price), money(o.strike)),
        EquityType::Rsu => money(o.share_price),
    };
    let live = |o: &Offer, r: &comp::OfferResults| -> Option<String> {
        Some(match key {
            "annualized_total" => format!(
                "{} + {} × {} ÷ {} + {} × {} + {} ÷ 4",
                money(o.base),
                count(o.shares),
                per_share(o),
                count(o.vest_months / 12.0),
                money(o.base),
                format_input(o.bonus_pct, Kind::Percent, c),
                money(o.sign_on),
            ),
            "grant_pct" => format!("{} ÷ {}", count(o.shares), count(o.company_shares)),
            "exercise_cost" => match o.equity_type {
                EquityType::Options => format!("{} × {}", count(o.shares), money(o.strike)),
                EquityType::Rsu => return None,
            },
            "exit_value_of_grant" => format!(
                "{} × max(0, {} × (1 − {}) ÷ {} − {})",
                count(o.shares),
                money(o.exit_value),
                format_input(o.dilution_pct, Kind::Percent, c),
                count(o.company_shares),
                money(o.strike_paid()),
            ),
            "vested_shares" => format!(
                "floor({} × {} months ÷ {})",
                count(o.shares),
                count(comp::vested_months(o, as_of)),
                count(o.vest_months),
            ),
            "vested_value" => format!("{} × {}", count(r.vested_shares.value()?), per_share(o)),
            _ => return None,
        })
    };
    let lines: Vec<String> = offers
        .iter()
        .zip(results)
        .filter_map(|(o, r)| Some(format!("{}: {}", isolate(&o.name), live(o, r)?)))
        .collect();
    if lines.is_empty() {
        general.to_string()
    } else {
        format!("{general}. {}", lines.join("; "))
    }
}

const LINE_CLASSES: [&str; 4] = ["primary", "secondary", "third", "fourth"];

/// The offers side by side, the best in each row marked, and their pay and
/// vesting month by month.
#[component]
fn Comparison(
    c: Comp,
    as_of: Memo<NaiveDate>,
    results: Memo<Vec<comp::OfferResults>>,
) -> impl IntoView {
    let inputs = c.offer_inputs;
    let currency = c.currency;
    let cumulative = Signal::derive(move || {
        inputs.with(|i| {
            let curves: Vec<Vec<f64>> = i.offers.iter().map(|o| comp::cumulative(o, 48)).collect();
            let mut markers = Vec::new();
            for a in 0..curves.len() {
                for b in a + 1..curves.len() {
                    for m in comp::crossings(&curves[a], &curves[b]) {
                        let (ahead, behind) = if curves[a][m] > curves[b][m] {
                            (a, b)
                        } else {
                            (b, a)
                        };
                        markers.push(Marker {
                            x: m as f64,
                            y: curves[a][m],
                            label: format!(
                                "{} passes {}, month {m}",
                                isolate(&i.offers[ahead].name),
                                isolate(&i.offers[behind].name)
                            ),
                        });
                    }
                }
            }
            let lines = i
                .offers
                .iter()
                .zip(LINE_CLASSES)
                .map(|(o, class)| Line {
                    label: o.name.clone(),
                    points: comp::pay_curve(o, 48),
                    class,
                })
                .collect();
            ChartData { lines, markers }
        })
    });
    let vesting = Signal::derive(move || {
        inputs.with(|i| ChartData {
            lines: i
                .offers
                .iter()
                .zip(LINE_CLASSES)
                .map(|(o, class)| Line {
                    label: o.name.clone(),
                    // Shares vest on dates, not gradually: the cliff is a
                    // jump, not a ramp from the month before.
                    points: steps(
                        (0..=o.vest_months.clamp(1.0, 240.0) as u32)
                            .filter_map(|m| {
                                comp::month_date(o, m)
                                    .map(|d| (f64::from(m), comp::vested_shares(o, d)))
                            })
                            .collect(),
                    ),
                    class,
                })
                .collect(),
            markers: Vec::new(),
        })
    });
    // Said to a screen reader once settled: each offer's first year.
    let said = Signal::derive(move || {
        let cur = currency.get();
        inputs.with(|i| {
            results.with(|rs| {
                let each: Vec<String> = i
                    .offers
                    .iter()
                    .zip(rs)
                    .map(|(o, r)| {
                        format!(
                            "{} {}",
                            o.name,
                            outcome_text(r.year1_total, Style::Money, cur)
                        )
                    })
                    .collect();
                format!("First-year total: {}", each.join("; "))
            })
        })
    });
    view! {
        <h3>"Side by side"</h3>
        <Announce text=said />
        <p class="help">{move || format!("Vesting counted on {}. With two offers or more, ★ marks the best in each row.", long_date(as_of.get()))}</p>
        <div class="table-wrap">
            <table class="comparison">
                <thead>
                    <tr>
                        <th scope="col">""</th>
                        {move || inputs.with(|i| i.offers.iter().map(|o| view! { <th scope="col">{o.name.clone()}</th> }).collect_view())}
                    </tr>
                </thead>
                <tbody>
                    {OFFER_RESULTS.into_iter().map(|(key, label, style, get, lower_is_better)| view! {
                        <tr>
                            <th scope="row">
                                {label}
                                <How formula=Signal::derive(move || {
                                    inputs.with(|i| results.with(|rs| offer_formula(key, &i.offers, rs, as_of.get(), currency.get())))
                                }) />
                            </th>
                            {move || results.with(|rs| {
                                let values: Vec<Outcome> = rs.iter().map(get).collect();
                                let best = comp::best(&values, lower_is_better);
                                let cur = currency.get();
                                values.into_iter().enumerate().map(|(n, o)| {
                                    let is_best = best == Some(n);
                                    let (value, state) = contract(o);
                                    let text = outcome_text(o, style, cur);
                                    view! {
                                        <td class:best=is_best>
                                            <output aria-live="off" data-result=format!("offer.{n}.{key}") data-value=value data-state=state data-best=is_best.to_string()>
                                                {text}
                                            </output>
                                            {is_best.then(|| view! { <span class="star" aria-label="best">" ★"</span> })}
                                        </td>
                                    }
                                }).collect_view()
                            })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h3>"Cumulative pay, month by month"</h3>
        <LineChart
            data=cumulative
            summary=Signal::derive(move || "Cumulative pay of each offer over 48 months; where the lines cross is labelled.".to_string())
            x_title="Months from the start"
            y_title="Cumulative pay"
            x_format=Callback::new(whole_months)
            y_format=Callback::new(move |y: f64| format(y, Style::AxisMoney, currency.get()))
        />
        <h3>"Vesting"</h3>
        <LineChart
            data=vesting
            summary=Signal::derive(move || "Vested shares of each offer by month from its start.".to_string())
            x_title="Months from the start"
            y_title="Vested shares"
            x_format=Callback::new(whole_months)
            y_format=Callback::new(move |y: f64| format(y, Style::AxisCount, currency.get()))
        />
    }
}

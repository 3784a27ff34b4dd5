//! The unit economics page: funnel and revenue in, CAC, LTV and payback out.

use crate::calc::unit_economics::{self as ue, Inputs, Stage};
use crate::calc::{Currency, Outcome};
use crate::input::{FieldSpec, Kind};
use crate::text::{fixed, quoted, shortest};
use crate::ui::calculators::{
    currency_of, headlines, open_page, CurrencySelect, ProblemList, ReportMeta, ResultRow,
};
use crate::ui::components::{
    chart::{whole_months, ChartData, Line, LineChart, Marker},
    fields::TextField,
    number_field::NumberField,
    result::{cited, Peek, ResultValue},
    scenario_bar::ScenarioBar,
};
use crate::ui::format::{format, format_input, Style};
use crate::ui::state::Scenarios;
use leptos::prelude::*;

pub const CALC: &str = "unit-economics";

#[component]
pub fn UnitEconomicsPage() -> impl IntoView {
    let (scenarios, inputs, problems) =
        open_page(CALC, || Inputs::default().to_json(), Inputs::from_json);
    let results = Memo::new(move |_| ue::compute(&inputs.get()));
    let currency = currency_of(inputs, |i| i.currency);
    // The funnel's fields are rebuilt only when this changes.
    let cac_known = Memo::new(move |_| inputs.with(|i| i.cac_override.is_some()));

    let edit = move |change: &dyn Fn(&mut Inputs)| {
        let mut next = inputs.get_untracked();
        change(&mut next);
        scenarios.set_inputs(next.to_json());
    };
    let field = move |spec: FieldSpec, get: fn(&Inputs) -> f64, set: fn(&mut Inputs, f64)| {
        view! {
            <NumberField
                spec=spec
                value=Signal::derive(move || inputs.with(get))
                on_change=Callback::new(move |x| edit(&|i| set(i, x)))
                currency=currency
            />
        }
    };

    view! {
        <article class="calculator unit-economics">
            <ReportMeta scenarios=scenarios />
            <ScenarioBar scenarios=scenarios />
            <ProblemList problems=problems />
            <div class="layout">
                <Peek figures=headlines(&RESULTS, results, currency) />
                <section class="inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title">"Inputs"</h2>
                    <CurrencySelect
                        value=currency
                        on_change=Callback::new(move |c| edit(&|i| i.currency = c))
                    />
                    <fieldset>
                        <legend>"Acquisition"</legend>
                        <div class="check">
                            <input
                                id="use-cac-override"
                                type="checkbox"
                                prop:checked=cac_known
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let cac = results.get_untracked().cac.value().unwrap_or(0.0);
                                    edit(&|i| i.cac_override = on.then_some(cac));
                                }
                            />
                            <label for="use-cac-override">"I know my CAC"</label>
                        </div>
                        {move || {
                            if cac_known.get() {
                                field(
                                    ue::CAC_OVERRIDE,
                                    |i| i.cac_override.unwrap_or(0.0),
                                    |i, x| i.cac_override = Some(x),
                                )
                                .into_any()
                            } else {
                                view! {
                                    {field(ue::LEADS, |i| i.leads, |i, x| i.leads = x)}
                                    {field(ue::COST_PER_LEAD, |i| i.cost_per_lead, |i, x| i.cost_per_lead = x)}
                                    <StageList scenarios=scenarios inputs=inputs edit=Callback::new(move |s: Vec<Stage>| edit(&|i| i.stages = s.clone())) />
                                    {field(ue::OTHER_SM_SPEND, |i| i.other_sm_spend, |i, x| i.other_sm_spend = x)}
                                }
                                .into_any()
                            }
                        }}
                    </fieldset>
                    <fieldset>
                        <legend>"Revenue and retention"</legend>
                        {field(ue::ARPA, |i| i.arpa, |i, x| i.arpa = x)}
                        {field(ue::GROSS_MARGIN, |i| i.gross_margin_pct, |i, x| i.gross_margin_pct = x)}
                        {field(ue::CHURN, |i| i.churn_pct, |i, x| i.churn_pct = x)}
                        {field(ue::EXPANSION, |i| i.expansion_pct, |i, x| i.expansion_pct = x)}
                        {field(ue::DISCOUNT_RATE, |i| i.discount_rate_pct, |i, x| i.discount_rate_pct = x)}
                        {field(ue::HORIZON, |i| i.horizon_months, |i, x| i.horizon_months = x)}
                    </fieldset>
                </section>
                <section class="results" aria-labelledby="results-title">
                    <h2 id="results-title">"Results"</h2>
                    <dl class="result-grid">
                        {RESULTS
                            .into_iter()
                            .map(|(key, label, style, get, headline)| {
                                view! {
                                    <ResultValue
                                        key=key
                                        label=label
                                        headline=headline
                                        style=style
                                        currency=currency
                                        outcome=Signal::derive(move || results.with(get))
                                        formula=Signal::derive(move || {
                                            inputs.with(|i| results.with(|r| formula(key, i, r)))
                                        })
                                        note=Signal::derive(move || {
                                            inputs.with(|i| results.with(|r| note(key, i, r)))
                                        })
                                    />
                                }
                            })
                            .collect_view()}
                    </dl>
                    <Health inputs=inputs results=results />
                    <h3>"Cohort gross profit against CAC"</h3>
                    <CohortChart inputs=inputs results=results currency=currency />
                    // The printed report keeps to one page: the funnel,
                    // whose numbers the results give, stays on screen.
                    <div class="no-print">
                        <h3>"Funnel"</h3>
                        <Funnel inputs=inputs currency=currency />
                    </div>
                    <div class="grid-view">
                        <h3>"LTV / CAC by churn and ARPA"</h3>
                        <SensitivityGrid inputs=inputs currency=currency />
                    </div>
                </section>
            </div>
        </article>
    }
}

/// The results in the order shown: key, label, style, where to find it,
/// and whether it is a headline figure.
const RESULTS: [ResultRow<ue::Results>; 8] = [
    ("ltv_cac", "LTV / CAC", Style::Ratio, |r| r.ltv_cac, true),
    ("cac", "CAC", Style::Money, |r| r.cac, true),
    ("ltv", "Lifetime value (LTV)", Style::Money, |r| r.ltv, true),
    (
        "payback_months",
        "Months to recover CAC",
        Style::Months,
        |r| r.payback_months,
        false,
    ),
    (
        "payback_months_cohort",
        "Cohort payback",
        Style::Months,
        |r| r.payback_months_cohort,
        false,
    ),
    (
        "new_customers",
        "New customers a month",
        Style::Count,
        |r| r.new_customers,
        false,
    ),
    (
        "lifetime_months",
        "Customer lifetime",
        Style::Months,
        |r| r.lifetime_months,
        false,
    ),
    (
        "nrr_pct",
        "Net revenue retention (a year)",
        Style::Percent,
        |r| r.nrr_pct,
        false,
    ),
];

/// How result `key` was computed, with the live numbers in it.
fn formula(key: &str, i: &Inputs, r: &ue::Results) -> String {
    let c = i.currency;
    // Inputs at full precision, as entered.
    let money = |x: f64| format_input(x, Kind::Money, c);
    let pct = |x: f64| format_input(x, Kind::Percent, c);
    let show = |o: Outcome, style: Style| cited(o, style, c);
    match key {
        "ltv_cac" => format!(
            "LTV ÷ CAC = {} ÷ {}",
            show(r.ltv, Style::Money),
            show(r.cac, Style::Money)
        ),
        "cac" => match i.cac_override {
            Some(cac) => format!("Entered directly: {}", money(cac)),
            None => format!(
                "(leads × cost per lead + other spend) ÷ new customers = ({} × {} + {}) ÷ {} = {} ÷ {}",
                format_input(i.leads, Kind::Count, c),
                money(i.cost_per_lead),
                money(i.other_sm_spend),
                show(r.new_customers, Style::Count),
                show(r.sm_spend, Style::Money),
                show(r.new_customers, Style::Count),
            ),
        },
        "ltv" => {
            let q = format!(
                "q = (1 − {}) × (1 + {}) ÷ (1 + {}) per month",
                pct(i.churn_pct),
                pct(i.expansion_pct),
                pct(r.monthly_discount * 100.0),
            );
            if r.gross_profit.value() == Some(0.0) {
                format!(
                    "ARPA × gross margin = {} × {} = {} a month: with no gross profit, Σ over t ≥ 0 of 0 × qᵗ is 0",
                    money(i.arpa),
                    pct(i.gross_margin_pct),
                    show(r.gross_profit, Style::Money),
                )
            } else if r.ltv_capped {
                format!(
                    "Revenue kept each month, {}, is not below 1 + the monthly discount rate, so the lifetime sum has no limit and is taken over the horizon: Σ over t = 0 … {} of ARPA × gross margin × qᵗ, {}; ARPA × gross margin = {} × {} = {}",
                    pct(r.retention_factor * 100.0),
                    shortest(i.horizon_months - 1.0),
                    q,
                    money(i.arpa),
                    pct(i.gross_margin_pct),
                    show(r.gross_profit, Style::Money),
                )
            } else {
                format!(
                    "ARPA × gross margin ÷ (1 − q) = {} × {} ÷ (1 − q), {}",
                    money(i.arpa),
                    pct(i.gross_margin_pct),
                    q,
                )
            }
        }
        "payback_months" => format!(
            "CAC ÷ (ARPA × gross margin) = {} ÷ {}",
            show(r.cac, Style::Money),
            show(r.gross_profit, Style::Money),
        ),
        "payback_months_cohort" => format!(
            "First whole month n in which Σ(t = 1 … n) of {} × {}^(t − 1) reaches CAC {}: churn and expansion included{}",
            show(r.gross_profit, Style::Money),
            format(r.retention_factor, Style::Decimal, c),
            show(r.cac, Style::Money),
            match (r.payback_months_cohort, r.cohort_cumulative) {
                (Outcome::Value(n), Some((before, after))) => format!(
                    "; {} after month {}, {} after month {}",
                    format(before, Style::Money, c),
                    shortest(n - 1.0),
                    format(after, Style::Money, c),
                    shortest(n),
                ),
                _ => String::new(),
            },
        ),
        "new_customers" => {
            let rates: Vec<String> = i.stages.iter().map(|s| pct(s.rate_pct)).collect();
            format!(
                "leads × stage rates = {} × {}",
                format_input(i.leads, Kind::Count, c),
                if rates.is_empty() { "1".into() } else { rates.join(" × ") },
            )
        }
        "lifetime_months" => format!("1 ÷ monthly churn = 1 ÷ {}", pct(i.churn_pct)),
        "nrr_pct" => format!(
            "((1 − churn) × (1 + expansion))¹² = ((1 − {}) × (1 + {}))¹²",
            pct(i.churn_pct),
            pct(i.expansion_pct),
        ),
        _ => String::new(),
    }
}

/// A warning shown under result `key`, if any.
fn note(key: &str, i: &Inputs, r: &ue::Results) -> Option<String> {
    if key != "ltv" {
        return None;
    }
    if r.ltv_capped {
        Some(format!(
            "Summed over the {}-month horizon: the series does not converge.",
            shortest(i.horizon_months)
        ))
    } else if r.ltv_after_horizon_pct > ue::AFTER_HORIZON_WARNING_PCT {
        Some(format!(
            "{} of this value is earned after month {}: it rests on customers staying for years.",
            format(r.ltv_after_horizon_pct, Style::Percent, i.currency),
            shortest(i.horizon_months)
        ))
    } else {
        None
    }
}

/// The editable list of funnel stages.
#[component]
fn StageList(
    scenarios: Scenarios,
    inputs: Memo<Inputs>,
    edit: Callback<Vec<Stage>>,
) -> impl IntoView {
    let stages = move || inputs.with(|i| i.stages.clone());
    // Rows are rebuilt only when a stage is added or removed.
    let count = Memo::new(move |_| inputs.with(|i| i.stages.len()));
    let change = move |f: &dyn Fn(&mut Vec<Stage>)| {
        let mut s = stages();
        f(&mut s);
        edit.run(s);
    };
    view! {
        <div class="stages" role="group" aria-labelledby="stages-title" data-list="stages">
            <p id="stages-title" class="group-title">"Conversion stages, lead to customer"</p>
            {move || {
                (0..count.get())
                    .map(|index| {
                    view! {
                        <div class="stage">
                            <TextField
                                name=format!("stages.{index}.name")
                                label=format!("Stage {} name", index + 1)
                                max_chars=80
                                value=Signal::derive(move || inputs.with(|i| i.stages.get(index).map(|s| s.name.clone()).unwrap_or_default()))
                                on_change=Callback::new(move |text: String| change(&|s| if let Some(st) = s.get_mut(index) { st.name = text.clone(); }))
                            />
                            <NumberField
                                spec=ue::STAGE_RATE
                                name=format!("stages.{index}.rate_pct")
                                label=format!("Stage {} conversion", index + 1)
                                value=Signal::derive(move || inputs.with(|i| i.stages.get(index).map_or(0.0, |s| s.rate_pct)))
                                on_change=Callback::new(move |x| change(&|s| if let Some(st) = s.get_mut(index) { st.rate_pct = x; }))
                            />
                            <button
                                type="button"
                                class="remove"
                                aria-label=format!("Remove stage {}", index + 1)
                                on:click=move |_| {
                                    let name = inputs.with_untracked(|i| i.stages.get(index).map(|s| s.name.clone()).unwrap_or_default());
                                    scenarios.remove_row(format!("Removed the stage {}", quoted(&name)), "stages", index, || change(&|s| { if index < s.len() { s.remove(index); } }));
                                }
                            >
                                "Remove"
                            </button>
                        </div>
                    }
                    })
                    .collect_view()
            }}
            <button
                type="button"
                data-add=""
                disabled=move || inputs.with(|i| i.stages.len() >= ue::MAX_STAGES)
                on:click=move |_| change(&|s| s.push(Stage { name: format!("Stage {}", s.len() + 1), rate_pct: 50.0 }))
            >
                "Add a stage"
            </button>
        </div>
    }
}

/// The results against the plan's targets and the rule of thumb.
#[component]
fn Health(inputs: Memo<Inputs>, results: Memo<ue::Results>) -> impl IntoView {
    view! {
        <ul class="health" aria-label="Health checks">
            {move || {
                ue::health(&inputs.get(), &results.get())
                    .into_iter()
                    .map(|f| {
                        let (mark, class, state) = match f.ok {
                            Some(true) => ("✓", "ok", "pass"),
                            Some(false) => ("✗", "bad", "fail"),
                            None => ("–", "na", "not-applicable"),
                        };
                        view! {
                            <li class=class data-flag=f.key data-state=state>
                                <span class="mark" aria-hidden="true">{mark}</span>
                                {f.label}
                                <span class="visually-hidden">{format!(": {state}")}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

#[component]
fn CohortChart(
    inputs: Memo<Inputs>,
    results: Memo<ue::Results>,
    currency: Signal<Currency>,
) -> impl IntoView {
    let data = Signal::derive(move || {
        let r = results.get();
        let months = match r.payback_months_cohort {
            Outcome::Value(n) => (n * 2.0).clamp(12.0, 120.0),
            Outcome::Undefined(_) => 60.0,
        } as u32;
        let curve = inputs.with(|i| ue::cohort_curve(i, months));
        let mut markers = Vec::new();
        if let Outcome::Value(n) = r.payback_months_cohort {
            if let Some(y) = curve.get(n as usize) {
                markers.push(Marker {
                    x: n,
                    y: *y,
                    label: format!("Break-even, month {}", shortest(n)),
                });
            }
        }
        let mut lines = vec![Line {
            label: "Cumulative gross profit per customer".into(),
            points: curve
                .iter()
                .enumerate()
                .map(|(t, y)| (t as f64, *y))
                .collect(),
            class: "primary",
        }];
        if let Outcome::Value(cac) = r.cac {
            lines.push(Line {
                label: "CAC".into(),
                points: vec![(0.0, cac), (f64::from(months), cac)],
                class: "reference",
            });
        }
        ChartData { lines, markers }
    });
    let summary = Signal::derive(move || match results.get().payback_months_cohort {
        Outcome::Value(n) => {
            format!(
                "Cumulative gross profit per customer reaches CAC in month {}.",
                shortest(n)
            )
        }
        Outcome::Undefined(why) => format!("The cohort does not reach CAC: {why}."),
    });
    view! {
        <LineChart
            data=data
            summary=summary
            x_title="Months since acquisition"
            y_title="Per customer"
            x_format=Callback::new(whole_months)
            y_format=Callback::new(move |y: f64| format(y, Style::AxisMoney, currency.get()))
        />
    }
}

#[component]
fn Funnel(inputs: Memo<Inputs>, currency: Signal<Currency>) -> impl IntoView {
    view! {
        <ol class="funnel">
            {move || {
                let steps = inputs.with(ue::funnel);
                let top = steps.first().and_then(|s| s.1.value()).unwrap_or(0.0);
                steps
                    .into_iter()
                    .map(|(name, count)| {
                        let width = match count.value() {
                            Some(c) if top > 0.0 => (c / top * 100.0).clamp(0.5, 100.0),
                            _ => 0.5,
                        };
                        let text = match count {
                            Outcome::Value(c) => format(c, Style::Count, currency.get()),
                            Outcome::Undefined(why) => why.to_string(),
                        };
                        view! {
                            <li>
                                <span class="funnel-name">{name}</span>
                                <svg class="funnel-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                    <rect width=fixed(width, 1) height="10" rx="1" />
                                </svg>
                                <span class="funnel-count">{text}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}

#[component]
fn SensitivityGrid(inputs: Memo<Inputs>, currency: Signal<Currency>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            {move || {
                let grid = inputs.with(ue::sensitivity);
                let c = currency.get();
                let (current_row, current_col) = grid.current;
                // Why a cell shows no ratio (CAC has none, say), as its card says.
                let undefined = grid
                    .cells
                    .iter()
                    .flatten()
                    .find_map(|cell| match cell.ltv_cac {
                        Outcome::Undefined(why) => Some(format!(" — not defined: {why}.")),
                        Outcome::Value(_) => None,
                    })
                    .unwrap_or_default();
                view! {
                    <table class="sensitivity">
                        <caption class="visually-hidden">"LTV / CAC for monthly churn (rows) and ARPA (columns); the current inputs' cell is marked current"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Churn \\ ARPA"</th>
                                // The exact values the cells are computed at ($2,498.75, 1.875 %),
                                // not roundings of them.
                                {grid.arpa.iter().map(|a| view! { <th scope="col">{format_input(*a, Kind::Money, c)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {grid
                                .churn_pct
                                .iter()
                                .zip(grid.cells)
                                .enumerate()
                                .map(|(row, (churn, cells))| {
                                    view! {
                                        <tr>
                                            <th scope="row">{format_input(*churn, Kind::Percent, c)}</th>
                                            {cells
                                                .into_iter()
                                                .enumerate()
                                                .map(|(col, cell)| {
                                                    // A mark says how a ratio's LTV was taken; a cell with no ratio has none.
                                                    let mark = if cell.ltv_cac.value().is_none() {
                                                        ""
                                                    } else if cell.capped {
                                                        "†"
                                                    } else if cell.mostly_after_horizon {
                                                        "*"
                                                    } else {
                                                        ""
                                                    };
                                                    let (text, class) = match cell.ltv_cac {
                                                        // Not graded: it rests on years past the horizon.
                                                        Outcome::Value(x) if cell.mostly_after_horizon => (format(x, Style::Ratio, c), "tail"),
                                                        Outcome::Value(x) if x >= ue::RULE_LTV_CAC => (format(x, Style::Ratio, c), "good"),
                                                        Outcome::Value(x) if x >= 1.0 => (format(x, Style::Ratio, c), "warn"),
                                                        Outcome::Value(x) => (format(x, Style::Ratio, c), "bad"),
                                                        Outcome::Undefined(_) => ("—".to_string(), "na"),
                                                    };
                                                    let current = row == current_row && col == current_col;
                                                    // Said as "current" by a screen reader; no hidden words
                                                    // in a cell copied into a spreadsheet.
                                                    view! { <td class=class class:current=current aria-current=current.then_some("true")>{text}{mark}</td> }
                                                })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <p class="help">"† LTV summed over the horizon (no limit at this churn). * Most of the LTV comes after the horizon, so the cell is not coloured. Green ≥ 3×, amber 1×–3×, red < 1×."{undefined}</p>
                }
            }}
        </div>
    }
}

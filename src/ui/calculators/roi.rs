//! The ROI page: the business case a sales engineer builds, and the
//! read-only presentation a prospect opens from a link (`&view=present`).
//! A prospect who edits works on a copy: the address keeps the version sent
//! (`&sent=`), and the page lists what differs from it.

use crate::calc::roi::{
    self, Amounts, ChangeBasis, CostBasis, Discounting, Inputs, Item, ItemKind, Payback,
};
use crate::calc::roi::{Source, HALF, SWING};
use crate::calc::{Currency, Outcome};
use crate::input::Kind;
use crate::scenario::{decode_link, encode_link, hash_param};
use crate::text::{fixed, isolate, quoted, shortest};
use crate::ui::calculators::{
    currency_of, headlines, open_page, CurrencySelect, ProblemList, ReportMeta, ResultRow,
};
use crate::ui::components::{
    chart::{whole_months, ChartData, Line, LineChart, Marker},
    fields::{ChoiceField, DateField, TextField},
    number_field::NumberField,
    result::{cited, is_long, How, Peek, ResultValue},
    scenario_bar::ScenarioBar,
};
use crate::ui::files::download;
use crate::ui::format::{format, format_input, long_date, today_date, Style};
use crate::ui::link;
use crate::ui::state::{AppState, Scenarios};
use leptos::prelude::*;

pub const CALC: &str = "roi";

/// What every part of the page reads: the inputs in force, the results, and
/// the way to change an input.
#[derive(Clone, Copy)]
struct Case {
    scenarios: Scenarios,
    inputs: Memo<Inputs>,
    results: Memo<roi::Results>,
    currency: Signal<Currency>,
}

impl Case {
    fn edit(self, change: impl FnOnce(&mut Inputs)) {
        let mut next = self.inputs.get_untracked();
        change(&mut next);
        self.scenarios.set_inputs(next.to_json());
    }

    /// The number field of input `key`, and, for an assumption, the select
    /// of its source.
    fn field(self, key: &'static str, sourced: bool) -> impl IntoView {
        let (spec, get, set) = roi::number(key).unwrap_or((roi::HORIZON, |_| 0.0, |_, _| {}));
        view! {
            <div class:assumption=sourced>
                <NumberField
                    spec=spec
                    value=Signal::derive(move || self.inputs.with(get))
                    on_change=Callback::new(move |x| self.edit(|i| set(i, x)))
                    currency=self.currency
                />
                {sourced.then(|| self.source(key))}
            </div>
        }
    }

    fn source(self, key: &'static str) -> impl IntoView {
        view! {
            <ChoiceField
                name=format!("sources.{key}")
                label="Source"
                choices=&SOURCES
                value=Signal::derive(move || self.inputs.with(|i| source_of(i, key)))
                on_change=Callback::new(move |v: String| {
                    if let Some((_, s)) = Source::CHOICES.into_iter().find(|(w, _)| *w == v) {
                        self.edit(|i| {
                            i.sources.insert(key.to_string(), s);
                        });
                    }
                })
            />
        }
    }
}

/// The source select's choices, short enough for a phone (the field is
/// labelled "Source"); the report names them in full (`source_name`).
const SOURCES: [(&str, &str); 3] = [
    ("prospect", "Prospect"),
    ("vendor benchmark", "Vendor"),
    ("default", "Default"),
];

fn source_of(i: &Inputs, key: &str) -> &'static str {
    let s = i.sources.get(key).copied().unwrap_or(Source::Default);
    Source::CHOICES
        .into_iter()
        .find(|(_, x)| *x == s)
        .map_or("default", |(w, _)| w)
}

/// The published figures behind the default speed-up.
const BITNET_CITATION: &str = "bitnet.cpp (Microsoft, “1-bit AI Infra”, arXiv:2410.16144): 2.37× to 6.17× faster on x86 CPUs and 71.9 % to 82.2 % less energy; the default takes the low end.";

#[component]
pub fn RoiPage() -> impl IntoView {
    let (scenarios, inputs, problems) =
        open_page(CALC, || Inputs::default().to_json(), Inputs::from_json);
    let hash = link::location_hash();
    let shared = scenarios.shared.with_untracked(Option::is_some);
    let presenting =
        RwSignal::new(shared && hash_param(&hash, "view").as_deref() == Some("present"));
    // The version a prospect received, while they edit a copy of it.
    let sent = RwSignal::new(None::<Inputs>);
    if let (true, Some(payload)) = (shared, hash_param(&hash, "sent")) {
        match decode_link(&payload, CALC) {
            Ok(v) => sent.set(Some(Inputs::from_json(&v).0)),
            Err(e) => expect_context::<AppState>().notify(format!(
                "The version this copy was made from could not be read, so the differences are not shown. {}",
                e.message()
            )),
        }
    }
    let case = Case {
        scenarios,
        inputs,
        results: Memo::new(move |_| roi::compute(&inputs.get())),
        currency: currency_of(inputs, |i| i.currency),
    };
    let edit_copy = move || {
        if scenarios.shared.with_untracked(Option::is_some) {
            let now = inputs.get_untracked();
            link::set_param("view", None);
            link::set_param("sent", Some(&encode_link(CALC, &now.to_json())));
            sent.set(Some(now));
        }
        presenting.set(false);
    };
    let present = move || {
        presenting.set(true);
    };

    move || {
        if presenting.get() {
            view! { <Presentation case=case problems=problems on_edit=Callback::new(move |()| edit_copy()) /> }
                .into_any()
        } else {
            view! {
                <article class="calculator roi">
                    <ReportMeta scenarios=scenarios />
                    <ScenarioBar scenarios=scenarios present=true />
                    <ProblemList problems=problems />
                    <Differences case=case sent=sent />
                    <p class="no-print present-toggle">
                        <button type="button" on:click=move |_| present()>
                            "Show as the prospect sees it"
                        </button>
                    </p>
                    <div class="layout">
                        <Peek figures=headlines(&RESULTS, case.results, case.currency) />
                        <Editor case=case />
                        <section class="results" aria-labelledby="results-title">
                            <h2 id="results-title">"Results"</h2>
                            <Report case=case />
                        </section>
                    </div>
                </article>
            }
            .into_any()
        }
    }
}

const DISCOUNTINGS: [(&str, &str); 2] = [
    ("annual", "Yearly, at each year-end"),
    ("monthly", "Monthly, at each month-end"),
];
const COST_BASES: [(&str, &str); 3] = [
    ("direct", "A monthly amount"),
    ("tokens", "Tokens × price"),
    ("gpu", "GPUs × hourly cost"),
];
const CHANGE_BASES: [(&str, &str); 2] = [
    ("speedup", "Speed-up on the same hardware"),
    ("reduction", "Cost reduction"),
];

/// The inputs, grouped as the business case reads.
#[component]
fn Editor(case: Case) -> impl IntoView {
    let inputs = case.inputs;
    let cost_basis = Memo::new(move |_| inputs.with(|i| i.cost_basis));
    let change_basis = Memo::new(move |_| inputs.with(|i| i.change_basis));
    let text = move |key: &'static str,
                     label: &'static str,
                     get: fn(&Inputs) -> String,
                     set: fn(&mut Inputs, String)| {
        view! {
            <TextField
                name=key
                label=label
                max_chars=roi::MAX_TEXT
                value=Signal::derive(move || inputs.with(get))
                on_change=Callback::new(move |t: String| case.edit(|i| set(i, t)))
            />
        }
    };
    view! {
        <section class="inputs" aria-labelledby="inputs-title">
            <h2 id="inputs-title">"Inputs"</h2>
            <fieldset>
                <legend>"The business case"</legend>
                {text("prospect", "Prospect (the report's title)", |i| i.prospect.clone(), |i, t| i.prospect = t)}
                {text("prepared_by", "Prepared by", |i| i.prepared_by.clone(), |i, t| i.prepared_by = t)}
                <CurrencySelect
                    value=case.currency
                    on_change=Callback::new(move |c| case.edit(|i| i.currency = c))
                />
                <DateField
                    name="start_date"
                    label="Start date"
                    value=Signal::derive(move || Some(inputs.with(|i| i.start_date)))
                    on_change=Callback::new(move |d: Option<chrono::NaiveDate>| {
                        if let Some(d) = d {
                            case.edit(|i| i.start_date = d);
                        }
                    })
                />
                {case.field("horizon_months", false)}
                {case.field("discount_rate_pct", false)}
                <ChoiceField
                    name="discounting"
                    label="Discounting"
                    choices=&DISCOUNTINGS
                    value=Signal::derive(move || match inputs.with(|i| i.discounting) {
                        Discounting::Annual => "annual",
                        Discounting::Monthly => "monthly",
                    })
                    on_change=Callback::new(move |v: String| {
                        case.edit(|i| i.discounting = if v == "monthly" { Discounting::Monthly } else { Discounting::Annual })
                    })
                />
                {case.field("confidence_pct", true)}
            </fieldset>
            <fieldset>
                <legend>"Inference cost today"</legend>
                <ChoiceField
                    name="cost_basis"
                    label="Known as"
                    choices=&COST_BASES
                    value=Signal::derive(move || match cost_basis.get() {
                        CostBasis::Direct => "direct",
                        CostBasis::Tokens => "tokens",
                        CostBasis::Gpu => "gpu",
                    })
                    on_change=Callback::new(move |v: String| {
                        let basis = match v.as_str() {
                            "tokens" => CostBasis::Tokens,
                            "gpu" => CostBasis::Gpu,
                            _ => CostBasis::Direct,
                        };
                        case.edit(|i| i.cost_basis = basis)
                    })
                />
                {move || match cost_basis.get() {
                    CostBasis::Direct => case.field("current_monthly_cost", true).into_any(),
                    CostBasis::Tokens => view! {
                        {case.field("tokens_per_month", true)}
                        {case.field("cost_per_million_tokens", true)}
                    }
                    .into_any(),
                    CostBasis::Gpu => view! {
                        {case.field("gpu_count", true)}
                        {case.field("gpu_hourly_cost", true)}
                        {case.field("hours_per_month", false)}
                    }
                    .into_any(),
                }}
            </fieldset>
            <fieldset>
                <legend>"The change"</legend>
                <ChoiceField
                    name="change_basis"
                    label="Given as"
                    choices=&CHANGE_BASES
                    value=Signal::derive(move || match change_basis.get() {
                        ChangeBasis::Speedup => "speedup",
                        ChangeBasis::Reduction => "reduction",
                    })
                    on_change=Callback::new(move |v: String| {
                        case.edit(|i| i.change_basis = if v == "reduction" { ChangeBasis::Reduction } else { ChangeBasis::Speedup })
                    })
                />
                {move || match change_basis.get() {
                    ChangeBasis::Speedup => case.field("speedup", true).into_any(),
                    ChangeBasis::Reduction => case.field("cost_reduction_pct", true).into_any(),
                }}
                <p class="help citation">{BITNET_CITATION}</p>
                {case.field("workload_growth_pct", true)}
                {case.field("ramp_months", true)}
                {case.field("license_monthly", true)}
                {case.field("implementation_cost", true)}
            </fieldset>
            <fieldset>
                <legend>"Other lines of the business case"</legend>
                <ItemList case=case />
                <LineList inputs=case.inputs class="print-only" />
            </fieldset>
        </section>
    }
}

/// The extra benefit and cost lines, each entered by year or as a monthly
/// amount.
#[component]
fn ItemList(case: Case) -> impl IntoView {
    let inputs = case.inputs;
    // Rows are rebuilt only when a line is added or removed.
    let count = Memo::new(move |_| inputs.with(|i| i.items.len()));
    let years = Memo::new(move |_| inputs.with(|i| roi::summary(i).net.years.len()));
    let change = move |index: usize, f: &dyn Fn(&mut Item)| {
        case.edit(|i| {
            if let Some(item) = i.items.get_mut(index) {
                f(item);
            }
        })
    };
    let amount = move |item: Memo<Option<Item>>,
                       index: usize,
                       key: String,
                       label: String,
                       get: fn(&Item, usize) -> f64,
                       set: fn(&mut Item, usize, f64),
                       year: usize| {
        view! {
            <NumberField
                spec=roi::ITEM_AMOUNT
                name=key
                label=label
                value=Signal::derive(move || item.with(|it| it.as_ref().map_or(0.0, |it| get(it, year))))
                on_change=Callback::new(move |x| change(index, &|it| set(it, year, x)))
                currency=case.currency
            />
        }
    };
    let row = move |index: usize| {
        // The line's own fields read the line, not the whole inputs: an edit
        // elsewhere then leaves its (up to 51) fields alone. Each field of
        // the whole inputs is a subscriber that every edit unsubscribes and
        // subscribes again, at a cost that grows with their number.
        let item = Memo::new(move |_| inputs.with(|i| i.items.get(index).cloned()));
        let monthly = Memo::new(move |_| {
            item.with(|it| {
                matches!(
                    it.as_ref().map(|it| &it.amounts),
                    Some(Amounts::Monthly { .. })
                )
            })
        });
        view! {
            <div class="item" role="group" aria-label=format!("Line {}", index + 1)>
                <TextField
                    name=format!("items.{index}.name")
                    label=format!("Line {} name", index + 1)
                    max_chars=roi::MAX_TEXT
                    value=Signal::derive(move || item.with(|it| it.as_ref().map(|it| it.name.clone()).unwrap_or_default()))
                    on_change=Callback::new(move |t: String| change(index, &|it| it.name = t.clone()))
                />
                <ChoiceField
                    name=format!("items.{index}.type")
                    label="Kind"
                    choices=&[("benefit", "Benefit"), ("cost", "Cost")]
                    value=Signal::derive(move || match item.with(|it| it.as_ref().map(|it| it.kind)) {
                        Some(ItemKind::Cost) => "cost",
                        _ => "benefit",
                    })
                    on_change=Callback::new(move |v: String| {
                        let kind = if v == "cost" { ItemKind::Cost } else { ItemKind::Benefit };
                        change(index, &|it| it.kind = kind)
                    })
                />
                <div class="field">
                    <label for=format!("item-{index}-entry")>"Entered"</label>
                    <select
                        id=format!("item-{index}-entry")
                        on:change=move |ev| {
                            let by_month = event_target_value(&ev) == "monthly";
                            change(index, &|it| {
                                it.amounts = if by_month {
                                    Amounts::Monthly { monthly: 0.0 }
                                } else {
                                    Amounts::Yearly { initial: 0.0, yearly: Vec::new() }
                                }
                            })
                        }
                    >
                        <option value="yearly" prop:selected=move || !monthly.get()>"By year"</option>
                        <option value="monthly" prop:selected=move || monthly.get()>"Every month"</option>
                    </select>
                </div>
                {move || {
                    if monthly.get() {
                        amount(item, index, format!("items.{index}.monthly"), "Every month".into(), |it, _| match &it.amounts {
                            Amounts::Monthly { monthly } => *monthly,
                            Amounts::Yearly { .. } => 0.0,
                        }, |it, _, x| it.amounts = Amounts::Monthly { monthly: x }, 0)
                        .into_any()
                    } else {
                        let initial = amount(item, index, format!("items.{index}.initial"), "Initial".into(), |it, _| match &it.amounts {
                            Amounts::Yearly { initial, .. } => *initial,
                            Amounts::Monthly { .. } => 0.0,
                        }, |it, _, x| {
                            if let Amounts::Yearly { initial, .. } = &mut it.amounts {
                                *initial = x;
                            }
                        }, 0);
                        let by_year = (0..years.get())
                            .map(|y| {
                                amount(item, index, format!("items.{index}.yearly.{y}"), format!("Year {}", y + 1), |it, y| match &it.amounts {
                                    Amounts::Yearly { yearly, .. } => yearly.get(y).copied().unwrap_or(0.0),
                                    Amounts::Monthly { .. } => 0.0,
                                }, |it, y, x| {
                                    if let Amounts::Yearly { yearly, .. } = &mut it.amounts {
                                        if yearly.len() <= y {
                                            yearly.resize(y + 1, 0.0);
                                        }
                                        if let Some(slot) = yearly.get_mut(y) {
                                            *slot = x;
                                        }
                                    }
                                }, y)
                            })
                            .collect_view();
                        view! { <div class="years">{initial}{by_year}</div> }.into_any()
                    }
                }}
                <button
                    type="button"
                    class="remove"
                    aria-label=format!("Remove line {}", index + 1)
                    on:click=move |_| {
                        let name = case.inputs.with_untracked(|i| i.items.get(index).map(|it| it.name.clone()).unwrap_or_default());
                        case.scenarios.remove_row(format!("Removed the line {}", quoted(&name)), "items", index, || case.edit(|i| { if index < i.items.len() { i.items.remove(index); } }));
                    }
                >
                    "Remove"
                </button>
            </div>
        }
    };
    view! {
        <div class="items" data-list="items">
            {move || (0..count.get()).map(row).collect_view()}
            <button
                type="button"
                data-add=""
                disabled=move || { count.get() >= roi::MAX_ITEMS }
                on:click=move |_| case.edit(|i| i.items.push(Item {
                    name: format!("Line {}", i.items.len() + 1),
                    kind: ItemKind::Benefit,
                    amounts: Amounts::Yearly { initial: 0.0, yearly: Vec::new() },
                }))
            >
                "Add a line"
            </button>
        </div>
    }
}

const RESULTS: [ResultRow<roi::Results>; 11] = [
    ("npv", "Net present value", Style::Money, |r| r.npv, true),
    (
        "roi_pct",
        "Return on investment",
        Style::Percent,
        |r| r.roi_pct,
        true,
    ),
    (
        "payback_months",
        "Payback",
        Style::Months,
        |r| r.payback_months,
        true,
    ),
    (
        "monthly_savings",
        "Inference savings a month",
        Style::Money,
        |r| r.monthly_savings,
        false,
    ),
    (
        "current_monthly_cost",
        "Inference cost today, a month",
        Style::Money,
        |r| r.current_monthly_cost,
        false,
    ),
    (
        "new_monthly_cost",
        "Inference cost after, a month",
        Style::Money,
        |r| r.new_monthly_cost,
        false,
    ),
    (
        "total_benefits",
        "Total benefits",
        Style::Money,
        |r| r.total_benefits,
        false,
    ),
    (
        "total_costs",
        "Total costs",
        Style::Money,
        |r| r.total_costs,
        false,
    ),
    (
        "net_benefit",
        "Net benefit",
        Style::Money,
        |r| r.net_benefit,
        false,
    ),
    (
        "pv_benefits",
        "Present value of benefits",
        Style::Money,
        |r| r.pv_benefits,
        false,
    ),
    (
        "pv_costs",
        "Present value of costs",
        Style::Money,
        |r| r.pv_costs,
        false,
    ),
];

/// How result `key` was computed, with the live numbers in it.
fn formula(key: &str, i: &Inputs, r: &roi::Results) -> String {
    let c = i.currency;
    // Inputs at full precision, as entered.
    let money = |x: f64| format_input(x, Kind::Money, c);
    let pct = |x: f64| format_input(x, Kind::Percent, c);
    let show = |o: Outcome| cited(o, Style::Money, c);
    let discount = match i.discounting {
        Discounting::Annual => format!(
            "year n's flows ÷ (1 + {})ⁿ, the initial period not discounted",
            pct(i.discount_rate_pct)
        ),
        Discounting::Monthly => format!(
            "month m's flows ÷ (1 + the monthly equivalent of {})ᵐ",
            pct(i.discount_rate_pct)
        ),
    };
    match key {
        "current_monthly_cost" => match i.cost_basis {
            CostBasis::Direct => format!("Entered: {}", money(i.current_monthly_cost)),
            CostBasis::Tokens => format!(
                "tokens a month (millions) × cost per million = {} × {}",
                format_input(i.tokens_per_month, Kind::Count, c),
                money(i.cost_per_million_tokens)
            ),
            CostBasis::Gpu => format!(
                "GPUs × hourly cost × hours a month = {} × {} × {}",
                format_input(i.gpu_count, Kind::Count, c),
                money(i.gpu_hourly_cost),
                format_input(i.hours_per_month, Kind::Count, c)
            ),
        },
        "new_monthly_cost" => match i.change_basis {
            ChangeBasis::Reduction => format!(
                "today's cost × (1 − reduction) = {} × (1 − {})",
                show(r.current_monthly_cost),
                pct(i.cost_reduction_pct)
            ),
            ChangeBasis::Speedup => format!(
                "today's cost ÷ speed-up = {} ÷ {}",
                show(r.current_monthly_cost),
                show_input("speedup", i)
            ),
        },
        "monthly_savings" => format!(
            "today's cost − cost after = {} − {}, before the confidence adjustment",
            show(r.current_monthly_cost),
            show(r.new_monthly_cost)
        ),
        "total_benefits" => format!(
            "Σ over {} months: savings {} × {} confidence × ramp ({} months) × (1 + {})^(m − 1), plus other benefit lines",
            shortest(i.horizon_months),
            show(r.monthly_savings),
            pct(i.confidence_pct),
            shortest(i.ramp_months),
            pct(i.workload_growth_pct)
        ),
        "total_costs" => format!(
            "implementation {} + licence {} × {} months, plus the other cost lines",
            money(i.implementation_cost),
            money(i.license_monthly),
            shortest(i.horizon_months)
        ),
        "net_benefit" => format!(
            "total benefits − total costs = {} − {}",
            show(r.total_benefits),
            show(r.total_costs)
        ),
        "pv_benefits" | "pv_costs" => format!("Σ of {discount}"),
        "npv" => format!(
            "PV of benefits − PV of costs = {} − {}",
            show(r.pv_benefits),
            show(r.pv_costs)
        ),
        "roi_pct" => format!(
            "NPV ÷ PV of costs = {} ÷ {}",
            show(r.npv),
            show(r.pv_costs)
        ),
        "payback_months" => match r.payback {
            Payback::In { month, short, net } => format!(
                "The undiscounted cumulative net cash flow is {} after {}, and month {month} nets {}; from then on it stays at or above zero: {} + {} ÷ {} = {}",
                format(-short, Style::Money, c),
                match month - 1 {
                    0 => "the initial costs".to_string(),
                    m => format!("month {m}"),
                },
                format(net, Style::Money, c),
                month - 1,
                format(short, Style::Money, c),
                format(net, Style::Money, c),
                // Defined: in a Payback::In, short ≤ net.
                format(r.payback_months.value().unwrap_or(f64::NAN), Style::Months, c),
            ),
            Payback::AtOnce => {
                "The undiscounted cumulative net cash flow is never below zero: paid back at once".into()
            }
            Payback::Never(why) => format!(
                "When the undiscounted cumulative net cash flow is back to zero for good: {why}"
            ),
        },
        _ => String::new(),
    }
}

/// Everything the case computes: results with their formulas, payback date,
/// the studies' summary table, the cash-flow chart and the sensitivity view.
#[component]
fn Report(case: Case) -> impl IntoView {
    let Case {
        inputs,
        results,
        currency,
        ..
    } = case;
    let date = move || results.with(|r| r.payback_date);
    let date_text = Memo::new(
        move |_| match (date(), results.with(|r| r.payback_months)) {
            (Some(d), _) => long_date(d),
            (None, Outcome::Undefined(why)) => format!("Not defined: {why}"),
            (None, Outcome::Value(_)) => "Not defined: the date is out of range".into(),
        },
    );
    view! {
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
                            formula=Signal::derive(move || inputs.with(|i| results.with(|r| formula(key, i, r))))
                        />
                    }
                })
                .collect_view()}
            <div class="result date" class:long=move || date_text.with(|t| is_long(t))>
                <dt>"Paid back by"</dt>
                <dd>
                    <output
                        aria-live="off"
                        class="value"
                        data-result="payback_date"
                        data-value=move || date().map(|d| d.to_string()).unwrap_or_default()
                        data-state=move || if date().is_some() { "defined" } else { "undefined" }
                        class:undefined=move || date().is_none()
                    >
                        {date_text}
                    </output>
                    <How formula=Signal::derive(move || {
                        inputs.with(|i| results.with(|r| {
                            let payback = match r.payback_months {
                                Outcome::Value(m) => format!("{} months", format(m, Style::Count, i.currency)),
                                Outcome::Undefined(_) => "payback".into(),
                            };
                            format!("start date {} + {payback}, by the calendar", long_date(i.start_date))
                        }))
                    }) />
                </dd>
            </div>
        </dl>
        <h3>"Cash flow summary"</h3>
        <SummaryTable case=case />
        <p class="download no-print">
            <button
                type="button"
                on:click=move |_| inputs.with_untracked(|i| download("roi-cash-flows.csv", "text/csv", &roi::cash_flows_csv(i)))
            >
                "Download the cash flows month by month (CSV)"
            </button>
            " To check them in a spreadsheet: the present values add up to the net present value."
        </p>
        <h3>"Cumulative net cash flow"</h3>
        <CashFlowChart case=case />
        <div class="sensitivity-view">
            <h3>"What if the savings are half what we claim?"</h3>
            <HalfSavings case=case />
            <h3>"Which assumptions matter most"</h3>
            <Tornado case=case />
        </div>
    }
}

/// Initial, Year 1 …, Total, Present value for benefits, costs and net, as
/// the total-economic-impact studies lay it out (costs in parentheses). On
/// paper the same figures go a year to a row: a wide table of a long
/// horizon or of large figures, which scrolls on screen, was cut at the
/// page's edge.
#[component]
fn SummaryTable(case: Case) -> impl IntoView {
    let Case {
        results, currency, ..
    } = case;
    let heads = |years: usize| {
        std::iter::once("Initial".to_string())
            .chain((1..=years).map(|y| format!("Year {y}")))
            .chain(["Total".to_string(), "Present value".to_string()])
    };
    view! {
        <div class="table-wrap">
            <table class="summary">
                <caption class="visually-hidden">"Cash flows by year: benefits, costs and net, with totals and present values"</caption>
                {move || {
                    let s = results.with(|r| r.summary.clone());
                    let c = currency.get();
                    let cols: Vec<String> = std::iter::once("initial".to_string())
                        .chain((1..=s.net.years.len()).map(|y| format!("y{y}")))
                        .chain(["total".to_string(), "pv".to_string()])
                        .collect();
                    let body = [("benefits", "Benefits", &s.benefits, 1.0), ("costs", "Costs", &s.costs, -1.0), ("net", "Net", &s.net, 1.0)]
                        .into_iter()
                        .map(|(key, label, row, sign)| {
                            view! {
                                <tr class=key>
                                    <th scope="row">{label}</th>
                                    {row.cells()
                                        .zip(cols.iter())
                                        .map(|(x, col)| {
                                            view! {
                                                <td data-result=format!("table.{key}.{col}") data-value=shortest(x * sign)>
                                                    {format(x * sign, Style::Ledger, c)}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <thead>
                            <tr>
                                <th scope="col">""</th>
                                {heads(s.net.years.len()).map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    }
                }}
            </table>
            <table class="summary-by-year">
                <caption class="visually-hidden">"Cash flows by year, a year to a row"</caption>
                <thead>
                    <tr>
                        <th scope="col">""</th>
                        <th scope="col">"Benefits"</th>
                        <th scope="col">"Costs"</th>
                        <th scope="col">"Net"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let s = results.with(|r| r.summary.clone());
                        let c = currency.get();
                        heads(s.net.years.len())
                            .zip(s.benefits.cells().zip(s.costs.cells()).zip(s.net.cells()))
                            .map(|(head, ((benefit, cost), net))| {
                                view! {
                                    <tr>
                                        <th scope="row">{head}</th>
                                        <td>{format(benefit, Style::Ledger, c)}</td>
                                        <td>{format(-cost, Style::Ledger, c)}</td>
                                        <td>{format(net, Style::Ledger, c)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn CashFlowChart(case: Case) -> impl IntoView {
    let Case {
        inputs,
        results,
        currency,
        ..
    } = case;
    let data = Signal::derive(move || {
        let points = |curve: Vec<f64>| {
            curve
                .into_iter()
                .enumerate()
                .map(|(m, y)| (m as f64, y))
                .collect::<Vec<_>>()
        };
        let full = inputs.with(|i| roi::cumulative_net(i, 1.0));
        let half = inputs.with(|i| roi::cumulative_net(i, HALF));
        let h = full.len().saturating_sub(1) as f64;
        let mut markers = Vec::new();
        if let Outcome::Value(p) = results.with(|r| r.payback_months) {
            markers.push(Marker {
                x: p,
                y: 0.0,
                label: format!(
                    "Paid back, month {}",
                    format(p, Style::Count, Currency::USD)
                ),
            });
        }
        ChartData {
            lines: vec![
                Line {
                    label: "Cumulative net cash flow".into(),
                    points: points(full),
                    class: "primary",
                },
                Line {
                    label: "With half the savings".into(),
                    points: points(half),
                    class: "secondary",
                },
                Line {
                    label: "Break-even".into(),
                    points: vec![(0.0, 0.0), (h, 0.0)],
                    class: "reference",
                },
            ],
            markers,
        }
    });
    let summary = Signal::derive(
        move || match results.with(|r| (r.payback, r.payback_months)) {
            (Payback::AtOnce, _) => "The cumulative net cash flow is never below zero.".into(),
            (_, Outcome::Value(p)) => format!(
                "The cumulative net cash flow is back to zero for good after {} months.",
                format(p, Style::Count, Currency::USD)
            ),
            (_, Outcome::Undefined(why)) => {
                format!("The cumulative net cash flow has no payback: {why}.")
            }
        },
    );
    view! {
        <LineChart
            data=data
            summary=summary
            x_title="Months from the start"
            y_title="Cumulative net"
            x_format=Callback::new(whole_months)
            y_format=Callback::new(move |y: f64| format(y, Style::AxisMoney, currency.get()))
        />
    }
}

/// NPV, ROI and payback with the inference savings halved.
#[component]
fn HalfSavings(case: Case) -> impl IntoView {
    let Case {
        inputs,
        results,
        currency,
        ..
    } = case;
    let half = Memo::new(move |_| inputs.with(|i| roi::compute_scaled(i, HALF)));
    let rows: [ResultRow<roi::Results>; 3] = [
        (
            "half.npv",
            "Net present value",
            Style::Money,
            |r| r.npv,
            false,
        ),
        (
            "half.roi_pct",
            "Return on investment",
            Style::Percent,
            |r| r.roi_pct,
            false,
        ),
        (
            "half.payback_months",
            "Payback",
            Style::Months,
            |r| r.payback_months,
            false,
        ),
    ];
    view! {
        <dl class="result-grid compact">
            {rows
                .into_iter()
                .map(|(key, label, style, get, _)| {
                    view! {
                        <ResultValue
                            key=key
                            label=label
                            style=style
                            currency=currency
                            outcome=Signal::derive(move || half.with(get))
                            formula=Signal::derive(move || {
                                let c = currency.get();
                                let show = |o: Outcome| cited(o, Style::Money, c);
                                format!(
                                    "The same case with the inference savings at {} a month instead of {}; the other lines unchanged",
                                    half.with(|r| show(r.monthly_savings)),
                                    results.with(|r| show(r.monthly_savings)),
                                )
                            })
                        />
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// NPV with each main assumption moved by a fifth either way, widest first.
#[component]
fn Tornado(case: Case) -> impl IntoView {
    let Case {
        inputs,
        results,
        currency,
        ..
    } = case;
    view! {
        <div class="table-wrap">
            <table class="tornado">
                <caption>{format!("Net present value with each assumption {}% lower or higher (the ramp by whole months), the others as entered", shortest(SWING * 100.0))}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Assumption"</th>
                        <th scope="col">"Lower"</th>
                        <th scope="col">"Higher"</th>
                        <th scope="col"><span class="visually-hidden">"Range of NPV"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let bars = inputs.with(roi::tornado);
                        let base = results.with(|r| r.npv.value()).unwrap_or(0.0);
                        let c = currency.get();
                        let ends = bars.iter().flat_map(|b| [b.npv_low.value(), b.npv_high.value()]).flatten();
                        let (lo, hi) = ends.fold((base, base), |(a, b), x| (a.min(x), b.max(x)));
                        let x = |v: f64| if hi > lo { (v - lo) / (hi - lo) * 100.0 } else { 50.0 };
                        let value = |key: &'static str, v: f64| {
                            let mut moved = inputs.get_untracked();
                            if let Some((_, _, set)) = roi::number(key) {
                                set(&mut moved, v);
                            }
                            show_input(key, &moved)
                        };
                        let npv = |o: Outcome| o.value().map_or("—".into(), |v| format(v, Style::Money, c));
                        bars.into_iter()
                            .map(|b| {
                                let (a, z) = (b.npv_low.value().unwrap_or(base), b.npv_high.value().unwrap_or(base));
                                let (left, right) = (x(a.min(z)), x(a.max(z)));
                                view! {
                                    <tr data-lever=b.key>
                                        <th scope="row">{b.label}</th>
                                        <td>{value(b.key, b.low)}" → "{npv(b.npv_low)}</td>
                                        <td>{value(b.key, b.high)}" → "{npv(b.npv_high)}</td>
                                        <td class="bar">
                                            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                                <rect x=fixed(left, 2) width=fixed((right - left).max(0.4), 2) height="10" />
                                                <line class="base" x1=fixed(x(base), 2) x2=fixed(x(base), 2) y1="0" y2="10" />
                                            </svg>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// An input as the report shows it.
fn show_input(key: &str, i: &Inputs) -> String {
    let c = i.currency;
    if let Some((spec, get, _)) = roi::number(key) {
        return match key {
            "speedup" => format!("{}×", format(get(i), Style::Decimal, c)),
            _ => format_input(get(i), spec.kind, c),
        };
    }
    match key {
        "prospect" => i.prospect.clone(),
        "prepared_by" => i.prepared_by.clone(),
        "currency" => i.currency.code().to_string(),
        "start_date" => long_date(i.start_date),
        "discounting" => label_of(&DISCOUNTINGS, i.discounting == Discounting::Monthly),
        "cost_basis" => COST_BASES
            .get(i.cost_basis as usize)
            .map_or(String::new(), |(_, l)| l.to_string()),
        "change_basis" => label_of(&CHANGE_BASES, i.change_basis == ChangeBasis::Reduction),
        "items" => items_text(i),
        "sources" => i
            .sources
            .iter()
            .map(|(k, s)| format!("{}: {}", label(k), source_name(*s)))
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

fn label_of(choices: &[(&str, &'static str); 2], second: bool) -> String {
    choices[usize::from(second)].1.to_string()
}

fn source_name(s: Source) -> &'static str {
    match s {
        Source::Prospect => "Prospect's figure",
        Source::VendorBenchmark => "Vendor benchmark",
        Source::Default => "Default",
    }
}

/// What a person calls input `key`.
fn label(key: &str) -> String {
    if let Some((spec, _, _)) = roi::number(key) {
        return spec.label.to_string();
    }
    match key {
        "prospect" => "Prospect",
        "prepared_by" => "Prepared by",
        "currency" => "Currency",
        "start_date" => "Start date",
        "discounting" => "Discounting",
        "cost_basis" => "Cost known as",
        "change_basis" => "Change given as",
        "items" => "Other lines",
        "sources" => "Sources",
        other => other,
    }
    .to_string()
}

fn items_text(i: &Inputs) -> String {
    if i.items.is_empty() {
        return "none".into();
    }
    line_texts(i)
        .into_iter()
        .map(|(name, rest)| name + &rest)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Each other line in words: its name, and then its kind and amounts
/// (apart, so that a long name may break anywhere and a figure never).
fn line_texts(i: &Inputs) -> Vec<(String, String)> {
    let c = i.currency;
    i.items
        .iter()
        .map(|it| {
            let kind = match it.kind {
                ItemKind::Benefit => "benefit",
                ItemKind::Cost => "cost",
            };
            let amounts = match &it.amounts {
                Amounts::Monthly { monthly } => {
                    format!("{} a month", format(*monthly, Style::Money, c))
                }
                Amounts::Yearly { initial, yearly } => {
                    let years: Vec<String> =
                        yearly.iter().map(|y| format(*y, Style::Money, c)).collect();
                    format!(
                        "initial {}, by year {}",
                        format(*initial, Style::Money, c),
                        years.join(", ")
                    )
                }
            };
            (isolate(&it.name), format!(" ({kind}): {amounts}"))
        })
        .collect()
}

/// The other lines, a line to an item: the presentation's assumptions, and
/// the editing page on paper, where their fields took a page for every
/// few lines.
#[component]
fn LineList(inputs: Memo<Inputs>, #[prop(optional)] class: &'static str) -> impl IntoView {
    view! {
        <ul class=format!("lines {class}")>
            {move || inputs.with(line_texts).into_iter().map(|(name, rest)| view! { <li><span>{name}</span>{rest}</li> }).collect_view()}
        </ul>
    }
}

/// While a prospect edits a copy of what they were sent: every input that
/// differs, and what it does to NPV, ROI and payback.
#[component]
fn Differences(case: Case, sent: RwSignal<Option<Inputs>>) -> impl IntoView {
    let Case {
        scenarios,
        inputs,
        results,
        currency,
        ..
    } = case;
    let open =
        Memo::new(move |_| sent.with(Option::is_some) && scenarios.shared.with(Option::is_some));
    move || {
        open.get().then(|| {
            view! {
                <section class="differences" aria-labelledby="differences-title">
                    <h2 id="differences-title">"What differs from the version you were sent"</h2>
                    {move || {
                        let Some(before) = sent.get() else { return ().into_any() };
                        let now = inputs.get();
                        let keys = roi::changed_keys(&before, &now);
                        if keys.is_empty() {
                            return view! { <p data-differences="0">"Nothing yet: this copy is as it was sent."</p> }.into_any();
                        }
                        let then = roi::compute(&before);
                        let c = currency.get();
                        let result_rows = RESULTS.into_iter().take(3).map(|(_, label, style, get, _)| {
                            let show = |o: Outcome| cited(o, style, c);
                            let (a, b) = (show(get(&then)), results.with(|r| show(get(r))));
                            view! { <tr class="result-row"><th scope="row">{label}</th><td>{a}</td><td>{b}</td></tr> }
                        }).collect_view();
                        let count = keys.len();
                        view! {
                            <div class="table-wrap">
                                <table data-differences=count>
                                    <thead><tr><th scope="col">""</th><th scope="col">"Sent"</th><th scope="col">"Now"</th></tr></thead>
                                    <tbody>
                                        {keys.into_iter().map(|k| view! {
                                            <tr data-key=k.clone()>
                                                <th scope="row">{label(&k)}</th>
                                                <td>{show_input(&k, &before)}</td>
                                                <td>{show_input(&k, &now)}</td>
                                            </tr>
                                        }).collect_view()}
                                        {result_rows}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                </section>
            }
        })
    }
}

/// The read-only view a prospect opens from a presentation link: title,
/// assumptions with their sources, results with formulas, table, chart.
#[component]
fn Presentation(
    case: Case,
    problems: Memo<Vec<crate::input::Problem>>,
    on_edit: Callback<()>,
) -> impl IntoView {
    // The static page heading's line about sales engineers is not for the
    // prospect: the page frame hides it while the presentation is shown.
    mark_presenting(true);
    on_cleanup(|| mark_presenting(false));
    let Case {
        scenarios, inputs, ..
    } = case;
    let title = move || {
        inputs.with(|i| {
            if i.prospect.is_empty() {
                "Business case".to_string()
            } else {
                format!("Business case for {}", i.prospect)
            }
        })
    };
    let byline = move || {
        inputs.with(|i| {
            let by = if i.prepared_by.is_empty() {
                String::new()
            } else {
                format!("Prepared by {} · ", isolate(&i.prepared_by))
            };
            let discounting = match i.discounting {
                _ if i.discount_rate_pct == 0.0 => "not discounted".to_string(),
                Discounting::Annual => format!(
                    "discounted at {} a year, at each year-end",
                    show_input("discount_rate_pct", i)
                ),
                Discounting::Monthly => format!(
                    "discounted at {} a year, monthly",
                    show_input("discount_rate_pct", i)
                ),
            };
            format!(
                "{by}{} · starting {} over {} months · {discounting}",
                long_date(today_date()),
                long_date(i.start_date),
                shortest(i.horizon_months),
            )
        })
    };
    let shared = move || scenarios.shared.with(Option::is_some);
    view! {
        <article class="calculator roi presentation">
            <header class="present-head">
                <h2 class="present-title" data-title="">{title}</h2>
                <p class="byline">{byline}</p>
                <div class="no-print actions">
                    <button type="button" class="primary" on:click=move |_| print()>"Print or save as PDF"</button>
                    <button type="button" on:click=move |_| on_edit.run(())>
                        {move || if shared() { "Edit a copy" } else { "Back to editing" }}
                    </button>
                </div>
                <p class="no-print help">
                    {move || if shared() {
                        "A read-only view of the business case you were sent. Editing makes a copy in this browser: the sender's version does not change, and the page shows what you changed."
                    } else {
                        "This is how a presentation link shows the scenario."
                    }}
                </p>
            </header>
            <ProblemList problems=problems />
            <section class="assumptions" aria-labelledby="assumptions-title">
                <h2 id="assumptions-title">"Assumptions"</h2>
                // Figures are kept whole: on a narrow phone, or with figures
                // in the trillions, the table scrolls rather than the page.
                <div class="table-wrap">
                    <table>
                        <thead><tr><th scope="col">"Assumption"</th><th scope="col">"Value"</th><th scope="col">"Source"</th></tr></thead>
                        <tbody>
                            {move || {
                                inputs.with(|i| {
                                    let mut rows: Vec<(String, String, String)> = vec![
                                        (label("cost_basis"), show_input("cost_basis", i), String::new()),
                                    ];
                                    rows.extend(roi::keys_in_use(i).into_iter().map(|k| {
                                        let source = i.sources.get(k).copied().unwrap_or(Source::Default);
                                        (label(k), show_input(k, i), source_name(source).to_string())
                                    }));
                                    rows.into_iter()
                                        .map(|(l, v, s)| view! { <tr><th scope="row">{l}</th><td>{v}</td><td>{s}</td></tr> })
                                        .collect_view()
                                })
                            }}
                            // No source of their own: the lines take its
                            // column too.
                            <tr>
                                <th scope="row">{label("items")}</th>
                                <td colspan="2">
                                    {move || if inputs.with(|i| i.items.is_empty()) {
                                        "none".into_any()
                                    } else {
                                        view! { <LineList inputs=inputs /> }.into_any()
                                    }}
                                </td>
                            </tr>
                        </tbody>
                    </table>
                </div>
                {move || (inputs.with(|i| i.change_basis == ChangeBasis::Speedup)).then(|| view! { <p class="help citation">{BITNET_CITATION}</p> })}
            </section>
            <section class="results" aria-labelledby="results-title">
                <h2 id="results-title">"Results"</h2>
                <Report case=case />
            </section>
        </article>
    }
}

fn mark_presenting(on: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = if on {
            root.set_attribute("data-view", "present")
        } else {
            root.remove_attribute("data-view")
        };
    }
}

fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

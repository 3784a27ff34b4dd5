//! The equity page: a cap table carried through SAFEs, notes and priced
//! rounds, the followed holder's stake, and the exit waterfall.

use crate::calc::equity::{
    self as eq, Class, Holder, Inputs, Kind, PoolTopUp, PriceBasis, Round, MAX_HOLDERS, MAX_ROUNDS,
};
use crate::calc::ocf;
use crate::calc::{Currency, Outcome};
use crate::input::FieldSpec;
use crate::text::{fixed, isolate, quoted, shortest};
use crate::ui::calculators::{currency_of, open_page, CurrencySelect, ProblemList, ReportMeta};
use crate::ui::components::{
    chart::{ChartData, Line, LineChart},
    fields::{ChoiceField, DateField, TextField},
    number_field::NumberField,
    result::{cited, contract, outcome_text, Announce},
    scenario_bar::ScenarioBar,
};
use crate::ui::files::{download, read_chosen_file};
use crate::ui::focus::follow_move;
use crate::ui::format::{format, format_input, today_date, Style};
use crate::ui::state::Scenarios;
use leptos::prelude::*;

pub const CALC: &str = "equity";

#[derive(Clone, Copy)]
struct Eq {
    scenarios: Scenarios,
    inputs: Memo<Inputs>,
    currency: Signal<Currency>,
}

impl Eq {
    fn edit(self, change: impl FnOnce(&mut Inputs)) {
        let mut next = self.inputs.get_untracked();
        change(&mut next);
        self.scenarios.set_inputs(next.to_json());
    }
}

/// One round's editor. Its fields read a memo of the round, not the whole
/// inputs: every reader of the inputs is renewed on every edit, at a cost
/// that grows with their number (a cap table of 20 rounds has hundreds of
/// fields; "Large cases" in docs/performance.md).
#[derive(Clone, Copy)]
struct RoundRow {
    e: Eq,
    index: usize,
    round: Memo<Option<Round>>,
}

impl RoundRow {
    fn new(e: Eq, index: usize) -> Self {
        let inputs = e.inputs;
        let round = Memo::new(move |_| inputs.with(|i| i.rounds.get(index).cloned()));
        Self { e, index, round }
    }

    fn edit(self, change: impl FnOnce(&mut Round)) {
        self.e.edit(|i| {
            if let Some(r) = i.rounds.get_mut(self.index) {
                change(r);
            }
        })
    }

    /// `get` of the round, or `default` while it is gone.
    fn read<T>(self, default: T, get: impl FnOnce(&Round) -> T) -> T {
        self.round.with(|r| r.as_ref().map_or(default, get))
    }

    /// A number of the round, read and written through `get`/`set` (which
    /// see only the round's own kind).
    fn number(
        self,
        spec: FieldSpec,
        get: fn(&Kind) -> Option<f64>,
        set: fn(&mut Kind, f64),
    ) -> impl IntoView {
        view! {
            <NumberField
                spec=spec
                name=format!("rounds.{}.{}", self.index, spec.key)
                value=Signal::derive(move || self.read(None, |r| get(&r.kind)).unwrap_or(0.0))
                on_change=Callback::new(move |x| self.edit(|r| set(&mut r.kind, x)))
                currency=self.e.currency
            />
        }
    }

    fn check(
        self,
        key: &'static str,
        label: &'static str,
        get: fn(&Kind) -> bool,
        set: fn(&mut Kind, bool),
    ) -> impl IntoView {
        let id = format!("f-rounds.{}.{key}", self.index);
        view! {
            <div class="check">
                <input
                    id=id.clone()
                    name=format!("rounds.{}.{key}", self.index)
                    type="checkbox"
                    prop:checked=move || self.read(false, |r| get(&r.kind))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        self.edit(|r| set(&mut r.kind, on));
                    }
                />
                <label for=id>{label}</label>
            </div>
        }
    }

    fn date(
        self,
        key: &'static str,
        label: &'static str,
        get: fn(&Kind) -> Option<chrono::NaiveDate>,
        set: fn(&mut Kind, chrono::NaiveDate),
    ) -> impl IntoView {
        view! {
            <DateField
                name=format!("rounds.{}.{key}", self.index)
                label=label
                value=Signal::derive(move || self.read(None, |r| get(&r.kind)))
                on_change=Callback::new(move |d: Option<chrono::NaiveDate>| {
                    if let Some(d) = d {
                        self.edit(|r| set(&mut r.kind, d));
                    }
                })
            />
        }
    }
}

#[component]
pub fn EquityPage() -> impl IntoView {
    let (scenarios, inputs, problems) =
        open_page(CALC, || Inputs::default().to_json(), Inputs::from_json);
    let e = Eq {
        scenarios,
        inputs,
        currency: currency_of(inputs, |i| i.currency),
    };
    let results =
        Memo::new(move |_| inputs.with(|i| eq::compute(&i.holders, &i.rounds, &i.follow)));
    let exit = Memo::new(move |_| {
        let value = inputs.with(|i| i.exit_value);
        let date = inputs.with(|i| i.exit_date);
        results.with(|r| eq::exit_on(r, value, date))
    });
    // The followed holder's standing in words, or nothing.
    let say = move |words: fn(Standing, Currency) -> String| {
        Signal::derive(move || {
            let c = e.currency.get();
            inputs.with(|i| {
                results.with(|r| {
                    exit.with(|x| standing(i, r, x.as_ref()).map_or(String::new(), |s| words(s, c)))
                })
            })
        })
    };
    let has_note = Memo::new(move |_| {
        inputs.with(|i| i.rounds.iter().any(|r| matches!(r.kind, Kind::Note { .. })))
    });
    view! {
        <article class="calculator equity">
            <ReportMeta scenarios=scenarios />
            <ScenarioBar scenarios=scenarios />
            <ProblemList problems=problems />
            {move || {
                let errors = results.with(|r| r.errors.clone());
                let count = errors.len();
                (count > 0).then(|| view! {
                    <div class="notice warn" role="alert" data-errors=count>
                        <p>"This financing cannot be computed as entered; the rounds from there on show no numbers:"</p>
                        <ul>{errors.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="layout">
                // The page's `Peek` (which see), until the round table
                // comes into view; hidden by CSS while no one is followed.
                <div class="peek no-print" aria-hidden="true">
                    <p>
                        <span>{say(|s, _| format!("{} {}", isolate(s.who), s.when))}</span>
                        <b>{say(|s, c| cited(s.stake, Style::Share, c))}</b>
                    </p>
                    <p>
                        <span>"At the exit"</span>
                        <b>{say(|s, c| s.paid.map_or("not computed".into(), |p| format(p, Style::Money, c)))}</b>
                    </p>
                </div>
                <section class="inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title">"Inputs"</h2>
                    <CurrencySelect value=e.currency on_change=Callback::new(move |c| e.edit(|i| i.currency = c)) />
                    <HolderList e=e />
                    <RoundList e=e />
                    <fieldset>
                        <legend>"Follow and exit"</legend>
                        <ChoiceFollow e=e />
                        <NumberField
                            spec=eq::EXIT_VALUE
                            value=Signal::derive(move || inputs.with(|i| i.exit_value))
                            on_change=Callback::new(move |x| e.edit(|i| i.exit_value = x))
                            currency=e.currency
                        />
                        // Rebuilt only when the first note comes or the last goes.
                        {move || has_note.get().then(|| view! {
                            <DateField
                                name="exit_date"
                                label="Exit date"
                                value=Signal::derive(move || inputs.with(|i| i.exit_date))
                                on_change=Callback::new(move |d| e.edit(|i| i.exit_date = d))
                                help="Notes still outstanding at the sale are owed their interest to this date. Empty: their principal."
                            />
                        })}
                        <div class="check">
                            <input
                                id="f-compare_safes"
                                name="compare_safes"
                                type="checkbox"
                                prop:checked=move || inputs.with(|i| i.compare_safes)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    e.edit(|i| i.compare_safes = on);
                                }
                            />
                            <label for="f-compare_safes">"Compare the SAFEs as post-money and as pre-money"</label>
                        </div>
                    </fieldset>
                </section>
                <section class="results" aria-labelledby="results-title">
                    <h2 id="results-title">"Results"</h2>
                    <RoundTable e=e results=results />
                    <Ownership e=e results=results />
                    <FollowChart e=e results=results />
                    <Waterfall
                        e=e
                        results=results
                        exit=exit
                        // Said to a screen reader once settled.
                        said=say(|s, c| {
                            let paid = s.paid.map(|p| format!(", {} at the exit", format(p, Style::Money, c)));
                            format!(
                                "{}: {} of the company {}{}",
                                s.who,
                                outcome_text(s.stake, Style::Share, c),
                                s.when,
                                paid.unwrap_or_default()
                            )
                        })
                    />
                    <SafeComparison e=e />
                    <Interchange e=e results=results exit=exit />
                </section>
            </div>
        </article>
    }
}

const CLASS_LABELS: [(&str, &str); 4] = [
    ("common", "Common"),
    ("options", "Options (granted)"),
    ("promised", "Options (promised)"),
    ("pool", "Unissued pool"),
];

#[component]
fn HolderList(e: Eq) -> impl IntoView {
    let inputs = e.inputs;
    let count = Memo::new(move |_| inputs.with(|i| i.holders.len()));
    let change = move |index: usize, f: &dyn Fn(&mut Holder)| {
        e.edit(|i| {
            if let Some(h) = i.holders.get_mut(index) {
                f(h);
            }
        })
    };
    view! {
        <fieldset data-list="holders">
            <legend>"Cap table before the rounds"</legend>
            {move || (0..count.get()).map(|index| {
                // The row's fields read this memo, not the whole inputs (as
                // a round's do, `RoundRow`).
                let holder = Memo::new(move |_| inputs.with(|i| i.holders.get(index).cloned()));
                // Only options have an exercise price; the field is rebuilt
                // only when the row's class changes, never while typing.
                let option = Memo::new(move |_| holder.with(|h| h.as_ref().is_some_and(Holder::is_option)));
                view! {
                <div class="holder" role="group" aria-label=format!("Holder {}", index + 1)>
                    <TextField
                        name=format!("holders.{index}.name")
                        label=format!("Holder {} name", index + 1)
                        max_chars=eq::MAX_NAME
                        value=Signal::derive(move || holder.with(|h| h.as_ref().map(|h| h.name.clone()).unwrap_or_default()))
                        on_change=Callback::new(move |t: String| change(index, &|h| h.name = t.clone()))
                    />
                    <ChoiceField
                        name=format!("holders.{index}.class")
                        label="Class"
                        choices=&CLASS_LABELS
                        value=Signal::derive(move || holder.with(|h| h.as_ref().map_or("common", |h| eq::word_of(&eq::CLASSES, h.class))))
                        on_change=Callback::new(move |v: String| {
                            if let Some((_, c)) = eq::CLASSES.into_iter().find(|(w, _)| *w == v) {
                                change(index, &|h| h.class = c);
                            }
                        })
                    />
                    <NumberField
                        spec=eq::SHARES
                        name=format!("holders.{index}.shares")
                        value=Signal::derive(move || holder.with(|h| h.as_ref().map_or(0.0, |h| h.shares)))
                        on_change=Callback::new(move |x| change(index, &|h| h.shares = x))
                        currency=e.currency
                    />
                    {move || {
                        option.get().then(|| view! {
                            <NumberField
                                spec=eq::STRIKE
                                name=format!("holders.{index}.strike")
                                value=Signal::derive(move || holder.with(|h| h.as_ref().map_or(0.0, |h| h.strike)))
                                on_change=Callback::new(move |x| change(index, &|h| h.strike = x))
                                currency=e.currency
                            />
                        })
                    }}
                    <button
                        type="button"
                        class="remove"
                        aria-label=format!("Remove holder {}", index + 1)
                        on:click=move |_| {
                            let name = inputs.with_untracked(|i| i.holders.get(index).map(|h| h.name.clone()).unwrap_or_default());
                            e.scenarios.remove_row(format!("Removed the holder {}", quoted(&name)), "holders", index, || e.edit(|i| { if index < i.holders.len() { i.holders.remove(index); } }));
                        }
                    >
                        "Remove"
                    </button>
                </div>
                }
            }).collect_view()}
            <button
                type="button"
                data-add=""
                disabled=move || { count.get() >= MAX_HOLDERS }
                on:click=move |_| e.edit(|i| {
                    let n = i.holders.len() + 1;
                    i.holders.push(Holder { name: format!("Holder {n}"), class: Class::Common, shares: 0.0, strike: 0.0 });
                })
            >
                "Add a holder"
            </button>
        </fieldset>
    }
}

const KIND_LABELS: [(&str, &str); 4] = [
    ("safe_post", "Post-money SAFE"),
    ("safe_pre", "Pre-money SAFE"),
    ("note", "Convertible note"),
    ("priced", "Priced round"),
];
const BASIS_LABELS: [(&str, &str); 3] = [
    ("fully_diluted", "Fully diluted (YC guide)"),
    ("pre_conversion", "Before conversion"),
    ("dollars_invested", "Dollars invested"),
];
const POOL_LABELS: [(&str, &str); 3] = [
    ("none", "No top-up"),
    ("target", "To a % of post-money"),
    ("increase", "By a number of shares"),
];

fn amount_of(k: &Kind) -> Option<f64> {
    match k {
        Kind::SafePost { amount, .. }
        | Kind::SafePre { amount, .. }
        | Kind::Note { amount, .. }
        | Kind::Priced { amount, .. } => Some(*amount),
    }
}

fn set_amount(k: &mut Kind, x: f64) {
    match k {
        Kind::SafePost { amount, .. }
        | Kind::SafePre { amount, .. }
        | Kind::Note { amount, .. }
        | Kind::Priced { amount, .. } => *amount = x,
    }
}

fn cap_of(k: &Kind) -> Option<Option<f64>> {
    match k {
        Kind::SafePost { cap, .. } | Kind::SafePre { cap, .. } | Kind::Note { cap, .. } => {
            Some(*cap)
        }
        Kind::Priced { .. } => None,
    }
}

fn set_cap(k: &mut Kind, x: Option<f64>) {
    if let Kind::SafePost { cap, .. } | Kind::SafePre { cap, .. } | Kind::Note { cap, .. } = k {
        *cap = x;
    }
}

fn discount_of(k: &Kind) -> Option<f64> {
    match k {
        Kind::SafePost { discount_pct, .. }
        | Kind::SafePre { discount_pct, .. }
        | Kind::Note { discount_pct, .. } => Some(*discount_pct),
        Kind::Priced { .. } => None,
    }
}

fn set_discount(k: &mut Kind, x: f64) {
    if let Kind::SafePost { discount_pct, .. }
    | Kind::SafePre { discount_pct, .. }
    | Kind::Note { discount_pct, .. } = k
    {
        *discount_pct = x;
    }
}

#[component]
fn RoundList(e: Eq) -> impl IntoView {
    let inputs = e.inputs;
    let count = Memo::new(move |_| inputs.with(|i| i.rounds.len()));
    let adding = RwSignal::new("priced".to_string());
    view! {
        <fieldset data-list="rounds">
            <legend>"Rounds, in order"</legend>
            {move || (0..count.get()).map(|index| view! { <RoundEditor e=e index=index count=count /> }).collect_view()}
            <div class="add-round">
                <ChoiceField
                    name="new_round_kind"
                    label="New round"
                    choices=&KIND_LABELS
                    value=Signal::derive(move || KIND_LABELS.iter().find(|(w, _)| *w == adding.get()).map_or("priced", |(w, _)| w))
                    on_change=Callback::new(move |v: String| adding.set(v))
                />
                <button
                    type="button"
                    data-add=""
                    disabled=move || { count.get() >= MAX_ROUNDS }
                    on:click=move |_| e.edit(|i| {
                        let kind = adding.get_untracked();
                        let mut n = i.rounds.len() + 1;
                        while i.rounds.iter().any(|r| r.name == format!("Round {n}")) {
                            n += 1;
                        }
                        i.rounds.push(Round::typical(&format!("Round {n}"), &kind));
                    })
                >
                    "Add the round"
                </button>
            </div>
        </fieldset>
    }
}

#[component]
fn RoundEditor(e: Eq, index: usize, count: Memo<usize>) -> impl IntoView {
    let row = RoundRow::new(e, index);
    let kind = Memo::new(move |_| row.read("priced", Round::kind_word));
    let capped = Memo::new(move |_| row.read(false, |r| cap_of(&r.kind).flatten().is_some()));
    let pool_mode = Memo::new(move |_| {
        row.read("none", |r| match &r.kind {
            Kind::Priced {
                pool: PoolTopUp::TargetPct(_),
                ..
            } => "target",
            Kind::Priced {
                pool: PoolTopUp::Increase(_),
                ..
            } => "increase",
            _ => "none",
        })
    });
    let name = move || row.read(String::new(), |r| r.name.clone());
    // "↑ Earlier" and "↓ Later": the round swapped with its neighbour.
    let step = move |later: bool| {
        let (word, text) = if later {
            ("later", "↓ Later")
        } else {
            ("earlier", "↑ Earlier")
        };
        view! {
            <button
                type="button"
                aria-label=move || format!("Move {} {word}", name())
                data-move=word
                disabled=move || if later { index + 1 >= count.get() } else { index == 0 }
                on:click=move |_| {
                    // The pair swapped: this round and the one before or after.
                    let Some(a) = index.checked_sub(usize::from(!later)) else { return };
                    follow_move(if later { 1 } else { -1 });
                    e.scenarios.swap_rows("rounds", (a, a + 1), || e.edit(|i| { if a + 1 < i.rounds.len() { i.rounds.swap(a, a + 1); } }));
                }
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="round" role="group" aria-label=move || format!("Round {}: {}", index + 1, name())>
            <TextField
                name=format!("rounds.{index}.name")
                label=format!("Round {} name", index + 1)
                max_chars=eq::MAX_NAME
                value=Signal::derive(name)
                on_change=Callback::new(move |t: String| row.edit(|r| r.name = t))
            />
            <ChoiceField
                name=format!("rounds.{index}.kind")
                label="Kind"
                choices=&KIND_LABELS
                value=Signal::derive(move || kind.get())
                on_change=Callback::new(move |v: String| row.edit(|r| *r = Round::typical(&r.name, &v)))
            />
            {move || match kind.get() {
                "priced" => view! {
                    {row.number(eq::PRE_MONEY, |k| match k { Kind::Priced { pre_money, .. } => Some(*pre_money), _ => None }, |k, x| if let Kind::Priced { pre_money, .. } = k { *pre_money = x })}
                    {row.number(eq::AMOUNT, amount_of, set_amount)}
                    {row.date("date", "Closing date", |k| match k { Kind::Priced { date, .. } => *date, _ => None }, |k, d| if let Kind::Priced { date, .. } = k { *date = Some(d) })}
                    <ChoiceField
                        name=format!("rounds.{index}.pool")
                        label="Option pool"
                        choices=&POOL_LABELS
                        value=Signal::derive(move || pool_mode.get())
                        on_change=Callback::new(move |v: String| row.edit(|r| if let Kind::Priced { pool, .. } = &mut r.kind {
                            *pool = match v.as_str() {
                                "target" => PoolTopUp::TargetPct(10.0),
                                "increase" => PoolTopUp::Increase(0.0),
                                _ => PoolTopUp::None,
                            };
                        }))
                    />
                    {move || match pool_mode.get() {
                        "target" => row.number(eq::POOL_TARGET, |k| match k { Kind::Priced { pool: PoolTopUp::TargetPct(t), .. } => Some(*t), _ => None }, |k, x| if let Kind::Priced { pool, .. } = k { *pool = PoolTopUp::TargetPct(x) }).into_any(),
                        "increase" => row.number(eq::POOL_INCREASE, |k| match k { Kind::Priced { pool: PoolTopUp::Increase(t), .. } => Some(*t), _ => None }, |k, x| if let Kind::Priced { pool, .. } = k { *pool = PoolTopUp::Increase(x) }).into_any(),
                        _ => ().into_any(),
                    }}
                    <ChoiceField
                        name=format!("rounds.{index}.price_basis")
                        label="Price basis"
                        choices=&BASIS_LABELS
                        value=Signal::derive(move || row.read("fully_diluted", |r| match &r.kind {
                            Kind::Priced { price_basis, .. } => eq::word_of(&eq::BASES, *price_basis),
                            _ => "fully_diluted",
                        }))
                        on_change=Callback::new(move |v: String| {
                            let basis = eq::BASES.into_iter().find(|(w, _)| *w == v).map_or(PriceBasis::FullyDiluted, |(_, b)| b);
                            row.edit(|r| if let Kind::Priced { price_basis, .. } = &mut r.kind { *price_basis = basis });
                        })
                    />
                    {row.number(eq::LIQ_PREF, |k| match k { Kind::Priced { liq_pref, .. } => Some(*liq_pref), _ => None }, |k, x| if let Kind::Priced { liq_pref, .. } = k { *liq_pref = x })}
                    {row.check("participating", "Participating preferred", |k| matches!(k, Kind::Priced { participating: true, .. }), |k, on| if let Kind::Priced { participating, .. } = k { *participating = on })}
                    {row.number(eq::SENIORITY, |k| match k { Kind::Priced { seniority, .. } => Some(*seniority), _ => None }, |k, x| if let Kind::Priced { seniority, .. } = k { *seniority = x })}
                }.into_any(),
                other => view! {
                    {row.number(eq::AMOUNT, amount_of, set_amount)}
                    <div class="check">
                        <input
                            id=format!("f-rounds.{index}.capped")
                            type="checkbox"
                            prop:checked=move || capped.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                row.edit(|r| set_cap(&mut r.kind, on.then_some(10_000_000.0)));
                            }
                        />
                        <label for=format!("f-rounds.{index}.capped")>"Valuation cap"</label>
                    </div>
                    {move || capped.get().then(|| row.number(eq::CAP, |k| cap_of(k).flatten(), |k, x| set_cap(k, Some(x))))}
                    {row.number(eq::DISCOUNT, discount_of, set_discount)}
                    {(other == "note").then(|| view! {
                        {row.number(eq::INTEREST, |k| match k { Kind::Note { interest_pct, .. } => Some(*interest_pct), _ => None }, |k, x| if let Kind::Note { interest_pct, .. } = k { *interest_pct = x })}
                        {row.date("issue_date", "Issue date", |k| match k { Kind::Note { issue_date, .. } => *issue_date, _ => None }, |k, d| if let Kind::Note { issue_date, .. } = k { *issue_date = Some(d) })}
                        {row.number(eq::SALE_MULTIPLE, |k| match k { Kind::Note { sale_multiple, .. } => Some(*sale_multiple), _ => None }, |k, x| if let Kind::Note { sale_multiple, .. } = k { *sale_multiple = x })}
                    })}
                    {(other == "safe_post").then(|| row.check("pro_rata", "Pro rata right (side letter)", |k| matches!(k, Kind::SafePost { pro_rata: true, .. }), |k, on| if let Kind::SafePost { pro_rata, .. } = k { *pro_rata = on }))}
                }.into_any(),
            }}
            <div class="round-actions">
                {step(false)}
                {step(true)}
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("Remove {}", name())
                    on:click=move |_| e.scenarios.remove_row(format!("Removed the round {}", quoted(&name())), "rounds", index, || e.edit(|i| { if index < i.rounds.len() { i.rounds.remove(index); } }))
                >
                    "Remove"
                </button>
            </div>
        </div>
    }
}

#[component]
fn ChoiceFollow(e: Eq) -> impl IntoView {
    let inputs = e.inputs;
    // Printed in the select's place, wrapping (as a text field's name): a
    // select is one line as wide as its longest name.
    let chosen = move || {
        inputs.with(|i| {
            if i.follows_a_holder() {
                i.follow.clone()
            } else {
                format!("{} is not in the table", quoted(&i.follow))
            }
        })
    };
    view! {
        <div class="field" data-text=chosen>
            <label for="f-follow">"Follow this holder through the rounds"</label>
            <select
                id="f-follow"
                name="follow"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    e.edit(|i| i.follow = v);
                }
            >
                {move || inputs.with(|i| {
                    let follow = i.follow.clone();
                    // A followed name no longer in the table (renamed,
                    // imported over) is shown as such, not silently replaced.
                    let missing = !i.follows_a_holder();
                    let placeholder = missing.then(|| view! {
                        <option value="" prop:selected=true disabled=true>{format!("Choose ({} is not in the table)", quoted(&follow))}</option>
                    });
                    let options = i.holders.iter().map(|h| {
                        let selected = h.name == follow;
                        view! { <option value=h.name.clone() prop:selected=selected>{h.name.clone()}</option> }
                    }).collect_view();
                    view! { {placeholder}{options} }
                })}
            </select>
        </div>
    }
}

fn cell(key: String, o: Outcome, style: Style, c: Currency) -> impl IntoView {
    let (value, state) = contract(o);
    let text = match o {
        Outcome::Value(x) => format(x, style, c),
        Outcome::Undefined(why) => why.to_string(),
    };
    view! { <td><output aria-live="off" data-result=key data-value=value data-state=state>{text}</output></td> }
}

/// Per round: price, new shares, pool increase, post-money, fully diluted
/// count and the followed holder's stake.
#[component]
fn RoundTable(e: Eq, results: Memo<eq::Results>) -> impl IntoView {
    let currency = e.currency;
    let none = Memo::new(move |_| results.with(|r| r.rounds.is_empty()));
    view! {
        <h3>"Round by round"</h3>
        // A cap table before any financing: a table of headings alone
        // would look broken.
        {move || if none.get() {
            view! { <p class="help no-rounds">"No rounds yet: add a SAFE, a note or a priced round under “Rounds, in order”."</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="rounds">
                        <thead>
                            <tr>
                                <th scope="col">"Round"</th>
                                <th scope="col">"Price a share"</th>
                                <th scope="col">"New shares"</th>
                                <th scope="col">"Pool increase"</th>
                                <th scope="col">"Post-money"</th>
                                <th scope="col">"Fully diluted"</th>
                                <th scope="col">"Followed stake"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let c = currency.get();
                                results.with(|r| r.rounds.iter().map(|round| {
                                    let n = &round.name;
                                    view! {
                                        <tr>
                                            <th scope="row">{n.clone()}</th>
                                            {cell(format!("price:{n}"), round.price, Style::Cents, c)}
                                            {cell(format!("new_shares:{n}"), round.new_shares, Style::Count, c)}
                                            {cell(format!("pool_increase:{n}"), round.pool_increase, Style::Count, c)}
                                            {cell(format!("post_money:{n}"), round.post_money, Style::Money, c)}
                                            {cell(format!("fd_shares:{n}"), round.fd_shares, Style::Count, c)}
                                            {cell(format!("follow_pct:{n}"), round.follow_pct, Style::Share, c)}
                                        </tr>
                                    }
                                }).collect_view())
                            }}
                        </tbody>
                    </table>
                </div>
                <p class="help">"Prices to 4 decimal places (shown to the cent), share counts rounded down, as cap-table tools do; a post-money is the price a share × the fully diluted count after the round, so it can differ from pre-money + amount by the rounding. Pre-money SAFE and note caps are pre-money; post-money SAFE caps are post-money."</p>
                <details class="how rounds-how">
                    <summary>"How each round's price and shares were computed"</summary>
                    <ul class="formula">
                        {move || {
                            let c = currency.get();
                            results.with(|r| {
                                r.rounds.iter().filter_map(|round| {
                                    let how = round.how.as_ref()?;
                                    Some(view! { <li>{round_how(round, how, c)}</li> })
                                }).collect_view()
                            })
                        }}
                    </ul>
                </details>
            }.into_any()
        }}
    }
}

/// How `round` reached its price and new shares, in words with its
/// numbers.
fn round_how(round: &eq::RoundResult, how: &eq::How, c: Currency) -> String {
    let money = |x: f64| format(x, Style::Money, c);
    let price = |x: f64| format(x, Style::Price, c);
    let count = |x: f64| format(x, Style::Count, c);
    let shown = |o: Outcome, style: Style| format(o.value().unwrap_or(f64::NAN), style, c);
    let name = isolate(&round.name);
    let at = shown(round.price, Style::Price);
    let (what, paid) = match *how {
        eq::How::Priced {
            pre_money,
            converting,
            count: k,
            basis,
            amount,
        } => (
            format!(
                "price = {} ÷ {} shares ({}) = {at}, to 4 places",
                if converting > 0.0 {
                    format!(
                        "(pre-money {} + {} converting)",
                        money(pre_money),
                        money(converting)
                    )
                } else {
                    format!("pre-money {}", money(pre_money))
                },
                count(k),
                if basis == PriceBasis::PreConversion {
                    "the shares before the conversions, with the pool increase"
                } else {
                    "every share and option before the new money, with the conversions and the pool increase"
                },
            ),
            money(amount),
        ),
        eq::How::Converted {
            round: ref into,
            amount,
            cap,
            cap_price,
            post,
            note,
            round_price,
            discount_pct,
            discount_price,
            ..
        } => {
            let into = isolate(into);
            let d = shortest(discount_pct);
            let discounted = if discount_pct > 0.0 {
                format!(
                    "{into}'s price less {d}%, {} × (1 − {d}%) = {}",
                    price(round_price),
                    price(discount_price)
                )
            } else {
                format!("{into}'s price, {}", price(round_price))
            };
            let lower = match (cap, cap_price) {
                (Some((cap, over)), Some(cap_price)) => format!(
                    "the lower of its cap price, {} ÷ {} shares ({}) = {}, and {discounted}",
                    money(cap),
                    count(over),
                    if post {
                        "the company capitalization"
                    } else {
                        "the shares before the round, with its pool increase"
                    },
                    price(cap_price),
                ),
                _ => discounted,
            };
            (
                format!("converts in {into} at {lower}: {at}"),
                money(amount)
                    + if note {
                        " of principal and interest"
                    } else {
                        ""
                    },
            )
        }
    };
    let post = match how {
        eq::How::Priced { .. } => format!(
            "; post-money = {at} × {} shares = {}",
            shown(round.fd_shares, Style::Count),
            shown(round.post_money, Style::Money)
        ),
        eq::How::Converted {
            round: into,
            round_price,
            pro_rata,
            ..
        } if *pro_rata > 0.0 => format!(
            "; it also buys {} of {}'s new shares at {}, its pro-rata part",
            count(*pro_rata),
            isolate(into),
            price(*round_price)
        ),
        eq::How::Converted { .. } => String::new(),
    };
    format!(
        "{name}: {what}; new shares = {paid} ÷ {at} = {} shares, rounded down{post}.",
        shown(round.new_shares, Style::Count)
    )
}

const BAR_CLASSES: usize = 8;

/// A percentage given in hundredths of a percent (`eq::hundredths`), as
/// "12.34%": whole numbers, so nothing is lost to float printing.
fn hundredths_text(h: u64) -> String {
    format!("{}.{:02}%", h / 100, h % 100)
}

/// Ownership by holder after every round: a table whose columns show
/// exactly 100.00 %, and a stacked bar per round.
#[component]
fn Ownership(e: Eq, results: Memo<eq::Results>) -> impl IntoView {
    let currency = e.currency;
    view! {
        <h3>"Ownership after each round"</h3>
        {move || {
            let c = currency.get();
            results.with(|r| {
                let holders = r.holders();
                let columns: Vec<(String, Vec<(String, f64)>)> = r
                    .rounds
                    .iter()
                    .filter(|round| !round.holdings.is_empty())
                    .map(|round| (round.name.clone(), round.holdings.clone()))
                    .collect();
                let shares_in = |col: &Vec<(String, f64)>| -> Vec<f64> {
                    holders.iter().map(|h| col.iter().find(|(n, _)| n == h).map_or(0.0, |(_, s)| *s)).collect()
                };
                let shown: Vec<Vec<u64>> = columns.iter().map(|(_, col)| eq::hundredths(&shares_in(col))).collect();
                let pct = hundredths_text;
                // "Shares now" repeats the last column's figure, so the two
                // never differ by a rounding.
                let now_shown = |row: usize, x: f64| {
                    shown.last().and_then(|col| col.get(row)).map_or_else(|| format(x, Style::Share, c), |h| pct(*h))
                };
                let total = r.total_shares();
                // A band, and a colour, for each of the largest holders;
                // the rest share the last.
                let bands = eq::bands(r, BAR_CLASSES);
                view! {
                    <div class="table-wrap">
                        <table class="ownership">
                            <thead>
                                <tr>
                                    <th scope="col">"Holder"</th>
                                    {columns.iter().map(|(n, _)| view! { <th scope="col">{n.clone()}</th> }).collect_view()}
                                    <th scope="col">"Shares now"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {holders.iter().enumerate().map(|(row, h)| {
                                    let now = r.shares_of(h);
                                    let now_pct = r.pct_of(h);
                                    let now_text = now_pct.value().map_or("—".into(), |x| now_shown(row, x));
                                    view! {
                                        <tr>
                                            <th scope="row">{h.clone()}</th>
                                            {shown.iter().map(|col| view! { <td>{pct(col.get(row).copied().unwrap_or(0))}</td> }).collect_view()}
                                            <td>
                                                <output aria-live="off" data-result=format!("shares:{h}") data-value=shortest(now)>{format(now, Style::Count, c)}</output>
                                                <span class="visually-hidden">", "</span>
                                                <output aria-live="off" class="pct" data-result=format!("pct:{h}") data-value=now_pct.value().map(shortest).unwrap_or_default()>
                                                    {format!(" ({now_text})")}
                                                </output>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                            <tfoot>
                                <tr>
                                    <th scope="row">"Total"</th>
                                    {shown.iter().map(|col| view! { <td>{pct(col.iter().sum())}</td> }).collect_view()}
                                    <td><output aria-live="off" data-result="total_shares" data-value=shortest(total)>{format(total, Style::Count, c)}</output></td>
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                    // No round, no bar: an empty figure would be a blank.
                    {(!columns.is_empty()).then(|| view! {
                        <figure class="stacked">
                            <svg viewBox="0 0 100 60" preserveAspectRatio="none" role="img" aria-label="Ownership by holder after each round, as stacked bars">
                                {bands.rounds.iter().enumerate().map(|(x, shares)| {
                                    let sum: f64 = shares.iter().sum();
                                    let width = 100.0 / bands.rounds.len().max(1) as f64;
                                    let mut y = 0.0;
                                    shares.iter().enumerate().map(|(k, s)| {
                                        let hgt = if sum > 0.0 { s / sum * 60.0 } else { 0.0 };
                                        let rect = view! {
                                            <rect
                                                class=format!("band b{k}")
                                                x=fixed(x as f64 * width + width * 0.1, 2)
                                                width=fixed(width * 0.8, 2)
                                                y=fixed(y, 3)
                                                height=fixed(hgt, 3)
                                            />
                                        };
                                        y += hgt;
                                        rect
                                    }).collect_view()
                                }).collect_view()}
                            </svg>
                            // Under each bar, its round.
                            <div class="bar-labels" aria-hidden="true">
                                {columns.iter().map(|(n, _)| view! { <span>{n.clone()}</span> }).collect_view()}
                            </div>
                            <figcaption class="legend">
                                {bands.names.iter().enumerate().map(|(k, h)| view! { <span class=format!("swatch b{k}")>{h.clone()}</span> }).collect_view()}
                                {(bands.others > 0).then(|| view! {
                                    <span class=format!("swatch b{}", BAR_CLASSES - 1)>{format!("Everyone else ({} holders)", bands.others)}</span>
                                })}
                            </figcaption>
                        </figure>
                    })}
                }
            })
        }}
    }
}

#[component]
fn FollowChart(e: Eq, results: Memo<eq::Results>) -> impl IntoView {
    let inputs = e.inputs;
    let names = Memo::new(move |_| {
        results.with(|r| r.rounds.iter().map(|x| x.name.clone()).collect::<Vec<_>>())
    });
    let data = Signal::derive(move || {
        results.with(|r| {
            let mut points: Vec<(f64, f64)> = r
                .follow_start
                .value()
                .map(|p| (0.0, p))
                .into_iter()
                .collect();
            points.extend(
                r.rounds
                    .iter()
                    .enumerate()
                    .filter_map(|(k, x)| x.follow_pct.value().map(|p| ((k + 1) as f64, p))),
            );
            ChartData {
                lines: vec![Line {
                    label: inputs.with(|i| format!("{}'s stake", isolate(&i.follow))),
                    points,
                    class: "primary",
                }],
                markers: Vec::new(),
            }
        })
    });
    // Renamed or imported over: an empty chart under that name would say
    // nothing. The page says what the choice of whom to follow says.
    let missing = Memo::new(move |_| inputs.with(|i| !i.follows_a_holder()));
    // Before any round the line is a single point, which draws nothing.
    let no_rounds = Memo::new(move |_| names.with(Vec::is_empty));
    view! {
        <h3>{move || inputs.with(|i| format!("{}'s stake through the rounds", isolate(&i.follow)))}</h3>
        {move || if missing.get() {
            view! {
                <p class="help stake">{move || inputs.with(|i| format!("{} is not in the table: choose whom to follow under “Follow and exit”.", quoted(&i.follow)))}</p>
            }.into_any()
        } else if no_rounds.get() {
            view! {
                <p class="stake">{move || inputs.with(|i| results.with(|r| format!(
                    "{} holds {} of the company, fully diluted, before any round.",
                    isolate(&i.follow),
                    outcome_text(r.follow_start, Style::Share, e.currency.get())
                )))}</p>
            }.into_any()
        } else {
            view! {
                <LineChart
                    data=data
                    summary=Signal::derive(move || inputs.with(|i| format!("The fully diluted stake of {} before and after each round.", isolate(&i.follow))))
                    x_title="Round"
                    y_title="Stake, %"
                    x_format=Callback::new(move |x: f64| {
                        let k = x.round() as usize;
                        if (x - x.round()).abs() > 1e-9 { String::new() } else if k == 0 { "Start".into() } else { names.with(|n| n.get(k - 1).cloned().unwrap_or_default()) }
                    })
                    // Ticks may fall on quarters (0.25 %): every decimal they have.
                    y_format=Callback::new(move |y: f64| format_input(y, crate::input::Kind::Percent, e.currency.get()))
                />
            }.into_any()
        }}
    }
}

/// Where the followed holder ends: their stake after the last round (or
/// before any) and what they receive at the exit (none while a round cannot
/// be computed).
struct Standing<'a> {
    who: &'a str,
    /// "after Series A", or "before the rounds".
    when: String,
    stake: Outcome,
    paid: Option<f64>,
}

/// The followed holder's `Standing`; `None` while the name followed is not
/// in the table.
fn standing<'a>(i: &'a Inputs, r: &eq::Results, x: Option<&eq::Exit>) -> Option<Standing<'a>> {
    if !i.follows_a_holder() {
        return None;
    }
    let (stake, when) = r
        .rounds
        .last()
        .map_or((r.follow_start, "before the rounds".to_string()), |k| {
            (k.follow_pct, format!("after {}", k.name))
        });
    Some(Standing {
        who: &i.follow,
        when,
        stake,
        paid: x.map(|x| x.of(&i.follow)),
    })
}

/// Who gets what at the exit, as a table and as bars.
#[component]
fn Waterfall(
    e: Eq,
    results: Memo<eq::Results>,
    exit: Memo<Option<eq::Exit>>,
    /// Where the followed holder ends.
    said: Signal<String>,
) -> impl IntoView {
    let inputs = e.inputs;
    let currency = e.currency;
    // What a common share receives, or why nothing can be said.
    let per_share = Memo::new(move |_| {
        exit.with(|x| {
            x.as_ref()
                .map_or(Outcome::Undefined("not computed"), |x| x.per_common_share)
        })
    });
    view! {
        <Announce text=said />
        <h3>{move || format!("At an exit of {}", format(inputs.with(|i| i.exit_value), Style::Money, currency.get()))}</h3>
        <div class="table-wrap">
            <table class="waterfall">
                <thead><tr><th scope="col">"Holder"</th><th scope="col">"Proceeds"</th><th scope="col">"Share of the exit"</th><th scope="col"><span class="visually-hidden">"Bar"</span></th></tr></thead>
                <tbody>
                    {move || {
                        let c = currency.get();
                        exit.with(|x| {
                            let Some(x) = x else {
                                return view! { <tr><td colspan="4">"Not computed while a round cannot be."</td></tr> }.into_any();
                            };
                            if x.proceeds.is_empty() {
                                return view! { <tr><td colspan="4">"No one holds shares yet: add holders under “Cap table before the rounds”."</td></tr> }.into_any();
                            }
                            let top = x.proceeds.iter().map(|(_, v)| *v).fold(0.0, f64::max);
                            // Shares of the exit to two decimals adding up to 100.00 %.
                            let amounts: Vec<f64> = x.proceeds.iter().map(|(_, v)| *v).collect();
                            let shares = eq::hundredths(&amounts);
                            x.proceeds.iter().zip(shares).map(|((h, v), share)| {
                                let width = if top > 0.0 { (v / top * 100.0).max(0.5) } else { 0.5 };
                                view! {
                                    <tr>
                                        <th scope="row">{h.clone()}</th>
                                        <td><output aria-live="off" data-result=format!("exit:{h}") data-value=shortest(*v)>{format(*v, Style::Money, c)}</output></td>
                                        <td>{hundredths_text(share)}</td>
                                        <td class="bar">
                                            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width=fixed(width, 1) height="10" /></svg>
                                        </td>
                                    </tr>
                                }
                            }).collect_view().into_any()
                        })
                    }}
                </tbody>
            </table>
        </div>
        <p>
            "Each common share receives "
            <output
                aria-live="off"
                data-result="exit_per_common_share"
                data-value=move || contract(per_share.get()).0
                data-state=move || contract(per_share.get()).1
            >
                {move || match per_share.get() {
                    Outcome::Value(x) => format(x, Style::Cents, currency.get()),
                    Outcome::Undefined(why) => format!("— ({why})"),
                }}
            </output>
            ". "
            {move || inputs.with(|i| results.with(|r| waterfall_terms(i, r)))}
        </p>
    }
}

/// How this scenario's waterfall pays, in words: seniority and strikes as
/// entered, and what is still outstanding.
fn waterfall_terms(i: &Inputs, r: &eq::Results) -> String {
    let mut seniorities = i.rounds.iter().filter_map(|r| match r.kind {
        Kind::Priced { seniority, .. } => Some(seniority),
        _ => None,
    });
    let first = seniorities.next();
    let preferences = if seniorities.any(|s| Some(s) != first) {
        "A series with a higher seniority is paid its preference first, equal ones side by side"
    } else {
        "Preferred series share their preferences side by side (pari passu)"
    };
    let options = if i.holders.iter().any(|h| h.strike_price() > 0.0) {
        "options are exercised only where a common share is worth more than their strike, and take the difference"
    } else {
        "options count as exercised"
    };
    let notes = if r.outstanding.iter().any(eq::Outstanding::is_note) {
        " Notes still outstanding are debt: repaid before any series (principal × their sale multiple, plus interest when the exit has a date), unless converting pays them more."
    } else {
        ""
    };
    let safes = if r.outstanding.iter().any(|o| !o.is_note()) {
        " SAFEs still outstanding stand with the most junior series."
    } else {
        ""
    };
    let mut late = String::new();
    for o in r.outstanding.iter().filter(|o| o.issued_after(i.exit_date)) {
        late += &format!(
            " The note {} is issued after the sale's date: it is owed no interest.",
            quoted(&o.name)
        );
    }
    format!("{preferences}; {options}; the unissued pool receives nothing.{notes}{safes}{late}")
}

/// The SAFEs as post-money and as pre-money on the same terms.
#[component]
fn SafeComparison(e: Eq) -> impl IntoView {
    let inputs = e.inputs;
    let currency = e.currency;
    move || {
        inputs.with(|i| i.compare_safes).then(|| {
            let c = currency.get_untracked();
            inputs.with(|i| {
                let as_entered = eq::compute(&i.holders, &i.rounds, &i.follow);
                let swapped = eq::compute(&i.holders, &eq::swap_safe_kinds(&i.rounds), &i.follow);
                let pct = |r: &eq::Results, h: &str| r.pct_of(h).value().map_or("—".into(), |x| format(x, Style::Share, c));
                view! {
                    <h3>"The SAFEs as entered, and with post- and pre-money swapped"</h3>
                    <div class="table-wrap">
                        <table class="safe-comparison">
                            <thead><tr><th scope="col">"Holder"</th><th scope="col">"As entered"</th><th scope="col">"Swapped"</th></tr></thead>
                            <tbody>
                                {as_entered.holders().into_iter().map(|h| view! {
                                    <tr>
                                        <th scope="row">{h.clone()}</th>
                                        <td>{pct(&as_entered, &h)}</td>
                                        <td data-swapped=h.clone()>{pct(&swapped, &h)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })
        })
    }
}

/// CSV and OCF out (the starting table, the table after the rounds, the
/// issuances OCF records) and in (the starting table; with OCF, the SAFEs
/// and notes too).
#[component]
fn Interchange(e: Eq, results: Memo<eq::Results>, exit: Memo<Option<eq::Exit>>) -> impl IntoView {
    let inputs = e.inputs;
    let message = RwSignal::new(String::new());
    let import_csv = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, move |text| {
            let result = text
                .ok_or_else(|| "The file could not be read".to_string())
                .and_then(|t| eq::holders_from_csv(&t));
            match result {
                Ok(holders) => {
                    let n = holders.len();
                    e.edit(|i| i.holders = holders);
                    message.set(format!("Imported {n} holders."));
                }
                Err(why) => message.set(format!("Nothing imported: {why}")),
            }
        })
    };
    let import_ocf = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, move |text| {
            let result = text
                .ok_or_else(|| "The file could not be read".to_string())
                .and_then(|t| {
                    if t.len() > 2 * 1024 * 1024 {
                        return Err("The file is too large for a cap table".to_string());
                    }
                    crate::json::parse(&t).ok_or_else(|| "The file is not JSON".to_string())
                })
                .and_then(|doc| ocf::import(&doc));
            match result {
                Ok(imported) => {
                    let (h, c) = (imported.holders.len(), imported.convertibles.len());
                    e.edit(|i| {
                        // The SAFEs and notes come before the first priced
                        // round, which stays, with what follows it.
                        let priced: Vec<Round> = i
                            .rounds
                            .iter()
                            .skip_while(|r| !matches!(r.kind, Kind::Priced { .. }))
                            .cloned()
                            .collect();
                        i.holders = imported.holders;
                        i.rounds = imported.convertibles;
                        i.rounds.extend(priced);
                    });
                    let mut text = format!("Imported {h} holders and {c} SAFEs or notes from OCF.");
                    for w in imported.warnings {
                        text += &format!(" {w}.");
                    }
                    message.set(text);
                }
                Err(why) => message.set(format!("Nothing imported: {why}")),
            }
        })
    };
    let ocf_text = move || {
        inputs.with_untracked(|i| {
            crate::json::stringify(&ocf::export(
                &i.holders,
                &i.rounds,
                i.currency,
                today_date(),
            ))
        })
    };
    view! {
        <h3 class="no-print">"CSV and Open Cap Table Format"</h3>
        <div class="interchange no-print">
            <button
                type="button"
                on:click=move |_| inputs.with_untracked(|i| download("holders.csv", "text/csv", &eq::holders_csv(&i.holders)))
            >
                "Download the starting cap table (CSV)"
            </button>
            <button
                type="button"
                on:click=move |_| results.with_untracked(|r| exit.with_untracked(|x| {
                    download("cap-table.csv", "text/csv", &eq::cap_table_csv(r, x.as_ref()))
                }))
            >
                "Download the cap table after the rounds (CSV)"
            </button>
            <button type="button" on:click=move |_| download("cap-table.ocf.json", "application/json", &ocf_text())>
                "Download the cap table as OCF JSON (the starting table and the SAFEs and notes before the first priced round)"
            </button>
            <div class="field">
                <label for="import-csv">"Import a starting cap table (CSV with name, class, shares, strike)"</label>
                <input id="import-csv" type="file" accept=".csv,text/csv" on:change=import_csv />
            </div>
            <div class="field">
                <label for="import-ocf">"Import from OCF JSON (holders, and SAFEs and notes before the first priced round)"</label>
                <input id="import-ocf" type="file" accept=".json,application/json" on:change=import_ocf />
            </div>
            <p role="status" class="bar-message">{move || message.get()}</p>
        </div>
    }
}

//! The equity calculator's cap table in Open Cap Table Format (OCF) JSON,
//! for the parts OCF covers: stakeholders, stock classes, the stock plan,
//! stock and option issuances, and SAFE and note issuances with their
//! conversion terms.
//!
//! Written from the OCF schemas (github.com/Open-Cap-Table-Coalition/
//! Open-Cap-Format-OCF, `schema/objects/…`); not validated against them
//! here, since the schemas are not published on a package registry.
//!
//! What OCF records is what has been issued. The starting cap table and the
//! SAFEs and notes before the first priced round are exported; priced rounds
//! are this calculator's what-ifs, not issuances, and stay out. The export
//! is one JSON document holding the contents of the OCF files
//! (`stakeholders`, `stock_classes`, `stock_plans`, `transactions`, each as
//! `{"file_type", "items"}`); import also reads any object with an
//! `object_type` wherever it sits, so a single OCF file works too.

use super::equity::{Class, Holder, Kind, Round};
use super::Currency;
use crate::input::parse_iso_date;
use crate::text::parse_decimal;
use chrono::NaiveDate;
use serde_json::{json, Value};

/// The comment that marks options promised but not yet granted (OCF has no
/// such state).
const PROMISED: &str = "Tally: promised, not yet granted";

/// An OCF Numeric: a decimal string, no exponent, at most 10 decimals.
fn numeric(x: f64) -> String {
    let text = crate::text::fixed(if x.is_finite() { x } else { 0.0 }, 10);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-" {
        "0".into()
    } else {
        text.into()
    }
}

fn money(x: f64, c: Currency) -> Value {
    json!({ "amount": numeric(x), "currency": c.code() })
}

/// The convertibles OCF can record: SAFEs and notes before the first
/// priced round.
fn convertibles(rounds: &[Round]) -> impl Iterator<Item = &Round> {
    rounds
        .iter()
        .take_while(|r| !matches!(r.kind, Kind::Priced { .. }))
}

/// The cap table as OCF (see the module's notes). `date` stands for the
/// dates OCF requires and the calculator does not keep (issuances other
/// than notes).
pub fn export(holders: &[Holder], rounds: &[Round], currency: Currency, date: NaiveDate) -> Value {
    let date = date.to_string();
    let mut stakeholders = Vec::new();
    let mut transactions = Vec::new();
    let stakeholder = |name: &str, stakeholders: &mut Vec<Value>| {
        let id = format!("stakeholder-{}", stakeholders.len() + 1);
        stakeholders.push(json!({
            "object_type": "STAKEHOLDER",
            "id": id,
            "name": { "legal_name": name },
            "stakeholder_type": "INDIVIDUAL",
        }));
        id
    };
    let reserved: f64 = holders
        .iter()
        .filter(|h| matches!(h.class, Class::Pool | Class::Options | Class::Promised))
        .map(|h| h.shares)
        .sum();
    let plan_name = holders
        .iter()
        .find(|h| h.class == Class::Pool)
        .map_or("Option pool".to_string(), |h| h.name.clone());
    for (n, h) in holders.iter().enumerate() {
        let base = |kind: &str| {
            json!({
                "object_type": kind,
                "id": format!("issuance-{}", n + 1),
                "security_id": format!("security-{}", n + 1),
                "custom_id": format!("T-{}", n + 1),
                "date": date,
                "security_law_exemptions": [],
            })
        };
        let mut tx = match h.class {
            Class::Pool => continue,
            Class::Common => {
                let mut tx = base("TX_STOCK_ISSUANCE");
                tx["stock_class_id"] = json!("class-common");
                tx["share_price"] = money(0.0, currency);
                tx["quantity"] = json!(numeric(h.shares));
                tx["stock_legend_ids"] = json!([]);
                tx
            }
            Class::Options | Class::Promised => {
                let mut tx = base("TX_EQUITY_COMPENSATION_ISSUANCE");
                tx["compensation_type"] = json!("OPTION");
                tx["stock_plan_id"] = json!("plan-1");
                tx["stock_class_id"] = json!("class-common");
                tx["quantity"] = json!(numeric(h.shares));
                tx["exercise_price"] = money(h.strike_price(), currency);
                tx["expiration_date"] = Value::Null;
                tx["termination_exercise_windows"] = json!([]);
                if h.class == Class::Promised {
                    tx["comments"] = json!([PROMISED]);
                }
                tx
            }
        };
        tx["stakeholder_id"] = json!(stakeholder(&h.name, &mut stakeholders));
        transactions.push(tx);
    }
    for (n, r) in convertibles(rounds).enumerate() {
        let safe = match &r.kind {
            Kind::SafePost {
                amount,
                cap,
                discount_pct,
                pro_rata,
            } => Some((true, *amount, *cap, *discount_pct, *pro_rata)),
            Kind::SafePre {
                amount,
                cap,
                discount_pct,
            } => Some((false, *amount, *cap, *discount_pct, false)),
            _ => None,
        };
        let (convertible_type, mechanism, amount, pro_rata, issued) = match (&r.kind, safe) {
            (_, Some((post, amount, cap, discount_pct, pro_rata))) => {
                let mut m = json!({
                    "type": "SAFE_CONVERSION",
                    "conversion_mfn": false,
                    "conversion_timing": if post { "POST_MONEY" } else { "PRE_MONEY" },
                    "conversion_discount": numeric(discount_pct / 100.0),
                });
                if let Some(c) = cap {
                    m["conversion_valuation_cap"] = money(c, currency);
                }
                ("SAFE", m, amount, pro_rata, None)
            }
            (
                // OCF has no term for a sale's repayment multiple: it stays
                // out of the export (and is 1 on import).
                Kind::Note {
                    amount,
                    interest_pct,
                    issue_date,
                    cap,
                    discount_pct,
                    ..
                },
                None,
            ) => {
                let mut m = json!({
                    "type": "CONVERTIBLE_NOTE_CONVERSION",
                    "interest_rates": [{
                        "rate": numeric(interest_pct / 100.0),
                        "accrual_start_date": issue_date.map(|d| d.to_string()),
                    }],
                    "day_count_convention": "ACTUAL_365",
                    "interest_payout": "DEFERRED",
                    "interest_accrual_period": "DAILY",
                    "compounding_type": "SIMPLE",
                    "conversion_discount": numeric(discount_pct / 100.0),
                    "conversion_mfn": false,
                });
                if let Some(c) = cap {
                    m["conversion_valuation_cap"] = money(*c, currency);
                }
                ("NOTE", m, *amount, false, *issue_date)
            }
            _ => continue,
        };
        let mut tx = json!({
            "object_type": "TX_CONVERTIBLE_ISSUANCE",
            "id": format!("convertible-{}", n + 1),
            "security_id": format!("convertible-security-{}", n + 1),
            "custom_id": format!("C-{}", n + 1),
            "date": issued.map_or(date.clone(), |d| d.to_string()),
            "security_law_exemptions": [],
            "investment_amount": money(amount, currency),
            "convertible_type": convertible_type,
            "seniority": 1,
            "conversion_triggers": [{
                "type": "AUTOMATIC_ON_CONDITION",
                "trigger_id": format!("trigger-{}", n + 1),
                "trigger_condition": "The next equity financing",
                "conversion_right": {
                    "type": "CONVERTIBLE_CONVERSION_RIGHT",
                    "conversion_mechanism": mechanism,
                    "converts_to_future_round": true,
                },
            }],
        });
        if pro_rata {
            tx["pro_rata"] = json!("1");
        }
        tx["stakeholder_id"] = json!(stakeholder(&r.name, &mut stakeholders));
        transactions.push(tx);
    }
    let mut stock_plans = Vec::new();
    if reserved > 0.0 {
        stock_plans.push(json!({
            "object_type": "STOCK_PLAN",
            "id": "plan-1",
            "plan_name": plan_name,
            "initial_shares_reserved": numeric(reserved),
            "stock_class_ids": ["class-common"],
        }));
    }
    let common: f64 = holders.iter().map(|h| h.shares).sum();
    json!({
        "stakeholders": { "file_type": "OCF_STAKEHOLDERS_FILE", "items": stakeholders },
        "stock_classes": { "file_type": "OCF_STOCK_CLASSES_FILE", "items": [{
            "object_type": "STOCK_CLASS",
            "id": "class-common",
            "name": "Common Stock",
            "class_type": "COMMON",
            "default_id_prefix": "CS-",
            "initial_shares_authorized": numeric(common),
            "votes_per_share": "1",
            "seniority": "1",
        }] },
        "stock_plans": { "file_type": "OCF_STOCK_PLANS_FILE", "items": stock_plans },
        "transactions": { "file_type": "OCF_TRANSACTIONS_FILE", "items": transactions },
    })
}

/// What an OCF document holds, as the calculator's inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub holders: Vec<Holder>,
    /// SAFEs and notes, to come before the first priced round.
    pub convertibles: Vec<Round>,
    /// What was read approximately or left out, for the user.
    pub warnings: Vec<String>,
}

/// Every object with an `object_type`, wherever it sits in the document.
fn objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Object(map) if map.contains_key("object_type") => out.push(v),
        Value::Object(map) => map.values().for_each(|x| objects(x, out, depth + 1)),
        Value::Array(list) => list.iter().for_each(|x| objects(x, out, depth + 1)),
        _ => {}
    }
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        // An OCF Numeric: an optional sign, digits, a point.
        Value::String(s) => {
            let s = s.trim();
            match s.strip_prefix('-') {
                Some(digits) => parse_decimal(digits).map(|x| -x),
                None => parse_decimal(s.strip_prefix('+').unwrap_or(s)),
            }
        }
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

/// An OCF Percentage (a fraction, "0.2") as a number of percent, without
/// the float noise of multiplying by 100.
fn percent(v: Option<&Value>) -> Option<f64> {
    number(v).map(|x| (x * 100.0 * 1e10).round() / 1e10)
}

fn amount(v: Option<&Value>) -> Option<f64> {
    number(v?.get("amount"))
}

/// Reads an OCF document (see the module's notes).
pub fn import(doc: &Value) -> Result<Imported, String> {
    let mut all = Vec::new();
    objects(doc, &mut all, 0);
    if all.is_empty() {
        return Err("No OCF objects found (nothing with an object_type)".into());
    }
    let of = |t: &'static str| all.iter().copied().filter(move |o| o["object_type"] == t);
    let names: Vec<(&str, String)> = of("STAKEHOLDER")
        .filter_map(|s| {
            let name = s["name"]["legal_name"].as_str()?;
            Some((
                s["id"].as_str()?,
                name.chars().take(super::equity::MAX_NAME).collect(),
            ))
        })
        .collect();
    let name_of = |tx: &Value| {
        tx["stakeholder_id"]
            .as_str()
            .and_then(|id| names.iter().find(|(i, _)| *i == id))
            .map(|(_, n)| n.clone())
    };
    let preferred: Vec<&str> = of("STOCK_CLASS")
        .filter(|c| c["class_type"] == "PREFERRED")
        .filter_map(|c| c["id"].as_str())
        .collect();
    let mut warnings = Vec::new();
    let mut holders: Vec<Holder> = Vec::new();
    // One row a holder, class and strike: grants at one price add up.
    let mut add = |name: String, class: Class, shares: f64, strike: f64| match holders
        .iter_mut()
        .find(|h| h.name == name && h.class == class && h.strike == strike)
    {
        Some(h) => h.shares += shares,
        None => holders.push(Holder {
            name,
            class,
            shares,
            strike,
        }),
    };
    let mut granted = 0.0;
    for tx in &all {
        let kind = tx["object_type"].as_str().unwrap_or_default();
        let quantity = number(tx.get("quantity"));
        match kind {
            "TX_STOCK_ISSUANCE" => {
                let (Some(name), Some(q)) = (name_of(tx), quantity) else {
                    warnings.push(
                        "A stock issuance without a stakeholder or quantity was left out".into(),
                    );
                    continue;
                };
                if tx["stock_class_id"]
                    .as_str()
                    .is_some_and(|c| preferred.contains(&c))
                {
                    warnings.push(format!("{name}'s preferred shares were read as common: the starting table has no preferences"));
                }
                add(name, Class::Common, q, 0.0);
            }
            "TX_EQUITY_COMPENSATION_ISSUANCE" | "TX_PLAN_SECURITY_ISSUANCE" => {
                let (Some(name), Some(q)) = (name_of(tx), quantity) else {
                    warnings.push(
                        "An option grant without a stakeholder or quantity was left out".into(),
                    );
                    continue;
                };
                let promised = tx["comments"]
                    .as_array()
                    .is_some_and(|c| c.iter().any(|x| x == PROMISED));
                granted += q;
                add(
                    name,
                    if promised {
                        Class::Promised
                    } else {
                        Class::Options
                    },
                    q,
                    amount(tx.get("exercise_price")).unwrap_or(0.0).max(0.0),
                );
            }
            _ => {}
        }
    }
    let reserved: f64 = of("STOCK_PLAN")
        .filter_map(|p| number(p.get("initial_shares_reserved")))
        .sum();
    if reserved > granted {
        let name = of("STOCK_PLAN")
            .find_map(|p| p["plan_name"].as_str())
            .unwrap_or("Option pool")
            .chars()
            .take(super::equity::MAX_NAME)
            .collect();
        add(name, Class::Pool, reserved - granted, 0.0);
    }
    let mut convertibles: Vec<Round> = Vec::new();
    for tx in of("TX_CONVERTIBLE_ISSUANCE") {
        let name = name_of(tx).unwrap_or_else(|| format!("Convertible {}", convertibles.len() + 1));
        let invested = amount(tx.get("investment_amount")).unwrap_or(0.0);
        let mechanism = &tx["conversion_triggers"][0]["conversion_right"]["conversion_mechanism"];
        let cap = amount(mechanism.get("conversion_valuation_cap"));
        let discount_pct = percent(mechanism.get("conversion_discount")).unwrap_or(0.0);
        let date = tx["date"].as_str().and_then(parse_iso_date);
        let kind = match (
            tx["convertible_type"].as_str(),
            mechanism["conversion_timing"].as_str(),
        ) {
            (Some("NOTE"), _) => Kind::Note {
                amount: invested,
                interest_pct: percent(mechanism["interest_rates"][0].get("rate")).unwrap_or(0.0),
                issue_date: mechanism["interest_rates"][0]["accrual_start_date"]
                    .as_str()
                    .and_then(parse_iso_date)
                    .or(date),
                cap,
                discount_pct,
                sale_multiple: 1.0,
            },
            (Some("SAFE"), Some("PRE_MONEY")) => Kind::SafePre {
                amount: invested,
                cap,
                discount_pct,
            },
            (Some("SAFE"), _) => Kind::SafePost {
                amount: invested,
                cap,
                discount_pct,
                pro_rata: number(tx.get("pro_rata")).is_some_and(|p| p > 0.0),
            },
            _ => {
                warnings.push(format!(
                    "{name}: a convertible of another kind was left out"
                ));
                continue;
            }
        };
        let mut unique = name.clone();
        let mut n = 2;
        while convertibles.iter().any(|r| r.name == unique) {
            unique = format!("{name} ({n})");
            n += 1;
        }
        convertibles.push(Round { name: unique, kind });
    }
    // In the document's order (Tally writes them in the rounds' order; the
    // dates of SAFEs are the export's date, so they cannot order them).
    if holders.is_empty() && convertibles.is_empty() {
        return Err("The document has no stock, option or convertible issuances".into());
    }
    Ok(Imported {
        holders,
        convertibles,
        warnings,
    })
}

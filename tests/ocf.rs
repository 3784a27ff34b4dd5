//! The equity cap table in and out of Open Cap Table Format JSON.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use serde_json::json;
use tally::calc::equity::{Class, Holder, Inputs, Kind, Round};
use tally::calc::ocf;
use tally::calc::Currency;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// The default cap table with a promised grant, and a note ("Bridge")
/// among the rounds at `position`.
fn with_a_hire_and_a_note(position: usize, note: Kind) -> Inputs {
    let mut i = Inputs::default();
    i.holders.push(Holder {
        name: "New hire".into(),
        class: Class::Promised,
        shares: 20_000.0,
        strike: 0.25,
    });
    i.rounds.insert(
        position,
        Round {
            name: "Bridge".into(),
            kind: note,
        },
    );
    i
}

#[test]
fn the_starting_table_and_the_convertibles_round_trip() {
    let i = with_a_hire_and_a_note(
        2,
        Kind::Note {
            amount: 250_000.0,
            interest_pct: 6.0,
            issue_date: NaiveDate::from_ymd_opt(2026, 3, 1),
            cap: Some(12_000_000.0),
            discount_pct: 20.0,
            sale_multiple: 1.0,
        },
    );
    let doc = ocf::export(&i.holders, &i.rounds, Currency::USD, today());
    // OCF's files, with their objects.
    assert_eq!(doc["stakeholders"]["file_type"], "OCF_STAKEHOLDERS_FILE");
    let txs = doc["transactions"]["items"].as_array().unwrap();
    let kinds: Vec<&str> = txs
        .iter()
        .map(|t| t["object_type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "TX_STOCK_ISSUANCE",
            "TX_EQUITY_COMPENSATION_ISSUANCE",
            "TX_EQUITY_COMPENSATION_ISSUANCE",
            "TX_CONVERTIBLE_ISSUANCE",
            "TX_CONVERTIBLE_ISSUANCE",
            "TX_CONVERTIBLE_ISSUANCE"
        ]
    );
    // Numbers are OCF Numerics (decimal strings); the SAFE's terms are there.
    let seed = &txs[4];
    assert_eq!(
        seed["investment_amount"],
        json!({"amount": "1500000", "currency": "USD"})
    );
    let mechanism = &seed["conversion_triggers"][0]["conversion_right"]["conversion_mechanism"];
    assert_eq!(mechanism["type"], "SAFE_CONVERSION");
    assert_eq!(mechanism["conversion_timing"], "POST_MONEY");
    assert_eq!(mechanism["conversion_valuation_cap"]["amount"], "15000000");
    assert_eq!(seed["pro_rata"], "1");
    let note = &txs[5]["conversion_triggers"][0]["conversion_right"]["conversion_mechanism"];
    assert_eq!(
        note["interest_rates"][0],
        json!({"rate": "0.06", "accrual_start_date": "2026-03-01"})
    );
    assert_eq!(note["conversion_discount"], "0.2");
    assert_eq!(
        doc["stock_plans"]["items"][0]["initial_shares_reserved"],
        "2120000"
    );
    // The priced round is a what-if, not an issuance: it is not exported.
    assert!(!doc.to_string().contains("Series A"));

    let back = ocf::import(&doc).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let mut want = i.holders.clone();
    // The pool comes back after the grants, from the plan's reserve.
    let pool = want.remove(2);
    want.push(pool);
    assert_eq!(back.holders, want);
    let convertibles: Vec<Round> = i
        .rounds
        .iter()
        .filter(|r| !matches!(r.kind, Kind::Priced { .. }))
        .cloned()
        .collect();
    assert_eq!(back.convertibles, convertibles);
}

#[test]
fn foreign_documents_are_read_as_far_as_they_go() {
    // A single OCF file of transactions with a preferred class and a
    // stakeholder that is missing.
    let doc = json!({
        "file_type": "OCF_TRANSACTIONS_FILE",
        "items": [
            {"object_type": "STAKEHOLDER", "id": "a", "name": {"legal_name": "Ada"}, "stakeholder_type": "INDIVIDUAL"},
            {"object_type": "STOCK_CLASS", "id": "p", "class_type": "PREFERRED", "name": "Series Seed"},
            {"object_type": "TX_STOCK_ISSUANCE", "id": "1", "stakeholder_id": "a", "stock_class_id": "p", "quantity": "1000"},
            {"object_type": "TX_STOCK_ISSUANCE", "id": "2", "stakeholder_id": "nobody", "quantity": "5"},
            {"object_type": "TX_CONVERTIBLE_ISSUANCE", "id": "3", "stakeholder_id": "a", "convertible_type": "CONVERTIBLE_SECURITY",
             "investment_amount": {"amount": "10", "currency": "USD"}}
        ]
    });
    let r = ocf::import(&doc).unwrap();
    assert_eq!(
        r.holders,
        vec![Holder {
            name: "Ada".into(),
            class: Class::Common,
            shares: 1000.0,
            strike: 0.0,
        }]
    );
    assert_eq!(r.warnings.len(), 3, "{:?}", r.warnings);
    assert!(ocf::import(&json!({"hello": 1})).is_err());
    assert!(ocf::import(&json!([])).is_err());
}

/// What OCF's JSON schemas require and allow of each object Tally writes,
/// read from the schema files of github.com/Open-Cap-Table-Coalition/
/// Open-Cap-Format-OCF (schema/objects/…, schema/types/…; the common
/// fields come from schema/primitives/objects/Object, Transaction,
/// SecurityTransaction and issuance/Issuance). Every one of these objects
/// has `"additionalProperties": false`, so a field not listed is an error.
const COMMON: [&str; 2] = ["id", "object_type"];
const ISSUANCE: [&str; 11] = [
    "id",
    "object_type",
    "comments",
    "security_id",
    "date",
    "custom_id",
    "stakeholder_id",
    "board_approval_date",
    "stockholder_approval_date",
    "consideration_text",
    "security_law_exemptions",
];
const ISSUANCE_REQUIRED: [&str; 6] = [
    "id",
    "security_id",
    "date",
    "custom_id",
    "stakeholder_id",
    "security_law_exemptions",
];

/// (required, also allowed) by object type.
fn schema(object_type: &str) -> (Vec<&'static str>, Vec<&'static str>) {
    let with = |base: &[&'static str], extra: &[&'static str]| [base, extra].concat();
    match object_type {
        // objects/Stakeholder.schema.json
        "STAKEHOLDER" => (
            with(&COMMON, &["name", "stakeholder_type"]),
            vec![
                "comments",
                "issuer_assigned_id",
                "current_relationship",
                "current_relationships",
                "current_status",
                "primary_contact",
                "contact_info",
                "addresses",
                "tax_ids",
            ],
        ),
        // objects/StockClass.schema.json
        "STOCK_CLASS" => (
            with(
                &COMMON,
                &[
                    "name",
                    "class_type",
                    "default_id_prefix",
                    "initial_shares_authorized",
                    "votes_per_share",
                    "seniority",
                ],
            ),
            vec![
                "comments",
                "board_approval_date",
                "stockholder_approval_date",
                "par_value",
                "price_per_share",
                "conversion_rights",
                "liquidation_preference_multiple",
                "participation_cap_multiple",
            ],
        ),
        // objects/StockPlan.schema.json (stock_class_ids, not the deprecated stock_class_id)
        "STOCK_PLAN" => (
            with(
                &COMMON,
                &["plan_name", "initial_shares_reserved", "stock_class_ids"],
            ),
            vec![
                "comments",
                "board_approval_date",
                "stockholder_approval_date",
                "default_cancellation_behavior",
            ],
        ),
        // objects/transactions/issuance/StockIssuance.schema.json
        "TX_STOCK_ISSUANCE" => (
            with(
                &ISSUANCE_REQUIRED,
                &[
                    "object_type",
                    "stock_class_id",
                    "share_price",
                    "quantity",
                    "stock_legend_ids",
                ],
            ),
            with(
                &ISSUANCE,
                &[
                    "stock_plan_id",
                    "share_numbers_issued",
                    "vesting_terms_id",
                    "vestings",
                    "cost_basis",
                    "issuance_type",
                ],
            ),
        ),
        // objects/transactions/issuance/EquityCompensationIssuance.schema.json
        // (an OPTION also requires exercise_price)
        "TX_EQUITY_COMPENSATION_ISSUANCE" => (
            with(
                &ISSUANCE_REQUIRED,
                &[
                    "object_type",
                    "compensation_type",
                    "quantity",
                    "expiration_date",
                    "termination_exercise_windows",
                    "exercise_price",
                ],
            ),
            with(
                &ISSUANCE,
                &[
                    "stock_plan_id",
                    "stock_class_id",
                    "option_grant_type",
                    "base_price",
                    "early_exercisable",
                    "vesting_terms_id",
                    "vestings",
                ],
            ),
        ),
        // objects/transactions/issuance/ConvertibleIssuance.schema.json
        "TX_CONVERTIBLE_ISSUANCE" => (
            with(
                &ISSUANCE_REQUIRED,
                &[
                    "object_type",
                    "convertible_type",
                    "investment_amount",
                    "conversion_triggers",
                    "seniority",
                ],
            ),
            with(&ISSUANCE, &["pro_rata"]),
        ),
        // types/conversion_triggers/AutomaticConversionOnConditionTrigger.schema.json
        "AUTOMATIC_ON_CONDITION" => (
            vec![
                "type",
                "trigger_id",
                "trigger_condition",
                "conversion_right",
            ],
            vec!["nickname", "trigger_description"],
        ),
        // types/conversion_rights/ConvertibleConversionRight.schema.json
        "CONVERTIBLE_CONVERSION_RIGHT" => (
            vec!["type", "conversion_mechanism"],
            vec!["converts_to_future_round", "converts_to_stock_class_id"],
        ),
        // types/conversion_mechanisms/SAFEConversionMechanism.schema.json
        "SAFE_CONVERSION" => (
            vec!["type", "conversion_mfn"],
            vec![
                "conversion_discount",
                "conversion_valuation_cap",
                "exit_multiple",
                "conversion_timing",
                "capitalization_definition",
                "capitalization_definition_rules",
            ],
        ),
        // types/conversion_mechanisms/NoteConversionMechanism.schema.json
        "CONVERTIBLE_NOTE_CONVERSION" => (
            vec![
                "type",
                "interest_rates",
                "day_count_convention",
                "interest_payout",
                "interest_accrual_period",
                "compounding_type",
            ],
            vec![
                "conversion_discount",
                "conversion_valuation_cap",
                "capitalization_definition",
                "capitalization_defintion_rules",
                "exit_multiple",
                "conversion_mfn",
            ],
        ),
        other => panic!("Tally writes an object OCF's schemas were not checked for: {other}"),
    }
}

fn conforms(object: &serde_json::Value, kind: &str, path: &str, problems: &mut Vec<String>) {
    let (required, optional) = schema(kind);
    let map = object.as_object().unwrap();
    for key in &required {
        if !map.contains_key(*key) {
            problems.push(format!("{path}: {kind} lacks required `{key}`"));
        }
    }
    for key in map.keys() {
        if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
            problems.push(format!("{path}: {kind} does not allow `{key}`"));
        }
    }
}

/// types/Numeric.schema.json and types/Percentage.schema.json.
fn is_numeric(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && (s.find('.').is_none() || (1..=10).contains(&frac.len()))
        && frac.bytes().all(|b| b.is_ascii_digit())
}
fn is_percentage(s: &str) -> bool {
    is_numeric(s)
        && !s.starts_with(['+', '-'])
        && s.parse::<f64>().is_ok_and(|x| (0.0..=1.0).contains(&x))
}

#[test]
fn every_exported_object_fits_the_ocf_schemas() {
    let i = with_a_hire_and_a_note(
        0,
        Kind::Note {
            amount: 250_000.5,
            interest_pct: 6.125,
            issue_date: NaiveDate::from_ymd_opt(2026, 3, 1),
            cap: None,
            discount_pct: 12.345678901234,
            sale_multiple: 1.0,
        },
    );
    let doc = ocf::export(&i.holders, &i.rounds, Currency::EUR, today());
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (file, file_type) in [
        ("stakeholders", "OCF_STAKEHOLDERS_FILE"),
        ("stock_classes", "OCF_STOCK_CLASSES_FILE"),
        ("stock_plans", "OCF_STOCK_PLANS_FILE"),
        ("transactions", "OCF_TRANSACTIONS_FILE"),
    ] {
        assert_eq!(doc[file]["file_type"], file_type);
        for (n, item) in doc[file]["items"].as_array().unwrap().iter().enumerate() {
            let path = format!("{file}[{n}]");
            let kind = item["object_type"].as_str().unwrap();
            seen.insert(kind.to_string());
            conforms(item, kind, &path, &mut problems);
            for trigger in item["conversion_triggers"].as_array().into_iter().flatten() {
                conforms(
                    trigger,
                    trigger["type"].as_str().unwrap(),
                    &path,
                    &mut problems,
                );
                let right = &trigger["conversion_right"];
                conforms(right, right["type"].as_str().unwrap(), &path, &mut problems);
                let mechanism = &right["conversion_mechanism"];
                conforms(
                    mechanism,
                    mechanism["type"].as_str().unwrap(),
                    &path,
                    &mut problems,
                );
                if let Some(d) = mechanism["conversion_discount"].as_str() {
                    assert!(is_percentage(d), "{path}: discount {d}");
                }
                for rate in mechanism["interest_rates"].as_array().into_iter().flatten() {
                    assert!(
                        is_percentage(rate["rate"].as_str().unwrap()),
                        "{path}: {rate}"
                    );
                }
            }
            for key in [
                "quantity",
                "initial_shares_reserved",
                "initial_shares_authorized",
                "votes_per_share",
                "seniority",
                "pro_rata",
            ] {
                if let Some(v) = item.get(key).and_then(|v| v.as_str()) {
                    assert!(is_numeric(v), "{path}: {key} = {v}");
                }
            }
            for key in ["share_price", "exercise_price", "investment_amount"] {
                if let Some(m) = item.get(key) {
                    assert!(
                        is_numeric(m["amount"].as_str().unwrap()),
                        "{path}: {key} = {m}"
                    );
                    assert_eq!(m["currency"], "EUR", "{path}");
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // Every kind of object the exporter writes was checked.
    assert_eq!(seen.len(), 6, "{seen:?}");
    assert!(is_numeric("0.1234567890") && !is_numeric("0.12345678901") && !is_numeric("1e5"));
    assert!(is_percentage("0.2") && !is_percentage("1.5") && !is_percentage("-0.1"));
}

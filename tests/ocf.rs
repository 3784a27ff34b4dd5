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

#[test]
fn the_starting_table_and_the_convertibles_round_trip() {
    let mut i = Inputs::default();
    i.holders.push(Holder {
        name: "New hire".into(),
        class: Class::Promised,
        shares: 20_000.0,
    });
    i.rounds.insert(
        2,
        Round {
            name: "Bridge".into(),
            kind: Kind::Note {
                amount: 250_000.0,
                interest_pct: 6.0,
                issue_date: NaiveDate::from_ymd_opt(2026, 3, 1),
                cap: Some(12_000_000.0),
                discount_pct: 20.0,
            },
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
            shares: 1000.0
        }]
    );
    assert_eq!(r.warnings.len(), 3, "{:?}", r.warnings);
    assert!(ocf::import(&json!({"hello": 1})).is_err());
    assert!(ocf::import(&json!([])).is_err());
}

//! Scenarios: what is saved in localStorage and what a shared link carries.
//!
//! Both formats are versioned public interfaces (docs/scenario-format.md).
//! Plain Rust, so the codec and the migrations are tested natively.

use crate::text::quoted;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Version of the stored document; bump it and add a migration together.
pub const STORE_VERSION: u64 = 1;
/// Version of the link payload's JSON.
pub const LINK_VERSION: u64 = 1;
/// The localStorage key holding the whole store.
pub const STORAGE_KEY: &str = "tally";
/// Prefix of the key an unreadable store is moved to before anything
/// overwrites it; the rest of the key is a timestamp.
pub const BACKUP_KEY_PREFIX: &str = "tally.backup.";
/// Longest JSON a link may carry, in either form (a compressed payload
/// is inflated no further).
pub const MAX_JSON_BYTES: usize = 256 * 1024;
/// Longest link payload accepted, checked before any decoding: the plain
/// (`j1.`) form of the longest JSON. The address shows a shared scenario in
/// that form (a compressed link is rewritten plain when opened), so every
/// link the app accepts must still open, plain, after a reload.
pub const MAX_PAYLOAD_CHARS: usize = "j1.".len() + MAX_JSON_BYTES.div_ceil(3) * 4;
/// Most scenarios kept per calculator.
pub const MAX_SCENARIOS: usize = 50;
/// Longest scenario name.
pub const MAX_NAME_CHARS: usize = 80;
/// Name of the scenario a calculator starts with.
pub const DEFAULT_SCENARIO: &str = "Base case";

/// One named set of inputs. `inputs` stays JSON so that the store does not
/// depend on any calculator's types; each page reads it with its own checks.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub inputs: Value,
}

/// The scenarios of one calculator and which one is open.
#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    pub active: String,
    pub scenarios: Vec<Scenario>,
}

impl Book {
    pub fn new(defaults: Value) -> Self {
        Book {
            active: DEFAULT_SCENARIO.into(),
            scenarios: vec![Scenario {
                name: DEFAULT_SCENARIO.into(),
                inputs: defaults,
            }],
        }
    }

    pub fn names(&self) -> Vec<String> {
        self.scenarios.iter().map(|s| s.name.clone()).collect()
    }

    /// The open scenario; if `active` names none (hand-edited storage), the first.
    pub fn current(&self) -> Option<&Scenario> {
        self.scenarios
            .iter()
            .find(|s| s.name == self.active)
            .or(self.scenarios.first())
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.name == name)
    }

    /// Replaces the open scenario's inputs.
    pub fn set_inputs(&mut self, inputs: Value) {
        let active = self.active.clone();
        match self.position(&active) {
            Some(i) => {
                if let Some(s) = self.scenarios.get_mut(i) {
                    s.inputs = inputs;
                }
            }
            None => self.scenarios.push(Scenario {
                name: active,
                inputs,
            }),
        }
    }

    /// Opens the scenario called `name`, if there is one.
    pub fn switch(&mut self, name: &str) -> bool {
        let found = self.position(name).is_some();
        if found {
            self.active = name.into();
        }
        found
    }

    /// Saves `inputs` as a new scenario and opens it. The name is made unique
    /// ("Plan (2)") rather than overwriting another scenario.
    pub fn save_as(&mut self, name: &str, inputs: Value) -> Result<String, String> {
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(format!(
                "At most {MAX_SCENARIOS} scenarios; delete one first"
            ));
        }
        let name = self.unique_name(&clean_name(name)?);
        self.scenarios.push(Scenario {
            name: name.clone(),
            inputs,
        });
        self.active = name.clone();
        Ok(name)
    }

    /// Copies the open scenario under a new name and opens the copy.
    pub fn duplicate(&mut self) -> Result<String, String> {
        let current = self.current().cloned().ok_or("Nothing to duplicate")?;
        self.save_as(&format!("Copy of {}", current.name), current.inputs)
    }

    /// Renames the open scenario.
    pub fn rename(&mut self, new_name: &str) -> Result<String, String> {
        let new_name = clean_name(new_name)?;
        if new_name == self.active {
            return Ok(new_name);
        }
        if self.position(&new_name).is_some() {
            return Err(format!(
                "A scenario called {} already exists",
                quoted(&new_name)
            ));
        }
        let active = self.active.clone();
        let i = self.position(&active).ok_or("No open scenario")?;
        if let Some(s) = self.scenarios.get_mut(i) {
            s.name = new_name.clone();
        }
        self.active = new_name.clone();
        Ok(new_name)
    }

    /// Deletes the open scenario and opens a neighbour. The last one left is
    /// reset to `defaults` instead, so a calculator always has a scenario.
    pub fn delete(&mut self, defaults: Value) -> Option<(usize, Scenario)> {
        let active = self.active.clone();
        let deleted = self
            .position(&active)
            .map(|i| (i, self.scenarios.remove(i)));
        match self.scenarios.first() {
            Some(first) => self.active = first.name.clone(),
            None => *self = Book::new(defaults),
        }
        deleted
    }

    /// Undoes a `delete`: puts `scenario` back at `at` (or last, if the list
    /// has shrunk since) and opens it. Its name is made unique if another
    /// scenario has taken it meanwhile.
    pub fn restore(&mut self, at: usize, scenario: Scenario) -> Result<String, String> {
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(format!(
                "At most {MAX_SCENARIOS} scenarios; delete one first"
            ));
        }
        let name = self.unique_name(&scenario.name);
        let at = at.min(self.scenarios.len());
        self.scenarios.insert(
            at,
            Scenario {
                name: name.clone(),
                inputs: scenario.inputs,
            },
        );
        self.active = name.clone();
        Ok(name)
    }

    fn unique_name(&self, base: &str) -> String {
        if self.position(base).is_none() {
            return base.into();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|candidate| self.position(candidate).is_none())
            .unwrap_or_else(|| base.into())
    }

    fn to_json(&self) -> Value {
        let scenarios = self
            .scenarios
            .iter()
            .map(|s| json!({ "name": s.name, "inputs": s.inputs }))
            .collect();
        json!({ "active": self.active, "scenarios": Value::Array(scenarios) })
    }

    /// `doc` is the book stored under `calcs.<calc>`.
    fn from_json(doc: &Value, calc: &str) -> Result<Book, String> {
        let at = |key: &str| format!("calcs.{calc}.{key}");
        let scenarios = doc
            .get("scenarios")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{} is not a list", at("scenarios")))?
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let at = |key: &str| at(&format!("scenarios.{i}.{key}"));
                Ok(Scenario {
                    name: text(s.get("name"), &at("name"))?,
                    // Checked key by key when the calculator reads them.
                    inputs: s
                        .get("inputs")
                        .cloned()
                        .ok_or_else(|| format!("{} is missing", at("inputs")))?,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Book {
            active: text(doc.get("active"), &at("active"))?,
            scenarios,
        })
    }
}

fn text(value: Option<&Value>, at: &str) -> Result<String, String> {
    value
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("{at} is not text"))
}

fn object<'a>(value: Option<&'a Value>, at: &str) -> Result<&'a Map<String, Value>, String> {
    value
        .and_then(Value::as_object)
        .ok_or_else(|| format!("{at} is not an object"))
}

fn clean_name(name: &str) -> Result<String, String> {
    let name: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
    if name.is_empty() {
        Err("A scenario needs a name".into())
    } else {
        Ok(name)
    }
}

/// Every scenario Tally keeps in localStorage, under [`STORAGE_KEY`]
/// (beside it: backups of unreadable data, and `ui::drafts`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Store {
    /// Always [`STORE_VERSION`] once loaded.
    pub v: u64,
    /// One book of scenarios per calculator, by calculator id.
    pub calcs: BTreeMap<String, Book>,
}

/// Why a stored document could not be used as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// Not JSON, or JSON of the wrong shape.
    Corrupt(String),
    /// JSON, but not something Tally wrote.
    Foreign,
    /// Written by a newer Tally than this one.
    Newer(u64),
}

impl LoadProblem {
    /// The problem, said of the data saved in this browser.
    pub fn message(&self) -> String {
        match self {
            LoadProblem::Corrupt(why) => {
                format!("Your saved scenarios could not be read ({why}).")
            }
            LoadProblem::Foreign => "The saved data was not written by Tally.".into(),
            LoadProblem::Newer(v) => format!(
                "Your scenarios were saved by a newer version of Tally (format {v}); this one reads format {STORE_VERSION}."
            ),
        }
    }

    /// The problem, said of a backup file the user chose.
    pub fn in_backup(&self) -> String {
        match self {
            LoadProblem::Corrupt(why) => {
                format!("Nothing restored: this backup could not be read ({why}).")
            }
            LoadProblem::Foreign => "Nothing restored: this file is not a Tally backup.".into(),
            LoadProblem::Newer(v) => format!(
                "Nothing restored: this backup was written by a newer version of Tally (format {v}); this one reads format {STORE_VERSION}."
            ),
        }
    }
}

/// Each entry turns a document of version i + 1 into version i + 2.
/// Empty while format 1 is the only one that ever shipped.
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[];

impl Store {
    pub fn new() -> Self {
        Store {
            v: STORE_VERSION,
            calcs: BTreeMap::new(),
        }
    }

    /// Reads the stored text, migrating older formats. On any problem the
    /// caller must back the raw text up before writing a fresh store.
    pub fn load(raw: &str) -> Result<Store, LoadProblem> {
        let value =
            crate::json::parse(raw).ok_or_else(|| LoadProblem::Corrupt("it is not JSON".into()))?;
        let v = match value.get("v").and_then(Value::as_u64) {
            Some(v) if v >= 1 && value.get("calcs").is_some() => v,
            _ => return Err(LoadProblem::Foreign),
        };
        if v > STORE_VERSION {
            return Err(LoadProblem::Newer(v));
        }
        let start = usize::try_from(v - 1).map_err(|_| LoadProblem::Foreign)?;
        let value = MIGRATIONS
            .iter()
            .skip(start)
            .try_fold(value, |doc, migrate| migrate(doc))
            .map_err(LoadProblem::Corrupt)?;
        Store::from_json(&value).map_err(LoadProblem::Corrupt)
    }

    pub fn to_text(&self) -> String {
        // Inserted one by one: collecting into a map would sort first, and
        // link the standard library's sort (about 3 KB) for nothing.
        let mut calcs = Map::new();
        for (calc, book) in &self.calcs {
            calcs.insert(calc.clone(), book.to_json());
        }
        crate::json::stringify(&json!({ "v": self.v, "calcs": Value::Object(calcs) }))
    }

    /// The store in a document of the current version. Read by hand rather
    /// than by serde's derive: its generic reader cost each page about
    /// 3 KB gzipped, for three small types. Unknown keys are ignored.
    fn from_json(doc: &Value) -> Result<Store, String> {
        let mut calcs = BTreeMap::new();
        for (calc, book) in object(doc.get("calcs"), "calcs")? {
            calcs.insert(calc.clone(), Book::from_json(book, calc)?);
        }
        Ok(Store {
            v: STORE_VERSION,
            calcs,
        })
    }

    /// Adds the scenarios of `backup` (a store read from a backup file).
    /// Nothing here is overwritten, removed or reopened: where a name is
    /// taken by other inputs, the backup's scenario is added beside it as
    /// "Name (restored)". Restoring the same backup again adds nothing.
    pub fn add_backup(&mut self, backup: Store) -> Restored {
        let mut done = Restored::default();
        for (calc, theirs) in backup.calcs {
            let Some(ours) = self.calcs.get_mut(&calc) else {
                done.added += theirs.scenarios.len();
                self.calcs.insert(calc, theirs);
                continue;
            };
            for s in theirs.scenarios {
                let restored = format!("{} (restored", s.name);
                let here = |name: &str| name == s.name || name.starts_with(&restored);
                if ours
                    .scenarios
                    .iter()
                    .any(|o| here(&o.name) && crate::json::same(&o.inputs, &s.inputs))
                {
                    done.present += 1;
                } else if ours.scenarios.len() >= MAX_SCENARIOS {
                    done.full += 1;
                } else if ours.position(&s.name).is_some() {
                    let name = ours.unique_name(&format!("{} (restored)", s.name));
                    ours.scenarios.push(Scenario {
                        name: name.clone(),
                        inputs: s.inputs,
                    });
                    done.renamed.push((s.name, name));
                } else {
                    ours.scenarios.push(s);
                    done.added += 1;
                }
            }
        }
        done
    }

    /// The book of calculator `calc`, created with `defaults` on first use.
    pub fn book(&mut self, calc: &str, defaults: impl FnOnce() -> Value) -> &mut Book {
        self.calcs
            .entry(calc.to_string())
            .or_insert_with(|| Book::new(defaults()))
    }
}

/// What adding a backup did ([`Store::add_backup`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restored {
    /// Scenarios added under their own names.
    pub added: usize,
    /// Added beside a scenario of the same name and other inputs:
    /// `(name in the backup, name given)`.
    pub renamed: Vec<(String, String)>,
    /// Already here, with the same inputs.
    pub present: usize,
    /// Left out: their calculator already holds [`MAX_SCENARIOS`].
    pub full: usize,
}

impl Restored {
    pub fn message(&self) -> String {
        let count = |n: usize| match n {
            1 => "1 scenario".to_string(),
            n => format!("{n} scenarios"),
        };
        let restored = self.added + self.renamed.len();
        if restored == 0 && self.full == 0 {
            return if self.present == 0 {
                "The backup holds no scenarios.".into()
            } else {
                "Nothing to restore: every scenario in the backup is already here.".into()
            };
        }
        let mut text = format!("Restored {}.", count(restored));
        if !self.renamed.is_empty() {
            let pairs: Vec<String> = self
                .renamed
                .iter()
                .map(|(from, to)| format!("{} as {}", quoted(from), quoted(to)))
                .collect();
            text += &format!(
                " Added beside those of the same name: {}.",
                pairs.join(", ")
            );
        }
        if self.present > 0 {
            text += &format!(" {} already here.", count(self.present));
        }
        if self.full > 0 {
            text += &format!(
                " {} left out: a calculator keeps {MAX_SCENARIOS} at most.",
                count(self.full)
            );
        }
        text
    }
}

/// Why a link could not be opened; the message is shown as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    TooLong,
    Damaged,
    UnknownFormat,
    /// A compressed (`z1.`) payload the browser could not inflate within
    /// the size limit (the app inflates every `z1.` link before reading it).
    NotInflated,
    Newer(u64),
    WrongCalculator(String),
}

impl LinkError {
    pub fn message(&self) -> String {
        match self {
            LinkError::TooLong => "This link is too long to be a Tally scenario.".into(),
            LinkError::Damaged => {
                "This link is damaged (cut short or altered), so its scenario could not be opened."
                    .into()
            }
            LinkError::UnknownFormat => "This link's scenario is in a format Tally does not know.".into(),
            LinkError::NotInflated => format!(
                "This compressed link could not be opened: it is damaged, or it unpacks to more than Tally accepts ({} KiB).",
                MAX_JSON_BYTES / 1024
            ),
            LinkError::Newer(v) => format!(
                "This link was made by a newer version of Tally (format {v}); this one opens format {LINK_VERSION}."
            ),
            LinkError::WrongCalculator(c) => {
                format!("This link holds a scenario for another calculator ({}).", quoted(c))
            }
        }
    }
}

/// The plain link payload: `j1.` + base64url (no padding) of the JSON
/// `{"v":1,"calc":…,"inputs":…}`.
pub fn encode_link(calc: &str, inputs: &Value) -> String {
    plain_payload(link_json(calc, inputs).as_bytes())
}

/// The JSON a link carries: `{"v":1,"calc":…,"inputs":…}`.
pub fn link_json(calc: &str, inputs: &Value) -> String {
    crate::json::stringify(&json!({ "v": LINK_VERSION, "calc": calc, "inputs": inputs }))
}

/// `j1.` + base64url of the link JSON's bytes.
pub fn plain_payload(json: &[u8]) -> String {
    format!("j1.{}", URL_SAFE_NO_PAD.encode(json))
}

/// `z1.` + base64url of the link JSON compressed with deflate-raw.
pub fn compressed_payload(deflated: &[u8]) -> String {
    format!("z1.{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// What a link payload's prefix says about how to read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PayloadKind {
    /// `j1.`: base64url JSON.
    Json,
    /// `z1.`: base64url of deflate-raw compressed JSON (the browser inflates it).
    Compressed,
}

/// Splits a payload into its kind and the base64url-decoded bytes, checking
/// its size before decoding anything.
pub fn unwrap_payload(payload: &str) -> Result<(PayloadKind, Vec<u8>), LinkError> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong);
    }
    let (kind, body) = if let Some(body) = payload.strip_prefix("j1.") {
        (PayloadKind::Json, body)
    } else if let Some(body) = payload.strip_prefix("z1.") {
        (PayloadKind::Compressed, body)
    } else {
        return Err(LinkError::UnknownFormat);
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| LinkError::Damaged)?;
    Ok((kind, bytes))
}

/// Reads the link JSON and returns the calculator's inputs (still to be
/// checked field by field by the calculator, like typed input).
pub fn read_link_json(bytes: &[u8], calc: &str) -> Result<Value, LinkError> {
    if bytes.len() > MAX_JSON_BYTES {
        return Err(LinkError::TooLong);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| LinkError::Damaged)?;
    let doc = crate::json::parse(text).ok_or(LinkError::Damaged)?;
    let v = doc
        .get("v")
        .and_then(Value::as_u64)
        .ok_or(LinkError::UnknownFormat)?;
    if v > LINK_VERSION {
        return Err(LinkError::Newer(v));
    }
    match doc.get("calc").and_then(Value::as_str) {
        Some(c) if c == calc => {}
        Some(c) => return Err(LinkError::WrongCalculator(c.chars().take(40).collect())),
        None => return Err(LinkError::UnknownFormat),
    }
    Ok(doc.get("inputs").cloned().unwrap_or(json!({})))
}

/// Decodes a plain (`j1.`) payload completely. A compressed one must have
/// been inflated into its plain form first (the browser does that:
/// `ui::link::inflate_address`); one still here could not be.
pub fn decode_link(payload: &str, calc: &str) -> Result<Value, LinkError> {
    match unwrap_payload(payload)? {
        (PayloadKind::Json, bytes) => read_link_json(&bytes, calc),
        (PayloadKind::Compressed, _) => Err(LinkError::NotInflated),
    }
}

/// A location hash split into its route and its `s` payload:
/// `#/unit-economics?s=j1.…` → (`unit-economics`, Some(`j1.…`)).
pub fn parse_hash(hash: &str) -> (String, Option<String>) {
    let hash = hash.trim_start_matches('#').trim_start_matches('/');
    let (route, query) = hash.split_once('?').unwrap_or((hash, ""));
    let payload = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("s="))
        .map(str::to_string);
    (route.trim_end_matches('/').to_string(), payload)
}

/// The value of query parameter `name` in a location hash
/// (`#/roi?s=j1.…&view=present`).
pub fn hash_param(hash: &str, name: &str) -> Option<String> {
    let query = hash.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_string)
}

/// `hash` with parameter `name` set to `value` (or removed, for `None`),
/// the other parameters kept in their order.
pub fn with_hash_param(hash: &str, name: &str, value: Option<&str>) -> String {
    let hash = hash.trim_start_matches('#');
    let (route, query) = hash.split_once('?').unwrap_or((hash, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
        .map(str::to_string)
        .collect();
    if let Some(v) = value {
        pairs.insert(
            usize::from(name != "s" && !pairs.is_empty()),
            format!("{name}={v}"),
        );
    }
    if pairs.is_empty() {
        format!("#{route}")
    } else {
        format!("#{route}?{}", pairs.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_parameters_are_read_and_replaced_keeping_the_others() {
        let hash = "#/roi?s=j1.abc&view=present";
        assert_eq!(hash_param(hash, "view").as_deref(), Some("present"));
        assert_eq!(hash_param(hash, "s").as_deref(), Some("j1.abc"));
        assert_eq!(hash_param(hash, "sent"), None);
        assert_eq!(hash_param("#/roi", "s"), None);
        let edited = with_hash_param(hash, "view", None);
        assert_eq!(edited, "#/roi?s=j1.abc");
        let copy = with_hash_param(&edited, "sent", Some("j1.abc"));
        assert_eq!(copy, "#/roi?s=j1.abc&sent=j1.abc");
        assert_eq!(
            with_hash_param(&copy, "s", Some("j1.new")),
            "#/roi?s=j1.new&sent=j1.abc"
        );
        assert_eq!(with_hash_param("#/roi?s=x", "s", None), "#/roi");
        // A parameter whose name starts like another is not confused with it.
        assert_eq!(hash_param("#/roi?sent=a&s=b", "s").as_deref(), Some("b"));
    }

    #[test]
    fn link_round_trips_and_matches_the_documented_form() {
        let inputs = json!({"arpa": 2900, "stages": [{"name": "MQL → SQL", "rate_pct": 25}]});
        let link = encode_link("unit-economics", &inputs);
        assert!(link.starts_with("j1."));
        assert!(!link.contains('=') && !link.contains('+') && !link.contains('/'));
        assert_eq!(decode_link(&link, "unit-economics"), Ok(inputs));
        // The example in docs/scenario-format.md, made by hand with
        // `printf '%s' '{"v":1,"calc":"unit-economics","inputs":{"arpa":500}}' | base64 | tr '+/' '-_' | tr -d '='`.
        let doc = "j1.eyJ2IjoxLCJjYWxjIjoidW5pdC1lY29ub21pY3MiLCJpbnB1dHMiOnsiYXJwYSI6NTAwfX0";
        assert_eq!(decode_link(doc, "unit-economics"), Ok(json!({"arpa": 500})));
    }

    #[test]
    fn bad_links_are_refused_with_a_reason() {
        let link = encode_link("unit-economics", &json!({"arpa": 1}));
        let truncated = &link[..link.len() - 5];
        assert_eq!(
            decode_link(truncated, "unit-economics"),
            Err(LinkError::Damaged)
        );
        let tampered = link.replacen("eyJ", "eyX", 1);
        assert_eq!(
            decode_link(&tampered, "unit-economics"),
            Err(LinkError::Damaged)
        );
        assert_eq!(
            decode_link(
                &format!("j1.{}", "A".repeat(MAX_PAYLOAD_CHARS - 2)),
                "unit-economics"
            ),
            Err(LinkError::TooLong)
        );
        assert_eq!(
            decode_link("x9.abc", "unit-economics"),
            Err(LinkError::UnknownFormat)
        );
        // A compressed payload reaches the decoder only if the browser
        // could not inflate it.
        assert_eq!(
            decode_link("z1.abc", "unit-economics"),
            Err(LinkError::NotInflated)
        );
        let newer = format!(
            "j1.{}",
            URL_SAFE_NO_PAD.encode(r#"{"v":2,"calc":"unit-economics","inputs":{}}"#)
        );
        assert_eq!(
            decode_link(&newer, "unit-economics"),
            Err(LinkError::Newer(2))
        );
        assert_eq!(
            decode_link(&link, "roi"),
            Err(LinkError::WrongCalculator("unit-economics".into()))
        );
        for message in [LinkError::Damaged, LinkError::TooLong, LinkError::Newer(3)] {
            assert!(!message.message().is_empty());
        }
    }

    #[test]
    fn hash_splits_into_route_and_payload() {
        assert_eq!(parse_hash("#/roi"), ("roi".into(), None));
        assert_eq!(
            parse_hash("#/unit-economics?s=j1.abc&x=1"),
            ("unit-economics".into(), Some("j1.abc".into()))
        );
        assert_eq!(parse_hash(""), ("".into(), None));
    }

    #[test]
    fn store_round_trips_and_refuses_what_it_cannot_read() {
        let mut store = Store::new();
        store.book("unit-economics", || json!({"arpa": 1}));
        assert_eq!(Store::load(&store.to_text()), Ok(store));
        assert!(matches!(
            Store::load("{not json"),
            Err(LoadProblem::Corrupt(_))
        ));
        assert_eq!(
            Store::load(r#"{"theme":"dark"}"#),
            Err(LoadProblem::Foreign)
        );
        assert_eq!(Store::load("[1,2]"), Err(LoadProblem::Foreign));
        assert_eq!(
            Store::load(r#"{"v":7,"calcs":{}}"#),
            Err(LoadProblem::Newer(7))
        );
        // A wrong shape is named where it is, for the notice.
        let corrupt = |raw: &str| match Store::load(raw) {
            Err(LoadProblem::Corrupt(why)) => why,
            other => panic!("{raw}: {other:?}"),
        };
        assert_eq!(
            corrupt(r#"{"v":1,"calcs":{"x":{"active":3,"scenarios":[]}}}"#),
            "calcs.x.active is not text"
        );
        assert_eq!(
            corrupt(r#"{"v":1,"calcs":{"x":{"active":"A"}}}"#),
            "calcs.x.scenarios is not a list"
        );
        assert_eq!(
            corrupt(r#"{"v":1,"calcs":{"x":{"active":"A","scenarios":[{"name":"A"}]}}}"#),
            "calcs.x.scenarios.0.inputs is missing"
        );
        assert_eq!(corrupt(r#"{"v":1,"calcs":[]}"#), "calcs is not an object");
        // Unknown keys are ignored; inputs are kept as they are, for the
        // calculator to check key by key.
        let store = Store::load(
            r#"{"v":1,"theme":"dark","calcs":{"x":{"active":"A","scenarios":[{"name":"A","inputs":null,"note":1}]}}}"#,
        )
        .unwrap();
        assert_eq!(
            store.calcs["x"].current().map(|s| &s.inputs),
            Some(&Value::Null)
        );
    }

    #[test]
    fn scenario_book_operations() {
        let mut book = Book::new(json!({"a": 1}));
        assert_eq!(book.save_as("Plan", json!({"a": 2})), Ok("Plan".into()));
        assert_eq!(book.save_as("Plan", json!({"a": 3})), Ok("Plan (2)".into()));
        assert_eq!(book.active, "Plan (2)");
        assert_eq!(book.duplicate(), Ok("Copy of Plan (2)".into()));
        assert_eq!(book.current().map(|s| &s.inputs), Some(&json!({"a": 3})));
        assert!(book.rename("Plan").is_err());
        assert!(book.rename("  ").is_err());
        assert_eq!(book.rename("Upside"), Ok("Upside".into()));
        book.set_inputs(json!({"a": 9}));
        assert!(book.switch("Plan"));
        assert!(!book.switch("nope"));
        assert_eq!(book.current().map(|s| &s.inputs), Some(&json!({"a": 2})));
        book.delete(json!({}));
        assert_eq!(book.names(), ["Base case", "Plan (2)", "Upside"]);
        assert_eq!(book.active, "Base case");
        for _ in 0..3 {
            book.delete(json!({"a": 0}));
        }
        assert_eq!(book.names(), ["Base case"]);
        assert_eq!(book.current().map(|s| &s.inputs), Some(&json!({"a": 0})));
    }

    #[test]
    fn a_backup_adds_its_scenarios_and_overwrites_nothing() {
        let mut ours = Store::new();
        let ue = ours.book("unit-economics", || json!({"arpa": 1}));
        ue.save_as("Acme", json!({"arpa": 2})).unwrap();
        ue.save_as("Same", json!({"arpa": 3})).unwrap();
        let mut backup = Store::new();
        let theirs = backup.book("unit-economics", || json!({"arpa": 9}));
        theirs.save_as("Same", json!({"arpa": 3.0})).unwrap();
        theirs.save_as("New", json!({"arpa": 4})).unwrap();
        backup
            .book("roi", || json!({"years": 3}))
            .save_as("Deal", json!({"years": 5}))
            .unwrap();
        let before = ours.calcs["unit-economics"].clone();

        let done = ours.add_backup(backup.clone());
        assert_eq!(
            done,
            Restored {
                // "New", and the ROI book whole: its "Base case" and "Deal".
                added: 3,
                renamed: vec![("Base case".into(), "Base case (restored)".into())],
                // "Same", written 3.0 there and 3 here.
                present: 1,
                full: 0,
            }
        );
        let ue = &ours.calcs["unit-economics"];
        assert_eq!(
            ue.names(),
            ["Base case", "Acme", "Same", "Base case (restored)", "New"]
        );
        // What was here is unchanged, and still open.
        assert_eq!(ue.scenarios[..3], before.scenarios[..]);
        assert_eq!(ue.active, before.active);
        assert_eq!(ue.scenarios[3].inputs, json!({"arpa": 9}));
        assert_eq!(ours.calcs["roi"], backup.calcs["roi"]);
        assert_eq!(
            done.message(),
            format!(
                "Restored 4 scenarios. Added beside those of the same name: {} as {}. 1 scenario already here.",
                quoted("Base case"),
                quoted("Base case (restored)")
            )
        );

        // Again: everything is already here, renamed ones included.
        let again = ours.add_backup(backup.clone());
        assert_eq!(again.present, 5);
        assert_eq!(again.added + again.renamed.len() + again.full, 0);
        assert_eq!(
            again.message(),
            "Nothing to restore: every scenario in the backup is already here."
        );
        assert_eq!(
            Store::new().add_backup(Store::new()).message(),
            "The backup holds no scenarios."
        );

        // A full calculator leaves the rest out, and says so.
        let mut full = Store::new();
        let book = full.book("unit-economics", || json!({}));
        for n in 1..MAX_SCENARIOS {
            book.save_as(&format!("S{n}"), json!({})).unwrap();
        }
        let done = full.add_backup(backup);
        // Its three unit-economics scenarios are left out; ROI's two added.
        assert_eq!((done.full, done.added), (3, 2));
        assert_eq!(full.calcs["unit-economics"].scenarios.len(), MAX_SCENARIOS);
        assert!(done
            .message()
            .ends_with("3 scenarios left out: a calculator keeps 50 at most."));
    }

    #[test]
    fn a_deleted_scenario_comes_back_where_it_was() {
        let mut book = Book::new(json!({"a": 1}));
        book.save_as("Plan", json!({"a": 2})).unwrap();
        book.save_as("Upside", json!({"a": 3})).unwrap();
        assert!(book.switch("Plan"));
        let before = book.clone();
        let (at, gone) = book.delete(json!({})).unwrap();
        assert_eq!(book.names(), ["Base case", "Upside"]);
        assert_eq!(book.restore(at, gone), Ok("Plan".into()));
        assert_eq!(book, before);

        // The last scenario deleted leaves a fresh "Base case"; the deleted
        // one, also called "Base case", comes back beside it, renamed.
        let mut book = Book::new(json!({"a": 1}));
        let (at, gone) = book.delete(json!({"a": 0})).unwrap();
        assert_eq!(book.restore(at, gone), Ok("Base case (2)".into()));
        assert_eq!(book.names(), ["Base case (2)", "Base case"]);
        assert_eq!(book.current().map(|s| &s.inputs), Some(&json!({"a": 1})));

        // A full book refuses, and a position past the end means last.
        let mut book = Book::new(json!({}));
        for n in 1..MAX_SCENARIOS {
            book.save_as(&format!("S{n}"), json!({})).unwrap();
        }
        let extra = Scenario {
            name: "X".into(),
            inputs: json!({}),
        };
        assert!(book.restore(0, extra.clone()).is_err());
        book.delete(json!({}));
        assert_eq!(book.restore(99, extra), Ok("X".into()));
        assert_eq!(book.names().last().map(String::as_str), Some("X"));
    }
}

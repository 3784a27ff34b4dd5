//! JSON text to and from `serde_json::Value` (stored scenarios, links, OCF
//! files).
//!
//! In the browser this is the browser's own `JSON.parse` and
//! `JSON.stringify`, which keeps serde_json's parser, its error messages
//! and its float printer out of the wasm (about a tenth of every page);
//! natively it is serde_json, so the native tests read the same documents.
//! The browser tests (tests/web.rs) hold the two to the same results.
//!
//! Every number reads as the same `f64` both ways; past 2^53 the browser
//! has only that float, where serde_json keeps a `u64` exactly, which no
//! calculator reads. Both refuse what JSON cannot say: numbers out of range (`1e999`, which
//! `JSON.parse` would read as Infinity) and, in the browser, nesting deeper
//! than serde_json's own limit.

use serde_json::Value;

/// Most arrays and objects nested in one another, as serde_json reads.
pub const MAX_DEPTH: usize = 127;

/// Reads JSON text; `None` if it is not JSON (or not JSON that can be held,
/// above). Callers say what was expected: the parsers' own messages
/// ("Unexpected token 'b', \"{broken\" is not valid JSON") quote the text at
/// a person who did not write it.
pub fn parse(text: &str) -> Option<Value> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::from_js(&js_sys::JSON::parse(text).ok()?, 0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).ok()
    }
}

/// Writes compact JSON text (no spaces).
pub fn stringify(value: &Value) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JSON::stringify(&browser::to_js(value))
            .map(String::from)
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        value.to_string()
    }
}

/// Whether two documents say the same: numbers are compared as the `f64`
/// every calculator reads them as, so `200` read back from storage is the
/// `200.0` a calculator wrote.
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::MAX_DEPTH;
    use js_sys::{Array, Object, Reflect};
    use serde_json::{Map, Number, Value};
    use wasm_bindgen::{JsCast, JsValue};

    /// The value `JSON.parse` gave, as serde_json would have read its text.
    /// `depth`: how many arrays and objects hold `js`.
    pub fn from_js(js: &JsValue, depth: usize) -> Option<Value> {
        if js.is_null() {
            return Some(Value::Null);
        }
        if let Some(b) = js.as_bool() {
            return Some(Value::Bool(b));
        }
        if let Some(x) = js.as_f64() {
            return number(x).map(Value::Number);
        }
        if let Some(s) = js.as_string() {
            return Some(Value::String(s));
        }
        if depth >= MAX_DEPTH {
            return None;
        }
        if let Some(items) = js.dyn_ref::<Array>() {
            return items
                .iter()
                .map(|item| from_js(&item, depth + 1))
                .collect::<Option<_>>()
                .map(Value::Array);
        }
        let mut map = Map::new();
        for entry in Object::entries(js.unchecked_ref::<Object>()).iter() {
            let pair: Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            map.insert(key, from_js(&pair.get(1), depth + 1)?);
        }
        Some(Value::Object(map))
    }

    /// Whole numbers as integers, as serde_json reads `25` (so that they
    /// read back as `u64` too); the rest as floats.
    fn number(x: f64) -> Option<Number> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if x.fract() == 0.0 && x.abs() < EXACT {
            // In range and whole: the casts are exact.
            Some(if x >= 0.0 {
                Number::from(x as u64)
            } else {
                Number::from(x as i64)
            })
        } else {
            // Not finite: `1e999` read as Infinity.
            Number::from_f64(x)
        }
    }

    pub fn to_js(value: &Value) -> JsValue {
        match value {
            Value::Null => JsValue::NULL,
            Value::Bool(b) => JsValue::from_bool(*b),
            Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or(0.0)),
            Value::String(s) => JsValue::from_str(s),
            Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
            Value::Object(map) => {
                let object = Object::new();
                for (key, item) in map {
                    // Setting a property on a plain new object cannot fail.
                    let _ = Reflect::set(&object, &JsValue::from_str(key), &to_js(item));
                }
                object.into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The browser path is held to the same in tests/web.rs.
    #[test]
    fn reads_and_writes_json_and_refuses_what_it_cannot_hold() {
        let doc = parse(r#"{"b":[1,2.5,"x"],"a":null}"#).unwrap();
        assert_eq!(doc["b"][1].as_f64(), Some(2.5));
        assert_eq!(parse(&stringify(&doc)), Some(doc));
        assert_eq!(parse("1e999"), None);
        assert_eq!(parse("{"), None);
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&nested(MAX_DEPTH)).is_some());
        assert_eq!(parse(&nested(MAX_DEPTH + 1)), None);
    }

    #[test]
    fn the_same_document_whatever_its_numbers_were_written_as() {
        let written = serde_json::json!({"leads": 200.0, "stages": [{"rate_pct": 25.0}], "x": "a"});
        let stored = parse(r#"{"x":"a","stages":[{"rate_pct":25}],"leads":200}"#).unwrap();
        assert_ne!(written, stored);
        assert!(same(&written, &stored));
        let edited = parse(r#"{"x":"a","stages":[{"rate_pct":25}],"leads":201}"#).unwrap();
        assert!(!same(&written, &edited));
        let more =
            parse(r#"{"x":"a","stages":[{"rate_pct":25},{"rate_pct":1}],"leads":200}"#).unwrap();
        assert!(!same(&stored, &more));
        let extra = parse(r#"{"x":"a","stages":[{"rate_pct":25}],"leads":200,"y":null}"#).unwrap();
        assert!(!same(&stored, &extra) && !same(&extra, &stored));
        assert!(!same(&serde_json::json!("200"), &serde_json::json!(200)));
    }
}

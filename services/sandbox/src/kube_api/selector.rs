//! `labelSelector` and `fieldSelector` query parameters: parsing and matching
//! with the grammar of the real API server (`=`, `==`, `!=`, `in`, `notin`,
//! exists, `!key`, `>`/`<` for labels; `=`, `==`, `!=` on any dotted field path).

use serde_json::Value;

use super::status::ApiStatus;

#[derive(Debug, Clone, PartialEq, Eq)]
enum LabelReq {
    Eq(String, String),
    NotEq(String, String),
    In(String, Vec<String>),
    NotIn(String, Vec<String>),
    Exists(String),
    NotExists(String),
    Gt(String, i64),
    Lt(String, i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FieldReq {
    path: String,
    value: String,
    negate: bool,
}

/// A parsed pair of label and field selectors; empty matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selector {
    labels: Vec<LabelReq>,
    fields: Vec<FieldReq>,
}

impl Selector {
    /// Parses the raw query values; `None` or empty means "no constraint".
    pub fn parse(labels: Option<&str>, fields: Option<&str>) -> Result<Self, ApiStatus> {
        let labels = split_top_level(labels.unwrap_or(""))
            .iter()
            .map(|s| parse_label_req(s))
            .collect::<Result<_, _>>()?;
        let fields = split_top_level(fields.unwrap_or(""))
            .iter()
            .map(|s| parse_field_req(s))
            .collect::<Result<_, _>>()?;
        Ok(Self { labels, fields })
    }

    /// Whether `obj` satisfies every requirement.
    pub fn matches(&self, obj: &Value) -> bool {
        let labels = obj.pointer("/metadata/labels").and_then(Value::as_object);
        let label = |k: &str| labels.and_then(|m| m.get(k)).and_then(Value::as_str);
        let labels_ok = self.labels.iter().all(|req| match req {
            LabelReq::Eq(k, v) => label(k) == Some(v.as_str()),
            LabelReq::NotEq(k, v) => label(k) != Some(v.as_str()),
            LabelReq::In(k, set) => label(k).is_some_and(|l| set.iter().any(|s| s == l)),
            LabelReq::NotIn(k, set) => !label(k).is_some_and(|l| set.iter().any(|s| s == l)),
            LabelReq::Exists(k) => label(k).is_some(),
            LabelReq::NotExists(k) => label(k).is_none(),
            LabelReq::Gt(k, n) => label(k).and_then(|l| l.parse::<i64>().ok()) > Some(*n),
            LabelReq::Lt(k, n) => label(k)
                .and_then(|l| l.parse::<i64>().ok())
                .is_some_and(|l| l < *n),
        });
        labels_ok
            && self
                .fields
                .iter()
                .all(|f| (field_value(obj, &f.path) == f.value) != f.negate)
    }
}

/// Splits on commas that are not inside `( ... )`, dropping empty parts.
fn split_top_level(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn key(raw: &str, whole: &str) -> Result<String, ApiStatus> {
    let k = raw.trim();
    if k.is_empty() || k.contains(char::is_whitespace) {
        return Err(ApiStatus::bad_request(format!(
            "unable to parse requirement: invalid label key in {whole:?}"
        )));
    }
    Ok(k.to_owned())
}

fn parse_label_req(s: &str) -> Result<LabelReq, ApiStatus> {
    if let Some(rest) = s.strip_prefix('!') {
        return Ok(LabelReq::NotExists(key(rest, s)?));
    }
    if let Some((k, v)) = s.split_once("!=") {
        return Ok(LabelReq::NotEq(key(k, s)?, v.trim().to_owned()));
    }
    if let Some((k, v)) = s.split_once("==").or_else(|| s.split_once('=')) {
        return Ok(LabelReq::Eq(key(k, s)?, v.trim().to_owned()));
    }
    if let Some((head, set)) = s.split_once('(') {
        let set = set
            .strip_suffix(')')
            .ok_or_else(|| ApiStatus::bad_request(format!("unclosed set in {s:?}")))?;
        let values = set
            .split(',')
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        let mut words = head.split_whitespace();
        let (k, op) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        return match op {
            "in" => Ok(LabelReq::In(key(k, s)?, values)),
            "notin" => Ok(LabelReq::NotIn(key(k, s)?, values)),
            _ => Err(ApiStatus::bad_request(format!(
                "unknown set operator in {s:?}"
            ))),
        };
    }
    for (sep, gt) in [('>', true), ('<', false)] {
        if let Some((k, v)) = s.split_once(sep) {
            let n = v
                .trim()
                .parse::<i64>()
                .map_err(|_| ApiStatus::bad_request(format!("not an integer in {s:?}")))?;
            let k = key(k, s)?;
            return Ok(if gt {
                LabelReq::Gt(k, n)
            } else {
                LabelReq::Lt(k, n)
            });
        }
    }
    Ok(LabelReq::Exists(key(s, s)?))
}

fn parse_field_req(s: &str) -> Result<FieldReq, ApiStatus> {
    let (path, value, negate) = if let Some((p, v)) = s.split_once("!=") {
        (p, v, true)
    } else if let Some((p, v)) = s.split_once("==").or_else(|| s.split_once('=')) {
        (p, v, false)
    } else {
        return Err(ApiStatus::bad_request(format!(
            "invalid field selector: {s:?}"
        )));
    };
    Ok(FieldReq {
        path: path.trim().to_owned(),
        value: value.trim().to_owned(),
        negate,
    })
}

/// The value at a dotted path as the API server compares it: strings as-is,
/// other scalars printed, missing as empty.
fn field_value(obj: &Value, path: &str) -> String {
    let pointer: String = path.split('.').map(|p| format!("/{p}")).collect();
    match obj.pointer(&pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pod(labels: Value) -> Value {
        json!({"metadata": {"name": "p1", "namespace": "ns", "labels": labels}, "status": {"phase": "Running"}})
    }

    fn sel(l: &str) -> Selector {
        Selector::parse(Some(l), None).expect("selector parses")
    }

    #[test]
    fn set_based_requirements_keep_commas_inside_parentheses() {
        let s = sel("app in (web, api),tier notin (db),!canary,env");
        assert!(s.matches(&pod(json!({"app": "api", "env": "prod"}))));
        assert!(!s.matches(&pod(json!({"app": "api", "env": "prod", "tier": "db"}))));
        assert!(!s.matches(&pod(json!({"app": "api", "env": "prod", "canary": "1"}))));
        assert!(!s.matches(&pod(json!({"app": "api"}))));
    }

    #[test]
    fn inequality_matches_objects_without_the_label() {
        let s = sel("app!=web");
        assert!(s.matches(&pod(json!({}))));
        assert!(!s.matches(&pod(json!({"app": "web"}))));
        assert!(sel("a==1").matches(&pod(json!({"a": "1"}))));
        assert!(sel("n>3").matches(&pod(json!({"n": "4"}))));
        assert!(!sel("n<3").matches(&pod(json!({}))));
    }

    #[test]
    fn field_selectors_follow_dotted_paths() {
        let s = Selector::parse(None, Some("metadata.name=p1,status.phase!=Failed"))
            .expect("selector parses");
        assert!(s.matches(&pod(json!({}))));
        let s = Selector::parse(None, Some("metadata.namespace=other")).expect("parses");
        assert!(!s.matches(&pod(json!({}))));
    }

    #[test]
    fn malformed_selectors_are_bad_requests() {
        let err = Selector::parse(Some("app in (a"), None).expect_err("must fail");
        assert_eq!(err.code, 400);
        assert!(Selector::parse(None, Some("metadata.name")).is_err());
    }
}

//! The functions templates may call: the Go operator's (`upper`, `lower`, `truncate`,
//! `jsonEscape`, `formatTime`, `humanizeDuration`) and Go's comparison built-ins.

use serde_json::Value;

use super::TemplateError;
use super::eval::{Datum, display, encode_string, kind_name, truthy};
use super::time::{format_time, humanize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Func {
    Upper,
    Lower,
    Trim,
    Truncate,
    JsonEscape,
    FormatTime,
    HumanizeDuration,
    Join,
    Len,
    Eq,
    Ne,
    Not,
    And,
    Or,
}

impl Func {
    pub(super) fn from_name(name: &str) -> Result<Self, TemplateError> {
        Ok(match name {
            "upper" => Func::Upper,
            "lower" => Func::Lower,
            "trim" => Func::Trim,
            "truncate" => Func::Truncate,
            "jsonEscape" => Func::JsonEscape,
            "formatTime" => Func::FormatTime,
            "humanizeDuration" => Func::HumanizeDuration,
            "join" => Func::Join,
            "len" => Func::Len,
            "eq" => Func::Eq,
            "ne" => Func::Ne,
            "not" => Func::Not,
            "and" => Func::And,
            "or" => Func::Or,
            other => return Err(TemplateError::UnknownFunction(other.to_owned())),
        })
    }

    fn name(self) -> &'static str {
        match self {
            Func::Upper => "upper",
            Func::Lower => "lower",
            Func::Trim => "trim",
            Func::Truncate => "truncate",
            Func::JsonEscape => "jsonEscape",
            Func::FormatTime => "formatTime",
            Func::HumanizeDuration => "humanizeDuration",
            Func::Join => "join",
            Func::Len => "len",
            Func::Eq => "eq",
            Func::Ne => "ne",
            Func::Not => "not",
            Func::And => "and",
            Func::Or => "or",
        }
    }

    pub(super) fn check_arity(self, got: usize) -> Result<(), TemplateError> {
        let (ok, expected) = match self {
            Func::Upper
            | Func::Lower
            | Func::Trim
            | Func::JsonEscape
            | Func::HumanizeDuration
            | Func::Len
            | Func::Not => (got == 1, "1"),
            Func::Truncate | Func::FormatTime | Func::Join | Func::Ne => (got == 2, "2"),
            Func::Eq => (got >= 2, "2 or more"),
            Func::And | Func::Or => (got >= 1, "1 or more"),
        };
        if ok {
            Ok(())
        } else {
            Err(TemplateError::Arity {
                function: self.name(),
                expected,
                got,
            })
        }
    }
}

pub(super) fn call(func: Func, args: Vec<Datum>) -> Result<Datum, TemplateError> {
    func.check_arity(args.len())?;
    let values: Vec<Value> = args.iter().map(Datum::value).collect();
    let text = |index: usize| display(&values[index]);
    let result = match func {
        Func::Upper => Value::String(text(0).to_uppercase()),
        Func::Lower => Value::String(text(0).to_lowercase()),
        Func::Trim => Value::String(text(0).trim().to_owned()),
        Func::Truncate => Value::String(truncate(&text(0), integer(func, &values[1])?)),
        Func::JsonEscape => {
            let source = text(0);
            return Ok(Datum::Json {
                encoded: encode_string(&source),
                source,
            });
        }
        Func::FormatTime => Value::String(format_time(&text(0), &text(1))?),
        Func::HumanizeDuration => Value::String(humanize(number(func, &values[0])?)),
        Func::Join => Value::String(join(&values[0], &text(1))),
        Func::Len => Value::from(length(&values[0])?),
        Func::Eq => Value::Bool(values[1..].iter().any(|other| same(&values[0], other))),
        Func::Ne => Value::Bool(!same(&values[0], &values[1])),
        Func::Not => Value::Bool(!truthy(&values[0])),
        // Go returns the deciding argument, not a boolean.
        Func::And => first_or_last(values, |value| !truthy(value)),
        Func::Or => first_or_last(values, truthy),
    };
    Ok(Datum::Value(result))
}

fn first_or_last(values: Vec<Value>, decides: impl Fn(&Value) -> bool) -> Value {
    let decided = values.iter().position(&decides);
    let index = decided.unwrap_or(values.len().saturating_sub(1));
    values.into_iter().nth(index).unwrap_or(Value::Null)
}

/// Go's `truncate`: the first `n` bytes' worth of characters, then `...`.
fn truncate(text: &str, limit: i64) -> String {
    let limit = usize::try_from(limit).unwrap_or(0);
    if text.len() <= limit {
        return text.to_owned();
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}...", &text[..cut])
}

fn same(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => left == right,
    }
}

fn join(list: &Value, separator: &str) -> String {
    match list {
        Value::Array(items) => items
            .iter()
            .map(display)
            .collect::<Vec<_>>()
            .join(separator),
        other => display(other),
    }
}

fn length(value: &Value) -> Result<usize, TemplateError> {
    match value {
        Value::Array(items) => Ok(items.len()),
        Value::Object(map) => Ok(map.len()),
        Value::String(text) => Ok(text.len()),
        Value::Null => Ok(0),
        other => Err(bad(
            "len",
            format!("cannot take the length of {}", kind_name(other)),
        )),
    }
}

fn integer(func: Func, value: &Value) -> Result<i64, TemplateError> {
    value.as_i64().ok_or_else(|| {
        bad(
            func.name(),
            format!("expected an integer, got {}", kind_name(value)),
        )
    })
}

fn number(func: Func, value: &Value) -> Result<f64, TemplateError> {
    match value {
        Value::Null => Ok(0.0),
        other => other.as_f64().ok_or_else(|| {
            bad(
                func.name(),
                format!("expected seconds, got {}", kind_name(other)),
            )
        }),
    }
}

pub(super) fn bad(function: &'static str, message: String) -> TemplateError {
    TemplateError::BadArgument { function, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_adds_an_ellipsis_like_go() {
        assert_eq!(truncate("abcdef", 3), "abc...");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("héllo", 2), "h...");
    }
}

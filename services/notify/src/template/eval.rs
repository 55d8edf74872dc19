//! Walks the template tree over the data, writing text; in JSON mode each value is
//! escaped for where it lands in the JSON being written.

use serde_json::Value;

use super::TemplateError;
use super::funcs;
use super::parse::{Command, Node, Operand, Pipeline};

/// A value produced inside an action.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Datum {
    Value(Value),
    /// Already-encoded JSON (`jsonEscape`) and the text it encodes.
    Json {
        encoded: String,
        source: String,
    },
}

impl Datum {
    pub(super) fn value(&self) -> Value {
        match self {
            Datum::Value(value) => value.clone(),
            Datum::Json { source, .. } => Value::String(source.clone()),
        }
    }
}

/// Where `.` and `$` point.
#[derive(Clone, Copy)]
struct Scope<'a> {
    root: &'a Value,
    dot: &'a Value,
}

/// Rendered text, tracking (in JSON mode) whether the write position is inside a string.
pub(super) struct Output {
    text: String,
    json: Option<JsonPosition>,
}

#[derive(Default)]
struct JsonPosition {
    in_string: bool,
    after_backslash: bool,
}

impl Output {
    pub(super) fn text() -> Self {
        Self {
            text: String::new(),
            json: None,
        }
    }

    pub(super) fn json() -> Self {
        Self {
            text: String::new(),
            json: Some(JsonPosition::default()),
        }
    }

    pub(super) fn finish(self) -> String {
        self.text
    }

    fn literal(&mut self, text: &str) {
        if let Some(position) = &mut self.json {
            for character in text.chars() {
                position.advance(character);
            }
        }
        self.text.push_str(text);
    }

    fn datum(&mut self, datum: &Datum) {
        let Some(position) = &self.json else {
            self.text.push_str(&display(&datum.value()));
            return;
        };
        if position.in_string {
            let encoded = encode_string(&display(&datum.value()));
            self.text.push_str(&encoded[1..encoded.len() - 1]);
            return;
        }
        match datum {
            Datum::Json { encoded, .. } => self.text.push_str(encoded),
            Datum::Value(value) => self.text.push_str(&value.to_string()),
        }
    }
}

impl JsonPosition {
    fn advance(&mut self, character: char) {
        if !self.in_string {
            self.in_string = character == '"';
        } else if self.after_backslash {
            self.after_backslash = false;
        } else if character == '\\' {
            self.after_backslash = true;
        } else if character == '"' {
            self.in_string = false;
        }
    }
}

pub(super) fn encode_string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

pub(super) fn render(nodes: &[Node], data: &Value, out: &mut Output) -> Result<(), TemplateError> {
    render_nodes(
        nodes,
        Scope {
            root: data,
            dot: data,
        },
        out,
    )
}

fn render_nodes(nodes: &[Node], scope: Scope<'_>, out: &mut Output) -> Result<(), TemplateError> {
    for node in nodes {
        match node {
            Node::Text(text) => out.literal(text),
            Node::Output(pipeline) => out.datum(&eval_pipeline(pipeline, scope)?),
            Node::If {
                branches,
                otherwise,
            } => {
                let mut chosen = otherwise;
                for (condition, body) in branches {
                    if truthy(&eval_pipeline(condition, scope)?.value()) {
                        chosen = body;
                        break;
                    }
                }
                render_nodes(chosen, scope, out)?;
            }
            Node::Range {
                over,
                body,
                otherwise,
            } => render_range(over, body, otherwise, scope, out)?,
        }
    }
    Ok(())
}

fn render_range(
    over: &Pipeline,
    body: &[Node],
    otherwise: &[Node],
    scope: Scope<'_>,
    out: &mut Output,
) -> Result<(), TemplateError> {
    let items = match eval_pipeline(over, scope)?.value() {
        Value::Array(items) => items,
        Value::Object(map) => map.into_iter().map(|(_, value)| value).collect(),
        Value::Null => Vec::new(),
        other => {
            return Err(TemplateError::BadArgument {
                function: "range",
                message: format!("cannot range over {}", kind_name(&other)),
            });
        }
    };
    if items.is_empty() {
        return render_nodes(otherwise, scope, out);
    }
    for item in &items {
        render_nodes(body, Scope { dot: item, ..scope }, out)?;
    }
    Ok(())
}

fn eval_pipeline(pipeline: &Pipeline, scope: Scope<'_>) -> Result<Datum, TemplateError> {
    let mut piped: Option<Datum> = None;
    for command in &pipeline.commands {
        let result = match command {
            Command::Operand(operand) => eval_operand(operand, scope)?,
            Command::Call { func, args } => {
                let mut values = args
                    .iter()
                    .map(|arg| eval_operand(arg, scope))
                    .collect::<Result<Vec<_>, _>>()?;
                values.extend(piped.take());
                funcs::call(*func, values)?
            }
        };
        piped = Some(result);
    }
    Ok(piped.unwrap_or(Datum::Value(Value::Null)))
}

fn eval_operand(operand: &Operand, scope: Scope<'_>) -> Result<Datum, TemplateError> {
    let value = match operand {
        Operand::Field(path) => lookup(scope.dot, path, ".")?,
        Operand::Root(path) => lookup(scope.root, path, "$.")?,
        Operand::Str(text) => Value::String(text.clone()),
        Operand::Int(number) => Value::from(*number),
        Operand::Bool(flag) => Value::Bool(*flag),
        Operand::Nil => Value::Null,
        Operand::Sub(pipeline) => return eval_pipeline(pipeline, scope),
    };
    Ok(Datum::Value(value))
}

/// Follows a field path; a missing field is an error so typos surface when the channel
/// is built, not as blank alerts.
fn lookup(base: &Value, path: &[String], prefix: &str) -> Result<Value, TemplateError> {
    let mut current = base;
    for (depth, segment) in path.iter().enumerate() {
        match current.get(segment) {
            Some(next) => current = next,
            None if current.is_null() && depth > 0 => return Ok(Value::Null),
            None => {
                let shown = format!("{prefix}{}", path[..=depth].join("."));
                return Err(TemplateError::UnknownField(shown));
            }
        }
    }
    Ok(current.clone())
}

/// Go's truth: false, 0, "", nil and empty collections are false.
pub(super) fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64().is_some_and(|n| n != 0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// How a value prints in text: strings bare, nil empty, lists as Go prints them.
pub(super) fn display(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => {
            let shown: Vec<String> = items.iter().map(display).collect();
            format!("[{}]", shown.join(" "))
        }
        other => other.to_string(),
    }
}

pub(super) fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "nil",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a map",
    }
}

//! The subset of Go `text/template` that AlertChannel templates (`messageTemplate`,
//! `payloadTemplate`, `subjectTemplate`, `bodyTemplate`) are written in, so manifests
//! written for the Go operator keep working:
//!
//! - `{{ .Field.Path }}`, `{{ . }}`, `{{ $.Field }}`, pipelines `{{ .Title | upper }}`,
//!   parentheses, string/number/`true`/`false`/`nil` literals, `{{- trim -}}` markers and
//!   `{{/* comments */}}`;
//! - `{{ if }}` / `{{ else if }}` / `{{ else }}` / `{{ end }}` and `{{ range }}` (with
//!   `{{ else }}`);
//! - the Go operator's functions `upper`, `lower`, `truncate`, `jsonEscape`,
//!   `formatTime`, `humanizeDuration`, plus `eq`, `ne`, `not`, `and`, `or`, `len`,
//!   `join`, `trim`.
//!
//! [`Template::render_json`] renders a webhook payload: every value is escaped for where
//! it lands (inside a JSON string it is string-escaped; outside it becomes a JSON value),
//! and the result is parsed before it is sent. So quotes or newlines in a message can
//! never break the payload, the Go operator's bug. Field names follow the Go operator's
//! `Alert` struct ([`data`]); an unknown field is an error when the channel is built.

mod data;
mod eval;
mod funcs;
mod lex;
mod parse;
mod time;

use serde_json::Value;

pub use data::notification_data;

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    nodes: Vec<parse::Node>,
}

/// What is wrong with a template or with rendering it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("unclosed action: {{{{ without }}}}")]
    Unclosed,
    #[error("syntax error in {{{{{action}}}}}: {message}")]
    Syntax { action: String, message: String },
    #[error("unknown function {0:?}")]
    UnknownFunction(String),
    #[error("{function} takes {expected} argument(s), got {got}")]
    Arity {
        function: &'static str,
        expected: &'static str,
        got: usize,
    },
    #[error("{{{{{0}}}}} is not supported (use if, else, range and end)")]
    Unsupported(String),
    #[error("{{{{{0}}}}} without a block to end")]
    Unexpected(String),
    #[error("{{{{{0}}}}} block is never closed with {{{{end}}}}")]
    UnclosedBlock(&'static str),
    #[error("unknown field {0}")]
    UnknownField(String),
    #[error("{function}: {message}")]
    BadArgument {
        function: &'static str,
        message: String,
    },
    #[error("the rendered payload is not valid JSON: {0}")]
    InvalidJson(String),
}

impl Template {
    pub fn parse(source: &str) -> Result<Self, TemplateError> {
        let pieces = lex::split(source)?;
        let nodes = parse::parse(pieces)?;
        Ok(Self { nodes })
    }

    /// Renders plain text (Slack text, e-mail subject and body).
    pub fn render_text(&self, data: &Value) -> Result<String, TemplateError> {
        let mut out = eval::Output::text();
        eval::render(&self.nodes, data, &mut out)?;
        Ok(out.finish())
    }

    /// Renders a JSON document, escaping each value for where it lands, and checks the
    /// result parses as JSON.
    pub fn render_json(&self, data: &Value) -> Result<String, TemplateError> {
        let mut out = eval::Output::json();
        eval::render(&self.nodes, data, &mut out)?;
        let rendered = out.finish();
        serde_json::from_str::<Value>(&rendered)
            .map_err(|error| TemplateError::InvalidJson(error.to_string()))?;
        Ok(rendered)
    }
}

/// Parses `source` and renders it once against a sample alert, so a typo in a field name
/// or (for a payload) output that is not JSON is a configuration error when the channel
/// is built, not a failed delivery later.
pub(crate) fn compile(
    field: &'static str,
    source: &str,
    json: bool,
) -> Result<Template, crate::error::ConfigError> {
    let invalid = |error: TemplateError| crate::error::ConfigError::InvalidTemplate {
        field,
        message: error.to_string(),
    };
    let template = Template::parse(source).map_err(invalid)?;
    let mut sample = crate::notification::Notification::test("check", jiff::Timestamp::UNIX_EPOCH);
    sample.context.logs = Some("sample \"log\"\nline".to_owned());
    sample.context.events = vec!["Sample: event".to_owned()];
    let data = notification_data(&sample);
    if json {
        template.render_json(&data).map_err(invalid)?;
    } else {
        template.render_text(&data).map_err(invalid)?;
    }
    Ok(template)
}

#[cfg(test)]
mod tests;

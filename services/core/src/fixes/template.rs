//! Suggestion templates: the subset of Go `text/template` the operator's suggestions use —
//! `{{.Namespace}}`, `{{.Name}}`, `{{.JobName}}`, `{{.ExitCode}}`, `{{.Reason}}`, spaces
//! inside the braces allowed. Anything else between `{{` and `}}` is rejected when the
//! pattern is compiled, so a typo becomes a status condition instead of odd alert text.

/// A parsed suggestion template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Template {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Text(String),
    Field(Field),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Namespace,
    Name,
    JobName,
    ExitCode,
    Reason,
}

/// Values substituted into a template.
#[derive(Debug, Clone, Copy)]
pub(super) struct Values<'a> {
    pub(super) namespace: &'a str,
    pub(super) name: &'a str,
    pub(super) job_name: &'a str,
    pub(super) exit_code: Option<i32>,
    pub(super) reason: Option<&'a str>,
}

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TemplateError {
    Unclosed,
    UnknownPlaceholder(String),
}

impl Template {
    pub(super) fn parse(text: &str) -> Result<Self, TemplateError> {
        let mut segments = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            if open > 0 {
                segments.push(Segment::Text(rest[..open].to_owned()));
            }
            let after_open = &rest[open + 2..];
            let close = after_open.find("}}").ok_or(TemplateError::Unclosed)?;
            let inner = after_open[..close].trim();
            let field = match inner {
                ".Namespace" => Field::Namespace,
                ".Name" => Field::Name,
                ".JobName" => Field::JobName,
                ".ExitCode" => Field::ExitCode,
                ".Reason" => Field::Reason,
                other => return Err(TemplateError::UnknownPlaceholder(other.to_owned())),
            };
            segments.push(Segment::Field(field));
            rest = &after_open[close + 2..];
        }
        if !rest.is_empty() {
            segments.push(Segment::Text(rest.to_owned()));
        }
        Ok(Self { segments })
    }

    /// The text with placeholders filled; an unknown exit code or reason reads `unknown`.
    pub(super) fn render(&self, values: &Values<'_>) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Field(Field::Namespace) => out.push_str(values.namespace),
                Segment::Field(Field::Name) => out.push_str(values.name),
                Segment::Field(Field::JobName) => out.push_str(values.job_name),
                Segment::Field(Field::ExitCode) => match values.exit_code {
                    Some(code) => out.push_str(&code.to_string()),
                    None => out.push_str("unknown"),
                },
                Segment::Field(Field::Reason) => out.push_str(values.reason.unwrap_or("unknown")),
            }
        }
        out
    }
}

//! google.api.http path templates turned into axum route paths.
//!
//! ```text
//!  /api/v1/cronjobs/{namespace}/{name}   →   /api/v1/cronjobs/{p0}/{p1}
//!  /v1/{path=**}                         →   /v1/{*p0}
//! ```
//!
//! Variables get positional axum names (`p0`, `p1`, ...) so two templates of the
//! same shape land on the same axum route, and field paths such as `parent.name`
//! never have to be valid axum parameter names. Variables with sub-patterns other
//! than `*`/`**` and custom verbs (`:cancel`) are refused when the gateway is built.

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PathTemplate {
    /// The route as axum 0.8 writes it.
    pub axum_path: String,
    /// The variables, in order of appearance.
    pub variables: Vec<Variable>,
}

/// One `{field}` of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Variable {
    /// The axum parameter name (`p0`).
    pub param: String,
    /// The request field the segment is bound to (`namespace`, `parent.name`).
    pub field_path: String,
}

/// Parses a template such as `/api/v1/cronjobs/{namespace}/{name}`.
pub(crate) fn parse(template: &str) -> Result<PathTemplate, String> {
    let Some(rest) = template.strip_prefix('/') else {
        return Err("must start with '/'".to_owned());
    };
    let segments = split_segments(rest);
    let mut axum_segments = Vec::with_capacity(segments.len());
    let mut variables = Vec::new();
    let mut wildcards = 0;
    for (index, segment) in segments.iter().enumerate() {
        let is_last = index + 1 == segments.len();
        let param = format!("p{wildcards}");
        let axum_segment = match parse_segment(segment)? {
            Segment::Literal => (*segment).to_owned(),
            Segment::Single(field) => bind(&mut variables, field, &param, false),
            Segment::Multi(field) if is_last => bind(&mut variables, field, &param, true),
            Segment::Multi(_) => return Err("'**' is only allowed in the last segment".to_owned()),
        };
        if axum_segment.starts_with('{') {
            wildcards += 1;
        }
        axum_segments.push(axum_segment);
    }
    Ok(PathTemplate {
        axum_path: format!("/{}", axum_segments.join("/")),
        variables,
    })
}

/// Splits on '/' outside braces, so `{name=projects/*}` stays one segment.
fn split_segments(path: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (index, character) in path.char_indices() {
        match character {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '/' if depth == 0 => {
                segments.push(&path[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    segments.push(&path[start..]);
    segments
}

enum Segment<'a> {
    Literal,
    /// `*` or `{field}` / `{field=*}`; the field is `None` for a bare wildcard.
    Single(Option<&'a str>),
    /// `**` or `{field=**}`.
    Multi(Option<&'a str>),
}

fn parse_segment(segment: &str) -> Result<Segment<'_>, String> {
    match segment {
        "" => return Err("empty path segment".to_owned()),
        "*" => return Ok(Segment::Single(None)),
        "**" => return Ok(Segment::Multi(None)),
        _ => {}
    }
    if segment.contains(':') {
        return Err(format!("custom verbs are not supported ({segment:?})"));
    }
    let Some(inner) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
        if segment.contains(['{', '}', '*']) {
            return Err(format!("malformed segment {segment:?}"));
        }
        return Ok(Segment::Literal);
    };
    let (field, pattern) = inner.split_once('=').unwrap_or((inner, "*"));
    if !is_field_path(field) {
        return Err(format!("{field:?} is not a field path"));
    }
    match pattern {
        "*" => Ok(Segment::Single(Some(field))),
        "**" => Ok(Segment::Multi(Some(field))),
        other => Err(format!(
            "variable pattern {other:?} is not supported (only * and **)"
        )),
    }
}

fn is_field_path(text: &str) -> bool {
    !text.is_empty()
        && text.split('.').all(|ident| {
            ident.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// Records the variable (when named) and returns the axum segment.
fn bind(variables: &mut Vec<Variable>, field: Option<&str>, param: &str, multi: bool) -> String {
    if let Some(field) = field {
        variables.push(Variable {
            param: param.to_owned(),
            field_path: field.to_owned(),
        });
    }
    if multi {
        format!("{{*{param}}}")
    } else {
        format!("{{{param}}}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_become_positional_axum_parameters() {
        let parsed = parse("/api/v1/cronjobs/{namespace}/{name}/executions/{job_name}")
            .expect("valid template");
        assert_eq!(
            parsed.axum_path,
            "/api/v1/cronjobs/{p0}/{p1}/executions/{p2}"
        );
        let fields: Vec<_> = parsed
            .variables
            .iter()
            .map(|v| v.field_path.as_str())
            .collect();
        assert_eq!(fields, ["namespace", "name", "job_name"]);
        assert_eq!(parsed.variables[2].param, "p2");
    }

    #[test]
    fn wildcards_and_nested_fields_are_supported() {
        let parsed = parse("/v1/{parent.name=*}/files/{path=**}").expect("valid template");
        assert_eq!(parsed.axum_path, "/v1/{p0}/files/{*p1}");
        assert_eq!(parsed.variables[0].field_path, "parent.name");
        assert_eq!(
            parse("/v1/*/x").expect("bare wildcard").axum_path,
            "/v1/{p0}/x"
        );
        assert!(
            parse("/v1/*/x")
                .expect("bare wildcard")
                .variables
                .is_empty()
        );
    }

    #[test]
    fn unsupported_templates_are_refused_with_a_reason() {
        for (template, reason) in [
            ("api/v1", "start with '/'"),
            ("/v1/{name=projects/*}", "not supported"),
            ("/v1/{name}:cancel", "custom verbs"),
            ("/v1/{path=**}/tail", "last segment"),
            ("/v1//x", "empty path segment"),
            ("/v1/{9bad}", "not a field path"),
            ("/v1/a{b}", "malformed"),
        ] {
            let error = parse(template).expect_err(template);
            assert!(error.contains(reason), "{template}: {error}");
        }
    }
}

//! Suggested fixes: match a failed run against built-in and custom patterns and render the
//! best suggestion.
//!
//! Inputs are every container (init and regular; terminated exit codes and reasons *and*
//! waiting reasons such as `ImagePullBackOff` or `CrashLoopBackOff`), the pod and Job
//! reasons, the events and the log tail — the Go operator saw only the terminated
//! container's reason and exit code, so half its built-ins could never match.
//!
//! A pattern matches when every criterion it sets holds (it must set at least one). The
//! exit-code and reason criteria must hold for the *same* signal (one container state, the
//! pod or the Job); `logPattern` is searched in the log tail and `eventPattern` in each event.
//! Reasons compare case-insensitively. The highest `priority` wins (unset = 0, as in Go);
//! on equal priority custom patterns come first, then declaration order. A custom pattern
//! named like a built-in replaces it. Regexes are compiled once, by [`FixMatcher::compile`],
//! and every bad one is reported as a [`PatternError`].

mod builtin;
mod context;
mod template;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

pub use context::{ContainerState, FailureContext};
use context::{Signal, primary, signals};
use template::{Template, TemplateError, Values};

/// What the Go operator says when no pattern matches.
pub const FALLBACK_SUGGESTION: &str = "Check job logs and events for details.";

/// Compiled-regex size cap, so a hostile pattern cannot eat the controller's memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// `spec.alerting.suggestedFixPatterns[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixPattern {
    pub name: String,
    #[serde(rename = "match")]
    pub matcher: PatternMatch,
    pub suggestion: String,
    pub priority: Option<i32>,
}

/// `PatternMatch`: the criteria of one pattern.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PatternMatch {
    pub exit_code: Option<i32>,
    pub exit_code_range: Option<ExitCodeRange>,
    pub reason: Option<String>,
    pub reason_pattern: Option<String>,
    pub log_pattern: Option<String>,
    pub event_pattern: Option<String>,
}

/// `ExitCodeRange`, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExitCodeRange {
    pub min: i32,
    pub max: i32,
}

/// Why a custom pattern cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("pattern {pattern:?} sets no match criterion")]
    NoCriteria { pattern: String },
    #[error("pattern {pattern:?}: invalid {field}: {message}")]
    Regex {
        pattern: String,
        field: &'static str,
        message: String,
    },
    #[error("pattern {pattern:?}: exitCodeRange min {min} is above max {max}")]
    EmptyRange { pattern: String, min: i32, max: i32 },
    #[error("pattern {pattern:?}: suggestion has an unclosed {{{{")]
    UnclosedPlaceholder { pattern: String },
    #[error(
        "pattern {pattern:?}: unknown placeholder {{{{{placeholder}}}}} (use .Namespace, .Name, .JobName, .ExitCode or .Reason)"
    )]
    UnknownPlaceholder {
        pattern: String,
        placeholder: String,
    },
}

/// The chosen suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub pattern: String,
    pub text: String,
}

#[derive(Debug, Clone)]
struct CompiledPattern {
    name: String,
    priority: i32,
    criteria: PatternMatch,
    reason_pattern: Option<Regex>,
    log_pattern: Option<Regex>,
    event_pattern: Option<Regex>,
    template: Template,
}

/// Built-in and custom patterns, compiled and ordered.
#[derive(Debug, Clone)]
pub struct FixMatcher {
    patterns: Vec<CompiledPattern>,
}

impl FixMatcher {
    /// Compiles `custom` patterns together with the built-ins, reporting every bad one.
    pub fn compile(custom: &[FixPattern]) -> Result<Self, Vec<PatternError>> {
        let builtins = builtin::patterns()
            .into_iter()
            .filter(|builtin| custom.iter().all(|own| own.name != builtin.name));
        let mut patterns = Vec::new();
        let mut errors = Vec::new();
        for pattern in custom.iter().cloned().chain(builtins) {
            match compile_pattern(pattern) {
                Ok(compiled) => patterns.push(compiled),
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // Stable: equal priorities keep custom-first declaration order.
        patterns.sort_by_key(|pattern| std::cmp::Reverse(pattern.priority));
        Ok(Self { patterns })
    }

    /// The best suggestion for `context`, if any pattern matches.
    pub fn suggest(&self, context: &FailureContext) -> Option<Suggestion> {
        let signals = signals(context);
        self.patterns.iter().find_map(|pattern| {
            let signal = pattern.matches(context, &signals)?;
            let values = Values {
                namespace: &context.namespace,
                name: &context.name,
                job_name: &context.job_name,
                exit_code: signal.exit_code,
                reason: signal.reason,
            };
            Some(Suggestion {
                pattern: pattern.name.clone(),
                text: pattern.template.render(&values),
            })
        })
    }

    /// The best suggestion's text, or [`FALLBACK_SUGGESTION`].
    pub fn suggest_text(&self, context: &FailureContext) -> String {
        self.suggest(context).map_or_else(
            || FALLBACK_SUGGESTION.to_owned(),
            |suggestion| suggestion.text,
        )
    }
}

fn compile_pattern(pattern: FixPattern) -> Result<CompiledPattern, PatternError> {
    let name = pattern.name;
    let criteria = pattern.matcher;
    let regex =
        |field: &'static str, source: &Option<String>| -> Result<Option<Regex>, PatternError> {
            source
                .as_deref()
                .map(|text| RegexBuilder::new(text).size_limit(REGEX_SIZE_LIMIT).build())
                .transpose()
                .map_err(|error| PatternError::Regex {
                    pattern: name.clone(),
                    field,
                    message: error.to_string(),
                })
        };
    let reason_pattern = regex("reasonPattern", &criteria.reason_pattern)?;
    let log_pattern = regex("logPattern", &criteria.log_pattern)?;
    let event_pattern = regex("eventPattern", &criteria.event_pattern)?;
    if criteria == PatternMatch::default() {
        return Err(PatternError::NoCriteria { pattern: name });
    }
    if let Some(range) = criteria
        .exit_code_range
        .filter(|range| range.min > range.max)
    {
        return Err(PatternError::EmptyRange {
            pattern: name,
            min: range.min,
            max: range.max,
        });
    }
    let template = Template::parse(&pattern.suggestion).map_err(|error| match error {
        TemplateError::Unclosed => PatternError::UnclosedPlaceholder {
            pattern: name.clone(),
        },
        TemplateError::UnknownPlaceholder(placeholder) => PatternError::UnknownPlaceholder {
            pattern: name.clone(),
            placeholder,
        },
    })?;
    Ok(CompiledPattern {
        name,
        priority: pattern.priority.unwrap_or(0),
        criteria,
        reason_pattern,
        log_pattern,
        event_pattern,
        template,
    })
}

impl CompiledPattern {
    /// The signal the pattern matched (for its template), or `None` when it does not match.
    fn matches<'a>(&self, context: &FailureContext, signals: &[Signal<'a>]) -> Option<Signal<'a>> {
        let criteria = &self.criteria;
        if let Some(log) = &self.log_pattern
            && !log.is_match(context.log_tail.as_deref().unwrap_or_default())
        {
            return None;
        }
        if let Some(event) = &self.event_pattern
            && !context.events.iter().any(|line| event.is_match(line))
        {
            return None;
        }
        let names_signal = criteria.exit_code.is_some()
            || criteria.exit_code_range.is_some()
            || criteria.reason.is_some()
            || criteria.reason_pattern.is_some();
        if !names_signal {
            return Some(primary(signals));
        }
        signals
            .iter()
            .copied()
            .find(|signal| self.matches_signal(signal))
    }

    fn matches_signal(&self, signal: &Signal<'_>) -> bool {
        let criteria = &self.criteria;
        let exit_ok = criteria
            .exit_code
            .is_none_or(|wanted| signal.exit_code == Some(wanted));
        let range_ok = criteria.exit_code_range.is_none_or(|range| {
            signal
                .exit_code
                .is_some_and(|code| (range.min..=range.max).contains(&code))
        });
        let reason_ok = criteria.reason.as_deref().is_none_or(|wanted| {
            signal
                .reason
                .is_some_and(|reason| reason.eq_ignore_ascii_case(wanted))
        });
        let pattern_ok = self
            .reason_pattern
            .as_ref()
            .is_none_or(|regex| regex.is_match(signal.reason.unwrap_or_default()));
        exit_ok && range_ok && reason_ok && pattern_ok
    }
}

#[cfg(test)]
mod tests;

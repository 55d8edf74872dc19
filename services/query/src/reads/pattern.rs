//! `TestPattern`: tries one suggested-fix pattern on sample failure data with
//! the controller's own matcher (`guardian_core::fixes`). Pure: nothing is read
//! or stored.
//!
//! The matcher always holds the built-in patterns too; the tested pattern is
//! given the highest priority, so it wins whenever it matches, and "matched"
//! means the winning suggestion is the tested pattern's.

use guardian_api::InputError;
use guardian_api::v1::{PatternInput, PatternTestData, TestPatternRequest, TestPatternResponse};
use guardian_core::fixes::{
    ContainerState, ExitCodeRange, FailureContext, FixMatcher, FixPattern, PatternMatch,
};

use super::Reads;
use crate::error::Result;

impl Reads {
    pub async fn test_pattern(&self, request: &TestPatternRequest) -> Result<TestPatternResponse> {
        Ok(try_pattern(request)?)
    }
}

/// Runs the pattern of `request` against its test data.
pub fn try_pattern(request: &TestPatternRequest) -> Result<TestPatternResponse, InputError> {
    let input = request
        .pattern
        .as_ref()
        .ok_or_else(|| InputError::missing("pattern"))?;
    if input.name.is_empty() {
        return Err(InputError::missing("pattern.name"));
    }
    let data = request.test_data.clone().unwrap_or_default();
    let matcher = match FixMatcher::compile(&[fix_pattern(input)]) {
        Ok(matcher) => matcher,
        Err(errors) => {
            let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Ok(TestPatternResponse {
                matched: false,
                rendered_suggestion: None,
                error: Some(reasons.join("; ")),
            });
        }
    };
    let winner = matcher
        .suggest(&failure_context(data))
        .filter(|suggestion| suggestion.pattern == input.name);
    Ok(TestPatternResponse {
        matched: winner.is_some(),
        rendered_suggestion: winner.map(|suggestion| suggestion.text),
        error: None,
    })
}

fn fix_pattern(input: &PatternInput) -> FixPattern {
    let criteria = input.r#match.clone().unwrap_or_default();
    FixPattern {
        name: input.name.clone(),
        matcher: PatternMatch {
            exit_code: criteria.exit_code,
            exit_code_range: criteria.exit_code_range.map(|range| ExitCodeRange {
                min: range.min,
                max: range.max,
            }),
            reason: criteria.reason,
            reason_pattern: criteria.reason_pattern,
            log_pattern: criteria.log_pattern,
            event_pattern: criteria.event_pattern,
        },
        suggestion: input.suggestion.clone(),
        // Ahead of every built-in, so the tested pattern wins whenever it matches.
        priority: Some(i32::MAX),
    }
}

fn failure_context(data: PatternTestData) -> FailureContext {
    let reason = (!data.reason.is_empty()).then_some(data.reason);
    FailureContext {
        namespace: data.namespace,
        name: data.name,
        job_name: data.job_name,
        containers: vec![ContainerState {
            exit_code: Some(data.exit_code),
            terminated_reason: reason,
            ..ContainerState::default()
        }],
        events: data.events,
        log_tail: (!data.logs.is_empty()).then_some(data.logs),
        ..FailureContext::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use guardian_api::v1::PatternMatchInput;

    fn request(criteria: PatternMatchInput, suggestion: &str) -> TestPatternRequest {
        TestPatternRequest {
            pattern: Some(PatternInput {
                name: "disk-full".into(),
                r#match: Some(criteria),
                suggestion: suggestion.into(),
                priority: None,
            }),
            test_data: Some(PatternTestData {
                exit_code: 28,
                reason: "Error".into(),
                logs: "write failed: No space left on device\n".into(),
                namespace: "ops".into(),
                name: "backup".into(),
                job_name: "backup-123".into(),
                ..PatternTestData::default()
            }),
        }
    }

    #[test]
    fn a_matching_pattern_renders_its_suggestion_with_the_test_data() {
        let criteria = PatternMatchInput {
            log_pattern: Some("No space left".into()),
            ..PatternMatchInput::default()
        };
        let reply = try_pattern(&request(
            criteria,
            "Free disk for {{.Namespace}}/{{.JobName}} (exit {{.ExitCode}})",
        ))
        .expect("valid request");
        assert!(reply.matched, "{reply:?}");
        assert_eq!(
            reply.rendered_suggestion.as_deref(),
            Some("Free disk for ops/backup-123 (exit 28)")
        );
        assert_eq!(reply.error, None);
    }

    #[test]
    fn a_pattern_that_does_not_match_or_does_not_compile_says_so() {
        let other = PatternMatchInput {
            exit_code: Some(137),
            ..PatternMatchInput::default()
        };
        let reply = try_pattern(&request(other, "OOM")).expect("valid request");
        assert!(!reply.matched);
        assert_eq!(reply.rendered_suggestion, None);

        let broken = PatternMatchInput {
            log_pattern: Some("(unclosed".into()),
            ..PatternMatchInput::default()
        };
        let reply = try_pattern(&request(broken, "x")).expect("valid request");
        assert!(!reply.matched);
        assert!(
            reply
                .error
                .is_some_and(|error| error.contains("logPattern"))
        );

        let unnamed = TestPatternRequest::default();
        assert_eq!(
            try_pattern(&unnamed).expect_err("no pattern").field,
            "pattern"
        );
    }
}

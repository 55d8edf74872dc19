//! Which CronJobs a monitor watches: `spec.selector` of a CronJobMonitor.
//!
//! Rules (the Go operator's documentation, applied in *every* path — it ignored
//! `namespaceSelector` when recording and alerting):
//! - the namespace must pass every namespace condition that is set: listed in `namespaces`,
//!   labels matching `namespaceSelector`. With neither set, `allNamespaces: true` admits every
//!   namespace (the caller still drops its ignored ones) and `false` only the monitor's own;
//! - the CronJob must then pass every CronJob condition: `matchLabels`, each
//!   `matchExpressions` term, and `matchNames` when non-empty;
//! - an empty `namespaceSelector` (`{}`) matches every namespace, as Kubernetes selectors do.
//!
//! Invalid selectors are errors (status conditions), never "match nothing" silently:
//! `matchNames` with `allNamespaces` (a name is only unique within a namespace), unknown
//! operators, `In`/`NotIn` without values and `Exists`/`DoesNotExist` with values.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Labels of an object.
pub type Labels = BTreeMap<String, String>;

/// A Kubernetes `LabelSelectorRequirement`, operator unparsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Requirement {
    pub key: String,
    pub operator: String,
    #[serde(default)]
    pub values: Vec<String>,
}

/// A Kubernetes `LabelSelector`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelSelector {
    #[serde(default)]
    pub match_labels: Labels,
    #[serde(default)]
    pub match_expressions: Vec<Requirement>,
}

/// `spec.selector` of a CronJobMonitor.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CronJobSelector {
    #[serde(default)]
    pub match_labels: Labels,
    #[serde(default)]
    pub match_expressions: Vec<Requirement>,
    #[serde(default)]
    pub match_names: Vec<String>,
    #[serde(default)]
    pub namespaces: Vec<String>,
    pub namespace_selector: Option<LabelSelector>,
    #[serde(default)]
    pub all_namespaces: bool,
}

/// Why a selector cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectorError {
    #[error(
        "matchNames cannot be combined with allNamespaces: names are only unique within a namespace"
    )]
    NamesWithAllNamespaces,
    #[error(
        "unknown operator {operator:?} for key {key:?} (expected In, NotIn, Exists or DoesNotExist)"
    )]
    UnknownOperator { key: String, operator: String },
    #[error("operator {operator} for key {key:?} needs at least one value")]
    MissingValues { key: String, operator: &'static str },
    #[error("operator {operator} for key {key:?} takes no values")]
    UnexpectedValues { key: String, operator: &'static str },
}

/// The CronJob being tested.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub namespace: &'a str,
    pub name: &'a str,
    pub labels: &'a Labels,
    /// Labels of the CronJob's namespace (empty if unknown).
    pub namespace_labels: &'a Labels,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    key: String,
    operator: Operator,
    values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct CompiledLabels {
    terms: Vec<Term>,
}

/// A validated selector, ready to test many CronJobs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledSelector {
    own_namespace: String,
    all_namespaces: bool,
    namespaces: Vec<String>,
    namespace_labels: Option<CompiledLabels>,
    labels: CompiledLabels,
    names: Vec<String>,
}

impl CronJobSelector {
    /// Validates the selector of a monitor living in `monitor_namespace`.
    pub fn compile(&self, monitor_namespace: &str) -> Result<CompiledSelector, SelectorError> {
        if self.all_namespaces && !self.match_names.is_empty() {
            return Err(SelectorError::NamesWithAllNamespaces);
        }
        let namespace_labels = self
            .namespace_selector
            .as_ref()
            .map(|selector| {
                CompiledLabels::compile(&selector.match_labels, &selector.match_expressions)
            })
            .transpose()?;
        Ok(CompiledSelector {
            own_namespace: monitor_namespace.to_owned(),
            all_namespaces: self.all_namespaces,
            namespaces: self.namespaces.clone(),
            namespace_labels,
            labels: CompiledLabels::compile(&self.match_labels, &self.match_expressions)?,
            names: self.match_names.clone(),
        })
    }
}

/// One-shot form of [`CronJobSelector::compile`] then [`CompiledSelector::matches`].
pub fn selects(
    selector: &CronJobSelector,
    monitor_namespace: &str,
    candidate: &Candidate<'_>,
) -> Result<bool, SelectorError> {
    Ok(selector.compile(monitor_namespace)?.matches(candidate))
}

impl CompiledSelector {
    /// Whether the monitor watches `candidate`.
    pub fn matches(&self, candidate: &Candidate<'_>) -> bool {
        self.matches_namespace(candidate.namespace, candidate.namespace_labels)
            && self.labels.matches(candidate.labels)
            && (self.names.is_empty() || self.names.iter().any(|name| name == candidate.name))
    }

    /// Whether CronJobs in this namespace can be watched at all (useful to scope watches).
    pub fn matches_namespace(&self, namespace: &str, namespace_labels: &Labels) -> bool {
        if self.namespaces.is_empty() && self.namespace_labels.is_none() {
            return self.all_namespaces || namespace == self.own_namespace;
        }
        let listed =
            self.namespaces.is_empty() || self.namespaces.iter().any(|listed| listed == namespace);
        let labelled = self
            .namespace_labels
            .as_ref()
            .is_none_or(|selector| selector.matches(namespace_labels));
        listed && labelled
    }
}

impl CompiledLabels {
    fn compile(match_labels: &Labels, expressions: &[Requirement]) -> Result<Self, SelectorError> {
        let equalities = match_labels.iter().map(|(key, value)| Term {
            key: key.clone(),
            operator: Operator::In,
            values: vec![value.clone()],
        });
        let mut terms: Vec<Term> = equalities.collect();
        for requirement in expressions {
            terms.push(compile_requirement(requirement)?);
        }
        Ok(Self { terms })
    }

    fn matches(&self, labels: &Labels) -> bool {
        self.terms.iter().all(|term| {
            let value = labels.get(&term.key);
            match term.operator {
                Operator::In => value.is_some_and(|value| term.values.contains(value)),
                Operator::NotIn => value.is_none_or(|value| !term.values.contains(value)),
                Operator::Exists => value.is_some(),
                Operator::DoesNotExist => value.is_none(),
            }
        })
    }
}

fn compile_requirement(requirement: &Requirement) -> Result<Term, SelectorError> {
    let key = requirement.key.clone();
    let (operator, name) = match requirement.operator.as_str() {
        "In" => (Operator::In, "In"),
        "NotIn" => (Operator::NotIn, "NotIn"),
        "Exists" => (Operator::Exists, "Exists"),
        "DoesNotExist" => (Operator::DoesNotExist, "DoesNotExist"),
        other => {
            return Err(SelectorError::UnknownOperator {
                key,
                operator: other.to_owned(),
            });
        }
    };
    let needs_values = matches!(operator, Operator::In | Operator::NotIn);
    if needs_values && requirement.values.is_empty() {
        return Err(SelectorError::MissingValues {
            key,
            operator: name,
        });
    }
    if !needs_values && !requirement.values.is_empty() {
        return Err(SelectorError::UnexpectedValues {
            key,
            operator: name,
        });
    }
    Ok(Term {
        key,
        operator,
        values: requirement.values.clone(),
    })
}

#[cfg(test)]
mod tests;

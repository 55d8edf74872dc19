use proptest::prelude::*;

use super::*;

fn labels(pairs: &[(&str, &str)]) -> Labels {
    pairs
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

fn requirement(key: &str, operator: &str, values: &[&str]) -> Requirement {
    Requirement {
        key: key.into(),
        operator: operator.into(),
        values: values.iter().map(|value| (*value).to_owned()).collect(),
    }
}

fn check(
    selector: &CronJobSelector,
    namespace: &str,
    name: &str,
    cronjob: &Labels,
    namespace_labels: &Labels,
) -> bool {
    let candidate = Candidate {
        namespace,
        name,
        labels: cronjob,
        namespace_labels,
    };
    selects(selector, "team-a", &candidate).expect("test selectors are valid")
}

#[test]
fn an_empty_selector_watches_everything_in_the_monitor_namespace_only() {
    let none = Labels::new();
    let selector = CronJobSelector::default();
    assert!(check(&selector, "team-a", "backup", &none, &none));
    assert!(!check(&selector, "team-b", "backup", &none, &none));
}

#[test]
fn label_conditions_and_names_must_all_hold() {
    let selector = CronJobSelector {
        match_labels: labels(&[("tier", "critical")]),
        match_expressions: vec![
            requirement("team", "In", &["data", "ml"]),
            requirement("experimental", "DoesNotExist", &[]),
        ],
        match_names: vec!["backup".into(), "report".into()],
        ..CronJobSelector::default()
    };
    let none = Labels::new();
    let good = labels(&[("tier", "critical"), ("team", "ml")]);
    assert!(check(&selector, "team-a", "backup", &good, &none));
    assert!(
        !check(&selector, "team-a", "cleanup", &good, &none),
        "name not listed"
    );
    assert!(!check(
        &selector,
        "team-a",
        "backup",
        &labels(&[("tier", "critical"), ("team", "web")]),
        &none
    ));
    assert!(
        !check(
            &selector,
            "team-a",
            "backup",
            &labels(&[("tier", "critical")]),
            &none
        ),
        "In needs the key"
    );
    let experimental = labels(&[
        ("tier", "critical"),
        ("team", "ml"),
        ("experimental", "yes"),
    ]);
    assert!(!check(&selector, "team-a", "backup", &experimental, &none));
}

#[test]
fn not_in_matches_objects_without_the_key() {
    let selector = CronJobSelector {
        match_expressions: vec![requirement("env", "NotIn", &["dev"])],
        ..CronJobSelector::default()
    };
    let none = Labels::new();
    assert!(check(&selector, "team-a", "job", &none, &none));
    assert!(check(
        &selector,
        "team-a",
        "job",
        &labels(&[("env", "prod")]),
        &none
    ));
    assert!(!check(
        &selector,
        "team-a",
        "job",
        &labels(&[("env", "dev")]),
        &none
    ));
}

#[test]
fn namespace_list_and_namespace_selector_must_both_pass() {
    let prod = labels(&[("environment", "production")]);
    let none = Labels::new();
    let by_label = CronJobSelector {
        namespace_selector: Some(LabelSelector {
            match_labels: prod.clone(),
            ..LabelSelector::default()
        }),
        ..CronJobSelector::default()
    };
    assert!(check(&by_label, "payments", "job", &none, &prod));
    assert!(
        !check(&by_label, "team-a", "job", &none, &none),
        "the own namespace is not implied"
    );
    let both = CronJobSelector {
        namespaces: vec!["payments".into()],
        ..by_label.clone()
    };
    assert!(check(&both, "payments", "job", &none, &prod));
    assert!(!check(&both, "billing", "job", &none, &prod));
    assert!(!check(&both, "payments", "job", &none, &none));
    let listed = CronJobSelector {
        namespaces: vec!["payments".into(), "billing".into()],
        ..CronJobSelector::default()
    };
    assert!(
        check(&listed, "billing", "job", &none, &none)
            && !check(&listed, "team-a", "job", &none, &none)
    );
    let everything = CronJobSelector {
        namespace_selector: Some(LabelSelector::default()),
        ..CronJobSelector::default()
    };
    assert!(
        check(&everything, "anything", "job", &none, &none),
        "an empty selector matches all, as in Kubernetes"
    );
}

#[test]
fn all_namespaces_admits_every_namespace_unless_narrowed() {
    let none = Labels::new();
    let all = CronJobSelector {
        all_namespaces: true,
        match_labels: labels(&[("monitored", "true")]),
        ..CronJobSelector::default()
    };
    assert!(check(
        &all,
        "anything",
        "job",
        &labels(&[("monitored", "true")]),
        &none
    ));
    assert!(!check(&all, "anything", "job", &none, &none));
    let narrowed = CronJobSelector {
        all_namespaces: true,
        namespaces: vec!["payments".into()],
        ..CronJobSelector::default()
    };
    assert!(
        check(&narrowed, "payments", "job", &none, &none)
            && !check(&narrowed, "billing", "job", &none, &none)
    );
}

#[test]
fn invalid_selectors_are_errors_not_empty_matches() {
    let names_everywhere = CronJobSelector {
        all_namespaces: true,
        match_names: vec!["backup".into()],
        ..CronJobSelector::default()
    };
    assert_eq!(
        names_everywhere.compile("team-a"),
        Err(SelectorError::NamesWithAllNamespaces)
    );
    let bad_operator = CronJobSelector {
        match_expressions: vec![requirement("k", "Gt", &["1"])],
        ..CronJobSelector::default()
    };
    assert!(matches!(
        bad_operator.compile("team-a"),
        Err(SelectorError::UnknownOperator { .. })
    ));
    let no_values = CronJobSelector {
        match_expressions: vec![requirement("k", "In", &[])],
        ..CronJobSelector::default()
    };
    assert!(matches!(
        no_values.compile("team-a"),
        Err(SelectorError::MissingValues { operator: "In", .. })
    ));
    let bad_namespace_selector = CronJobSelector {
        namespace_selector: Some(LabelSelector {
            match_expressions: vec![requirement("k", "Exists", &["v"])],
            ..LabelSelector::default()
        }),
        ..CronJobSelector::default()
    };
    assert!(matches!(
        bad_namespace_selector.compile("team-a"),
        Err(SelectorError::UnexpectedValues {
            operator: "Exists",
            ..
        })
    ));
}

fn label_set() -> impl Strategy<Value = Labels> {
    prop::collection::btree_map(
        prop::sample::select(vec!["a", "b", "c"]).prop_map(str::to_owned),
        prop::sample::select(vec!["x", "y", "z"]).prop_map(str::to_owned),
        0..3,
    )
}

proptest! {
    #[test]
    fn operators_are_complements_and_match_labels_is_in(object in label_set(), key in "[abc]", value in "[xyz]") {
        let none = Labels::new();
        let with = |operator: &str, values: &[&str]| CronJobSelector { match_expressions: vec![requirement(&key, operator, values)], ..CronJobSelector::default() };
        let test = |selector: &CronJobSelector| check(selector, "team-a", "job", &object, &none);
        prop_assert_eq!(test(&with("In", &[&value])), !test(&with("NotIn", &[&value])));
        prop_assert_eq!(test(&with("Exists", &[])), !test(&with("DoesNotExist", &[])));
        let equality = CronJobSelector { match_labels: labels(&[(&key, &value)]), ..CronJobSelector::default() };
        prop_assert_eq!(test(&equality), test(&with("In", &[&value])));
        prop_assert_eq!(test(&equality), object.get(&key) == Some(&value));
    }
}

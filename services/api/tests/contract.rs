//! The REST contract of REST-API.md, checked against the descriptor set: every
//! row's method and path is an annotated RPC, every query parameter is a field of
//! the request, and every response type has the documented JSON field names,
//! with `?` fields (omitted when empty) having presence and the others not.

use prost_reflect::{DescriptorPool, Kind, MessageDescriptor, Value};

/// (HTTP method, path template, RPC, query parameters or body fields).
const ROUTES: &[(&str, &str, &str, &[&str])] = &[
    ("get", "/api/v1/health", "QueryService.GetHealth", &[]),
    ("get", "/api/v1/stats", "QueryService.GetStats", &[]),
    (
        "get",
        "/api/v1/monitors",
        "QueryService.ListMonitors",
        &["namespace"],
    ),
    (
        "get",
        "/api/v1/monitors/{namespace}/{name}",
        "QueryService.GetMonitor",
        &[],
    ),
    (
        "get",
        "/api/v1/cronjobs",
        "QueryService.ListCronJobs",
        &["namespace", "status", "search"],
    ),
    (
        "get",
        "/api/v1/cronjobs/{namespace}/{name}",
        "QueryService.GetCronJob",
        &[],
    ),
    (
        "get",
        "/api/v1/cronjobs/{namespace}/{name}/executions",
        "QueryService.ListExecutions",
        &["limit", "offset", "since", "status", "pageToken"],
    ),
    (
        "get",
        "/api/v1/cronjobs/{namespace}/{name}/daily-stats",
        "QueryService.GetDailyStats",
        &["days"],
    ),
    (
        "get",
        "/api/v1/cronjobs/{namespace}/{name}/executions/{job_name}",
        "QueryService.GetExecution",
        &[],
    ),
    (
        "get",
        "/api/v1/cronjobs/{namespace}/{name}/executions/{job_name}/logs",
        "QueryService.GetExecutionLogs",
        &["container", "tailLines"],
    ),
    (
        "delete",
        "/api/v1/cronjobs/{namespace}/{name}/history",
        "ControlService.DeleteHistory",
        &[],
    ),
    (
        "post",
        "/api/v1/cronjobs/{namespace}/{name}/trigger",
        "ControlService.TriggerCronJob",
        &[],
    ),
    (
        "post",
        "/api/v1/cronjobs/{namespace}/{name}/suspend",
        "ControlService.SuspendCronJob",
        &[],
    ),
    (
        "post",
        "/api/v1/cronjobs/{namespace}/{name}/resume",
        "ControlService.ResumeCronJob",
        &[],
    ),
    (
        "get",
        "/api/v1/alerts",
        "QueryService.ListAlerts",
        &["severity", "type", "namespace", "cronjob"],
    ),
    (
        "get",
        "/api/v1/alerts/history",
        "QueryService.ListAlertHistory",
        &["limit", "offset", "severity", "since"],
    ),
    (
        "post",
        "/api/v1/patterns/test",
        "QueryService.TestPattern",
        &["pattern", "testData"],
    ),
    ("get", "/api/v1/channels", "QueryService.ListChannels", &[]),
    (
        "get",
        "/api/v1/channels/{name}",
        "QueryService.GetChannel",
        &[],
    ),
    (
        "post",
        "/api/v1/channels/{name}/test",
        "ControlService.TestChannel",
        &[],
    ),
    ("get", "/api/v1/config", "QueryService.GetConfig", &[]),
    (
        "get",
        "/api/v1/admin/storage-stats",
        "QueryService.GetStorageStats",
        &[],
    ),
    (
        "post",
        "/api/v1/admin/prune",
        "ControlService.Prune",
        &["olderThanDays", "dryRun"],
    ),
    (
        "get",
        "/api/v1/events",
        "EventService.Subscribe",
        &["afterSequence"],
    ),
];

/// REST-API.md's response types: message, then JSON names (`?` = omitted when empty).
const RESPONSES: &[(&str, &str)] = &[
    (
        "GetHealthResponse",
        "status storage leader version uptime analyzerEnabled schedulersRunning",
    ),
    (
        "GetStatsResponse",
        "totalMonitors totalCronJobs summary activeAlerts executionsRecorded24h",
    ),
    ("SummaryStats", "healthy warning critical suspended running"),
    (
        "ActiveJobItem",
        "name startTime runningDuration? podPhase? podName? ready?",
    ),
    ("ListMonitorsResponse", "items"),
    (
        "MonitorListItem",
        "name namespace cronJobCount summary activeAlerts lastReconcile? phase",
    ),
    ("ListCronJobsResponse", "items summary"),
    (
        "CronJobListItem",
        "name namespace status schedule timezone? suspended successRate lastSuccess? \
         lastRunDuration? nextRun? activeJobs activeAlerts monitorRef?",
    ),
    (
        "GetCronJobResponse",
        "name namespace status schedule timezone? suspended monitorRef? metrics? \
         lastExecution? nextRun? activeJobs activeAlerts",
    ),
    (
        "CronJobMetrics",
        "successRate7d successRate30d totalRuns7d successfulRuns7d failedRuns7d \
         avgDurationSeconds p50DurationSeconds p95DurationSeconds p99DurationSeconds",
    ),
    (
        "ExecutionSummary",
        "jobName status startTime completionTime? duration exitCode",
    ),
    ("ListExecutionsResponse", "items pagination"),
    (
        "ExecutionItem",
        "id jobName status startTime completionTime? duration exitCode reason? isRetry",
    ),
    ("Pagination", "total limit offset hasMore"),
    (
        "GetExecutionLogsResponse",
        "jobName container logs truncated",
    ),
    ("ListAlertsResponse", "items total bySeverity"),
    (
        "AlertItem",
        "id type severity title message cronjob? monitor? since lastNotified? context?",
    ),
    ("AlertContext", "exitCode? reason? suggestedFix?"),
    ("ListAlertHistoryResponse", "items pagination"),
    (
        "AlertHistoryItem",
        "id type severity title message cronjob? occurredAt resolvedAt? channelsNotified \
         exitCode? reason? suggestedFix?",
    ),
    ("ListChannelsResponse", "items summary"),
    ("ChannelListItem", "name type ready config? stats lastTest?"),
    (
        "ChannelStats",
        "alertsSentTotal alertsFailedTotal lastAlertTime? lastFailedTime? lastFailedError? \
         consecutiveFailures",
    ),
    ("TestResult", "time result"),
    ("ChannelSummary", "total ready notReady"),
    ("TriggerCronJobResponse", "success jobName? message"),
    ("SuspendCronJobResponse", "success message? error?"),
    ("ResumeCronJobResponse", "success message? error?"),
    ("TestChannelResponse", "success message? error?"),
    ("DeleteHistoryResponse", "success recordsDeleted message"),
    (
        "GetStorageStatsResponse",
        "executionCount storageType healthy retentionDays logStorageEnabled",
    ),
    (
        "PruneResponse",
        "success recordsPruned dryRun cutoff olderThanDays message",
    ),
    (
        "ExecutionDetail",
        "id cronJobNamespace cronJobName cronJobUID? jobName status startTime \
         completionTime? duration exitCode reason? isRetry retryOf? storedLogs? storedEvents?",
    ),
    ("TestPatternRequest", "pattern testData"),
    ("PatternInput", "name match suggestion priority?"),
    (
        "PatternMatchInput",
        "exitCode? exitCodeRange? reason? reasonPattern? logPattern? eventPattern?",
    ),
    ("ExitCodeRangeInput", "min max"),
    (
        "PatternTestData",
        "exitCode reason logs events namespace name jobName",
    ),
    ("TestPatternResponse", "matched renderedSuggestion? error?"),
];

fn pool() -> DescriptorPool {
    DescriptorPool::decode(guardian_api::FILE_DESCRIPTOR_SET).expect("descriptor set decodes")
}

fn message(pool: &DescriptorPool, name: &str) -> MessageDescriptor {
    pool.get_message_by_name(&format!("guardian.v1.{name}"))
        .unwrap_or_else(|| panic!("message guardian.v1.{name} exists"))
}

/// Returns (method, path, body) of the RPC's google.api.http rule.
fn http_rule(pool: &DescriptorPool, rpc: &str) -> (String, String, String) {
    let (service, method) = rpc.split_once('.').expect("Service.Method");
    let service = pool
        .get_service_by_name(&format!("guardian.v1.{service}"))
        .unwrap_or_else(|| panic!("service {service} exists"));
    let method = service
        .methods()
        .find(|m| m.name() == method)
        .expect("method exists");
    let extension = pool
        .get_extension_by_name("google.api.http")
        .expect("http extension");
    let options = method.options();
    let Value::Message(rule) = options.get_extension(&extension).into_owned() else {
        panic!("{rpc} has an http rule message");
    };
    let text = |field: &str| {
        rule.get_field_by_name(field)
            .and_then(|v| v.as_str().map(str::to_owned))
    };
    let (verb, path) = ["get", "put", "post", "delete", "patch"]
        .into_iter()
        .find_map(|verb| {
            text(verb)
                .filter(|p| !p.is_empty())
                .map(|p| (verb.to_owned(), p))
        })
        .unwrap_or_else(|| panic!("{rpc} has a verb"));
    (verb, path, text("body").unwrap_or_default())
}

#[test]
fn every_rest_route_is_an_annotated_rpc_with_its_query_parameters() {
    let pool = pool();
    for (verb, path, rpc, params) in ROUTES {
        let (rule_verb, rule_path, body) = http_rule(&pool, rpc);
        assert_eq!(
            (rule_verb.as_str(), rule_path.as_str()),
            (*verb, *path),
            "{rpc}"
        );
        let (service, method) = rpc.split_once('.').expect("Service.Method");
        let input = pool
            .get_service_by_name(&format!("guardian.v1.{service}"))
            .and_then(|s| s.methods().find(|m| m.name() == method))
            .map(|m| m.input())
            .expect("input type");
        for param in *params {
            assert!(
                input.get_field_by_json_name(param).is_some(),
                "{rpc} has parameter {param}"
            );
        }
        let takes_body = ["post", "put", "patch"].contains(verb) && !params.is_empty();
        assert_eq!(body == "*", takes_body, "{rpc} body mapping");
    }
}

#[test]
fn response_messages_have_the_documented_json_names_and_presence() {
    let pool = pool();
    for (name, fields) in RESPONSES {
        let descriptor = message(&pool, name);
        for spec in fields.split_whitespace() {
            let (json_name, omitted_when_empty) = match spec.strip_suffix('?') {
                Some(json_name) => (json_name, true),
                None => (spec, false),
            };
            let field = descriptor
                .get_field_by_json_name(json_name)
                .unwrap_or_else(|| panic!("{name} has JSON field {json_name}"));
            let is_message = matches!(field.kind(), Kind::Message(_));
            if field.is_list() || field.is_map() || is_message {
                continue;
            }
            assert_eq!(
                field.supports_presence(),
                omitted_when_empty,
                "{name}.{json_name}: presence must match REST-API.md's `?`"
            );
        }
    }
}

#[test]
fn enums_start_with_an_unspecified_zero_value() {
    let pool = pool();
    for enumeration in pool
        .all_enums()
        .filter(|e| e.package_name() == "guardian.v1")
    {
        let zero = enumeration.get_value(0).expect("zero value");
        assert!(
            zero.name().ends_with("_UNSPECIFIED"),
            "{}",
            enumeration.full_name()
        );
    }
}

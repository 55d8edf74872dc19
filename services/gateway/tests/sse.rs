//! Server-streaming RPCs over REST: Server-Sent Events with the sequence as the
//! event id, resumable through `Last-Event-ID`.

mod support;

use http::Method;
use support::fakes::FAILING_STREAM_AFTER;
use support::{TestServer, parse_sse};

#[tokio::test]
async fn server_streams_become_server_sent_events_with_sequence_ids() {
    let server = TestServer::start().await;
    let reply = server.get("/api/v1/events?afterSequence=10").await;

    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.content_type(), "text/event-stream");
    assert_eq!(reply.headers["x-accel-buffering"], "no");
    let events = parse_sse(&reply.body);
    let ids: Vec<_> = events
        .iter()
        .map(|e| e.id.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["11", "12", "13"]);
    let first: serde_json::Value = serde_json::from_str(&events[0].data).expect("JSON data");
    assert_eq!(
        first["sequence"], 11,
        "the event itself is the data (response_body: event)"
    );
    assert_eq!(first["epoch"], 2);
    assert_eq!(first["time"], "2025-03-01T02:01:30Z");
    assert_eq!(
        first["historyDeleted"]["cronjob"],
        serde_json::json!({"namespace": "ops", "name": "backup"})
    );
    assert_eq!(first["historyDeleted"]["executionsDeleted"], 11);
    assert!(
        first.get("execution").is_none(),
        "only the set oneof member is written"
    );
}

#[tokio::test]
async fn last_event_id_resumes_after_the_last_seen_sequence() {
    let server = TestServer::start().await;
    let reply = server
        .send(
            Method::GET,
            "/api/v1/events?afterSequence=10",
            &[("last-event-id", "20")],
            "",
        )
        .await;
    let ids: Vec<_> = parse_sse(&reply.body)
        .into_iter()
        .filter_map(|e| e.id)
        .collect();
    assert_eq!(
        ids,
        ["21", "22", "23"],
        "Last-Event-ID wins over the original query"
    );

    let bad = server
        .send(
            Method::GET,
            "/api/v1/events",
            &[("last-event-id", "abc")],
            "",
        )
        .await;
    let problem = bad.problem(400, "INVALID_ARGUMENT");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Last-Event-ID")),
        "{problem}"
    );
}

#[tokio::test]
async fn a_failing_stream_ends_with_an_error_event_and_an_early_failure_is_a_problem() {
    let server = TestServer::start().await;
    let reply = server
        .get(&format!(
            "/api/v1/events?afterSequence={FAILING_STREAM_AFTER}"
        ))
        .await;
    assert_eq!(reply.status, 200);
    let events = parse_sse(&reply.body);
    assert_eq!(events.len(), 2, "{}", reply.body);
    assert_eq!(events[0].id.as_deref(), Some("101"));
    assert_eq!(events[1].event.as_deref(), Some("error"));
    let problem: serde_json::Value = serde_json::from_str(&events[1].data).expect("problem JSON");
    assert_eq!(problem["error"]["code"], "UNAVAILABLE");
    assert_eq!(problem["status"], 503);

    // Refused before the first message: a plain problem reply, not a stream.
    server
        .get("/api/v1/events?afterSequence=-1")
        .await
        .problem(400, "INVALID_ARGUMENT");
}

//! Acknowledge and silence an alert over REST through a query replica, with real
//! processes: the replica forwards to the leader's ControlService, the leader stores the
//! mark through a fenced transaction, and the replica's `GET /api/v1/alerts` shows it
//! (filters included). Bad input is a 400 problem, an unknown alert a 404.
//!
//! The alert is a dead-man's switch on a CronJob whose runs stopped ten minutes ago. Alert
//! ids contain `/`, so REST paths carry them percent-encoded. Waits are generous failure
//! guards (startup grace is off), never timing assertions.

use std::net::SocketAddr;
use std::time::Duration;

use guardian_integration::cluster::{LocalCluster, Timings, leader_of};
use guardian_integration::{http, wait_until};
use guardian_testkit::kube_api::scenario::JobEnd;
use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};

const DEADLINE: Duration = Duration::from_secs(240);
const NAMESPACE: &str = "team-q";

/// The id as one path segment.
fn encoded(id: &str) -> String {
    id.replace('%', "%25").replace('/', "%2F")
}

async fn alerts(api: SocketAddr, query: &str) -> anyhow::Result<Vec<Value>> {
    let body = http::get(api, &format!("/api/v1/alerts?{query}"))
        .await?
        .json()?;
    Ok(body["items"].as_array().cloned().unwrap_or_default())
}

/// A CronJob whose last run was ten minutes ago, watched by a dead-man's switch.
fn stopped_heartbeat(cluster: &LocalCluster) -> anyhow::Result<()> {
    let kube = &cluster.kube;
    kube.create_namespace(NAMESPACE)?;
    let cronjob = kube.create_cronjob(NAMESPACE, "heartbeat", "* * * * *", &[("app", "hb")])?;
    let started = Timestamp::now() - SignedDuration::from_mins(10);
    let job = kube.start_job(&cronjob, started)?;
    let end = JobEnd::succeeded(started + SignedDuration::from_secs(2));
    kube.finish_job(NAMESPACE, &job.metadata.name.unwrap_or_default(), &end)?;
    kube.apply(json!({
        "apiVersion": "guardian.illenium.net/v1alpha1",
        "kind": "CronJobMonitor",
        "metadata": {"name": "hb-watch", "namespace": NAMESPACE},
        "spec": {
            "selector": {"matchLabels": {"app": "hb"}},
            "deadManSwitch": {"autoFromSchedule": {"enabled": true, "buffer": "30s"}},
        },
    }))?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alerts_are_acknowledged_and_silenced_over_rest_through_a_query_replica()
-> anyhow::Result<()> {
    let mut cluster = LocalCluster::new("it_alert_mutes", Timings::default()).await?;
    cluster.env = vec![(
        "GUARDIAN_SCHEDULER_STARTUP_GRACE_PERIOD".into(),
        "0s".into(),
    )];
    stopped_heartbeat(&cluster)?;
    let controller = cluster.controller("controller-a").await?;
    leader_of(&[&controller], Duration::from_secs(60)).await?;
    let replica = cluster.query("query-a").await?;
    let api = replica.addresses.http;

    let query = format!("namespace={NAMESPACE}&cronjob=heartbeat");
    let alert = wait_until("a dead-man alert on REST", DEADLINE, || async {
        alerts(api, &query).await.ok()?.into_iter().next()
    })
    .await?;
    let id = alert["id"].as_str().unwrap_or_default().to_owned();
    let kind = alert["type"].as_str().unwrap_or_default().to_owned();
    assert!(id.contains('/') && !kind.is_empty(), "{alert}");
    assert!(alert.get("acknowledgement").is_none(), "{alert}");
    assert_eq!(alerts(api, &format!("{query}&type={kind}")).await?.len(), 1);
    assert!(
        alerts(api, &format!("{query}&type=jobFailed"))
            .await?
            .is_empty()
    );

    let acknowledge = format!("/api/v1/alerts/{}/acknowledge", encoded(&id));
    let body = json!({"acknowledgedBy": "alice", "note": "looking into it"}).to_string();
    let acked = http::request(api, "POST", &acknowledge, Some(&body)).await?;
    assert_eq!(acked.status, 200, "{}", acked.body);
    assert_eq!(acked.json()?["success"], true, "{}", acked.body);
    let shown = alerts(api, &query).await?;
    assert_eq!(shown[0]["acknowledgement"]["by"], "alice", "{shown:?}");
    assert_eq!(shown[0]["acknowledgement"]["note"], "looking into it");

    let silence = format!("/api/v1/alerts/{}/silence", encoded(&id));
    let body = json!({"duration": "3600s", "reason": "deploying", "silencedBy": "bob"});
    let silenced = http::request(api, "POST", &silence, Some(&body.to_string())).await?;
    assert_eq!(silenced.status, 200, "{}", silenced.body);
    let until = silenced.json()?["silencedUntil"].clone();
    let until_at: Timestamp = until.as_str().unwrap_or_default().parse()?;
    assert!(
        until_at > Timestamp::now() + SignedDuration::from_mins(50),
        "{until}"
    );
    let shown = alerts(api, &query).await?;
    assert_eq!(shown[0]["silence"]["until"], until, "{shown:?}");
    assert_eq!(shown[0]["silence"]["by"], "bob");
    assert_eq!(shown[0]["acknowledgement"]["by"], "alice", "both kept");

    let bad = json!({"duration": "-5s"}).to_string();
    let refused = http::request(api, "POST", &silence, Some(&bad)).await?;
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.content_type.starts_with("application/problem+json"));
    assert!(refused.body.contains("duration"), "{}", refused.body);
    let unknown = format!("/api/v1/alerts/{}/acknowledge", encoded("team-q/nope"));
    let missing = http::request(api, "POST", &unknown, Some("{}")).await?;
    assert_eq!(missing.status, 404, "{}", missing.body);
    Ok(())
}

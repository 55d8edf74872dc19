use jiff::Timestamp;

use super::*;
use crate::fixtures::{CRONJOB_UID, cronjob, pod, terminated, waiting};
use crate::view::JobConditionView;

const UUID: &str = "3f2b8c1e-5d4a-4e6f-8a7b-9c0d1e2f3a4b";
const CRONJOB_UUID: &str = "5b0c1e7a-2d3f-4a1b-9c8d-7e6f5a4b3c2d";

fn at(second: i64) -> Timestamp {
    Timestamp::new(1_735_696_800 + second, 0).expect("valid timestamp")
}

fn roundtrip<V: Indexed + PartialEq + std::fmt::Debug>(view: &V) -> usize {
    let entry = view.to_entry();
    assert_eq!(V::from_entry(&entry).as_ref(), Some(view));
    entry.len()
}

#[test]
fn cronjob_views_decode_as_they_were_applied() {
    let mut view = CronJobView::from_cronjob(&cronjob("backup", CRONJOB_UID, "0 2 * * *"))
        .expect("fixture is complete");
    roundtrip(&view);
    view.labels.insert("tier".into(), "critical".into());
    view.time_zone = Some("Europe/Paris".into());
    view.suspend = true;
    view.last_schedule_time = Some(at(60));
    view.last_successful_time = Some(Timestamp::new(1, 999_999_999).expect("valid"));
    view.active_jobs = vec!["backup-1".into(), "backup-2".into()];
    view.generation = Some(-3);
    roundtrip(&view);
    view.generation = Some(0);
    roundtrip(&view);
}

#[test]
fn job_views_decode_as_they_were_applied() {
    let mut job = JobView {
        uid: UUID.into(),
        namespace: "ops".into(),
        name: "backup-29000000".into(),
        cronjob: "backup".into(),
        cronjob_uid: Some(CRONJOB_UID.into()),
        manual: true,
        created_at: at(0),
        started_at: Some(at(1)),
        completion_time: None,
        conditions: vec![
            JobConditionView {
                kind: "SuccessCriteriaMet".into(),
                reason: Some("CompletionsReached".into()),
                transitioned_at: Some(at(5)),
            },
            JobConditionView {
                kind: "Complete".into(),
                reason: None,
                transitioned_at: None,
            },
        ],
        active: 0,
        succeeded: 1,
        failed: -1,
    };
    let size = roundtrip(&job);
    assert!(size < 120, "a finished Job takes {size} bytes");
    job.cronjob_uid = None;
    job.uid = "not-a-uuid".into();
    job.conditions.clear();
    roundtrip(&job);
}

#[test]
fn pod_summaries_decode_as_they_were_applied() {
    let started = "2025-01-01T02:00:06Z";
    let containers = serde_json::json!({
        "initContainerStatuses": [terminated("setup", 0, "Completed")],
        "containerStatuses": [
            waiting("main", "CrashLoopBackOff", Some(137)),
            {"name": "sidecar", "image": "b", "imageID": "", "ready": true,
             "restartCount": 0, "state": {"running": {}}},
            {"name": "odd", "image": "b", "imageID": "", "ready": false,
             "restartCount": 2, "state": {}},
        ],
    });
    let mut summary = pod("backup-1-x", "backup-1", UUID, started, containers);
    summary.reason = Some("Evicted".into());
    summary.node = Some("node-7".into());
    assert!(
        summary.containers.len() == 4,
        "fixture has every container phase"
    );
    roundtrip(&summary);
    summary.job_name = None;
    summary.job_uid = None;
    summary.uid = None;
    summary.phase = None;
    roundtrip(&summary);
    summary.job_name = Some(String::new());
    roundtrip(&summary);
}

#[test]
fn entries_order_as_their_keys_do() {
    let keys = [
        ("a", "z"),
        ("ab", "a"),
        ("b", ""),
        ("b", "a"),
        ("b", "a-1"),
        ("b", "a1"),
    ];
    let bytes: Vec<Vec<u8>> = keys
        .iter()
        .map(|(namespace, name)| JobView::key_bytes(&ObjectKey::new(*namespace, *name)))
        .collect();
    let mut sorted = bytes.clone();
    sorted.sort();
    assert_eq!(sorted, bytes);
}

/// Entry sizes of typical views: a finished scheduled Job, its Pod with one container,
/// a CronJob, all with UUIDs as an API server makes them; the numbers behind issue
/// 7's memory budget.
fn typical_sizes() -> [usize; 3] {
    let job_uid = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    let mut job = JobView::from_job(&crate::fixtures::job(
        "backup-29000000",
        job_uid,
        crate::fixtures::complete_status(0),
    ))
    .expect("fixture is a CronJob run");
    job.cronjob_uid = Some(CRONJOB_UUID.into());
    let status = serde_json::json!({
        "phase": "Succeeded",
        "containerStatuses": [terminated("main", 0, "Completed")],
    });
    let mut summary = pod(
        "backup-29000000-x7k2p",
        "backup-29000000",
        job_uid,
        "2025-01-01T02:00:06Z",
        status,
    );
    summary.uid = Some(UUID.into());
    let cronjob = CronJobView::from_cronjob(&cronjob("backup", CRONJOB_UUID, "0 2 * * *"))
        .expect("fixture is complete");
    [roundtrip(&job), roundtrip(&summary), roundtrip(&cronjob)]
}

#[test]
fn typical_entries_stay_small() {
    let [job, pod, cronjob] = typical_sizes();
    // Measured with the hand-written codec this replaced: 99, 125 and 97 bytes.
    assert!(
        job <= 100 && pod <= 128 && cronjob <= 100,
        "entry bytes: job {job}, pod {pod}, cronjob {cronjob}"
    );
}

#[test]
fn truncated_or_padded_entries_do_not_decode() {
    let view = CronJobView::from_cronjob(&cronjob("backup", CRONJOB_UUID, "0 2 * * *"))
        .expect("fixture is complete");
    let entry = view.to_entry();
    assert!(CronJobView::from_entry(&entry[..entry.len() - 1]).is_none());
    let mut padded = entry.to_vec();
    padded.push(0);
    assert!(CronJobView::from_entry(&padded).is_none());
    assert!(CronJobView::from_entry(&entry[..3]).is_none());
}

//! The replica's read model: the main reads are answered from memory until an event
//! says their CronJob changed, and a read made after the event arrived sees the change.
//!
//! Rows are deleted behind the replica's back (plain SQL, no outbox event) to tell a
//! reply from memory apart from a reply from the database.

mod support;

use guardian_api::v1::query_service_client::QueryServiceClient;
use guardian_api::v1::{
    GetCronJobRequest, ListCronJobsRequest, ListExecutionsRequest, ListExecutionsResponse,
};
use guardian_core::{CronJobRef, Epoch, Outcome};
use guardian_store::{Backend, Store};
use jiff::Timestamp;
use support::{TestPlane, TestStore, cronjob, eventually, fast_config, record, run};
use tonic::transport::Channel;

type Client = QueryServiceClient<Channel>;

async fn seed(store: &Store, now: Timestamp) -> Epoch {
    let epoch = store.acquire_epoch().await.expect("epoch");
    let mut tx = store.begin_fenced(epoch).await.expect("fenced tx");
    for name in ["backup", "report"] {
        tx.upsert_cronjob(&cronjob("ops", name, now))
            .await
            .expect("cronjob stored");
    }
    tx.commit().await.expect("commit");
    let backup = CronJobRef::new("ops", "backup");
    let report = CronJobRef::new("ops", "report");
    let runs = [
        run(&backup, "backup-1", now, 600, Some(10), Outcome::Succeeded),
        run(&report, "report-1", now, 600, Some(10), Outcome::Failed),
    ];
    record(store, epoch, &runs).await;
    epoch
}

async fn executions(grpc: &mut Client, name: &str) -> ListExecutionsResponse {
    let request = ListExecutionsRequest {
        namespace: "ops".into(),
        name: name.into(),
        ..ListExecutionsRequest::default()
    };
    grpc.list_executions(request)
        .await
        .expect("list executions")
        .into_inner()
}

fn job_names(page: &ListExecutionsResponse) -> Vec<&str> {
    page.items
        .iter()
        .map(|item| item.job_name.as_str())
        .collect()
}

async fn last_job(grpc: &mut Client, name: &str) -> String {
    let request = GetCronJobRequest {
        namespace: "ops".into(),
        name: name.into(),
    };
    let reply = grpc.get_cron_job(request).await.expect("get cronjob");
    let last = reply.into_inner().last_execution.expect("a last execution");
    last.job_name
}

/// Deletes every recorded run without an outbox event.
async fn delete_runs_silently(test_store: &TestStore) {
    let Backend::PostgresUrl(url) = &test_store.config.backend else {
        panic!("the test runs on PostgreSQL");
    };
    let pool = sqlx::PgPool::connect(url).await.expect("database answers");
    sqlx::query("DELETE FROM executions")
        .execute(&pool)
        .await
        .expect("runs deleted");
    pool.close().await;
}

#[tokio::test]
async fn reads_come_from_memory_until_an_event_about_their_cronjob_arrives() {
    let test_store = TestStore::postgres().await;
    let now = Timestamp::now();
    let epoch = seed(&test_store.store, now).await;
    let plane = TestPlane::start(&test_store.store, &fast_config(&test_store.config)).await;
    let mut grpc = QueryServiceClient::new(plane.grpc().await);
    let seeded = test_store.store.last_sequence().await.expect("head").0;
    eventually("the replica follows the seeded events", || async {
        (plane.hub.head() >= seeded).then_some(())
    })
    .await;

    assert_eq!(
        job_names(&executions(&mut grpc, "backup").await),
        ["backup-1"]
    );
    assert_eq!(
        job_names(&executions(&mut grpc, "report").await),
        ["report-1"]
    );
    assert_eq!(last_job(&mut grpc, "backup").await, "backup-1");
    let list = ListCronJobsRequest {
        namespace: "ops".into(),
        ..ListCronJobsRequest::default()
    };
    let listed = grpc.list_cron_jobs(list.clone()).await.expect("list");
    let statuses = |reply: &guardian_api::v1::ListCronJobsResponse| {
        reply
            .items
            .iter()
            .map(|item| (item.name.clone(), item.status.clone()))
            .collect::<Vec<_>>()
    };
    let before = statuses(listed.get_ref());
    assert_eq!(
        before,
        [
            ("backup".into(), "healthy".into()),
            ("report".into(), "warning".into())
        ]
    );

    delete_runs_silently(&test_store).await;
    assert_eq!(
        job_names(&executions(&mut grpc, "backup").await),
        ["backup-1"],
        "no event said backup changed: the page comes from memory"
    );
    assert_eq!(last_job(&mut grpc, "backup").await, "backup-1");

    let backup = CronJobRef::new("ops", "backup");
    let newer = run(&backup, "backup-2", now, 60, Some(5), Outcome::Succeeded);
    record(&test_store.store, epoch, &[newer]).await;
    let head = test_store.store.last_sequence().await.expect("head").0;
    eventually("the replica receives the new run's event", || async {
        (plane.hub.head() >= head).then_some(())
    })
    .await;
    // No retry from here on: once the event is fanned out, reads must show it.
    assert_eq!(
        job_names(&executions(&mut grpc, "backup").await),
        ["backup-2"],
        "the event dropped backup's views: the database (without backup-1) answers"
    );
    assert_eq!(last_job(&mut grpc, "backup").await, "backup-2");
    assert_eq!(
        job_names(&executions(&mut grpc, "report").await),
        ["report-1"],
        "report was not touched: still from memory"
    );
    let after = grpc.list_cron_jobs(list).await.expect("list");
    assert_eq!(
        statuses(after.get_ref()),
        before,
        "report's failure is still known from memory"
    );
    plane.stop().await;
}

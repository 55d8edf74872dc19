//! `KubeLease` against the testkit's HTTP Kubernetes API stand-in, through kube-rs's real
//! client: resourceVersion compare-and-swap, and two electors handing leadership over.
//! Real time with short (valid) timings; waits are bounded only by generous guards.

use std::sync::Arc;
use std::time::Duration;

use guardian_election::{
    Claim, Elector, LeaseBackend, LeaseError, LeaseRecord, LeaseTimings, became_leader,
};
use guardian_kube::lease::{DEFAULT_LEASE_NAME, KubeLease};
use guardian_testkit::kube_api::KubeApi;
use jiff::Timestamp;
use k8s_openapi::api::coordination::v1::Lease;
use tokio::sync::watch;
use tokio::time::timeout;

const GUARD: Duration = Duration::from_secs(60);
const NAMESPACE: &str = "default";

fn quick_timings() -> LeaseTimings {
    LeaseTimings {
        lease_duration: Duration::from_secs(4),
        renew_deadline: Duration::from_secs(3),
        retry_period: Duration::from_millis(500),
    }
}

fn record(holder: &str, transitions: i32) -> LeaseRecord {
    LeaseRecord {
        holder: Some(holder.to_owned()),
        lease_duration: Duration::from_secs(15),
        acquired_at: Timestamp::from_second(1_700_000_000).expect("timestamp in range"),
        renewed_at: Timestamp::from_second(1_700_000_004).expect("timestamp in range"),
        transitions,
    }
}

fn stored_lease(api: &KubeApi) -> anyhow::Result<Lease> {
    api.get_obj::<Lease>(NAMESPACE, DEFAULT_LEASE_NAME)?
        .ok_or_else(|| anyhow::anyhow!("lease object missing"))
}

async fn wait_for(claims: &mut watch::Receiver<Claim>, wanted: Claim) -> anyhow::Result<()> {
    timeout(GUARD, claims.wait_for(|claim| *claim == wanted)).await??;
    Ok(())
}

fn elector(api: &KubeApi, identity: &str) -> anyhow::Result<Elector> {
    let backend = KubeLease::new(api.client()?, NAMESPACE);
    Ok(Elector::new(Arc::new(backend), identity, quick_timings())?)
}

#[tokio::test]
async fn kube_lease_writes_compare_and_swap_on_resource_version() -> anyhow::Result<()> {
    let api = KubeApi::start().await?;
    let lease = KubeLease::new(api.client()?, NAMESPACE);
    assert_eq!(lease.get().await?, None);

    let created = lease.try_update(None, &record("pod-a", 0)).await?;
    assert!(matches!(
        lease.try_update(None, &record("pod-b", 0)).await,
        Err(LeaseError::Conflict)
    ));
    let replaced = lease
        .try_update(Some(&created), &record("pod-b", 1))
        .await?;
    assert_ne!(created, replaced);
    assert!(matches!(
        lease.try_update(Some(&created), &record("pod-a", 2)).await,
        Err(LeaseError::Conflict)
    ));

    let read = lease.get().await?.expect("lease exists");
    assert_eq!(read.version, replaced);
    assert_eq!(read.record, record("pod-b", 1));
    // What kubectl would show: client-go's field names and a whole-second duration.
    let spec = stored_lease(&api)?.spec.expect("lease has a spec");
    assert_eq!(spec.holder_identity.as_deref(), Some("pod-b"));
    assert_eq!(spec.lease_duration_seconds, Some(15));
    assert_eq!(spec.lease_transitions, Some(1));
    Ok(())
}

#[tokio::test]
async fn two_electors_on_a_kubernetes_lease_hand_over_on_release() -> anyhow::Result<()> {
    let api = KubeApi::start().await?;
    let (first, mut first_claims) = elector(&api, "pod-a")?.spawn();
    assert_eq!(timeout(GUARD, became_leader(&mut first_claims)).await??, 1);
    let (second, mut second_claims) = elector(&api, "pod-b")?.spawn();
    let behind_a = Claim::Standby {
        holder: Some("pod-a".to_owned()),
    };
    wait_for(&mut second_claims, behind_a).await?;

    first.release().await?;
    assert_eq!(*first_claims.borrow(), Claim::Standby { holder: None });
    assert_eq!(timeout(GUARD, became_leader(&mut second_claims)).await??, 1);
    let spec = stored_lease(&api)?.spec.expect("lease has a spec");
    assert_eq!(spec.holder_identity.as_deref(), Some("pod-b"));
    assert_eq!(spec.lease_transitions, Some(1));

    second.release().await?;
    let spec = stored_lease(&api)?.spec.expect("lease has a spec");
    assert_eq!(spec.holder_identity, None, "released on shutdown");
    Ok(())
}

#[tokio::test]
async fn standby_takes_a_kubernetes_lease_over_from_a_killed_leader() -> anyhow::Result<()> {
    let api = KubeApi::start().await?;
    let (first, mut first_claims) = elector(&api, "pod-a")?.spawn();
    timeout(GUARD, became_leader(&mut first_claims)).await??;
    let (second, mut second_claims) = elector(&api, "pod-b")?.spawn();
    let behind_a = Claim::Standby {
        holder: Some("pod-a".to_owned()),
    };
    wait_for(&mut second_claims, behind_a).await?;

    first.abort();
    timeout(GUARD, became_leader(&mut second_claims)).await??;
    let spec = stored_lease(&api)?.spec.expect("lease has a spec");
    assert_eq!(spec.holder_identity.as_deref(), Some("pod-b"));
    second.release().await?;
    Ok(())
}

#[tokio::test]
async fn a_watch_on_the_lease_announces_releases_but_not_renewals() -> anyhow::Result<()> {
    let api = KubeApi::start().await?;
    let lease = KubeLease::new(api.client()?, NAMESPACE);
    let mut releases = lease
        .release_notifications()
        .ok_or_else(|| anyhow::anyhow!("a kubernetes lease offers release notifications"))?;
    let mut version = lease.try_update(None, &record("pod-a", 0)).await?;
    let released = LeaseRecord {
        holder: None,
        ..record("pod-a", 0)
    };
    // The watch starts in the background: release (and re-take) until it reports one,
    // bounded by a generous guard.
    timeout(GUARD, async {
        loop {
            version = lease.try_update(Some(&version), &released).await?;
            if timeout(Duration::from_millis(200), releases.released())
                .await
                .is_ok()
            {
                return Ok::<_, anyhow::Error>(());
            }
            version = lease
                .try_update(Some(&version), &record("pod-a", 0))
                .await?;
        }
    })
    .await??;
    // Watching now: a renewal by the holder is no release.
    version = lease
        .try_update(Some(&version), &record("pod-a", 1))
        .await?;
    lease
        .try_update(Some(&version), &record("pod-a", 1))
        .await?;
    assert!(
        timeout(Duration::from_millis(300), releases.released())
            .await
            .is_err(),
        "renewals wake nobody"
    );
    Ok(())
}

//! `ClusterWatch`: kube-rs watchers on CronJobs, Jobs and Pods (bookmarks, default
//! backoff, relist on `410 Gone`), cluster-wide or one per namespace, feeding the
//! [`Tracker`] and sending its [`Update`]s. Runs on every replica so standbys keep warm
//! indexes; whoever consumes the updates decides whether to write them.

use std::fmt::Debug;
use std::sync::Arc;

use futures::future::BoxFuture;
use futures::stream::{BoxStream, FuturesUnordered, select_all};
use futures::{FutureExt, StreamExt};
use guardian_core::{Clock, Execution, SystemClock};
use k8s_openapi::NamespaceResourceScope;
use k8s_openapi::api::core::v1::Pod;
use kube::runtime::{WatchStreamExt, watcher};
use kube::{Api, Client, Resource};
use serde::de::DeserializeOwned;
use tokio::sync::{Notify, Semaphore, mpsc};
use tracing::{debug, warn};

use crate::cluster_index::ClusterIndex;
use crate::context::{ContextFetcher, gather};
use crate::index::{Indexed, Target};
use crate::kube_fetcher::KubeContextFetcher;
use crate::metrics;
use crate::pod::{JOB_NAME_LABEL, PodSummary};
use crate::scope::{WatchScope, WatchSettings};
use crate::tracker::Tracker;
use crate::update::{Step, Update, WatchEvent};
use crate::view::{CronJobView, JobView};

mod slim;

pub use slim::{SlimCronJob, SlimJob};

type Scoped<K> = BoxStream<'static, (Target, Result<watcher::Event<K>, watcher::Error>)>;
type Fetch = BoxFuture<'static, (JobView, Execution)>;

/// Asks a running [`ClusterWatch`] to emit everything it holds again, e.g. when a new
/// leader starts consuming updates. Requests made while one is pending coalesce.
#[derive(Debug, Clone)]
pub struct ResyncHandle(Arc<Notify>);

impl ResyncHandle {
    pub fn request(&self) {
        self.0.notify_one();
    }
}

/// The watch side of the controller.
pub struct ClusterWatch {
    client: Client,
    scope: WatchScope,
    settings: WatchSettings,
    fetcher: Arc<dyn ContextFetcher>,
    clock: Arc<dyn Clock>,
    index: ClusterIndex,
    resync: Arc<Notify>,
}

impl ClusterWatch {
    pub fn new(client: Client, scope: WatchScope, settings: WatchSettings) -> Self {
        Self {
            fetcher: Arc::new(KubeContextFetcher::new(client.clone())),
            client,
            scope,
            settings,
            clock: Arc::new(SystemClock),
            index: ClusterIndex::default(),
            resync: Arc::new(Notify::new()),
        }
    }

    /// Replaces how failed-run context (Pods, logs, events) is fetched.
    pub fn with_fetcher(mut self, fetcher: Arc<dyn ContextFetcher>) -> Self {
        self.fetcher = fetcher;
        self
    }

    /// Replaces the clock that stamps CronJob records.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Read access to the watch-fed indexes, valid before, during and after `run`.
    pub fn index(&self) -> ClusterIndex {
        self.index.clone()
    }

    pub fn resync_handle(&self) -> ResyncHandle {
        ResyncHandle(self.resync.clone())
    }

    /// Watches until `updates` is closed. Watch errors are retried with backoff and
    /// never end the loop.
    pub async fn run(self, updates: mpsc::Sender<Update>) {
        let targets = self.scope.targets();
        let config = watcher::Config::default();
        // Slim decoding: the views read no Pod template (see `slim`).
        let mut cronjobs = scoped_watch::<SlimCronJob>(&self.client, &targets, &config);
        let mut jobs = scoped_watch::<SlimJob>(&self.client, &targets, &config);
        let pod_config = config.clone().labels(JOB_NAME_LABEL);
        let mut pods = scoped_watch::<Pod>(&self.client, &targets, &pod_config);
        let mut tracker = Tracker::new(self.index.clone(), self.clock.clone(), &targets);
        let mut fetches: FuturesUnordered<Fetch> = FuturesUnordered::new();
        let permits = Arc::new(Semaphore::new(self.settings.max_concurrent_fetches.max(1)));
        loop {
            let steps = tokio::select! {
                Some(item) = cronjobs.next() => {
                    self.handle(&mut tracker, "cronjobs", item, |c: &SlimCronJob| CronJobView::from_cronjob(&c.0), Tracker::on_cronjob)
                }
                Some(item) = jobs.next() => self.handle(&mut tracker, "jobs", item, |j: &SlimJob| JobView::from_job(&j.0), Tracker::on_job),
                Some(item) = pods.next() => self.handle(&mut tracker, "pods", item, PodSummary::from_pod, Tracker::on_pod),
                Some((job, execution)) = fetches.next() => tracker.on_fetched(&job, execution),
                () = self.resync.notified() => tracker.resync(),
                () = updates.closed() => return,
            };
            metrics::set_indexed(self.index.sizes());
            for step in steps {
                match step {
                    Step::Emit(update) => {
                        if updates.send(update).await.is_err() {
                            return;
                        }
                    }
                    Step::Fetch(request) => {
                        let fetcher = self.fetcher.clone();
                        let settings = self.settings.clone();
                        let permits = permits.clone();
                        fetches.push(
                            async move {
                                // The semaphore is never closed; without a permit we still fetch.
                                let _permit = permits.acquire_owned().await.ok();
                                let job = request.job.clone();
                                (job, gather(fetcher.as_ref(), request, &settings).await)
                            }
                            .boxed(),
                        );
                    }
                }
            }
        }
    }

    /// One watch item: errors are counted and logged (the watcher backs off and
    /// relists by itself), events are reduced to views and handed to the tracker.
    fn handle<K, V>(
        &self,
        tracker: &mut Tracker,
        resource: &'static str,
        item: (Target, Result<watcher::Event<K>, watcher::Error>),
        view: fn(&K) -> Option<V>,
        apply: fn(&mut Tracker, WatchEvent<V>) -> Vec<Step>,
    ) -> Vec<Step>
    where
        V: Indexed,
    {
        let (target, result) = item;
        let event = match result {
            Ok(event) => event,
            Err(error) => {
                metrics::record_error(resource);
                warn!(%error, resource, namespace = ?target, "watch failed; retrying with backoff");
                return Vec::new();
            }
        };
        metrics::record_event(resource);
        if matches!(event, watcher::Event::Init) {
            metrics::record_restart(resource);
            debug!(resource, namespace = ?target, "listing");
        }
        match reduce(&self.scope, target, event, view) {
            Some(reduced) => apply(tracker, reduced),
            None => Vec::new(),
        }
    }
}

/// One watcher per target, merged; each item tagged with its target for relists.
fn scoped_watch<K>(client: &Client, targets: &[Target], config: &watcher::Config) -> Scoped<K>
where
    K: Resource<Scope = NamespaceResourceScope, DynamicType = ()>
        + Clone
        + DeserializeOwned
        + Debug
        + Send
        + 'static,
{
    let streams = targets.iter().map(|target| {
        let api: Api<K> = match target {
            None => Api::all(client.clone()),
            Some(namespace) => Api::namespaced(client.clone(), namespace),
        };
        let tag = target.clone();
        watcher(api, config.clone())
            .default_backoff()
            .map(move |item| (tag.clone(), item))
            .boxed()
    });
    select_all(streams).boxed()
}

/// A watch event as a view; objects out of scope (ignored namespaces) and objects the
/// product does not track (Jobs of no CronJob) are dropped.
pub fn reduce<K, V: Indexed>(
    scope: &WatchScope,
    target: Target,
    event: watcher::Event<K>,
    view: fn(&K) -> Option<V>,
) -> Option<WatchEvent<V>> {
    let kept = |object: &K| view(object).filter(|v| scope.watches(v.namespace()));
    match event {
        watcher::Event::Apply(object) => kept(&object).map(WatchEvent::Apply),
        watcher::Event::Delete(object) => kept(&object).map(WatchEvent::Delete),
        watcher::Event::Init => Some(WatchEvent::Init(target)),
        watcher::Event::InitApply(object) => {
            kept(&object).map(|v| WatchEvent::InitApply(target, v))
        }
        watcher::Event::InitDone => Some(WatchEvent::InitDone(target)),
    }
}

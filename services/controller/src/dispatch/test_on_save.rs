//! `testOnSave`: a ready channel whose spec asks for it gets one test alert per
//! generation; the outcome lands in its status (`Tested` condition, `lastTest*`), which
//! is what a new leader reads to know the generation was already tested.

use guardian_core::CronJobRef;

use super::{Dispatcher, status, test_channel};

/// A test result of `testOnSave`, for the channel at `generation`.
pub(super) struct TestDone {
    channel: CronJobRef,
    generation: i64,
    outcome: Result<(), String>,
}

impl Dispatcher {
    /// Starts the `testOnSave` test of a ready channel, once per generation.
    pub(super) fn maybe_test(&mut self, key: &CronJobRef) {
        let Some(entry) = self.registry.entries.get(key) else {
            return;
        };
        let generation = entry.generation;
        let Ok(channel) = entry.sender.clone() else {
            return;
        };
        if !entry.test_on_save
            || status::tested_generation(&entry.status) == Some(generation)
            || !self.testing.insert((key.clone(), generation))
        {
            return;
        }
        let now = self.context.clock.now();
        let key = key.clone();
        self.tests.spawn(async move {
            let outcome = test_channel::send_test(&channel, &key, now).await;
            TestDone {
                channel: key,
                generation,
                outcome,
            }
        });
    }

    pub(super) async fn test_done(&mut self, done: Result<TestDone, tokio::task::JoinError>) {
        let Ok(done) = done else {
            return;
        };
        let now = self.context.clock.now();
        if let Some(entry) = self.registry.entries.get_mut(&done.channel)
            && entry.generation == done.generation
        {
            status::apply_test(&mut entry.status, &done.outcome, done.generation, now);
            self.write_status(&done.channel).await;
        }
    }
}

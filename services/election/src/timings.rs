//! The three lease timings and their validation.
//!
//! The old operator read `lease-duration`, `renew-deadline` and `retry-period` from its
//! config and never applied them. Ours are applied, checked here before the elector
//! starts, and logged at start-up. The checks are client-go's (`NewLeaderElector`):
//! `leaseDuration > renewDeadline > retryPeriod × 1.2`, all non-zero. The 1.2 is
//! client-go's `JitterFactor`: a leader must fit more than one retry into its renew
//! deadline, or a single slow attempt would make it step down.

use std::time::Duration;

/// client-go's `JitterFactor`: the renew deadline must exceed `retry_period × 1.2`.
pub const JITTER_FACTOR: f64 = 1.2;

/// How long a lease lasts, how long a leader keeps trying to renew, how often to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeaseTimings {
    /// `leader-election.lease-duration` (default 15s): how long a standby waits, after it
    /// last saw the lease change, before it may take the lease over.
    pub lease_duration: Duration,
    /// `leader-election.renew-deadline` (default 10s): a leader that has not renewed for
    /// this long steps down, so it is gone before any standby can take over.
    pub renew_deadline: Duration,
    /// `leader-election.retry-period` (default 2s): the interval between attempts to
    /// acquire (standby) or renew (leader).
    pub retry_period: Duration,
}

impl Default for LeaseTimings {
    fn default() -> Self {
        Self {
            lease_duration: Duration::from_secs(15),
            renew_deadline: Duration::from_secs(10),
            retry_period: Duration::from_secs(2),
        }
    }
}

/// Why a set of timings was refused. Messages name the configuration keys.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimingsError {
    #[error("leader-election.{key} must be greater than zero")]
    Zero { key: &'static str },
    #[error(
        "leader-election.renew-deadline ({renew_deadline:?}) must be shorter than \
         leader-election.lease-duration ({lease_duration:?})"
    )]
    RenewDeadlineNotBelowLeaseDuration {
        renew_deadline: Duration,
        lease_duration: Duration,
    },
    #[error(
        "leader-election.retry-period ({retry_period:?}) must be shorter than \
         leader-election.renew-deadline ({renew_deadline:?})"
    )]
    RetryPeriodNotBelowRenewDeadline {
        retry_period: Duration,
        renew_deadline: Duration,
    },
    #[error(
        "leader-election.renew-deadline ({renew_deadline:?}) must be greater than \
         retry-period × {JITTER_FACTOR} ({minimum:?}) so a leader gets more than one retry"
    )]
    RenewDeadlineTooCloseToRetryPeriod {
        renew_deadline: Duration,
        minimum: Duration,
    },
}

impl LeaseTimings {
    /// Returns the timings unchanged when they are usable, or the first rule they break.
    pub fn validate(self) -> Result<Self, TimingsError> {
        let Self {
            lease_duration,
            renew_deadline,
            retry_period,
        } = self;
        for (key, value) in [
            ("lease-duration", lease_duration),
            ("renew-deadline", renew_deadline),
            ("retry-period", retry_period),
        ] {
            if value.is_zero() {
                return Err(TimingsError::Zero { key });
            }
        }
        if renew_deadline >= lease_duration {
            return Err(TimingsError::RenewDeadlineNotBelowLeaseDuration {
                renew_deadline,
                lease_duration,
            });
        }
        if retry_period >= renew_deadline {
            return Err(TimingsError::RetryPeriodNotBelowRenewDeadline {
                retry_period,
                renew_deadline,
            });
        }
        let minimum = retry_period.mul_f64(JITTER_FACTOR);
        if renew_deadline <= minimum {
            return Err(TimingsError::RenewDeadlineTooCloseToRetryPeriod {
                renew_deadline,
                minimum,
            });
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn timings(lease: u64, renew: u64, retry: u64) -> LeaseTimings {
        LeaseTimings {
            lease_duration: Duration::from_millis(lease),
            renew_deadline: Duration::from_millis(renew),
            retry_period: Duration::from_millis(retry),
        }
    }

    #[test]
    fn defaults_are_the_documented_ones_and_valid() {
        let defaults = LeaseTimings::default();
        assert_eq!(defaults, timings(15_000, 10_000, 2_000));
        assert_eq!(defaults.validate(), Ok(defaults));
        // The seed's "aggressive" settings are valid too.
        let aggressive = timings(10_000, 8_000, 1_000);
        assert_eq!(aggressive.validate(), Ok(aggressive));
    }

    #[test]
    fn zero_values_are_refused_naming_the_key() {
        let error = timings(15_000, 10_000, 0)
            .validate()
            .expect_err("these timings break a rule");
        assert_eq!(
            error,
            TimingsError::Zero {
                key: "retry-period"
            }
        );
        assert_eq!(
            error.to_string(),
            "leader-election.retry-period must be greater than zero"
        );
        assert_eq!(
            timings(0, 10_000, 2_000).validate(),
            Err(TimingsError::Zero {
                key: "lease-duration"
            })
        );
    }

    #[test]
    fn renew_deadline_not_below_lease_duration_is_refused() {
        let error = timings(10_000, 10_000, 2_000)
            .validate()
            .expect_err("these timings break a rule");
        assert_eq!(
            error.to_string(),
            "leader-election.renew-deadline (10s) must be shorter than \
             leader-election.lease-duration (10s)"
        );
    }

    #[test]
    fn retry_period_not_below_renew_deadline_is_refused() {
        let error = timings(15_000, 10_000, 12_000)
            .validate()
            .expect_err("these timings break a rule");
        assert!(matches!(
            error,
            TimingsError::RetryPeriodNotBelowRenewDeadline { .. }
        ));
        assert!(error.to_string().contains("retry-period (12s)"), "{error}");
    }

    #[test]
    fn renew_deadline_within_jitter_of_retry_period_is_refused() {
        // 1.1s < 1s × 1.2: client-go refuses this, so do we.
        let error = timings(15_000, 1_100, 1_000)
            .validate()
            .expect_err("these timings break a rule");
        assert_eq!(
            error,
            TimingsError::RenewDeadlineTooCloseToRetryPeriod {
                renew_deadline: Duration::from_millis(1_100),
                minimum: Duration::from_millis(1_200),
            }
        );
    }

    proptest! {
        #[test]
        fn validate_accepts_exactly_the_client_go_constraints(
            lease in 0u64..30_000, renew in 0u64..30_000, retry in 0u64..30_000,
        ) {
            let candidate = timings(lease, renew, retry);
            let expected_ok = lease > 0 && renew > 0 && retry > 0
                && lease > renew
                && renew > retry
                && Duration::from_millis(renew) > Duration::from_millis(retry).mul_f64(JITTER_FACTOR);
            prop_assert_eq!(candidate.validate().is_ok(), expected_ok);
        }
    }
}

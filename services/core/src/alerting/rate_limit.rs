//! Alert rate limiting as pure data: a token bucket of `burst` tokens refilled at
//! `max_per_period / period`, kept as the single instant of the generic cell rate algorithm
//! (GCRA), so it is exact, serializable and driven only by the `now` passed in.
//!
//! Nothing is dropped: what exceeds the rate comes back as held, with the instant at which
//! the next one may go, and is counted in [`RateLimiter::held_back_total`]. The caller keeps
//! held alerts queued (the Go operator dropped them).

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::time_math::{add, sub};

/// A rate: at most `max_per_period` per `period` on average, `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimit {
    pub max_per_period: u32,
    pub period: SignedDuration,
    pub burst: u32,
}

impl RateLimit {
    /// `rate-limits.max-alerts-per-minute` / `burst-limit`.
    pub fn per_minute(max: u32, burst: u32) -> Self {
        Self {
            max_per_period: max,
            period: SignedDuration::from_mins(1),
            burst,
        }
    }

    /// An AlertChannel's `rateLimiting.maxAlertsPerHour` / `burstLimit`.
    pub fn per_hour(max: u32, burst: u32) -> Self {
        Self {
            max_per_period: max,
            period: SignedDuration::from_hours(1),
            burst,
        }
    }

    /// Time for one token to come back. Zero rates and bursts count as one.
    fn emission_interval(&self) -> SignedDuration {
        let nanos = self.period.as_nanos().max(1) / i128::from(self.max_per_period.max(1));
        SignedDuration::try_from_nanos_i128(nanos.max(1)).unwrap_or(SignedDuration::MAX)
    }

    /// How far ahead of `now` the bucket may be booked: `(burst - 1)` intervals.
    fn tolerance(&self) -> SignedDuration {
        let intervals = i128::from(self.burst.max(1) - 1);
        SignedDuration::try_from_nanos_i128(self.emission_interval().as_nanos() * intervals)
            .unwrap_or(SignedDuration::MAX)
    }
}

/// Whether one alert may go now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Admission {
    Admitted,
    HeldBack { retry_at: Timestamp },
}

/// What [`RateLimiter::admit_all`] let through and what it held back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted<T> {
    pub sent: Vec<T>,
    pub held: Vec<T>,
    /// When the first held item may go; `None` when nothing was held.
    pub retry_at: Option<Timestamp>,
}

/// The limiter's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimiter {
    limit: RateLimit,
    /// GCRA's theoretical arrival time: the bucket is full again at this instant.
    full_at: Option<Timestamp>,
    held_back_total: u64,
}

impl RateLimiter {
    pub fn new(limit: RateLimit) -> Self {
        Self {
            limit,
            full_at: None,
            held_back_total: 0,
        }
    }

    /// Takes one token at `now` if there is one.
    pub fn admit(&mut self, now: Timestamp) -> Admission {
        let booked_until = self.full_at.map_or(now, |full_at| full_at.max(now));
        let earliest = sub(booked_until, self.limit.tolerance());
        if earliest > now {
            self.held_back_total += 1;
            return Admission::HeldBack { retry_at: earliest };
        }
        self.full_at = Some(add(booked_until, self.limit.emission_interval()));
        Admission::Admitted
    }

    /// Admits `items` in order while tokens last; the rest are returned, not dropped.
    pub fn admit_all<T>(&mut self, now: Timestamp, items: Vec<T>) -> Admitted<T> {
        let mut admitted = Admitted {
            sent: Vec::new(),
            held: Vec::new(),
            retry_at: None,
        };
        for item in items {
            if !admitted.held.is_empty() {
                // Keep order: once one is held, later ones wait behind it.
                self.held_back_total += 1;
                admitted.held.push(item);
                continue;
            }
            match self.admit(now) {
                Admission::Admitted => admitted.sent.push(item),
                Admission::HeldBack { retry_at } => {
                    admitted.retry_at = Some(retry_at);
                    admitted.held.push(item);
                }
            }
        }
        admitted
    }

    /// How many alerts have been held back so far.
    pub fn held_back_total(&self) -> u64 {
        self.held_back_total
    }

    pub fn limit(&self) -> RateLimit {
        self.limit
    }
}

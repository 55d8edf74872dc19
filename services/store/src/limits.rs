//! Size limits and normalisation, applied before any statement runs so an oversized
//! or malformed value is refused whole and never half-written.
//!
//! Decisions:
//! - **Logs are truncated, never refused.** A log excerpt longer than `max_log_bytes`
//!   keeps its *tail* (the end of a log says why a job failed) behind a
//!   `[truncated N bytes]` marker, cut on a UTF-8 boundary.
//! - **Every other field has a hard cap** and a longer value is [`StoreError::TooLarge`]:
//!   identifiers 1 KiB, free text 64 KiB, the event list 256 KiB, monitor JSON 1 MiB.
//! - **Times have millisecond precision** on every back-end (BIGINT unix ms), so values
//!   are truncated to the millisecond here; what is stored is exactly what is compared
//!   and what the outbox event carries.

use guardian_core::{AlertRecord, CronJobRecord, CronJobRef, Execution};
use jiff::Timestamp;

use crate::codec::MonitorRecord;
use crate::error::{Result, StoreError};

/// Names, UIDs, keys, schedules.
pub const MAX_IDENT_BYTES: usize = 1024;
/// Reasons, titles, messages, suggested fixes, one event line.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// All of an execution's event lines together.
pub const MAX_EVENTS_BYTES: usize = 256 * 1024;
/// A monitor's spec or status JSON.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

/// Truncates `at` to whole milliseconds, the precision stored.
pub fn to_millis(at: Timestamp) -> i64 {
    at.as_millisecond()
}

/// The timestamp for stored unix milliseconds.
pub fn from_millis(millis: i64) -> Result<Timestamp> {
    Timestamp::from_millisecond(millis).map_err(|error| {
        StoreError::corrupt(format!("timestamp {millis} ms out of range: {error}"))
    })
}

/// `at` as it reads back from the database.
pub fn at_millis(at: Timestamp) -> Result<Timestamp> {
    from_millis(to_millis(at))
}

/// Keeps the last `max` bytes of `text` (on a char boundary) behind a marker.
pub fn truncate_log(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let marker = format!("[truncated {} bytes]\n", text.len().saturating_sub(max));
    // A cap smaller than the marker keeps bare text rather than nothing.
    let marker_fits = marker.len() < max;
    let keep = if marker_fits { max - marker.len() } else { max };
    let mut start = text.len() - keep;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if marker_fits {
        format!("{marker}{}", &text[start..])
    } else {
        text[start..].to_owned()
    }
}

/// Checks an identifier: present and at most [`MAX_IDENT_BYTES`].
pub fn ident(field: &'static str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(StoreError::invalid(format!("{field} is empty")));
    }
    cap(field, value.len(), MAX_IDENT_BYTES)
}

/// Checks free text against [`MAX_TEXT_BYTES`].
pub fn text(field: &'static str, value: Option<&str>) -> Result<()> {
    cap(field, value.map_or(0, str::len), MAX_TEXT_BYTES)
}

/// Refuses `size` above `max`.
pub fn cap(field: &'static str, size: usize, max: usize) -> Result<()> {
    if size > max {
        return Err(StoreError::TooLarge { field, size, max });
    }
    Ok(())
}

fn cronjob_ref(cronjob: &CronJobRef) -> Result<()> {
    ident("namespace", &cronjob.namespace)?;
    ident("cronjob name", &cronjob.name)
}

/// Validates an execution and returns it as it will be stored.
pub fn execution(input: &Execution, max_log_bytes: usize) -> Result<Execution> {
    ident("job_uid", &input.job_uid)?;
    ident("job_name", &input.job_name)?;
    cronjob_ref(&input.cronjob)?;
    if let Some(uid) = &input.cronjob_uid {
        ident("cronjob_uid", uid)?;
    }
    text("reason", input.reason.as_deref())?;
    for line in &input.events {
        text("event line", Some(line))?;
    }
    let events_bytes = input.events.iter().map(String::len).sum();
    cap("events", events_bytes, MAX_EVENTS_BYTES)?;
    let mut stored = input.clone();
    stored.started_at = at_millis(input.started_at)?;
    stored.completed_at = input.completed_at.map(at_millis).transpose()?;
    stored.logs = input
        .logs
        .as_deref()
        .map(|logs| truncate_log(logs, max_log_bytes));
    Ok(stored)
}

/// Validates a CronJob record and returns it as it will be stored.
pub fn cronjob(input: &CronJobRecord) -> Result<CronJobRecord> {
    cronjob_ref(&input.cronjob)?;
    ident("uid", &input.uid)?;
    ident("schedule", &input.schedule)?;
    if let Some(zone) = &input.time_zone {
        ident("time_zone", zone)?;
    }
    let mut stored = input.clone();
    stored.first_seen_at = at_millis(input.first_seen_at)?;
    stored.last_seen_at = at_millis(input.last_seen_at)?;
    stored.deleted_at = input.deleted_at.map(at_millis).transpose()?;
    Ok(stored)
}

/// Validates an alert and returns it as it will be stored.
pub fn alert(input: &AlertRecord) -> Result<AlertRecord> {
    ident("alert key", &input.key)?;
    ident("alert kind", &input.kind)?;
    cronjob_ref(&input.cronjob)?;
    if let Some(monitor) = &input.monitor {
        cronjob_ref(monitor)?;
    }
    text("title", Some(&input.title))?;
    text("message", Some(&input.message))?;
    text("reason", input.reason.as_deref())?;
    text("suggested_fix", input.suggested_fix.as_deref())?;
    let mut stored = input.clone();
    stored.since = at_millis(input.since)?;
    stored.last_notified = input.last_notified.map(at_millis).transpose()?;
    stored.resolved_at = input.resolved_at.map(at_millis).transpose()?;
    Ok(stored)
}

/// Validates a monitor and returns its spec and status as the JSON text to store.
pub fn monitor(input: &MonitorRecord) -> Result<(String, Option<String>)> {
    cronjob_ref(&input.monitor)?;
    let spec = json_text("spec", &input.spec)?;
    let status = input
        .status
        .as_ref()
        .map(|status| json_text("status", status))
        .transpose()?;
    Ok((spec, status))
}

fn json_text(field: &'static str, value: &serde_json::Value) -> Result<String> {
    let text = serde_json::to_string(value)
        .map_err(|error| StoreError::invalid(format!("{field} does not serialise: {error}")))?;
    cap(field, text.len(), MAX_JSON_BYTES)?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_logs_keep_their_tail_within_the_cap() {
        let log = format!("{}the real error", "noise ".repeat(100));
        let cut = truncate_log(&log, 64);
        assert!(cut.len() <= 64, "{} bytes", cut.len());
        assert!(cut.starts_with("[truncated "));
        assert!(cut.ends_with("the real error"));
        assert_eq!(truncate_log("short", 64), "short");
    }

    #[test]
    fn truncation_never_splits_a_character() {
        let log = "é".repeat(100); // two bytes each
        for max in 0..60 {
            let cut = truncate_log(&log, max);
            assert!(cut.len() <= max, "max {max}: {} bytes", cut.len());
            assert!(cut.ends_with('é') || cut.is_empty() || cut.ends_with('\n'));
        }
        assert!(truncate_log(&log, 41).ends_with('é'));
    }

    #[test]
    fn oversized_and_empty_identifiers_are_refused() {
        let long = "x".repeat(MAX_IDENT_BYTES + 1);
        assert!(matches!(
            ident("job_uid", &long),
            Err(StoreError::TooLarge { .. })
        ));
        assert!(matches!(
            ident("job_uid", ""),
            Err(StoreError::Invalid { .. })
        ));
        assert!(ident("job_uid", "abc").is_ok());
    }

    #[test]
    fn times_are_cut_to_whole_milliseconds() -> Result<()> {
        let precise = Timestamp::from_nanosecond(1_700_000_000_123_456_789)
            .map_err(|error| StoreError::invalid(error.to_string()))?;
        assert_eq!(
            at_millis(precise)?.as_nanosecond(),
            1_700_000_000_123_000_000
        );
        Ok(())
    }
}

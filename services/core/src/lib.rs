//! Pure decisions of CronJob Guardian: plain data and a clock in, decisions out.
//!
//! Nothing here does I/O, spawns tasks or reads the environment; adapters (store,
//! kube, gRPC) convert their data into [`model`] types and act on what comes back.

pub mod alerting;
pub mod clock;
pub mod deadman;
pub mod duration;
pub mod fixes;
pub mod health;
pub mod maintenance;
pub mod model;
pub mod regression;
pub mod schedule;
pub mod selector;
pub mod sla;
mod time_math;

pub use clock::{Clock, SystemClock};
pub use model::{
    Acknowledgement, AlertRecord, AlertState, Change, CronJobRecord, CronJobRef, Epoch, Event,
    Execution, Outcome, Sequence, Severity, Silence,
};
pub use schedule::{Schedule, ScheduleError};

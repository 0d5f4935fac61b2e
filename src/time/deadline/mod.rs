//! Deadlines: every clock a personal data breach starts, when each duty falls due in Swedish time,
//! and its status at a given moment.
//!
//! The duties are the rows of [`DUTIES`]: a regime, a stage, the event that starts the clock
//! ([`ClockStart`]), the period, when the row applies, a title and the legal reference. GDPR is
//! always counted; NIS2 and ePrivacy are opt-in ([`ScheduleOptions::regime`]). [`schedule`] counts
//! them from the [`Facts`] under a [`CountingPolicy`] and judges each at `now`, which is always a
//! parameter: the library never reads the clock.
//!
//! The reasons for the policies, the daylight-saving arithmetic and the regime table are in
//! `docs/DESIGN.md`, section Deadlines.
//!
//! # Example
//! ```
//! use imy_breach::deadline::{schedule, Facts, ScheduleOptions, Stage, Status};
//! use time::format_description::well_known::Rfc3339;
//! use time::macros::datetime;
//!
//! let facts = Facts::new().aware_at(datetime!(2025-03-29 10:00 +01:00));
//! let s = schedule(&facts, &ScheduleOptions::new(), datetime!(2025-03-30 12:00 +02:00))?;
//! let imy = s.get(Stage::ImyNotification).unwrap();
//! assert_eq!(imy.deadline.unwrap().format(&Rfc3339)?, "2025-04-01T11:00:00+02:00");
//! assert_eq!(imy.status, Status::Open);
//! assert_eq!(imy.time_left(), Some(time::Duration::hours(47)));
//! assert!(imy.dst_change); // summer time began on 30 March: 73 hours on the clock
//! assert_eq!(imy.wall_clock, Some(time::Duration::hours(73)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod counting;
mod duties;
mod engine;
mod explain;
mod facts;
mod results;
mod text;
mod wire;

pub use counting::{gdpr_deadline, period_end, period_end_by, Moved, PeriodEnd};
pub use duties::{
    AiSeverity, Applies, ClockStart, CountingLaw, CountingPolicy, Duty, Period, Regime, Stage, UnknownCode,
    DUTIES,
};
pub use engine::{gdpr_lateness, schedule, schedule_notification, Lateness};
pub use explain::{TimeLeftText, Wording};
pub use facts::{Awareness, Facts, ScheduleOptions, SubjectInformation};
pub use results::{Note, Obligation, Schedule, Status};
pub use text::{human_duration, iso_duration};

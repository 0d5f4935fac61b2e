//! Any bytes: read (every problem), validate, compute the deadlines; for what could be read, also
//! validate with a submission moment and the other counting policy, read its JSON back, render and
//! redact it. Nothing may panic, and the results must hang together.
//!
//! Run it (from the repository root; cargo fuzz needs nightly features, which
//! `RUSTC_BOOTSTRAP=1` unlocks on a stable toolchain):
//!
//! ```sh
//! cargo install cargo-fuzz
//! cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none parse_validate -- \
//!     -dict=parse_validate.dict -max_total_time=600
//! ```
#![no_main]

use imy_breach::deadline::{schedule_notification, CountingPolicy, Regime, ScheduleOptions};
use imy_breach::render::{render, Format, RenderOptions, Summary};
use imy_breach::{validate_json_with, Lang, Notification, ValidationOptions};
use libfuzzer_sys::fuzz_target;
use time::macros::datetime;

fuzz_target!(|data: &[u8]| {
    let now = datetime!(2025-06-01 12:00 +02:00);
    let (n, report) = validate_json_with(data, &ValidationOptions::new());
    // Reading alone agrees with validation about readability, and an unreadable document is invalid.
    assert_eq!(Notification::from_slice(data).is_ok(), n.is_some());
    if n.is_none() {
        assert!(!report.is_valid());
        let errors = report.violations.iter().filter(|v| v.level == imy_breach::Level::Error).count();
        assert!(errors >= 1);
    }
    let Some(n) = n else { return };
    let report_again = n.validate(&ValidationOptions::new());
    assert_eq!(report, report_again, "validating bytes and the model agree");
    let _ = n.validate(&ValidationOptions::new().submitted_at(now).policy(CountingPolicy::Reg1182));
    // A readable notification survives a round trip through its JSON.
    let again = Notification::from_json(&n.to_json()).expect("a notification reads back");
    assert_eq!(again, n);
    for options in [
        ScheduleOptions::new(),
        ScheduleOptions::new().policy(CountingPolicy::Reg1182).regime(Regime::Nis2).regime(Regime::Eprivacy),
    ] {
        let _ = schedule_notification(&n, &options, now);
    }
    let _ = render(&n, &RenderOptions::new(Lang::Sv, Format::Text).with_summary(Summary::compute(&n, now)));
    let _ = render(&n, &RenderOptions::new(Lang::En, Format::Markdown));
    let _ = imy_breach::redact::redact(&n, &Default::default());
});

//! # imy-breach
//!
//! IMY's form "Anmälan av personuppgiftsincident" — the notification a Swedish controller files with
//! the Authority for Privacy Protection (IMY) within 72 hours of becoming aware of a personal data
//! breach (GDPR Art. 33) — as strongly typed Rust, with a JSON wire format and a JSON Schema.
//!
//! ```
//! use imy_breach::{Notification, Lang, Choice};
//!
//! let json = r#"{
//!   "schemaVersion": "1.0",
//!   "controller": { "name": "Exempelkommunen", "organisationNumber": "212000-0142" },
//!   "incident": { "discovered": { "date": "2025-03-28", "time": "10:00" }, "nature": "loss_or_theft" }
//! }"#;
//! let n = Notification::from_json(json)?;
//! assert_eq!(n.incident.nature.unwrap().label(Lang::Sv), "Förlust eller stöld");
//! # Ok::<(), imy_breach::ParseError>(())
//! ```
//!
//! The wire format: keys camelCase, option codes snake_case, a `schemaVersion` in every document,
//! unknown members rejected, and questions keyed by meaning, never by number.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The layers, bottom to top: lang, values, model, wire, form, time, privacy, assessment,
// validation, case (a notification and its supplements), export, render, generate. Each imports
// only from the layers below it (`tests/layout.rs` checks it; docs/DESIGN.md, section Layout, says
// why).
pub mod assessment;
pub mod case;
mod export;
pub mod form;
#[cfg(feature = "generate")]
pub mod generate;
mod lang;
mod model;
mod privacy;
pub mod render;
mod time;
pub mod validation;
mod values;
mod wire;

pub use export::{form_profile, record_schema, schema, supplement_schema};
pub use form::markings::{markings_problems, MarkingProblem};
pub use lang::{Bilingual, Lang};
pub use model::affected::{Count, CountInterval, DataAndSubjects, DataCategory, SubjectGroup, MAX_COUNT};
pub use model::assessment::{
    circumstance_score, Art34Ground, AvailabilityLoss, ConfidentialityLoss, DataKind, Direction,
    DpcAdjustment, DpcReason, EaseOfIdentification, EnisaInputs, IntegrityLoss, RiskAssessment, RiskLevel,
    MAX_DPC_ADJUSTMENTS,
};
pub use model::consequences::{Action, Consequence, Consequences, Severity};
pub use model::contact::{ContactDetails, ContactPerson};
pub use model::controller::{Address, Controller};
pub use model::decision::{
    DecisionOutcome, Decisions, InformDecision, InformGround, NotNotifyingReason, NotifyDecision,
};
pub use model::filing::{
    CaseNumber, CaseNumberError, Change, NotificationReference, Supplement, CASE_NUMBER_PATTERN,
    SUPPLEMENT_KIND,
};
pub use model::incident::{AreaOfActivity, Cause, DiscoveryMethod, EventTime, Incident, Nature, Sector};
pub use model::information::DataSubjectInformation;
pub use model::notices::{
    Authority, AuthorityReport, Channel, Communication, Filing, FilingKind, MAX_RECORD_ITEMS,
};
pub use model::notification::Notification;
pub use model::processor::{Processor, Processors};
pub use model::record::{BreachRecord, BreachType, Facts, IncidentStatus, RecordKind, RECORD_KIND};
pub use model::state::{AnswerState, Period};
pub use model::supplement::{
    ConfidentialityMarking, SecrecyGround, SupplementAndConfidentiality, MAX_MARKINGS, POINTER_PATTERN,
};
pub use model::version::{SchemaVersion, SCHEMA_VERSION};
pub use privacy::{pii, redact};
pub use time::{calendar, deadline, stockholm};
pub use validation::{
    is_record_json, validate_json, validate_json_with, validate_record_json, Level, RecommendsNotifying,
    Report, ValidationOptions, Violation, MAX_FINDINGS_PER_CODE,
};
pub use values::choice::{Choice, ChoiceSet, Provenance, YesNo};
pub use values::datetime::{LocalDate, StockholmOffset, Timestamp, WallClockTime, WALL_CLOCK_PATTERN};
pub use values::error::FieldError;
pub use values::identifiers::{
    luhn_valid, names_sweden, Email, OrganisationNumber, PhoneNumber, Postcode, EMAIL_PATTERN,
    ORGANISATION_NUMBER_PATTERN, PHONE_PATTERN, POSTCODE_PATTERN, SWEDEN_PATTERN, SWEDISH_POSTCODE_PATTERN,
};
pub use values::text::{LongText, ShortText, Text, TEXT_PATTERN};
pub use wire::error::ParseError;
pub use wire::limits::{MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH, MAX_PARSE_ERRORS};
pub use wire::migrate::{migrate, migrate_notification, MigrateError};
pub use wire::pointer::{Pointer, PointerError, Segment};

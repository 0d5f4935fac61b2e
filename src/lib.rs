//! # imy-breach
//!
//! IMY's form "Anmälan av personuppgiftsincident" — the notification a Swedish controller files with
//! the Authority for Privacy Protection (IMY) within 72 hours of becoming aware of a personal data
//! breach (GDPR Art. 33) — as strongly typed Rust, with a JSON wire format and a JSON Schema.
//!
//! Four jobs, each a few lines:
//!
//! ## Build a notification
//!
//! [`Notification`] holds the form's sections in form order ([`Controller`], [`ContactDetails`],
//! [`Incident`], …), each answer an `Option` until it is given. The constructors check an answer as
//! reading would: [`ShortText::some`], [`EventTime::at`], [`Action::at`], [`Count::exact`],
//! [`Address::new`], [`ContactPerson::new`]; option lists are enums ([`Nature`], [`Cause`], …) and
//! multiple choices a [`ChoiceSet`]. `examples/build_notification.rs` fills in a whole form.
//!
//! ```
//! use imy_breach::{ContactPerson, Count, EventTime, Nature, Notification, ShortText};
//!
//! let mut n = Notification::new();
//! n.controller.name = ShortText::some("Exempelkommunen")?;
//! n.controller.organisation_number = Some("212000-0142".parse()?);
//! n.contact_details.contact_persons.push(ContactPerson::new(
//!     "Per Exempel", "dataskyddsombud@example.se", "070-174 06 05")?);
//! n.incident.discovered = EventTime::at("2025-03-28", "10:00")?;
//! n.incident.nature = Some(Nature::LossOrTheft);
//! n.data_and_subjects.subject_count = Count::exact(17)?;
//!
//! let json = n.to_json(); // the wire format; it reads back to the same notification
//! assert_eq!(Notification::from_json(&json)?, n);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Validate
//!
//! [`validate_json`] (bytes) or [`Notification::validate`] (a model) gives every problem at once,
//! in a [`Report`]: each [`Violation`] with a JSON pointer, a stable code, a [`Level`] and a message
//! in Swedish and English that names the form's question. [`validate_json_with`] takes the
//! submission moment and the counting policy ([`ValidationOptions`]); the rules are listed in
//! [`validation`].
//!
//! ```
//! use imy_breach::{validate_json, Lang};
//!
//! let (_, report) = validate_json(br#"{"schemaVersion": "1.0", "controller": {"name": "Exempelkommunen"}}"#);
//! assert!(!report.is_valid());
//! let nature = report.violations.iter().find(|v| v.pointer == "/incident/nature").unwrap();
//! assert_eq!(nature.code, "required");
//! println!("{}", nature.message(Lang::En)); // Question 15 (…) must be answered.
//! ```
//!
//! ## Deadlines
//!
//! [`deadline`] computes every clock the breach starts — the 72 hours to IMY, the supplement, the
//! processor's and the data subjects' duties, and opt-in NIS2, DORA and others — in Swedish time
//! ([`stockholm`], [`calendar`]), by a counting policy. The moment to judge at is a parameter: the
//! library never reads the clock.
//!
//! ```
//! use imy_breach::deadline::{schedule_notification, ScheduleOptions, Stage};
//! use imy_breach::Notification;
//! use time::macros::datetime;
//!
//! let n = Notification::from_json(
//!     r#"{"schemaVersion": "1.0", "incident": {"discovered": {"date": "2025-03-28", "time": "10:00"}}}"#,
//! )?;
//! let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2025-03-30 12:00 +02:00))?;
//! let imy = s.get(Stage::ImyNotification).unwrap();
//! assert_eq!(imy.deadline, Some(datetime!(2025-03-31 11:00 +02:00))); // 72 h across summer time
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Schema, render, redact
//!
//! [`schema`] gives the JSON Schema (canonical, or with Swedish or English titles) and
//! [`form_profile`] the shape for form renderers; [`form`] the form itself, question by question;
//! [`render`] the notification as a text or Markdown document to review or archive; [`redact`] the
//! public copy, personal data masked ([`pii`] finds it in free text).
//!
//! ```
//! use imy_breach::redact::{redact, RedactOptions};
//! use imy_breach::render::{render, Format, RenderOptions};
//! use imy_breach::{ContactPerson, Lang, Notification};
//!
//! let schema = imy_breach::schema::canonical();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//!
//! let mut n = Notification::new();
//! n.contact_details.contact_persons.push(ContactPerson::new(
//!     "Per Exempel", "dataskyddsombud@example.se", "070-174 06 05")?);
//! let copy = redact(&n, &RedactOptions::new(Lang::Sv));
//! let name = copy.contact_details.contact_persons[0].name.as_ref().unwrap();
//! assert_eq!(name.as_str(), "[MASKERAT: kontaktperson]");
//! assert!(render(&copy, &RenderOptions::new(Lang::Sv, Format::Text))
//!     .starts_with("Anmälan av personuppgiftsincident"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## From breach to register
//!
//! Every breach is documented, notified or not (GDPR Art. 33(5)): a [`BreachRecord`] holds the
//! facts, the risk assessment and the decisions with their reasons. Record → assess
//! ([`assessment::assess_record`], ENISA's method, a presumption) → decide (the record's
//! [`Decisions`], which [`BreachRecord::validate`] compares with the assessment) → notify (the
//! prefilled [`Notification`], [`BreachRecord::to_notification`], completed and validated) →
//! register (`imy-breach register`).
//!
//! ```
//! use imy_breach::{assessment::assess_record, BreachRecord, DecisionOutcome, ValidationOptions};
//! let record = BreachRecord::from_json(r#"{"kind": "breach_record", "schemaVersion": "1.1",
//!   "id": "PUI-2025-020", "controller": {"name": "Exempelbolaget AB"},
//!   "facts": {"description": "Ett brev till fel mottagare.", "breachTypes": ["confidentiality"],
//!             "nature": "misdirected_communication", "cause": "human_error",
//!             "discovered": {"date": "2025-03-11"}},
//!   "affected": {"dataCategories": ["contact_information"], "subjectCount": {"exact": 1}},
//!   "assessment": {"enisa": {"easeOfIdentification": "maximum", "confidentiality": "known_recipients",
//!                            "integrity": "none", "availability": "none", "malicious": "no"}},
//!   "decisions": {"notifyAuthority": {"decision": "no", "reason": "risk_unlikely",
//!                                     "explanation": "En känd mottagare som raderade brevet."}},
//!   "status": "concluded", "closedOn": "2025-03-14"}"#)?;
//! let presumption = assess_record(&record).unwrap().recommendation;
//! assert!(!presumption.notify_authority); // 1 × 1 + 0.25 = 1.25: low, document only
//! assert_eq!(record.decisions.notify_authority.decision, Some(DecisionOutcome::No));
//! assert_eq!(record.validate(&ValidationOptions::new()).errors().count(), 0);
//! # Ok::<(), imy_breach::ParseError>(())
//! ```
//!
//! ## Features
//!
//! None is on by default. `cli` builds the `imy-breach` command-line tool (`validate`, `deadline`,
//! `render`, `redact`, `schema`, `rules`, `generate`); `generate`, the test-data generator
//! `imy_breach::generate` (`cli` enables it).
//!
//! ## The wire format
//!
//! Keys camelCase, option codes snake_case, a `schemaVersion` in every document, unknown members
//! rejected, questions keyed by meaning, never by number. Dates `YYYY-MM-DD` and times `HH:MM` in
//! Swedish local time; Ja/Nej answers `"yes"`/`"no"`; an answer not given is left out (`null` is
//! never a value). The committed schemas in `schema/` are the contract; the README's section "The
//! wire format at a glance" lists the normalisations of a round trip.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The layers, bottom to top: lang, values, model, wire, form, time, privacy, assessment,
// validation, case (a notification and its supplements), register (the Art. 33(5) register of
// breach records and its statistics), export, render, generate. Each imports
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
pub mod register;
pub mod render;
mod time;
pub mod validation;
mod values;
mod wire;

pub use case::{validate_document_json, DocumentKind};
pub use export::{form_profile, record_schema, schema, supplement_schema};
pub use form::markings::{markings_problems, MarkingProblem};
pub use lang::{Bilingual, Lang};
pub use model::affected::{Count, CountInterval, DataAndSubjects, DataCategory, SubjectGroup, MAX_COUNT};
pub use model::assessment::{
    circumstance_score, AvailabilityLoss, ConfidentialityLoss, DataKind, Direction, DpcAdjustment, DpcReason,
    EaseOfIdentification, EnisaInputs, IntegrityLoss, RiskAssessment, RiskLevel, MAX_DPC_ADJUSTMENTS,
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
    is_record_json, validate_json, validate_json_with, validate_record_json, Level, Report,
    ValidationOptions, Violation, MAX_FINDINGS_PER_CODE,
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

/// The README's Rust snippets, run as doctests from the README itself (`cargo test --doc`).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

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

mod affected;
mod choice;
mod consequences;
mod contact;
mod controller;
mod datetime;
pub mod deadline;
mod error;
mod field_path;
pub mod form;
pub mod form_profile;
#[cfg(feature = "generate")]
pub mod generate;
mod identifiers;
mod incident;
mod information;
mod lang;
mod limits;
mod markings;
mod notification;
pub mod pii;
mod processor;
pub mod redact;
pub mod render;
pub mod schema;
pub mod stockholm;
mod supplement;
mod text;
pub mod validation;
mod version;
mod wire;

pub use affected::{Count, CountInterval, DataAndSubjects, DataCategory, SubjectGroup, MAX_COUNT};
pub use choice::{Choice, ChoiceSet, Provenance, YesNo};
pub use consequences::{Action, Consequence, Consequences, Severity};
pub use contact::{ContactDetails, ContactPerson};
pub use controller::{Address, Controller};
pub use datetime::{LocalDate, StockholmOffset, Timestamp, WallClockTime, WALL_CLOCK_PATTERN};
pub use error::FieldError;
pub use identifiers::{
    luhn_valid, Email, OrganisationNumber, PhoneNumber, Postcode, EMAIL_PATTERN, ORGANISATION_NUMBER_PATTERN,
    PHONE_PATTERN, POSTCODE_PATTERN,
};
pub use incident::{AreaOfActivity, Cause, DiscoveryMethod, EventTime, Incident, Nature, Sector};
pub use information::DataSubjectInformation;
pub use lang::{Bilingual, Lang};
pub use markings::{markings_problems, MarkingProblem};
pub use notification::Notification;
pub use processor::{Processor, Processors};
pub use supplement::{
    ConfidentialityMarking, SecrecyGround, SupplementAndConfidentiality, MAX_MARKINGS, POINTER_PATTERN,
};
pub use text::{LongText, ShortText, Text};
pub use validation::{validate_json, validate_json_with, Level, Report, ValidationOptions, Violation};
pub use version::{SchemaVersion, SCHEMA_VERSION};
pub use wire::error::ParseError;
pub use wire::limits::{MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH, MAX_PARSE_ERRORS};
pub use wire::pointer::{Pointer, PointerError, Segment};

//! The notification: every section of IMY's form "Anmälan av personuppgiftsincident", in form order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::affected::DataAndSubjects;
use crate::model::consequences::Consequences;
use crate::model::contact::ContactDetails;
use crate::model::controller::Controller;
use crate::model::incident::Incident;
use crate::model::information::DataSubjectInformation;
use crate::model::processor::Processors;
use crate::model::supplement::SupplementAndConfidentiality;
use crate::model::version::SchemaVersion;
use crate::values::datetime::Timestamp;

/// A personal data breach notification to IMY (GDPR Art. 33), section by section in form order.
///
/// Every answer is optional when read: a notification may be filed incomplete and supplemented later
/// (Art. 33(4)), and which answers are required is a matter for validation, which reports every
/// missing one at once. Types enforce what a single value must look like.
///
/// # Example
/// ```
/// use imy_breach::{Notification, Nature, ShortText};
/// let mut n = Notification::new();
/// n.controller.name = Some(ShortText::new("Exempelkommunen").unwrap());
/// n.incident.nature = Some(Nature::LossOrTheft);
/// let json = n.to_json();
/// assert_eq!(Notification::from_json(&json).unwrap(), n);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Anmälan av personuppgiftsincident")]
pub struct Notification {
    /// The version of the wire format, `"1.0"`. Required in every document.
    pub schema_version: SchemaVersion,
    /// When the notification was, or will be, filed with IMY: RFC 3339 with an offset. Not on the
    /// form; deadline and lateness rules use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<Timestamp>,
    /// Section "Personuppgiftsansvarig" — the controller (questions 1–4).
    #[serde(default, skip_serializing_if = "Controller::is_empty")]
    pub controller: Controller,
    /// Section "Kontaktuppgifter för anmälan" — contact details (questions 5–9).
    #[serde(default, skip_serializing_if = "ContactDetails::is_empty")]
    pub contact_details: ContactDetails,
    /// Section "Incidenten" — the breach (questions 10–20).
    #[serde(default, skip_serializing_if = "Incident::is_empty")]
    pub incident: Incident,
    /// Section "Biträden" — processors (questions 21–22).
    #[serde(default, skip_serializing_if = "Processors::is_empty")]
    pub processors: Processors,
    /// Section "Uppgifterna och de registrerade" — the data and the data subjects (questions 23–27).
    #[serde(default, skip_serializing_if = "DataAndSubjects::is_empty")]
    pub data_and_subjects: DataAndSubjects,
    /// Section "Konsekvenser" — consequences, severity and actions (questions 28–30).
    #[serde(default, skip_serializing_if = "Consequences::is_empty")]
    pub consequences: Consequences,
    /// Section "Information till de registrerade" — information to the data subjects (questions 31–35).
    #[serde(default, skip_serializing_if = "DataSubjectInformation::is_empty")]
    pub data_subject_information: DataSubjectInformation,
    /// Section "Komplettering/eventuell sekretess" — supplement and confidentiality (questions 36–37).
    #[serde(default, skip_serializing_if = "SupplementAndConfidentiality::is_empty")]
    pub supplement_and_confidentiality: SupplementAndConfidentiality,
}

impl Notification {
    /// An empty notification of the current schema version.
    pub fn new() -> Self {
        Self::default()
    }
}

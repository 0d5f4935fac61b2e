//! The answers a breach record and a notification share, declared once: each is a member of the
//! record at a JSON pointer and an answer of the form ([`Field`]), and both directions — the
//! notification's prefill from a record ([`BreachRecord::to_notification`]) and a record's facts from
//! a notification ([`BreachRecord::from_notification`]) — copy along this table. What does not map
//! one to one (the filing moment, the information to the data subjects) is derived after it.

use serde_json::{Map, Value};

use crate::form::Field;
use crate::lang::Lang;
use crate::model::decision::{DecisionOutcome, InformDecision};
use crate::model::notices::{Communication, Filing, FilingKind};
use crate::model::notification::Notification;
use crate::model::record::BreachRecord;
use crate::values::choice::{Choice, YesNo};
use crate::values::text::LongText;

/// The shared answers: (the record's pointer, the form's answer). Each is copied whole.
///
/// # Example
/// ```
/// use imy_breach::form::{Field, SHARED_ANSWERS};
/// assert!(SHARED_ANSWERS.contains(&("/facts/occurred", Field::IncidentOccurred)));
/// ```
pub const SHARED_ANSWERS: &[(&str, Field)] = &[
    ("/controller", Field::Controller),
    ("/facts/occurred", Field::IncidentOccurred),
    ("/facts/discovered", Field::IncidentDiscovered),
    ("/facts/ongoing", Field::IncidentOngoing),
    ("/facts/ceased", Field::IncidentCeased),
    ("/decisions/notifyAuthority/lateReason", Field::IncidentLateReason),
    ("/facts/nature", Field::IncidentNature),
    ("/facts/description", Field::IncidentDescription),
    ("/facts/discoveryMethod", Field::IncidentDiscoveryMethod),
    ("/facts/cause", Field::IncidentCause),
    ("/facts/causeComment", Field::IncidentCauseComment),
    ("/facts/sector", Field::IncidentSector),
    ("/facts/areaOfActivity", Field::IncidentAreaOfActivity),
    ("/facts/areaOfActivityComment", Field::IncidentAreaOfActivityComment),
    ("/affected", Field::DataAndSubjects),
    ("/likelyConsequences", Field::LikelyConsequences),
    ("/likelyConsequencesComment", Field::LikelyConsequencesComment),
    ("/severity", Field::Severity),
    ("/actions", Field::Actions),
];

/// Copies the value at each `from` pointer of `source` to the `to` pointer of a new document.
fn copy(source: &Value, pairs: impl Iterator<Item = (String, String)>, mut target: Value) -> Value {
    for (from, to) in pairs {
        if let Some(v) = source.pointer(&from) {
            set(&mut target, &to, v.clone());
        }
    }
    target
}

/// Sets the member at `pointer` (members only, no escapes: the table's), creating the objects on
/// the way.
fn set(root: &mut Value, pointer: &str, value: Value) {
    let mut node = root;
    let mut names = pointer.split('/').skip(1).peekable();
    while let Some(name) = names.next() {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        let Value::Object(map) = node else { return };
        if names.peek().is_none() {
            map.insert(name.to_owned(), value);
            return;
        }
        node = map.entry(name.to_owned()).or_insert_with(|| Value::Object(Map::new()));
    }
}

impl BreachRecord {
    /// The notification's known answers from the record (a prefill for the form): every shared
    /// answer ([`SHARED_ANSWERS`]), the filing moment (`submittedAt`, from the first filing of kind
    /// `initial`), and the information to the data subjects (questions 31–35) from the
    /// communication and the decision to inform. The contact details, processors and
    /// confidentiality are not in a record and stay empty.
    ///
    /// # Example
    /// ```
    /// use imy_breach::BreachRecord;
    /// let r = BreachRecord::from_json(r#"{"kind":"breach_record","schemaVersion":"1.0",
    ///   "facts":{"nature":"loss_or_theft","discovered":{"date":"2025-03-28"}},
    ///   "filings":[{"kind":"initial","submittedAt":"2025-03-29T09:00:00+01:00"}]}"#)?;
    /// let n = r.to_notification();
    /// assert_eq!(n.incident.nature, Some(imy_breach::Nature::LossOrTheft));
    /// assert!(n.submitted_at.is_some());
    /// assert_eq!(BreachRecord::from_notification(&n).facts, r.facts);
    /// # Ok::<(), imy_breach::ParseError>(())
    /// ```
    pub fn to_notification(&self) -> Notification {
        let source = serde_json::to_value(self).unwrap_or_default();
        let pairs = SHARED_ANSWERS.iter().map(|(r, f)| ((*r).to_owned(), f.pointer().to_string()));
        let target = copy(&source, pairs, serde_json::json!({ "schemaVersion": crate::SCHEMA_VERSION }));
        // The values came from the same types: reading them back cannot fail.
        let mut n: Notification = serde_json::from_value(target).unwrap_or_default();
        n.submitted_at = self.initial_filing().and_then(|f| f.submitted_at);
        let info = &mut n.data_subject_information;
        let inform = &self.decisions.inform_data_subjects;
        match (self.communication.as_ref().and_then(|c| c.sent_on), inform.decision) {
            (Some(on), _) => {
                info.informed = Some(YesNo::Yes);
                info.informed_on = Some(on);
            }
            (None, Some(DecisionOutcome::Yes)) => {
                info.informed = Some(YesNo::No);
                info.will_inform = Some(YesNo::Yes);
                info.planned_on = self.communication.as_ref().and_then(|c| c.planned_on);
            }
            (None, Some(DecisionOutcome::No)) => {
                info.informed = Some(YesNo::No);
                info.will_inform = Some(YesNo::No);
                info.reason_not_informing = reason_not_informing(inform);
            }
            _ => {}
        }
        n
    }

    /// A record whose facts are a notification's answers: every shared answer
    /// ([`SHARED_ANSWERS`]); a filing of kind `initial` at `submittedAt` and the decision to notify
    /// when the notification has a filing moment; the communication and the decision to inform from
    /// questions 31–35. Nothing else is set: the assessment and the other decisions are the
    /// controller's to record.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{BreachRecord, Notification};
    /// let n = Notification::from_json(r#"{"schemaVersion":"1.1","incident":{"cause":"human_error"},
    ///   "dataSubjectInformation":{"informed":"yes","informedOn":"2025-03-30"}}"#)?;
    /// let r = BreachRecord::from_notification(&n);
    /// assert_eq!(r.facts.cause, Some(imy_breach::Cause::HumanError));
    /// assert_eq!(r.to_notification(), n);
    /// # Ok::<(), imy_breach::ParseError>(())
    /// ```
    pub fn from_notification(notification: &Notification) -> BreachRecord {
        let source = serde_json::to_value(notification).unwrap_or_default();
        let pairs = SHARED_ANSWERS.iter().map(|(r, f)| (f.pointer().to_string(), (*r).to_owned()));
        let start = serde_json::json!({ "kind": crate::RECORD_KIND, "schemaVersion": crate::SCHEMA_VERSION });
        let target = copy(&source, pairs, start);
        let mut r: BreachRecord = serde_json::from_value(target).unwrap_or_default();
        if let Some(at) = notification.submitted_at {
            r.filings.push(Filing {
                kind: Some(FilingKind::Initial),
                submitted_at: Some(at),
                ..Filing::default()
            });
            r.decisions.notify_authority.decision = Some(DecisionOutcome::Yes);
        }
        let info = &notification.data_subject_information;
        let inform = &mut r.decisions.inform_data_subjects;
        match (info.informed, info.will_inform) {
            (Some(YesNo::Yes), _) => {
                inform.decision = Some(DecisionOutcome::Yes);
                r.communication =
                    Some(Communication { sent_on: info.informed_on, ..Communication::default() });
            }
            (Some(YesNo::No), Some(YesNo::Yes)) => {
                inform.decision = Some(DecisionOutcome::Yes);
                r.communication =
                    Some(Communication { planned_on: info.planned_on, ..Communication::default() })
                        .filter(|c| c.planned_on.is_some());
            }
            (Some(YesNo::No), Some(YesNo::No)) => {
                inform.decision = Some(DecisionOutcome::No);
                inform.explanation = info.reason_not_informing.clone();
            }
            _ => {}
        }
        r
    }
}

/// Question 35's answer from the decision not to inform: the controller's explanation, or else the
/// ground's Swedish label.
fn reason_not_informing(inform: &InformDecision) -> Option<LongText> {
    inform.explanation.clone().or_else(|| inform.ground.and_then(|g| LongText::new(g.label(Lang::Sv)).ok()))
}

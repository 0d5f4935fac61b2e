//! The inputs of the method, resolved: what the controller stated, what follows from the
//! notification's answers, and the defaults suggested where neither says.

use crate::model::affected::{DataCategory, SubjectGroup};
use crate::model::assessment::{
    AvailabilityLoss, ConfidentialityLoss, DataKind, Direction, DpcReason, EaseOfIdentification, EnisaInputs,
    IntegrityLoss,
};
use crate::model::incident::{Cause, Nature};
use crate::model::notification::Notification;
use crate::values::choice::{choice_enum, YesNo};

choice_enum! {
    /// Where an input of the assessment comes from.
    pub enum Source in "assessment input source" {
        /// Stated by the controller in the assessment's inputs.
        Stated = ("stated", Derived, "Angiven i bedömningen", "Stated in the assessment"),
        /// Follows from the notification's answers (question 26 for the kind of data, 18 for malice).
        Derived = ("derived", Derived, "Följer av anmälans svar", "Follows from the notification's answers"),
        /// Not stated: a default suggested by the notification's answers (question 15 for the
        /// circumstances, 25 for vulnerable persons), to be confirmed by the controller.
        Default = ("default", Derived, "Förval utifrån anmälans svar, att bekräfta", "A default from the notification's answers, to be confirmed"),
    }
}

choice_enum! {
    /// An input of ENISA's method.
    pub enum Input in "assessment input" {
        /// The kind of data, which sets the base of the data-processing-context score (DPC).
        DataKind = ("data_kind", Derived, "Typ av uppgifter (DPC-grund)", "Kind of data (DPC base)"),
        /// One adjustment of the DPC score.
        DpcAdjustment = ("dpc_adjustment", Derived, "Justering av DPC", "DPC adjustment"),
        /// Ease of identification (EI).
        EaseOfIdentification = ("ease_of_identification", Derived, "Identifierbarhet (EI)", "Ease of identification (EI)"),
        /// Loss of confidentiality (CB).
        Confidentiality = ("confidentiality", Derived, "Förlust av konfidentialitet", "Loss of confidentiality"),
        /// Loss of integrity (CB).
        Integrity = ("integrity", Derived, "Förlust av riktighet", "Loss of integrity"),
        /// Loss of availability (CB).
        Availability = ("availability", Derived, "Förlust av tillgänglighet", "Loss of availability"),
        /// Malicious intent (CB).
        Malicious = ("malicious", Derived, "Uppsåt", "Malicious intent"),
    }
}

/// The kind of data a category of question 26 has in ENISA's table (see docs/DESIGN.md, "The risk
/// assessment"): `None` for "Okänd" and "Övrigt", which say nothing about the kind.
///
/// | Categories | Kind | Base |
/// |---|---|---|
/// | the special categories of Art. 9, criminal offences (Art. 10) | sensitive | 4 |
/// | economic or financial information | financial | 3 |
/// | location data, communication logs, metadata about communication | behavioural | 2 |
/// | identifying information, contact information, personnummer, official documents | simple | 1 |
pub(super) fn category_kind(c: DataCategory) -> Option<DataKind> {
    if c.is_special_category() || c.is_criminal_offence_data() {
        return Some(DataKind::Sensitive);
    }
    match c {
        DataCategory::FinancialInformation => Some(DataKind::Financial),
        DataCategory::LocationData
        | DataCategory::CommunicationLogs
        | DataCategory::CommunicationMetadata => Some(DataKind::Behavioural),
        DataCategory::IdentifyingInformation
        | DataCategory::ContactInformation
        | DataCategory::PersonalIdentityNumber
        | DataCategory::OfficialDocuments => Some(DataKind::Simple),
        _ => None,
    }
}

/// A resolved input: its value and where it comes from.
#[derive(Debug, Clone, Copy)]
pub(super) struct Given<T> {
    pub value: T,
    pub source: Source,
}

fn default<T>(value: T) -> Given<T> {
    Given { value, source: Source::Default }
}

fn stated<T>(value: T) -> Given<T> {
    Given { value, source: Source::Stated }
}

/// One DPC adjustment, resolved.
#[derive(Debug, Clone, Copy)]
pub(super) struct Step {
    pub direction: Direction,
    pub reason: DpcReason,
    pub source: Source,
}

/// Every input, resolved; `None` where neither the controller nor the answers say.
#[derive(Debug, Clone, Default)]
pub(super) struct Resolved {
    pub kind: Option<Given<DataKind>>,
    /// The kind question 26 gives, when the controller stated another.
    pub derived_kind: Option<DataKind>,
    /// Whether question 26 names "Okänd" or "Övrigt" next to the derivable categories.
    pub categories_incomplete: bool,
    pub steps: Vec<Step>,
    /// Vulnerable persons in question 25 that the stated adjustments do not weigh.
    pub vulnerable_unweighed: bool,
    pub ei: Option<EaseOfIdentification>,
    pub confidentiality: Option<Given<ConfidentialityLoss>>,
    pub integrity: Option<Given<IntegrityLoss>>,
    pub availability: Option<Given<AvailabilityLoss>>,
    pub malicious: Option<Given<bool>>,
}

impl Resolved {
    pub(super) fn of(n: &Notification, e: &EnisaInputs) -> Resolved {
        let d = &n.data_and_subjects;
        let derived = d.data_categories.iter().filter_map(category_kind).max();
        let categories_incomplete =
            d.data_categories.iter().any(|c| matches!(c, DataCategory::Unknown | DataCategory::Other));
        let kind = match (e.data_kind, derived) {
            (Some(k), _) => Some(stated(k)),
            (None, Some(k)) => Some(Given { value: k, source: Source::Derived }),
            (None, None) => None,
        };
        let vulnerable = d.subject_groups.iter().any(|g| {
            matches!(g, SubjectGroup::Children | SubjectGroup::Pupils | SubjectGroup::VulnerablePersons)
        });
        let mut steps: Vec<Step> = e
            .dpc_adjustments
            .iter()
            .map(|a| Step { direction: a.direction, reason: a.reason, source: Source::Stated })
            .collect();
        let weighed = steps.iter().any(|s| s.reason == DpcReason::VulnerableSubjects);
        let personnummer = d.data_categories.contains(DataCategory::PersonalIdentityNumber);
        if steps.is_empty() {
            let up = |reason| Step { direction: Direction::Up, reason, source: Source::Default };
            if vulnerable {
                steps.push(up(DpcReason::VulnerableSubjects));
            }
            if personnummer
                && kind.is_some_and(|k| k.source == Source::Derived && k.value == DataKind::Simple)
            {
                steps.push(up(DpcReason::CriticalContext));
            }
        }
        let (c, i, a) = defaults(n.incident.nature, d.encrypted, n.incident.cause);
        let malicious = match (e.malicious, n.incident.cause) {
            (Some(m), _) => Some(stated(m == YesNo::Yes)),
            (None, Some(cause)) => {
                Some(Given { value: cause == Cause::AntagonisticAttack, source: Source::Derived })
            }
            (None, None) => None,
        };
        Resolved {
            kind,
            derived_kind: derived.filter(|k| e.data_kind.is_some_and(|s| s != *k)),
            categories_incomplete: categories_incomplete && kind.is_some_and(|k| k.source == Source::Derived),
            vulnerable_unweighed: vulnerable && !weighed && !e.dpc_adjustments.is_empty(),
            steps,
            ei: e.ease_of_identification,
            confidentiality: e.confidentiality.map(stated).or(c),
            integrity: e.integrity.map(stated).or(i),
            availability: e.availability.map(stated).or(a),
            malicious,
        }
    }

    /// Whether the data were unintelligible (question 27 = Ja) and neither disclosed, altered nor
    /// lost: no circumstance of the breach touches the people, whatever the kind of data.
    pub(super) fn unintelligible_without_loss(&self, n: &Notification) -> bool {
        n.data_and_subjects.encrypted == Some(YesNo::Yes)
            && self.confidentiality.is_some_and(|c| c.value == ConfidentialityLoss::None)
            && self.integrity.is_some_and(|i| i.value == IntegrityLoss::None)
            && self.availability.is_some_and(|a| a.value == AvailabilityLoss::None)
    }

    /// The inputs neither stated nor derivable.
    pub(super) fn missing(&self) -> Vec<Input> {
        let mut m = Vec::new();
        let checks = [
            (self.kind.is_none(), Input::DataKind),
            (self.ei.is_none(), Input::EaseOfIdentification),
            (self.confidentiality.is_none(), Input::Confidentiality),
            (self.integrity.is_none(), Input::Integrity),
            (self.availability.is_none(), Input::Availability),
            (self.malicious.is_none(), Input::Malicious),
        ];
        for (absent, input) in checks {
            if absent {
                m.push(input);
            }
        }
        m
    }
}

type Circumstances =
    (Option<Given<ConfidentialityLoss>>, Option<Given<IntegrityLoss>>, Option<Given<AvailabilityLoss>>);

/// The circumstances question 15 (what happened) suggests, question 27 (encryption) and 18 (the
/// cause) considered:
///
/// | Question 15 | Confidentiality | Integrity | Availability |
/// |---|---|---|---|
/// | misdirected communication | known recipients | none | none |
/// | other unauthorised disclosure | unknown recipients | none | none |
/// | unauthorised access | unknown recipients after an attack, known recipients otherwise | none | none |
/// | loss or theft | unknown recipients | none | temporary |
/// | destruction | none | none | permanent |
/// | alteration | none | recoverable | none |
/// | other, or not answered | — | — | — |
///
/// Encrypted data (27 = Ja) suggest no loss of confidentiality: the data are presumed
/// unintelligible.
fn defaults(nature: Option<Nature>, encrypted: Option<YesNo>, cause: Option<Cause>) -> Circumstances {
    use AvailabilityLoss as A;
    use ConfidentialityLoss as C;
    use IntegrityLoss as I;
    let attack = cause == Some(Cause::AntagonisticAttack);
    let (c, i, a) = match nature {
        Some(Nature::MisdirectedCommunication) => (C::KnownRecipients, I::None, A::None),
        Some(Nature::UnauthorisedDisclosureOther) => (C::UnknownRecipients, I::None, A::None),
        Some(Nature::UnauthorisedAccess) if attack => (C::UnknownRecipients, I::None, A::None),
        Some(Nature::UnauthorisedAccess) => (C::KnownRecipients, I::None, A::None),
        Some(Nature::LossOrTheft) => (C::UnknownRecipients, I::None, A::Temporary),
        Some(Nature::Destruction) => (C::None, I::None, A::Permanent),
        Some(Nature::Alteration) => (C::None, I::Recoverable, A::None),
        _ => return (None, None, None),
    };
    let c = if encrypted == Some(YesNo::Yes) { C::None } else { c };
    (Some(default(c)), Some(default(i)), Some(default(a)))
}

//! The processors, the data and data subjects, the consequences and the information to the data
//! subjects (questions 21–35).

use time::Duration;

use super::build::Supplement;
use super::conditions::asked;
use super::incident::Times;
use super::random::SplitMix64;
use super::values::{is_plain_local, local_fields, long, organisation_number, short};
use super::words::{ACTIONS, COMPANY_WORDS, NOT_INFORMING_REASONS};
use crate::form::Field;
use crate::model::affected::{Count, CountInterval, DataAndSubjects, DataCategory, SubjectGroup};
use crate::model::consequences::{Action, Consequence, Consequences, Severity};
use crate::model::incident::{AreaOfActivity, Cause, DiscoveryMethod, Nature};
use crate::model::notification::Notification;
use crate::model::processor::Processor;
use crate::model::state::AnswerState;
use crate::values::choice::{ChoiceSet, YesNo};
use crate::values::datetime::LocalDate;

/// Questions 21–22: processors in about a third of the breaches, and in every hostile access.
pub(super) fn processors(r: &mut SplitMix64, n: &mut Notification) {
    let attack = n.incident.nature == Some(Nature::UnauthorisedAccess)
        && n.incident.cause == Some(Cause::AntagonisticAttack);
    // A processor that reported the breach (question 17) is involved (rule processor-informed-not-involved).
    let reported = n.incident.discovery_method == Some(DiscoveryMethod::ProcessorInformed);
    let involved = r.percent(30) || attack || reported;
    n.processors.involved = Some(if involved { YesNo::Yes } else { YesNo::No });
    if asked(n, Field::ProcessorOrganisations) {
        n.processors.organisations = (0..r.weighted(&[(1u64, 80), (2, 20)]))
            .map(|_| Processor {
                name: short(&format!(
                    "{} {} AB",
                    r.pick(COMPANY_WORDS),
                    r.pick(&["IT-drift", "Moln", "Tryck", "Post"])
                )),
                organisation_number: r.percent(90).then(|| organisation_number(r, "559")).flatten(),
            })
            .collect();
    }
}

/// Questions 23–27; whether sensitive data or vulnerable people are concerned.
pub(super) fn data_and_subjects(r: &mut SplitMix64, n: &mut Notification, supplement: Supplement) -> bool {
    let nature = n.incident.nature.unwrap_or(Nature::Other);
    let area = n.incident.area_of_activity.unwrap_or(AreaOfActivity::Other);
    let subjects = log_count(r, nature);
    let records = subjects.saturating_mul(r.between(1, 8));
    let subject_groups = subject_groups(r, area);
    let data_categories = data_categories(r, area);
    let left = supplement.leaves_answers;
    n.data_and_subjects = DataAndSubjects {
        subject_count: if left { not_known_yet(r) } else { count(r, subjects) },
        record_count: if left { not_known_yet(r) } else { count(r, records) },
        subject_groups,
        data_categories,
        encrypted: r.weighted(&[(Some(YesNo::No), 80), (Some(YesNo::Yes), 12), (None, 8)]),
        ..DataAndSubjects::default()
    };
    if asked(n, Field::DataSubjectGroupsComment) {
        n.data_and_subjects.subject_groups_comment = long("Sökande till en tjänst.");
    }
    if asked(n, Field::DataCategoriesComment) {
        n.data_and_subjects.data_categories_comment = long("Uppgifter om frånvaro och ledighet.");
    }
    let data = &n.data_and_subjects;
    data.data_categories.iter().any(|c| c.is_special_category() || c.is_criminal_offence_data())
        || [SubjectGroup::Children, SubjectGroup::Pupils, SubjectGroup::VulnerablePersons]
            .iter()
            .any(|g| data.subject_groups.contains(*g))
}

/// Questions 28–30: the consequences (at least less serious for `sensitive` data) and the
/// actions taken between the discovery and the filing.
pub(super) fn consequences(
    r: &mut SplitMix64,
    n: &mut Notification,
    t: &Times,
    supplement: Supplement,
    sensitive: bool,
) {
    let mut likely = likely_consequences(r);
    let mut severity = r.weighted(&[
        (Severity::NotSerious, 25),
        (Severity::LessSerious, 40),
        (Severity::Serious, 25),
        (Severity::VerySerious, 10),
    ]);
    if sensitive && severity == Severity::NotSerious {
        severity = Severity::LessSerious;
    }
    let left = supplement.leaves_answers;
    let actions = if left && r.percent(50) { Vec::new() } else { actions(r, t) };
    if left && r.percent(50) {
        likely = ChoiceSet::new();
    }
    n.consequences = Consequences {
        likely_consequences: likely,
        likely_consequences_comment: None,
        severity: Some(severity),
        actions,
    };
    if asked(n, Field::LikelyConsequencesComment) {
        n.consequences.likely_consequences_comment = long("Oro hos de registrerade.");
    }
}

fn likely_consequences(r: &mut SplitMix64) -> ChoiceSet<Consequence> {
    let mut likely = ChoiceSet::new();
    for _ in 0..r.between(1, 3) {
        likely.insert(r.weighted(&[
            (Consequence::LossOfControl, 40),
            (Consequence::LossOfConfidentiality, 15),
            (Consequence::IdentityTheftOrFraud, 10),
            (Consequence::DamageToReputation, 10),
            (Consequence::Discrimination, 5),
            (Consequence::FinancialLoss, 8),
            (Consequence::OtherDisadvantage, 6),
            (Consequence::LimitationOfRights, 3),
            (Consequence::PseudonymisationReversal, 1),
            (Consequence::Other, 2),
        ]));
    }
    likely
}

/// One to five actions between the discovery and the filing, in time order.
fn actions(r: &mut SplitMix64, t: &Times) -> Vec<Action> {
    let span = (t.submitted - t.discovered_at).whole_minutes().max(0) as u64;
    let mut offsets: Vec<u64> =
        (0..r.weighted(&[(1u64, 35), (2, 35), (3, 20), (5, 10)])).map(|_| r.below(span + 1)).collect();
    offsets.sort_unstable();
    let mut actions = Vec::new();
    for m in offsets {
        let at = t.discovered_at + Duration::minutes(m as i64);
        let with_time = r.percent(70) && is_plain_local(at);
        let (date, time) = local_fields(at).unzip();
        actions.push(Action {
            date,
            time: if with_time { time } else { None },
            description: long(r.pick(ACTIONS)),
        });
    }
    actions
}

/// Questions 31–35: informed (40 %), to be informed (30 %) or not, with a reason (30 %; with
/// strong encryption, the exception of Article 34.3 a).
pub(super) fn information(r: &mut SplitMix64, n: &mut Notification, t: &Times) {
    // The answers to 31 and 33 (33 only counts when the form asks it).
    let (informed, will_inform) = r.weighted(&[
        ((YesNo::Yes, YesNo::No), 40),
        ((YesNo::No, YesNo::Yes), 30),
        ((YesNo::No, YesNo::No), 30),
    ]);
    n.data_subject_information.informed = Some(informed);
    if asked(n, Field::WillInform) {
        n.data_subject_information.will_inform = Some(will_inform);
    }
    let (discovered, submitted) = (t.discovered_date(), t.submitted_date());
    if asked(n, Field::InformedOn) {
        let days = (submitted - discovered).whole_days().max(0) as u64;
        n.data_subject_information.informed_on =
            LocalDate::from_date(discovered + Duration::days(r.below(days + 1) as i64)).ok();
    }
    if asked(n, Field::PlannedOn) {
        n.data_subject_information.planned_on =
            LocalDate::from_date(submitted + Duration::days(r.below(15) as i64)).ok();
    }
    if asked(n, Field::ReasonNotInforming) {
        let reason = r.pick(NOT_INFORMING_REASONS);
        n.data_subject_information.reason_not_informing = if n.data_and_subjects.encrypted == Some(YesNo::Yes)
        {
            long(
                "Uppgifterna var krypterade med stark kryptering och nyckeln har inte röjts, så undantaget i \
                 artikel 34.3 a i dataskyddsförordningen är tillämpligt.",
            )
        } else {
            long(reason)
        };
    }
}

/// How many people: small for misdirected mail, sometimes very large for attacks.
fn log_count(r: &mut SplitMix64, nature: Nature) -> u64 {
    let max_exp = match nature {
        Nature::MisdirectedCommunication => 2.5,
        Nature::UnauthorisedAccess => 6.0,
        _ => 4.5,
    };
    let e = r.unit() * r.unit() * max_exp;
    (10f64.powf(e) as u64).max(1)
}

/// A count left for the supplement: unanswered, or (schema version 1.1) said to be not known yet.
fn not_known_yet(r: &mut SplitMix64) -> Count {
    match r.percent(40) {
        true => Count { state: Some(AnswerState::NotKnownYet), ..Count::default() },
        false => Count::default(),
    }
}

fn count(r: &mut SplitMix64, n: u64) -> Count {
    match r.weighted(&[(0u8, 48), (1, 29), (2, 18), (3, 3), (4, 2)]) {
        3 => Count { approximate: Some(approximately(n)), ..Count::default() },
        4 => Count {
            state: Some(AnswerState::CannotBeDetermined),
            reason: long("Loggarna sparas bara i 30 dagar, så antalet kan inte fastställas."),
            ..Count::default()
        },
        0 => Count { exact: Some(n), interval: Some(CountInterval::containing(n)), ..Count::default() },
        1 => Count { exact: None, interval: Some(CountInterval::containing(n)), ..Count::default() },
        _ => Count { exact: Some(n), interval: None, ..Count::default() },
    }
}

/// `n` rounded to its first digit ("about 3 000").
fn approximately(n: u64) -> u64 {
    let mut scale = 1;
    while n / scale >= 10 {
        scale *= 10;
    }
    (n / scale).max(1) * scale
}

fn subject_groups(r: &mut SplitMix64, area: AreaOfActivity) -> ChoiceSet<SubjectGroup> {
    let mut set = ChoiceSet::new();
    if r.percent(2) {
        set.insert(SubjectGroup::CannotSpecifyYet);
        return set;
    }
    let main = match area {
        AreaOfActivity::Education => {
            r.pick(&[SubjectGroup::Pupils, SubjectGroup::Students, SubjectGroup::Children])
        }
        AreaOfActivity::HealthCare => SubjectGroup::Patients,
        AreaOfActivity::SocialServices => {
            r.pick(&[SubjectGroup::VulnerablePersons, SubjectGroup::Children, SubjectGroup::ServiceUsers])
        }
        AreaOfActivity::Trade | AreaOfActivity::FinanceInsurance => SubjectGroup::Customers,
        AreaOfActivity::TelecomIt => r.pick(&[SubjectGroup::Subscribers, SubjectGroup::Customers]),
        AreaOfActivity::NonProfitOrganisation => SubjectGroup::Members,
        _ => r.pick(&[SubjectGroup::ServiceUsers, SubjectGroup::Employees]),
    };
    set.insert(main);
    if r.percent(30) {
        set.insert(SubjectGroup::Employees);
    }
    if r.percent(4) {
        set.insert(SubjectGroup::Other);
    }
    set
}

fn data_categories(r: &mut SplitMix64, area: AreaOfActivity) -> ChoiceSet<DataCategory> {
    let mut set = ChoiceSet::new();
    if r.percent(2) {
        set.insert(DataCategory::Unknown);
        return set;
    }
    if r.percent(85) {
        set.insert(DataCategory::IdentifyingInformation);
    }
    if r.percent(55) {
        set.insert(DataCategory::ContactInformation);
    }
    if r.percent(40) {
        set.insert(DataCategory::PersonalIdentityNumber);
    }
    match area {
        AreaOfActivity::HealthCare | AreaOfActivity::SocialServices if r.percent(70) => {
            set.insert(DataCategory::Health);
        }
        AreaOfActivity::FinanceInsurance | AreaOfActivity::Trade if r.percent(50) => {
            set.insert(DataCategory::FinancialInformation);
        }
        AreaOfActivity::TelecomIt if r.percent(40) => {
            set.insert(DataCategory::CommunicationMetadata);
        }
        _ => {}
    }
    if r.percent(3) {
        set.insert(r.pick(&[
            DataCategory::CriminalOffences,
            DataCategory::EthnicOrigin,
            DataCategory::ReligiousOrPhilosophicalBeliefs,
            DataCategory::TradeUnionMembership,
            DataCategory::LocationData,
            DataCategory::OfficialDocuments,
        ]));
    }
    if r.percent(4) {
        set.insert(DataCategory::Other);
    }
    if set.is_empty() {
        set.insert(DataCategory::IdentifyingInformation);
    }
    set
}

//! Building a valid notification, section by section in form order, from one random stream.
//!
//! The order of the draws is the output: a builder that draws in another order makes other
//! notifications for the same seed (pinned by `tests/generate.rs`).

use time::OffsetDateTime;

use super::incident::{incident, times};
use super::random::SplitMix64;
use super::sections::{consequences, data_and_subjects, information, processors};
use super::values::{address, ascii_fold, email, long, organisation_number, phone, short};
use super::words::{
    AGENCY_PREFIXES, COMPANY_KINDS, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, REGIONS, ROLES, TOWNS,
};
use crate::model::contact::{ContactDetails, ContactPerson};
use crate::model::controller::{Address, Controller};
use crate::model::incident::{AreaOfActivity, Sector};
use crate::model::notification::Notification;
use crate::model::supplement::{ConfidentialityMarking, SecrecyGround, SupplementAndConfidentiality};
use crate::values::choice::YesNo;
use crate::values::datetime::Timestamp;

/// A valid notification and the facts the spoilers need.
pub(super) struct Built {
    pub(super) notification: Notification,
    /// The discovery as an instant.
    pub(super) discovered: OffsetDateTime,
}

/// Whether the controller means to supplement the notification, and whether it leaves some
/// answers for the supplement.
#[derive(Debug, Clone, Copy)]
pub(super) struct Supplement {
    pub(super) intended: bool,
    pub(super) leaves_answers: bool,
}

/// The organisation's town, web domain and postal address, which the contact details reuse.
struct Organisation {
    town: &'static str,
    domain: String,
    postal: Address,
}

pub(super) fn build(r: &mut SplitMix64) -> Built {
    let mut n = Notification::default();
    let organisation = controller(r, &mut n);
    n.contact_details = contact_details(r, organisation);
    let t = times(r);
    incident(r, &mut n, &t);
    processors(r, &mut n);
    let intended = r.percent(35);
    let supplement = Supplement { intended, leaves_answers: intended && r.percent(30) };
    let sensitive = data_and_subjects(r, &mut n, supplement);
    consequences(r, &mut n, &t, supplement, sensitive);
    information(r, &mut n, &t);
    n.supplement_and_confidentiality = supplement_and_confidentiality(r, supplement);
    if states_not_known_yet(&n) {
        // An answer not known yet follows in a supplement: question 36 says so.
        n.supplement_and_confidentiality.intends_to_supplement = Some(YesNo::Yes);
    }
    if supplement.leaves_answers && r.percent(50) {
        n.incident.sector = None;
    }
    n.submitted_at = Some(Timestamp::new(t.submitted));
    Built { notification: n, discovered: t.discovered_at }
}

/// Whether question 10, 13, 23 or 24 says "not known yet" (schema version 1.1), or 25 or 26 has its
/// option for it.
fn states_not_known_yet(n: &Notification) -> bool {
    let (i, d) = (&n.incident, &n.data_and_subjects);
    [i.occurred.state, i.ceased.state, d.subject_count.state, d.record_count.state]
        .contains(&Some(crate::model::state::AnswerState::NotKnownYet))
        || d.subject_groups.contains(crate::SubjectGroup::CannotSpecifyYet)
        || d.data_categories.contains(crate::DataCategory::Unknown)
}

/// Questions 1–4, and the sector and area of activity (19, 20), which the rest follows.
fn controller(r: &mut SplitMix64, n: &mut Notification) -> Organisation {
    let sector = r.weighted(&[(Sector::Public, 70), (Sector::Private, 25), (Sector::NonProfit, 5)]);
    let area = area_of_activity(r, sector);
    let town = r.pick(TOWNS);
    let (name, prefix, domain) = naming(r, sector, area, town);
    let postal = address(r, town);
    n.controller = Controller {
        name: short(&name),
        organisation_number: r.percent(95).then(|| organisation_number(r, prefix)).flatten(),
        postal_address: postal.clone(),
        internal_reference: r
            .percent(50)
            .then(|| short(&format!("PUI {}-{:03}", 2019 + r.below(8), r.between(1, 400))))
            .flatten(),
    };
    n.incident.sector = Some(sector);
    n.incident.area_of_activity = Some(area);
    Organisation { town, domain, postal }
}

fn area_of_activity(r: &mut SplitMix64, sector: Sector) -> AreaOfActivity {
    match sector {
        Sector::Public => r.weighted(&[
            (AreaOfActivity::MunicipalityOrRegion, 40),
            (AreaOfActivity::StateAgency, 20),
            (AreaOfActivity::HealthCare, 15),
            (AreaOfActivity::Education, 12),
            (AreaOfActivity::SocialServices, 10),
            (AreaOfActivity::Other, 3),
        ]),
        Sector::Private => r.weighted(&[
            (AreaOfActivity::Trade, 22),
            (AreaOfActivity::TelecomIt, 22),
            (AreaOfActivity::FinanceInsurance, 20),
            (AreaOfActivity::HealthCare, 15),
            (AreaOfActivity::Education, 6),
            (AreaOfActivity::SocialServices, 5),
            (AreaOfActivity::Other, 10),
        ]),
        _ => r.weighted(&[(AreaOfActivity::NonProfitOrganisation, 80), (AreaOfActivity::Other, 20)]),
    }
}

/// The organisation's name, the prefix of its organisation number and its web domain.
fn naming(
    r: &mut SplitMix64,
    sector: Sector,
    area: AreaOfActivity,
    town: &str,
) -> (String, &'static str, String) {
    match (sector, area) {
        (Sector::Public, AreaOfActivity::StateAgency) => {
            let p = r.pick(AGENCY_PREFIXES);
            (format!("{p}myndigheten"), "202100", format!("{}myndigheten.se", ascii_fold(p)))
        }
        (Sector::Public, AreaOfActivity::HealthCare) => {
            let reg = r.pick(REGIONS);
            (format!("Region {reg}"), "232100", format!("region{}.se", ascii_fold(reg)))
        }
        (Sector::Public, _) => (format!("{town} kommun"), "212000", format!("{}.se", ascii_fold(town))),
        (Sector::Private, _) => {
            let w = r.pick(COMPANY_WORDS);
            let k = r.pick(COMPANY_KINDS);
            (format!("{w} {k} AB"), "556", format!("{}{}.se", ascii_fold(w), ascii_fold(k)))
        }
        _ => {
            let w = r.pick(COMPANY_WORDS);
            (format!("Föreningen {w}"), "802", format!("foreningen{}.se", ascii_fold(w)))
        }
    }
}

/// Questions 5–9: one to three contact persons and the correspondence address.
fn contact_details(r: &mut SplitMix64, organisation: Organisation) -> ContactDetails {
    let mut contact_persons = Vec::new();
    for _ in 0..r.weighted(&[(1u64, 60), (2, 30), (3, 10)]) {
        let first = r.pick(FIRST_NAMES);
        let last = r.pick(LAST_NAMES);
        contact_persons.push(ContactPerson {
            name: short(&format!("{first} {last}")),
            role: r.percent(80).then(|| short(r.pick(ROLES))).flatten(),
            email: email(&format!("{first}.{last}"), &organisation.domain),
            phone: phone(r),
        });
    }
    let correspondence_address =
        if r.percent(80) { organisation.postal } else { address(r, organisation.town) };
    ContactDetails { contact_persons, correspondence_address }
}

/// Questions 36–37: the supplement and confidentiality.
fn supplement_and_confidentiality(
    r: &mut SplitMix64,
    supplement: Supplement,
) -> SupplementAndConfidentiality {
    let mut markings = Vec::new();
    if r.percent(3) {
        if let Ok(m) = ConfidentialityMarking::new(
            "/incident/description",
            SecrecyGround::SecurityMeasures,
            "Beskrivningen visar vilka skydd som saknades.",
        ) {
            markings.push(m);
        }
    }
    SupplementAndConfidentiality {
        intends_to_supplement: Some(if supplement.intended { YesNo::Yes } else { YesNo::No }),
        confidentiality_request: r.percent(10).then_some(()).and_then(|()| {
            long(
                "Beskrivningen av de tekniska åtgärderna rör våra säkerhetsåtgärder och bör omfattas av \
                 sekretess enligt offentlighets- och sekretesslagen.",
            )
        }),
        confidentiality_markings: markings,
    }
}

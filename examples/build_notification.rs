//! Builds a notification in code and prints it as JSON, the wire format IMY's form is modelled in.
//!
//! ```sh
//! cargo run --example build_notification
//! ```
//!
//! The people and organisations are fictional; the phone numbers are from the series the Swedish Post
//! and Telecom Authority reserves for fiction.

use imy_breach::{
    Action, Address, Cause, Choice, Consequence, ContactPerson, Count, CountInterval, DataCategory,
    DiscoveryMethod, EventTime, Lang, LocalDate, Nature, Notification, Sector, Severity, SubjectGroup,
    Timestamp, WallClockTime, YesNo,
};
use imy_breach::{AreaOfActivity, FieldError, LongText, ShortText};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n = build()?;
    println!("{}", n.to_json());

    // The JSON reads back to the same notification.
    assert_eq!(Notification::from_json(&n.to_json())?, n);

    // Labels come with the options, in Swedish and English.
    if let Some(nature) = n.incident.nature {
        eprintln!("15. {} / {}", nature.label(Lang::Sv), nature.label(Lang::En));
    }
    Ok(())
}

fn short(text: &str) -> Result<Option<ShortText>, FieldError> {
    ShortText::new(text).map(Some)
}

fn long(text: &str) -> Result<Option<LongText>, FieldError> {
    LongText::new(text).map(Some)
}

fn at(date: &str, time: &str) -> Result<EventTime, FieldError> {
    Ok(EventTime { date: Some(date.parse()?), time: Some(time.parse()?), ..EventTime::default() })
}

fn action(date: &str, time: &str, what: &str) -> Result<Action, FieldError> {
    Ok(Action {
        date: Some(date.parse()?),
        time: Some(WallClockTime::parse(time)?),
        description: long(what)?,
    })
}

/// A letter about a care decision sent to the wrong address by the social services of a fictional
/// municipality: one person affected, informed the next day.
fn build() -> Result<Notification, FieldError> {
    let address = Address {
        street: short("Box 200")?,
        postcode: Some("123 45".parse()?),
        city: short("Exempelstad")?,
        country: short("Sverige")?,
    };

    let mut n = Notification::new();
    n.submitted_at = Some(Timestamp::parse("2025-03-31T09:00:00+02:00")?);

    // Personuppgiftsansvarig (1–4).
    n.controller.name = short("Socialnämnden i Exempelstads kommun")?;
    n.controller.organisation_number = Some("212000-9994".parse()?);
    n.controller.postal_address = address.clone();
    n.controller.internal_reference = short("SN 2025/0042")?;

    // Kontaktuppgifter för anmälan (5–9).
    n.contact_details.contact_persons.push(ContactPerson {
        name: short("Karin Lindqvist")?,
        role: short("Dataskyddsombud")?,
        email: Some("dataskyddsombud@exempelstad.se".parse()?),
        phone: Some("070-174 06 05".parse()?),
    });
    n.contact_details.correspondence_address = address;

    // Incidenten (10–20).
    let i = &mut n.incident;
    i.occurred = at("2025-03-27", "15:10")?;
    i.discovered = at("2025-03-28", "10:00")?;
    i.ongoing = Some(YesNo::No);
    i.ceased = EventTime {
        comment: long("Brevet har kommit tillbaka oöppnat från den felaktiga mottagaren.")?,
        ..at("2025-03-28", "14:30")?
    };
    i.nature = Some(Nature::MisdirectedCommunication);
    i.description = long(
        "Ett brev med ett beslut om bistånd skickades till en tidigare adress för den enskilde. Den nya \
         adressen fanns i verksamhetssystemet men hade inte förts över till utskicksunderlaget.",
    )?;
    i.discovery_method = Some(DiscoveryMethod::ThirdPartyInformed);
    i.cause = Some(Cause::HumanError);
    i.sector = Some(Sector::Public);
    i.area_of_activity = Some(AreaOfActivity::SocialServices);

    // Biträden (21–22).
    n.processors.involved = Some(YesNo::No);

    // Uppgifterna och de registrerade (23–27).
    let d = &mut n.data_and_subjects;
    d.subject_count =
        Count { exact: Some(1), interval: Some(CountInterval::containing(1)), ..Count::default() };
    d.record_count = Count { exact: Some(5), interval: Some(CountInterval::From1To10), ..Count::default() };
    d.subject_groups = [SubjectGroup::ServiceUsers].into_iter().collect();
    d.data_categories =
        [DataCategory::IdentifyingInformation, DataCategory::Health, DataCategory::PersonalIdentityNumber]
            .into_iter()
            .collect(); // written in form order whatever the order here
    d.encrypted = Some(YesNo::No);

    // Konsekvenser (28–30).
    let c = &mut n.consequences;
    c.likely_consequences =
        [Consequence::LossOfControl, Consequence::LossOfConfidentiality].into_iter().collect();
    c.severity = Some(Severity::Serious);
    c.actions = vec![
        action("2025-03-28", "10:15", "Den felaktiga mottagaren ombads returnera brevet oöppnat.")?,
        action(
            "2025-03-28",
            "11:00",
            "Utskicksunderlaget rättades och kontrollerades mot verksamhetssystemet.",
        )?,
        action("2025-03-31", "08:30", "Rutinen för adressändringar gicks igenom med handläggarna.")?,
    ];

    // Information till de registrerade (31–35).
    n.data_subject_information.informed = Some(YesNo::Yes);
    n.data_subject_information.informed_on = Some(LocalDate::parse("2025-03-28")?);

    // Komplettering/eventuell sekretess (36–37).
    n.supplement_and_confidentiality.intends_to_supplement = Some(YesNo::No);
    n.supplement_and_confidentiality.confidentiality_request = long(
        "Uppgifterna om den enskildes ärende omfattas av sekretess inom socialtjänsten \
         (26 kap. 1 § offentlighets- och sekretesslagen).",
    )?;
    Ok(n)
}

//! Section "Incidenten" (the breach, questions 10–20) and option lists A–E.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::state::{AnswerState, Period};
use crate::values::choice::{choice_enum, YesNo};
use crate::values::datetime::{LocalDate, StockholmOffset, WallClockTime};
use crate::values::text::LongText;

/// Section "Incidenten" — when and how the breach happened and was found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Incident {
    /// Question 10, "När inträffade incidenten?" — when did the breach occur? Swedish local time; it
    /// may be unknown or a period, which the comment says.
    #[serde(default, skip_serializing_if = "EventTime::is_empty")]
    pub occurred: EventTime,
    /// Question 11, "När upptäckte ni incidenten?" — when did you discover it? The 72-hour clock
    /// of GDPR Art. 33(1) runs from here (awareness). Required.
    #[serde(default, skip_serializing_if = "EventTime::is_empty")]
    pub discovered: EventTime,
    /// Question 12, "Pågår incidenten fortfarande?" — is it still ongoing? Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing: Option<YesNo>,
    /// Question 13, "När upphörde incidenten?" — when did it cease? Only when question 12 is Nej.
    #[serde(default, skip_serializing_if = "EventTime::is_empty")]
    pub ceased: EventTime,
    /// Question 14, "Om er anmälan kommer in senare än 72 timmar efter att ni upptäckte incidenten,
    /// beskriv varför." — the reason for a notification filed later than 72 hours after discovery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_reason: Option<LongText>,
    /// Question 15, "Vad har hänt vid incidenten?" — what happened? List A. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<Nature>,
    /// Question 16, "Kort beskrivning av incidenten" — a short description of the breach. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LongText>,
    /// Question 17, "Hur upptäckte ni incidenten?" — how was it discovered? List B.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_method: Option<DiscoveryMethod>,
    /// Question 18, "Varför inträffade incidenten enligt er uppfattning?" — why did it happen, in
    /// your view? List C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// Question 18, "Ange kommentar vid val "Övrigt"" — the comment, exactly when the cause is
    /// "Övrigt" (other).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause_comment: Option<LongText>,
    /// Question 19, "Inom vilken sektor inträffade incidenten?" — in which sector did it occur? List D.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Question 20, "Inom vilket verksamhetsområde inträffade incidenten?" — in which area of
    /// activity did it occur? List E.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_of_activity: Option<AreaOfActivity>,
    /// Question 20, "Ange kommentar vid val "Övrigt"" — the comment, exactly when the area is
    /// "Övrigt" (other).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_of_activity_comment: Option<LongText>,
}

impl Incident {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// A moment of the incident as the form asks for it: "Datum", "Klockslag", "Eventuell kommentar"
/// (questions 10, 11 and 13), in Swedish local time. From schema version 1.1, the moment of
/// questions 10 and 13 may be a period (`period`, `untilDate`, `untilTime`; the date is its start),
/// or not given for a stated reason (`state`, `reason`).
///
/// # Example
/// ```
/// let t: imy_breach::EventTime = serde_json::from_str(r#"{"date":"2025-03-28","time":"10:00"}"#).unwrap();
/// assert_eq!(t.date.unwrap().to_string(), "2025-03-28");
/// let p: imy_breach::EventTime =
///     serde_json::from_str(r#"{"date":"2025-03-01","period":"from_to","untilDate":"2025-03-28"}"#).unwrap();
/// assert_eq!(p.period, Some(imy_breach::Period::FromTo));
/// let u: imy_breach::EventTime = serde_json::from_str(r#"{"state":"not_known_yet"}"#).unwrap();
/// assert_eq!(u.state, Some(imy_breach::AnswerState::NotKnownYet));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventTime {
    /// "Datum" — the date, Swedish local time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<LocalDate>,
    /// "Klockslag" — the time of day, `HH:MM`, Swedish local time. Needs a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<WallClockTime>,
    /// Not on the form: the UTC offset, to say which 02:xx is meant on the night summer time ends,
    /// when that hour occurs twice. Leave it out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<StockholmOffset>,
    /// "Eventuell kommentar" — an optional comment, for example that the moment is unknown or a period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<LongText>,
    /// Schema version 1.1, questions 10 and 13: the moment is a period from the date and time to
    /// `until_date`/`until_time`, or ongoing since them. Absent: a single moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Schema version 1.1: the end of a period ([`Period::FromTo`]), Swedish local time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_date: Option<LocalDate>,
    /// Schema version 1.1: the time of day of the period's end, `HH:MM`. Needs `until_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_time: Option<WallClockTime>,
    /// Schema version 1.1, questions 10 and 13: why no moment is given — not known yet (it follows
    /// in a supplement) or cannot be determined (`reason` says why). Not for question 11.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<AnswerState>,
    /// Schema version 1.1: why the moment cannot be determined, with `state` = `cannot_be_determined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<LongText>,
}

impl EventTime {
    /// Whether nothing is given.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

choice_enum! {
    /// List A, question 15 "Vad har hänt vid incidenten?" — what happened. One option confirmed, the
    /// rest derived from GDPR Art. 4(12) and IMY's statistics.
    pub enum Nature in "A" {
        /// Unauthorised disclosure by a misdirected e-mail, letter or text message.
        MisdirectedCommunication = ("misdirected_communication", Confirmed, "Obehörigt röjande genom felaktigt utskick av mejl/brev/sms", "Unauthorised disclosure through misdirected e-mail, letter or text message"),
        /// Other unauthorised disclosure.
        UnauthorisedDisclosureOther = ("unauthorised_disclosure_other", Derived, "Obehörigt röjande, övrigt", "Unauthorised disclosure, other"),
        /// Unauthorised access.
        UnauthorisedAccess = ("unauthorised_access", Derived, "Obehörig åtkomst", "Unauthorised access"),
        /// Loss or theft.
        LossOrTheft = ("loss_or_theft", Derived, "Förlust eller stöld", "Loss or theft"),
        /// Destruction.
        Destruction = ("destruction", Derived, "Förstöring", "Destruction"),
        /// Alteration.
        Alteration = ("alteration", Derived, "Ändring", "Alteration"),
        /// Other.
        Other = ("other", Derived, "Övrigt", "Other"),
    }
}

choice_enum! {
    /// List B, question 17 "Hur upptäckte ni incidenten?" — how the breach was discovered. One option
    /// confirmed, the rest derived.
    pub enum DiscoveryMethod in "B" {
        /// An employee told us.
        EmployeeInformed = ("employee_informed", Confirmed, "En anställd informerade oss", "An employee informed us"),
        /// A data subject told us.
        DataSubjectInformed = ("data_subject_informed", Derived, "En registrerad informerade oss", "A data subject informed us"),
        /// A processor told us.
        ProcessorInformed = ("processor_informed", Derived, "Ett personuppgiftsbiträde informerade oss", "A processor informed us"),
        /// An outside party told us.
        ThirdPartyInformed = ("third_party_informed", Derived, "En utomstående part informerade oss", "An outside party informed us"),
        /// Our own checks or monitoring.
        OwnDetection = ("own_detection", Derived, "Vi upptäckte det genom egen kontroll eller övervakning", "We discovered it through our own checks or monitoring"),
        /// Other.
        Other = ("other", Derived, "Övrigt", "Other"),
    }
}

choice_enum! {
    /// List C, question 18 "Varför inträffade incidenten enligt er uppfattning?" — the cause. One
    /// option confirmed, "Övrigt" confirmed to exist, the rest derived from IMY's cause categories.
    pub enum Cause in "C" {
        /// A technical fault, for example in software or settings.
        TechnicalError = ("technical_error", Confirmed, "Tekniskt fel, till exempel fel i mjukvara, programinställningar", "Technical error, for example a software fault or program settings"),
        /// The human factor, for example misdirection or mishandling.
        HumanError = ("human_error", Derived, "Den mänskliga faktorn, till exempel felskick eller felaktig hantering", "Human factor, for example misdirection or incorrect handling"),
        /// A hostile attack, for example an intrusion, phishing or malware.
        AntagonisticAttack = ("antagonistic_attack", Derived, "Antagonistiskt angrepp, till exempel dataintrång, nätfiske eller skadlig kod", "Hostile attack, for example intrusion, phishing or malware"),
        /// Shortcomings in organisational routines.
        OrganisationalShortcoming = ("organisational_shortcoming", Derived, "Brister i organisatoriska rutiner", "Shortcomings in organisational routines"),
        /// Other; needs a comment.
        Other = ("other", Confirmed, "Övrigt", "Other"),
    }
}

choice_enum! {
    /// List D, question 19 "Inom vilken sektor inträffade incidenten?" — the sector. Derived.
    pub enum Sector in "D" {
        /// The public sector.
        Public = ("public", Derived, "Offentlig sektor", "Public sector"),
        /// The private sector.
        Private = ("private", Derived, "Privat sektor", "Private sector"),
        /// The non-profit sector.
        NonProfit = ("non_profit", Derived, "Ideell sektor", "Non-profit sector"),
    }
}

choice_enum! {
    /// List E, question 20 "Inom vilket verksamhetsområde inträffade incidenten?" — the area of
    /// activity. Derived from the areas in IMY's reports; "Övrigt" confirmed to exist.
    pub enum AreaOfActivity in "E" {
        /// A state agency.
        StateAgency = ("state_agency", Derived, "Statlig myndighet", "State agency"),
        /// A municipality or region.
        MunicipalityOrRegion = ("municipality_or_region", Derived, "Kommun eller region", "Municipality or region"),
        /// Health care.
        HealthCare = ("health_care", Derived, "Hälso- och sjukvård", "Health care"),
        /// Social services and care.
        SocialServices = ("social_services", Derived, "Socialtjänst och omsorg", "Social services and care"),
        /// Schools and education.
        Education = ("education", Derived, "Skola och utbildning", "Schools and education"),
        /// Banking, finance and insurance.
        FinanceInsurance = ("finance_insurance", Derived, "Bank, finans och försäkring", "Banking, finance and insurance"),
        /// Trade and e-commerce.
        Trade = ("trade", Derived, "Handel och e-handel", "Trade and e-commerce"),
        /// Telecom and IT services.
        TelecomIt = ("telecom_it", Derived, "Telekom och IT-tjänster", "Telecom and IT services"),
        /// A non-profit association or religious community.
        NonProfitOrganisation = ("non_profit_organisation", Derived, "Ideell förening eller trossamfund", "Non-profit association or religious community"),
        /// Other; needs a comment.
        Other = ("other", Confirmed, "Övrigt", "Other"),
    }
}

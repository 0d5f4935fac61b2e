//! The table: one row per answer of the form, in form order.
//!
//! A row names the answer's parent (`root` for a section), its wire member, its kind and its label;
//! the builder methods add the question number, help text, asterisk, requiredness and condition. A
//! row of text a person writes ([`Kind::is_text`](super::Kind::is_text)) ends with its member in the
//! model (`=> |n, i| …`), the `&mut` access redaction writes through ([`super::slots`]).
//! Everything else — pointers, the label table, the required answers, the conditional questions,
//! the shape of the wire format — is read from here.

use super::spec::Slot;
use super::{Condition, Kind, OptionList, Spec};
use crate::lang::Bilingual;
use crate::model::notification::Notification;

/// Declares [`Field`] and its table from one list of rows: each variant is written once, with its row
/// (and, for a text, its member).
macro_rules! form_table {
    ($( $(#[$doc:meta])* $name:ident = $spec:expr $(=> $slot:expr)?; )+) => {
        /// An answer of the form: every member the wire format has below the root — sections,
        /// groups, lists, the fields of a list's elements and single values — in form order.
        ///
        /// Each variant has one row in the table ([`Field::spec`]) that holds everything the crate
        /// knows about the answer; its JSON pointer is derived from its parent and member.
        ///
        /// # Example
        /// ```
        /// use imy_breach::form::{Condition, Field, Kind};
        /// use imy_breach::Lang;
        /// assert_eq!(Field::IncidentCeasedDate.pointer().to_string(), "/incident/ceased/date");
        /// assert_eq!(Field::IncidentCeased.title(Lang::Sv), "13. När upphörde incidenten?");
        /// assert_eq!(Field::IncidentCeased.spec().asked, Some(Condition::Is(Field::IncidentOngoing, "no")));
        /// assert_eq!(Field::ContactPersonEmail.spec().kind, Kind::Email);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Field {
            $( $(#[$doc])* $name, )+
        }

        impl Field {
            /// Every field, in form order (a parent before its members).
            pub const ALL: &'static [Field] = &[$(Field::$name),+];

            /// The field's row of the table.
            pub fn spec(self) -> &'static Spec {
                const SPECS: &[Spec] = &[$($spec),+];
                &SPECS[self as usize]
            }

            /// The text answer of this field in `n` (for a field in a list: of element `i`), or
            /// `None` when the field holds no text or the element does not exist.
            pub(crate) fn slot(self, n: &mut Notification, i: usize) -> Option<Slot<'_>> {
                match self {
                    $($( Field::$name => {
                        let member: for<'n> fn(&'n mut Notification, usize) -> Option<Slot<'n>> = $slot;
                        member(n, i)
                    } )?)+
                    _ => None,
                }
            }
        }
    };
}

use Field as F;
use Kind::*;
use OptionList as L;

/// A row for a section (a member of the root).
const fn root(member: &'static str, kind: Kind, sv: &'static str, en: &'static str) -> Spec {
    Spec::new(None, member, kind, Bilingual::new(sv, en))
}

/// A row for a member of `parent` (for a list: of each of its elements).
const fn of(parent: Field, member: &'static str, kind: Kind, sv: &'static str, en: &'static str) -> Spec {
    Spec::new(Some(parent), member, kind, Bilingual::new(sv, en))
}

/// A row for a member of `parent` whose label is shared with other rows.
const fn of_text(parent: Field, member: &'static str, kind: Kind, label: Bilingual) -> Spec {
    Spec::new(Some(parent), member, kind, label)
}

const OTHER_COMMENT: Bilingual =
    Bilingual::new("Ange kommentar vid val \"Övrigt\"", "Comment when \"Other\" is chosen");
const ALL_THAT_APPLY: Bilingual =
    Bilingual::new("Markera alla alternativ som gäller.", "Tick every option that applies.");
const INTERVAL_HELP: Bilingual = Bilingual::new(
    "Om ni inte känner till det exakta antalet kan ni uppskatta antalet genom att fylla i något av de angivna intervallen.",
    "If you do not know the exact number, you can estimate it by choosing one of the intervals.",
);
const ADD_NEW_CONTACT: Bilingual = Bilingual::new(
    "Klicka på \"Lägg till ny\" om du vill lägga till ytterligare kontaktperson",
    "Add another contact person with \"Add new\".",
);
const ADD_NEW_PROCESSOR: Bilingual = Bilingual::new(
    "Klicka på \"Lägg till ny\" om du vill lägga till ytterligare biträde",
    "Add another processor with \"Add new\".",
);
const PERIOD_HELP: Bilingual = Bilingual::new(
    "Välj period om ni bara vet mellan vilka tidpunkter det skedde, eller pågår sedan om det fortfarande pågår. Datum och klockslag ovan är då periodens början.",
    "Choose a period if you only know between which moments it happened, or ongoing since if it still goes on. The date and time above are then the start of the period.",
);
const STATE_HELP: Bilingual = Bilingual::new(
    "Inte känt ännu: uppgiften lämnas i en komplettering (GDPR art. 33.4). Kan inte fastställas: ange varför.",
    "Not known yet: the answer follows in a supplement (GDPR Art. 33(4)). Cannot be determined: say why.",
);
const OFFSET_HELP: Bilingual = Bilingual::new(
    "Behövs bara för timmen som inträffar två gånger när sommartiden slutar.",
    "Only needed for the hour that occurs twice when summer time ends.",
);

form_table! {
    /// `/schemaVersion`: the version of the wire format.
    SchemaVersion = root("schemaVersion", Version, "Schemaversion", "Schema version");
    /// `/submittedAt`: when the notification was, or will be, filed.
    SubmittedAt = root("submittedAt", Timestamp, "Tidpunkt för inlämning", "Submitted at")
        .help("När anmälan lämnades, eller ska lämnas, till IMY.", "When the notification was, or will be, filed with IMY.");
    /// `/controller`: the section "Personuppgiftsansvarig".
    Controller = root("controller", Group("Controller"), "Personuppgiftsansvarig", "Controller");
    /// `/controller/name`: question 1.
    ControllerName = of(F::Controller, "name", ShortText, "Organisationens namn", "Organisation name (the controller)")
        .q("1").star().always()
        => |n, _| Some(Slot::Short(&mut n.controller.name));
    /// `/controller/organisationNumber`: question 2.
    ControllerOrganisationNumber = of(F::Controller, "organisationNumber", OrganisationNumber, "Organisationsnummer", "Corporate identity number")
        .q("2")
        .help("Lämna fältet tomt om ni är en enskild firma.", "Leave the field empty for a sole trader (enskild firma), whose number is a personal identity number.")
        => |n, _| Some(Slot::OrganisationNumber(&mut n.controller.organisation_number));
    /// `/controller/postalAddress`: question 3.
    ControllerPostalAddress = of(F::Controller, "postalAddress", Group("Address"), "Organisationens postadress", "Postal address").q("3");
    /// `/controller/postalAddress/street`.
    ControllerStreet = of(F::ControllerPostalAddress, "street", ShortText, "Adress", "Address")
        => |n, _| Some(Slot::Short(&mut n.controller.postal_address.street));
    /// `/controller/postalAddress/postcode`.
    ControllerPostcode = of(F::ControllerPostalAddress, "postcode", Postcode, "Postnummer", "Postcode").star().always()
        => |n, _| Some(Slot::Postcode(&mut n.controller.postal_address.postcode));
    /// `/controller/postalAddress/city`.
    ControllerCity = of(F::ControllerPostalAddress, "city", ShortText, "Ort", "City").star().always()
        => |n, _| Some(Slot::Short(&mut n.controller.postal_address.city));
    /// `/controller/postalAddress/country`.
    ControllerCountry = of(F::ControllerPostalAddress, "country", ShortText, "Land", "Country")
        => |n, _| Some(Slot::Short(&mut n.controller.postal_address.country));
    /// `/controller/internalReference`: question 4.
    ControllerInternalReference = of(F::Controller, "internalReference", ShortText, "Er organisations interna referensnummer", "Your organisation's internal reference number").q("4")
        => |n, _| Some(Slot::Short(&mut n.controller.internal_reference));

    /// `/contactDetails`: the section "Kontaktuppgifter för anmälan".
    ContactDetails = root("contactDetails", Group("ContactDetails"), "Kontaktuppgifter för anmälan", "Contact details for the notification");
    /// `/contactDetails/contactPersons`: questions 5–8, at least one.
    ContactPersons = of(F::ContactDetails, "contactPersons", List("ContactPerson"), "Kontaktpersoner", "Contact persons")
        .help_text(ADD_NEW_CONTACT).always().basis("GDPR art. 33.3 b", "GDPR Art. 33(3)(b)").element("kontaktperson", "contact person");
    /// `/contactDetails/contactPersons/*/name`: question 5.
    ContactPersonName = of(F::ContactPersons, "name", ShortText, "Kontaktpersonens namn", "Contact person's name").q("5").star().always().basis("GDPR art. 33.3 b", "GDPR Art. 33(3)(b)")
        => |n, i| Some(Slot::Short(&mut n.contact_details.contact_persons.get_mut(i)?.name));
    /// `/contactDetails/contactPersons/*/role`: question 6.
    ContactPersonRole = of(F::ContactPersons, "role", ShortText, "Kontaktpersonens roll", "Contact person's role").q("6")
        => |n, i| Some(Slot::Short(&mut n.contact_details.contact_persons.get_mut(i)?.role));
    /// `/contactDetails/contactPersons/*/email`: question 7.
    ContactPersonEmail = of(F::ContactPersons, "email", Email, "Kontaktpersonens e-post", "Contact person's e-mail").q("7").star().always().basis("GDPR art. 33.3 b", "GDPR Art. 33(3)(b)")
        => |n, i| Some(Slot::Email(&mut n.contact_details.contact_persons.get_mut(i)?.email));
    /// `/contactDetails/contactPersons/*/phone`: question 8.
    ContactPersonPhone = of(F::ContactPersons, "phone", Phone, "Kontaktpersonens telefonnummer", "Contact person's phone number").q("8").star().always().basis("GDPR art. 33.3 b", "GDPR Art. 33(3)(b)")
        => |n, i| Some(Slot::Phone(&mut n.contact_details.contact_persons.get_mut(i)?.phone));
    /// `/contactDetails/correspondenceAddress`: question 9.
    CorrespondenceAddress = of(F::ContactDetails, "correspondenceAddress", Group("Address"), "Den adress ni önskar bli kontaktad på", "Address for correspondence").q("9");
    /// `/contactDetails/correspondenceAddress/street`.
    CorrespondenceStreet = of(F::CorrespondenceAddress, "street", ShortText, "Adress", "Address").star().always()
        => |n, _| Some(Slot::Short(&mut n.contact_details.correspondence_address.street));
    /// `/contactDetails/correspondenceAddress/postcode`.
    CorrespondencePostcode = of(F::CorrespondenceAddress, "postcode", Postcode, "Postnummer", "Postcode").star().always()
        => |n, _| Some(Slot::Postcode(&mut n.contact_details.correspondence_address.postcode));
    /// `/contactDetails/correspondenceAddress/city`.
    CorrespondenceCity = of(F::CorrespondenceAddress, "city", ShortText, "Ort", "City").star().always()
        => |n, _| Some(Slot::Short(&mut n.contact_details.correspondence_address.city));
    /// `/contactDetails/correspondenceAddress/country`.
    CorrespondenceCountry = of(F::CorrespondenceAddress, "country", ShortText, "Land", "Country")
        => |n, _| Some(Slot::Short(&mut n.contact_details.correspondence_address.country));

    /// `/incident`: the section "Incidenten".
    Incident = root("incident", Group("Incident"), "Incidenten", "The breach");
    /// `/incident/occurred`: question 10.
    IncidentOccurred = of(F::Incident, "occurred", Group("EventTime"), "När inträffade incidenten?", "When did the breach occur?").q("10");
    /// `/incident/occurred/date`.
    IncidentOccurredDate = of(F::IncidentOccurred, "date", Date, "Datum", "Date");
    /// `/incident/occurred/time`.
    IncidentOccurredTime = of(F::IncidentOccurred, "time", Time, "Klockslag", "Time");
    /// `/incident/occurred/utcOffset`.
    IncidentOccurredUtcOffset = of(F::IncidentOccurred, "utcOffset", UtcOffset, "UTC-förskjutning", "UTC offset").help_text(OFFSET_HELP);
    /// `/incident/occurred/comment`.
    IncidentOccurredComment = of(F::IncidentOccurred, "comment", LongText, "Eventuell kommentar", "Comment, if any")
        => |n, _| Some(Slot::Long(&mut n.incident.occurred.comment));
    /// `/incident/occurred/period`: schema version 1.1, a period instead of a moment.
    IncidentOccurredPeriod = of(F::IncidentOccurred, "period", Choice(L::Period), "Tidpunkt eller period", "Moment or period").help_text(PERIOD_HELP);
    /// `/incident/occurred/untilDate`: schema version 1.1, the end of the period.
    IncidentOccurredUntilDate = of(F::IncidentOccurred, "untilDate", Date, "Till och med datum", "Until date")
        .when(Condition::Is(F::IncidentOccurredPeriod, "from_to"));
    /// `/incident/occurred/untilTime`: schema version 1.1.
    IncidentOccurredUntilTime = of(F::IncidentOccurred, "untilTime", Time, "Till och med klockslag", "Until time");
    /// `/incident/occurred/state`: schema version 1.1, not known yet or cannot be determined.
    IncidentOccurredState = of(F::IncidentOccurred, "state", Choice(L::AnswerState), "Om tidpunkten inte kan anges", "If the moment cannot be given").help_text(STATE_HELP);
    /// `/incident/occurred/reason`: schema version 1.1, why the moment cannot be determined.
    IncidentOccurredReason = of(F::IncidentOccurred, "reason", LongText, "Varför tidpunkten inte kan fastställas", "Why the moment cannot be determined")
        .when(Condition::Is(F::IncidentOccurredState, "cannot_be_determined"))
        => |n, _| Some(Slot::Long(&mut n.incident.occurred.reason));
    /// `/incident/discovered`: question 11.
    IncidentDiscovered = of(F::Incident, "discovered", Group("EventTime"), "När upptäckte ni incidenten?", "When did you discover the breach?").q("11");
    /// `/incident/discovered/date`: the 72 hours run from here.
    IncidentDiscoveredDate = of(F::IncidentDiscovered, "date", Date, "Datum", "Date").always()
        .basis("GDPR art. 33.1 (72 timmar från vetskapen)", "GDPR Art. 33(1) (72 hours from becoming aware)");
    /// `/incident/discovered/time`.
    IncidentDiscoveredTime = of(F::IncidentDiscovered, "time", Time, "Klockslag", "Time");
    /// `/incident/discovered/utcOffset`.
    IncidentDiscoveredUtcOffset = of(F::IncidentDiscovered, "utcOffset", UtcOffset, "UTC-förskjutning", "UTC offset").help_text(OFFSET_HELP);
    /// `/incident/discovered/comment`.
    IncidentDiscoveredComment = of(F::IncidentDiscovered, "comment", LongText, "Eventuell kommentar", "Comment, if any")
        => |n, _| Some(Slot::Long(&mut n.incident.discovered.comment));
    /// `/incident/discovered/period`: schema version 1.1, a period instead of a moment.
    IncidentDiscoveredPeriod = of(F::IncidentDiscovered, "period", Choice(L::Period), "Tidpunkt eller period", "Moment or period").help_text(PERIOD_HELP);
    /// `/incident/discovered/untilDate`: schema version 1.1, the end of the period.
    IncidentDiscoveredUntilDate = of(F::IncidentDiscovered, "untilDate", Date, "Till och med datum", "Until date")
        .when(Condition::Is(F::IncidentDiscoveredPeriod, "from_to"));
    /// `/incident/discovered/untilTime`: schema version 1.1.
    IncidentDiscoveredUntilTime = of(F::IncidentDiscovered, "untilTime", Time, "Till och med klockslag", "Until time");
    /// `/incident/discovered/state`: schema version 1.1, not known yet or cannot be determined.
    IncidentDiscoveredState = of(F::IncidentDiscovered, "state", Choice(L::AnswerState), "Om tidpunkten inte kan anges", "If the moment cannot be given").help_text(STATE_HELP);
    /// `/incident/discovered/reason`: schema version 1.1, why the moment cannot be determined.
    IncidentDiscoveredReason = of(F::IncidentDiscovered, "reason", LongText, "Varför tidpunkten inte kan fastställas", "Why the moment cannot be determined")
        .when(Condition::Is(F::IncidentDiscoveredState, "cannot_be_determined"))
        => |n, _| Some(Slot::Long(&mut n.incident.discovered.reason));
    /// `/incident/ongoing`: question 12.
    IncidentOngoing = of(F::Incident, "ongoing", YesNo, "Pågår incidenten fortfarande?", "Is the breach still ongoing?").q("12").form_asks();
    /// `/incident/ceased`: question 13, asked when 12 = Nej; its date is then required.
    IncidentCeased = of(F::Incident, "ceased", Group("EventTime"), "När upphörde incidenten?", "When did the breach cease?").q("13")
        .when(Condition::Is(F::IncidentOngoing, "no")).needs(F::IncidentCeasedDate);
    /// `/incident/ceased/date`.
    IncidentCeasedDate = of(F::IncidentCeased, "date", Date, "Datum", "Date");
    /// `/incident/ceased/time`.
    IncidentCeasedTime = of(F::IncidentCeased, "time", Time, "Klockslag", "Time");
    /// `/incident/ceased/utcOffset`.
    IncidentCeasedUtcOffset = of(F::IncidentCeased, "utcOffset", UtcOffset, "UTC-förskjutning", "UTC offset").help_text(OFFSET_HELP);
    /// `/incident/ceased/comment`.
    IncidentCeasedComment = of(F::IncidentCeased, "comment", LongText, "Eventuell kommentar", "Comment, if any")
        => |n, _| Some(Slot::Long(&mut n.incident.ceased.comment));
    /// `/incident/ceased/period`: schema version 1.1, a period instead of a moment.
    IncidentCeasedPeriod = of(F::IncidentCeased, "period", Choice(L::Period), "Tidpunkt eller period", "Moment or period").help_text(PERIOD_HELP);
    /// `/incident/ceased/untilDate`: schema version 1.1, the end of the period.
    IncidentCeasedUntilDate = of(F::IncidentCeased, "untilDate", Date, "Till och med datum", "Until date")
        .when(Condition::Is(F::IncidentCeasedPeriod, "from_to"));
    /// `/incident/ceased/untilTime`: schema version 1.1.
    IncidentCeasedUntilTime = of(F::IncidentCeased, "untilTime", Time, "Till och med klockslag", "Until time");
    /// `/incident/ceased/state`: schema version 1.1, not known yet or cannot be determined.
    IncidentCeasedState = of(F::IncidentCeased, "state", Choice(L::AnswerState), "Om tidpunkten inte kan anges", "If the moment cannot be given").help_text(STATE_HELP);
    /// `/incident/ceased/reason`: schema version 1.1, why the moment cannot be determined.
    IncidentCeasedReason = of(F::IncidentCeased, "reason", LongText, "Varför tidpunkten inte kan fastställas", "Why the moment cannot be determined")
        .when(Condition::Is(F::IncidentCeasedState, "cannot_be_determined"))
        => |n, _| Some(Slot::Long(&mut n.incident.ceased.reason));
    /// `/incident/lateReason`: question 14.
    IncidentLateReason = of(F::Incident, "lateReason", LongText,
        "Om er anmälan kommer in senare än 72 timmar efter att ni upptäckte incidenten, beskriv varför.",
        "If your notification is made later than 72 hours after you discovered the breach, describe why.").q("14")
        => |n, _| Some(Slot::Long(&mut n.incident.late_reason));
    /// `/incident/nature`: question 15.
    IncidentNature = of(F::Incident, "nature", Choice(L::Nature), "Vad har hänt vid incidenten?", "What happened?").q("15").always()
        .basis("GDPR art. 33.3 a (incidentens art)", "GDPR Art. 33(3)(a) (the nature of the breach)");
    /// `/incident/description`: question 16.
    IncidentDescription = of(F::Incident, "description", LongText, "Kort beskrivning av incidenten", "Short description of the breach").q("16").always()
        .basis("GDPR art. 33.3 a (incidentens art)", "GDPR Art. 33(3)(a) (the nature of the breach)")
        => |n, _| Some(Slot::Long(&mut n.incident.description));
    /// `/incident/discoveryMethod`: question 17.
    IncidentDiscoveryMethod = of(F::Incident, "discoveryMethod", Choice(L::DiscoveryMethod), "Hur upptäckte ni incidenten?", "How did you discover the breach?").q("17");
    /// `/incident/cause`: question 18.
    IncidentCause = of(F::Incident, "cause", Choice(L::Cause), "Varför inträffade incidenten enligt er uppfattning?", "Why did the breach happen, in your view?").q("18");
    /// `/incident/causeComment`: question 18's comment, when "Övrigt".
    IncidentCauseComment = of_text(F::Incident, "causeComment", LongText, OTHER_COMMENT).q("18")
        .when(Condition::Is(F::IncidentCause, "other"))
        => |n, _| Some(Slot::Long(&mut n.incident.cause_comment));
    /// `/incident/sector`: question 19.
    IncidentSector = of(F::Incident, "sector", Choice(L::Sector), "Inom vilken sektor inträffade incidenten?", "In which sector did the breach occur?").q("19").form_asks();
    /// `/incident/areaOfActivity`: question 20.
    IncidentAreaOfActivity = of(F::Incident, "areaOfActivity", Choice(L::AreaOfActivity), "Inom vilket verksamhetsområde inträffade incidenten?", "In which area of activity did the breach occur?").q("20").form_asks();
    /// `/incident/areaOfActivityComment`: question 20's comment, when "Övrigt".
    IncidentAreaOfActivityComment = of_text(F::Incident, "areaOfActivityComment", LongText, OTHER_COMMENT).q("20")
        .when(Condition::Is(F::IncidentAreaOfActivity, "other"))
        => |n, _| Some(Slot::Long(&mut n.incident.area_of_activity_comment));

    /// `/processors`: the section "Biträden".
    Processors = root("processors", Group("Processors"), "Biträden", "Processors");
    /// `/processors/involved`: question 21.
    ProcessorsInvolved = of(F::Processors, "involved", YesNo,
        "Gäller incidenten en personuppgiftsbehandling som hanteras av anlitade personuppgiftsbiträden eller underbiträden?",
        "Does the breach concern processing carried out by processors or sub-processors?").q("21");
    /// `/processors/organisations`: question 22, when 21 = Ja.
    ProcessorOrganisations = of(F::Processors, "organisations", List("Processor"), "Organisationens namn och organisationsnummer", "Processors' names and corporate identity numbers")
        .q("22").help_text(ADD_NEW_PROCESSOR).when(Condition::Is(F::ProcessorsInvolved, "yes"))
        .element("biträde", "processor");
    /// `/processors/organisations/*/name`.
    ProcessorName = of(F::ProcessorOrganisations, "name", ShortText, "Organisationens namn", "Organisation name").always()
        => |n, i| Some(Slot::Short(&mut n.processors.organisations.get_mut(i)?.name));
    /// `/processors/organisations/*/organisationNumber`.
    ProcessorOrganisationNumber = of(F::ProcessorOrganisations, "organisationNumber", OrganisationNumber, "Organisationsnummer", "Corporate identity number")
        => |n, i| Some(Slot::OrganisationNumber(&mut n.processors.organisations.get_mut(i)?.organisation_number));

    /// `/dataAndSubjects`: the section "Uppgifterna och de registrerade".
    DataAndSubjects = root("dataAndSubjects", Group("DataAndSubjects"), "Uppgifterna och de registrerade", "The data and the data subjects");
    /// `/dataAndSubjects/subjectCount`: question 23.
    SubjectCount = of(F::DataAndSubjects, "subjectCount", Group("Count"), "Hur många registrerade har påverkats?", "How many data subjects are affected?").q("23").where_possible()
        .basis("GDPR art. 33.3 a (om möjligt)", "GDPR Art. 33(3)(a) (where possible)");
    /// `/dataAndSubjects/subjectCount/exact`.
    SubjectCountExact = of(F::SubjectCount, "exact", ExactCount, "Exakt antal registrerade", "Exact number of data subjects");
    /// `/dataAndSubjects/subjectCount/interval`.
    SubjectCountInterval = of(F::SubjectCount, "interval", Choice(L::CountInterval), "Intervall", "Interval").help_text(INTERVAL_HELP);
    /// `/dataAndSubjects/subjectCount/approximate`: schema version 1.1.
    SubjectCountApproximate = of(F::SubjectCount, "approximate", ExactCount, "Ungefärligt antal registrerade", "Approximate number of data subjects");
    /// `/dataAndSubjects/subjectCount/state`: schema version 1.1, not known yet or cannot be determined.
    SubjectCountState = of(F::SubjectCount, "state", Choice(L::AnswerState), "Om antalet inte kan anges", "If the number cannot be given").help_text(STATE_HELP);
    /// `/dataAndSubjects/subjectCount/reason`: schema version 1.1, why the number cannot be determined.
    SubjectCountReason = of(F::SubjectCount, "reason", LongText, "Varför antalet inte kan fastställas", "Why the number cannot be determined")
        .when(Condition::Is(F::SubjectCountState, "cannot_be_determined"))
        => |n, _| Some(Slot::Long(&mut n.data_and_subjects.subject_count.reason));
    /// `/dataAndSubjects/recordCount`: question 24.
    RecordCount = of(F::DataAndSubjects, "recordCount", Group("Count"), "Hur många uppgifter om de registrerade har påverkats totalt?", "How many records about the data subjects are affected in total?").q("24").where_possible()
        .basis("GDPR art. 33.3 a (om möjligt)", "GDPR Art. 33(3)(a) (where possible)");
    /// `/dataAndSubjects/recordCount/exact`.
    RecordCountExact = of(F::RecordCount, "exact", ExactCount, "Exakt antal uppgifter", "Exact number of records");
    /// `/dataAndSubjects/recordCount/interval`.
    RecordCountInterval = of(F::RecordCount, "interval", Choice(L::CountInterval), "Intervall", "Interval").help_text(INTERVAL_HELP);
    /// `/dataAndSubjects/recordCount/approximate`: schema version 1.1.
    RecordCountApproximate = of(F::RecordCount, "approximate", ExactCount, "Ungefärligt antal uppgifter", "Approximate number of records");
    /// `/dataAndSubjects/recordCount/state`: schema version 1.1, not known yet or cannot be determined.
    RecordCountState = of(F::RecordCount, "state", Choice(L::AnswerState), "Om antalet inte kan anges", "If the number cannot be given").help_text(STATE_HELP);
    /// `/dataAndSubjects/recordCount/reason`: schema version 1.1, why the number cannot be determined.
    RecordCountReason = of(F::RecordCount, "reason", LongText, "Varför antalet inte kan fastställas", "Why the number cannot be determined")
        .when(Condition::Is(F::RecordCountState, "cannot_be_determined"))
        => |n, _| Some(Slot::Long(&mut n.data_and_subjects.record_count.reason));
    /// `/dataAndSubjects/subjectGroups`: question 25.
    DataSubjectGroups = of(F::DataAndSubjects, "subjectGroups", Choices(L::SubjectGroup), "Vilka grupper tillhör de registrerade?", "Which groups do the data subjects belong to?")
        .q("25").help_text(ALL_THAT_APPLY).where_possible()
        .basis("GDPR art. 33.3 a (om möjligt)", "GDPR Art. 33(3)(a) (where possible)");
    /// `/dataAndSubjects/subjectGroupsComment`: question 25's comment, when "Övrigt".
    DataSubjectGroupsComment = of_text(F::DataAndSubjects, "subjectGroupsComment", LongText, OTHER_COMMENT).q("25")
        .when(Condition::Includes(F::DataSubjectGroups, "other"))
        => |n, _| Some(Slot::Long(&mut n.data_and_subjects.subject_groups_comment));
    /// `/dataAndSubjects/dataCategories`: question 26.
    DataCategories = of(F::DataAndSubjects, "dataCategories", Choices(L::DataCategory), "Vilken sorts personuppgifter har incidenten drabbat?", "Which kinds of personal data does the breach affect?")
        .q("26").help_text(ALL_THAT_APPLY).where_possible()
        .basis("GDPR art. 33.3 a (om möjligt)", "GDPR Art. 33(3)(a) (where possible)");
    /// `/dataAndSubjects/dataCategoriesComment`: question 26's comment, when "Övrigt".
    DataCategoriesComment = of_text(F::DataAndSubjects, "dataCategoriesComment", LongText, OTHER_COMMENT).q("26")
        .when(Condition::Includes(F::DataCategories, "other"))
        => |n, _| Some(Slot::Long(&mut n.data_and_subjects.data_categories_comment));
    /// `/dataAndSubjects/encrypted`: question 27.
    DataEncrypted = of(F::DataAndSubjects, "encrypted", YesNo, "Var personuppgifterna krypterade?", "Was the personal data encrypted?").q("27");

    /// `/consequences`: the section "Konsekvenser".
    Consequences = root("consequences", Group("Consequences"), "Konsekvenser", "Consequences");
    /// `/consequences/likelyConsequences`: question 28.
    LikelyConsequences = of(F::Consequences, "likelyConsequences", Choices(L::Consequence), "Vad kan bli konsekvenserna av incidenten?", "What could the consequences of the breach be?")
        .q("28").help_text(ALL_THAT_APPLY).unless_supplemented()
        .basis("GDPR art. 33.3 c", "GDPR Art. 33(3)(c)");
    /// `/consequences/likelyConsequencesComment`: question 28's comment, when "Övrigt".
    LikelyConsequencesComment = of_text(F::Consequences, "likelyConsequencesComment", LongText, OTHER_COMMENT).q("28")
        .when(Condition::Includes(F::LikelyConsequences, "other"))
        => |n, _| Some(Slot::Long(&mut n.consequences.likely_consequences_comment));
    /// `/consequences/severity`: question 29.
    Severity = of(F::Consequences, "severity", Choice(L::Severity), "Hur allvarlig bedömer ni att incidenten är?", "How serious do you assess the breach to be?")
        .q("29").help("Med hänsyn till de registrerades integritet.", "With regard to the data subjects' privacy.");
    /// `/consequences/actions`: question 30.
    Actions = of(F::Consequences, "actions", List("Action"), "Hur har ni agerat efter incidenten?", "What have you done since the breach?")
        .q("30")
        .help("Klicka på \"Lägg till ny\" om du vill lägga till ytterligare åtgärd", "Measures taken or planned to stop the breach, prevent it or mitigate it. Add another with \"Add new\".")
        .unless_supplemented().basis("GDPR art. 33.3 d", "GDPR Art. 33(3)(d)").element("åtgärd", "action");
    /// `/consequences/actions/*/date`.
    ActionDate = of(F::Actions, "date", Date, "Datum", "Date");
    /// `/consequences/actions/*/time`.
    ActionTime = of(F::Actions, "time", Time, "Klockslag", "Time");
    /// `/consequences/actions/*/description`.
    ActionDescription = of(F::Actions, "description", LongText, "Åtgärd", "Action").always()
        => |n, i| Some(Slot::Long(&mut n.consequences.actions.get_mut(i)?.description));

    /// `/dataSubjectInformation`: the section "Information till de registrerade".
    DataSubjectInformation = root("dataSubjectInformation", Group("DataSubjectInformation"), "Information till de registrerade", "Information to the data subjects");
    /// `/dataSubjectInformation/informed`: question 31.
    Informed = of(F::DataSubjectInformation, "informed", YesNo, "Har ni informerat de registrerade?", "Have you informed the data subjects?").q("31");
    /// `/dataSubjectInformation/informedOn`: question 32, when 31 = Ja.
    InformedOn = of(F::DataSubjectInformation, "informedOn", Date, "När informerade ni de registrerade?", "When did you inform the data subjects?").q("32")
        .when(Condition::Is(F::Informed, "yes"));
    /// `/dataSubjectInformation/willInform`: question 33, when 31 = Nej.
    WillInform = of(F::DataSubjectInformation, "willInform", YesNo, "Kommer ni att informera de registrerade?", "Will you inform the data subjects?").q("33")
        .when(Condition::Is(F::Informed, "no"));
    /// `/dataSubjectInformation/plannedOn`: question 34, when 33 = Ja.
    PlannedOn = of(F::DataSubjectInformation, "plannedOn", Date, "När kommer ni att informera de registrerade?", "When will you inform the data subjects?").q("34")
        .when(Condition::Is(F::WillInform, "yes"));
    /// `/dataSubjectInformation/reasonNotInforming`: question 35, when 33 = Nej.
    ReasonNotInforming = of(F::DataSubjectInformation, "reasonNotInforming", LongText, "Varför kommer ni inte att informera de registrerade?", "Why will you not inform the data subjects?").q("35")
        .when(Condition::Is(F::WillInform, "no"))
        => |n, _| Some(Slot::Long(&mut n.data_subject_information.reason_not_informing));

    /// `/supplementAndConfidentiality`: the section "Komplettering/eventuell sekretess".
    SupplementAndConfidentiality = root("supplementAndConfidentiality", Group("SupplementAndConfidentiality"), "Komplettering/eventuell sekretess", "Supplement and confidentiality");
    /// `/supplementAndConfidentiality/intendsToSupplement`: question 36.
    IntendsToSupplement = of(F::SupplementAndConfidentiality, "intendsToSupplement", YesNo,
        "Avser ni att komplettera er anmälan? Om ni ska komplettera anmälan så måste det ske skyndsamt",
        "Do you intend to supplement your notification? A supplement must be made without delay").q("36");
    /// `/supplementAndConfidentiality/confidentialityRequest`: question 37.
    ConfidentialityRequest = of(F::SupplementAndConfidentiality, "confidentialityRequest", LongText,
        "Om ni anser att viss information i er anmälan bör omfattas av sekretess, beskriv vilken information som enligt er bör vara sekretessbelagd och varför.",
        "If you consider that certain information in your notification should be confidential, describe which information and why.").q("37")
        => |n, _| Some(Slot::Long(&mut n.supplement_and_confidentiality.confidentiality_request));
    /// `/supplementAndConfidentiality/confidentialityMarkings`: not on the form (labels derived);
    /// question 37's text is produced from them.
    ConfidentialityMarkings = of(F::SupplementAndConfidentiality, "confidentialityMarkings", List("ConfidentialityMarking"), "Sekretessmarkeringar", "Confidentiality markings")
        .help("Markera de uppgifter i anmälan som enligt er bör omfattas av sekretess, med grund och skäl. Texten i fråga 37 skapas från markeringarna.",
              "Mark the information in the notification that in your view should be kept confidential, with a ground and a reason. The text of question 37 is produced from the markings.");
    /// `/supplementAndConfidentiality/confidentialityMarkings/*/pointer`.
    MarkingPointer = of(F::ConfidentialityMarkings, "pointer", Pointer, "Uppgift", "Field")
        .help("En JSON-pekare till svaret, till exempel /incident/description eller /contactDetails/contactPersons/0.",
              "A JSON pointer to the answer, for example /incident/description or /contactDetails/contactPersons/0.");
    /// `/supplementAndConfidentiality/confidentialityMarkings/*/ground`.
    MarkingGround = of(F::ConfidentialityMarkings, "ground", Choice(L::SecrecyGround), "Sekretessgrund", "Ground for confidentiality");
    /// `/supplementAndConfidentiality/confidentialityMarkings/*/reason`.
    MarkingReason = of(F::ConfidentialityMarkings, "reason", LongText, "Skäl", "Reason")
        .help("Vilken skada kan det göra om uppgiften lämnas ut?", "What harm could disclosure do?")
        => |n, i| Some(Slot::Long(&mut n.supplement_and_confidentiality.confidentiality_markings.get_mut(i)?.reason));
}

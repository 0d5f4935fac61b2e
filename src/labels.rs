//! The form's wording for every field: question number, Swedish label (exactly as on IMY's form),
//! English label, and help text. One table serves the localized schemas, rendering and messages.
//!
//! Fields are keyed by the model type and the wire name of the property, for example
//! `("Incident", "cause")`. Labels of option lists live with the options ([`crate::Choice`]).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The wording of one field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldLabel {
    /// The model type that holds the field (its schema `$defs` name), for example `"Incident"`.
    pub type_name: &'static str,
    /// The property's wire name, for example `"cause"`.
    pub property: &'static str,
    /// The question number on IMY's Swedish form, when the field is a numbered question.
    pub number: Option<&'static str>,
    /// The Swedish label, as on the form.
    pub sv: &'static str,
    /// The English label.
    pub en: &'static str,
    /// Help text shown with the field, in Swedish.
    pub help_sv: Option<&'static str>,
    /// Help text shown with the field, in English.
    pub help_en: Option<&'static str>,
}

impl FieldLabel {
    /// The label in the given language, without the number.
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Sv => self.sv,
            crate::Lang::En => self.en,
        }
    }
    /// The help text in the given language, if any.
    pub fn help(&self, lang: crate::Lang) -> Option<&'static str> {
        match lang {
            crate::Lang::Sv => self.help_sv,
            crate::Lang::En => self.help_en,
        }
    }
    /// The label with its question number, as the form prints it: `"15. Vad har hänt vid incidenten?"`.
    pub fn title(&self, lang: crate::Lang) -> String {
        match self.number {
            Some(n) => format!("{n}. {}", self.label(lang)),
            None => self.label(lang).to_string(),
        }
    }
}

const fn q(
    type_name: &'static str,
    property: &'static str,
    number: &'static str,
    sv: &'static str,
    en: &'static str,
) -> FieldLabel {
    FieldLabel { type_name, property, number: Some(number), sv, en, help_sv: None, help_en: None }
}

const fn f(
    type_name: &'static str,
    property: &'static str,
    sv: &'static str,
    en: &'static str,
) -> FieldLabel {
    FieldLabel { type_name, property, number: None, sv, en, help_sv: None, help_en: None }
}

const fn help(mut l: FieldLabel, sv: &'static str, en: &'static str) -> FieldLabel {
    l.help_sv = Some(sv);
    l.help_en = Some(en);
    l
}

const OTHER_COMMENT_SV: &str = "Ange kommentar vid val \"Övrigt\"";
const OTHER_COMMENT_EN: &str = "Comment when \"Other\" is chosen";
const ALL_THAT_APPLY_SV: &str = "Markera alla alternativ som gäller.";
const ALL_THAT_APPLY_EN: &str = "Tick every option that applies.";
const INTERVAL_HELP_SV: &str = "Om ni inte känner till det exakta antalet kan ni uppskatta antalet genom att fylla i något av de angivna intervallen.";
const INTERVAL_HELP_EN: &str =
    "If you do not know the exact number, you can estimate it by choosing one of the intervals.";

/// Every field of the model, in form order.
pub const FIELD_LABELS: &[FieldLabel] = &[
    f("Notification", "schemaVersion", "Schemaversion", "Schema version"),
    help(
        f("Notification", "submittedAt", "Tidpunkt för inlämning", "Submitted at"),
        "När anmälan lämnades, eller ska lämnas, till IMY.",
        "When the notification was, or will be, filed with IMY.",
    ),
    f("Notification", "controller", "Personuppgiftsansvarig", "Controller"),
    f("Notification", "contactDetails", "Kontaktuppgifter för anmälan", "Contact details for the notification"),
    f("Notification", "incident", "Incidenten", "The breach"),
    f("Notification", "processors", "Biträden", "Processors"),
    f("Notification", "dataAndSubjects", "Uppgifterna och de registrerade", "The data and the data subjects"),
    f("Notification", "consequences", "Konsekvenser", "Consequences"),
    f("Notification", "dataSubjectInformation", "Information till de registrerade", "Information to the data subjects"),
    f("Notification", "supplementAndConfidentiality", "Komplettering/eventuell sekretess", "Supplement and confidentiality"),
    // Personuppgiftsansvarig
    q("Controller", "name", "1", "Organisationens namn", "Organisation name (the controller)"),
    help(
        q("Controller", "organisationNumber", "2", "Organisationsnummer", "Corporate identity number"),
        "Lämna fältet tomt om ni är en enskild firma.",
        "Leave the field empty for a sole trader (enskild firma), whose number is a personal identity number.",
    ),
    q("Controller", "postalAddress", "3", "Organisationens postadress", "Postal address"),
    q("Controller", "internalReference", "4", "Er organisations interna referensnummer", "Your organisation's internal reference number"),
    f("Address", "street", "Adress", "Address"),
    f("Address", "postcode", "Postnummer", "Postcode"),
    f("Address", "city", "Ort", "City"),
    f("Address", "country", "Land", "Country"),
    // Kontaktuppgifter för anmälan
    help(
        f("ContactDetails", "contactPersons", "Kontaktpersoner", "Contact persons"),
        "Klicka på \"Lägg till ny\" om du vill lägga till ytterligare kontaktperson",
        "Add another contact person with \"Add new\".",
    ),
    q("ContactDetails", "correspondenceAddress", "9", "Den adress ni önskar bli kontaktad på", "Address for correspondence"),
    q("ContactPerson", "name", "5", "Kontaktpersonens namn", "Contact person's name"),
    q("ContactPerson", "role", "6", "Kontaktpersonens roll", "Contact person's role"),
    q("ContactPerson", "email", "7", "Kontaktpersonens e-post", "Contact person's e-mail"),
    q("ContactPerson", "phone", "8", "Kontaktpersonens telefonnummer", "Contact person's phone number"),
    // Incidenten
    q("Incident", "occurred", "10", "När inträffade incidenten?", "When did the breach occur?"),
    q("Incident", "discovered", "11", "När upptäckte ni incidenten?", "When did you discover the breach?"),
    q("Incident", "ongoing", "12", "Pågår incidenten fortfarande?", "Is the breach still ongoing?"),
    q("Incident", "ceased", "13", "När upphörde incidenten?", "When did the breach cease?"),
    q(
        "Incident",
        "lateReason",
        "14",
        "Om er anmälan kommer in senare än 72 timmar efter att ni upptäckte incidenten, beskriv varför.",
        "If your notification is made later than 72 hours after you discovered the breach, describe why.",
    ),
    q("Incident", "nature", "15", "Vad har hänt vid incidenten?", "What happened?"),
    q("Incident", "description", "16", "Kort beskrivning av incidenten", "Short description of the breach"),
    q("Incident", "discoveryMethod", "17", "Hur upptäckte ni incidenten?", "How did you discover the breach?"),
    q("Incident", "cause", "18", "Varför inträffade incidenten enligt er uppfattning?", "Why did the breach happen, in your view?"),
    q("Incident", "causeComment", "18", OTHER_COMMENT_SV, OTHER_COMMENT_EN),
    q("Incident", "sector", "19", "Inom vilken sektor inträffade incidenten?", "In which sector did the breach occur?"),
    q("Incident", "areaOfActivity", "20", "Inom vilket verksamhetsområde inträffade incidenten?", "In which area of activity did the breach occur?"),
    q("Incident", "areaOfActivityComment", "20", OTHER_COMMENT_SV, OTHER_COMMENT_EN),
    f("EventTime", "date", "Datum", "Date"),
    f("EventTime", "time", "Klockslag", "Time"),
    help(
        f("EventTime", "utcOffset", "UTC-förskjutning", "UTC offset"),
        "Behövs bara för timmen som inträffar två gånger när sommartiden slutar.",
        "Only needed for the hour that occurs twice when summer time ends.",
    ),
    f("EventTime", "comment", "Eventuell kommentar", "Comment, if any"),
    // Biträden
    q(
        "Processors",
        "involved",
        "21",
        "Gäller incidenten en personuppgiftsbehandling som hanteras av anlitade personuppgiftsbiträden eller underbiträden?",
        "Does the breach concern processing carried out by processors or sub-processors?",
    ),
    help(
        q("Processors", "organisations", "22", "Organisationens namn och organisationsnummer", "Processors' names and corporate identity numbers"),
        "Klicka på \"Lägg till ny\" om du vill lägga till ytterligare biträde",
        "Add another processor with \"Add new\".",
    ),
    f("Processor", "name", "Organisationens namn", "Organisation name"),
    f("Processor", "organisationNumber", "Organisationsnummer", "Corporate identity number"),
    // Uppgifterna och de registrerade
    q("DataAndSubjects", "subjectCount", "23", "Hur många registrerade har påverkats?", "How many data subjects are affected?"),
    q(
        "DataAndSubjects",
        "recordCount",
        "24",
        "Hur många uppgifter om de registrerade har påverkats totalt?",
        "How many records about the data subjects are affected in total?",
    ),
    help(
        q("DataAndSubjects", "subjectGroups", "25", "Vilka grupper tillhör de registrerade?", "Which groups do the data subjects belong to?"),
        ALL_THAT_APPLY_SV,
        ALL_THAT_APPLY_EN,
    ),
    q("DataAndSubjects", "subjectGroupsComment", "25", OTHER_COMMENT_SV, OTHER_COMMENT_EN),
    help(
        q("DataAndSubjects", "dataCategories", "26", "Vilken sorts personuppgifter har incidenten drabbat?", "Which kinds of personal data does the breach affect?"),
        ALL_THAT_APPLY_SV,
        ALL_THAT_APPLY_EN,
    ),
    q("DataAndSubjects", "dataCategoriesComment", "26", OTHER_COMMENT_SV, OTHER_COMMENT_EN),
    q("DataAndSubjects", "encrypted", "27", "Var personuppgifterna krypterade?", "Was the personal data encrypted?"),
    f("Count", "exact", "Exakt antal", "Exact number"),
    help(f("Count", "interval", "Intervall", "Interval"), INTERVAL_HELP_SV, INTERVAL_HELP_EN),
    // Konsekvenser
    help(
        q("Consequences", "likelyConsequences", "28", "Vad kan bli konsekvenserna av incidenten?", "What could the consequences of the breach be?"),
        ALL_THAT_APPLY_SV,
        ALL_THAT_APPLY_EN,
    ),
    q("Consequences", "likelyConsequencesComment", "28", OTHER_COMMENT_SV, OTHER_COMMENT_EN),
    help(
        q("Consequences", "severity", "29", "Hur allvarlig bedömer ni att incidenten är?", "How serious do you assess the breach to be?"),
        "Med hänsyn till de registrerades integritet.",
        "With regard to the data subjects' privacy.",
    ),
    help(
        q("Consequences", "actions", "30", "Hur har ni agerat efter incidenten?", "What have you done since the breach?"),
        "Klicka på \"Lägg till ny\" om du vill lägga till ytterligare åtgärd",
        "Measures taken or planned to stop the breach, prevent it or mitigate it. Add another with \"Add new\".",
    ),
    f("Action", "date", "Datum", "Date"),
    f("Action", "time", "Klockslag", "Time"),
    f("Action", "description", "Åtgärd", "Action"),
    // Information till de registrerade
    q("DataSubjectInformation", "informed", "31", "Har ni informerat de registrerade?", "Have you informed the data subjects?"),
    q("DataSubjectInformation", "informedOn", "32", "När informerade ni de registrerade?", "When did you inform the data subjects?"),
    q("DataSubjectInformation", "willInform", "33", "Kommer ni att informera de registrerade?", "Will you inform the data subjects?"),
    q("DataSubjectInformation", "plannedOn", "34", "När kommer ni att informera de registrerade?", "When will you inform the data subjects?"),
    q(
        "DataSubjectInformation",
        "reasonNotInforming",
        "35",
        "Varför kommer ni inte att informera de registrerade?",
        "Why will you not inform the data subjects?",
    ),
    // Komplettering/eventuell sekretess
    q(
        "SupplementAndConfidentiality",
        "intendsToSupplement",
        "36",
        "Avser ni att komplettera er anmälan? Om ni ska komplettera anmälan så måste det ske skyndsamt",
        "Do you intend to supplement your notification? A supplement must be made without delay",
    ),
    q(
        "SupplementAndConfidentiality",
        "confidentialityRequest",
        "37",
        "Om ni anser att viss information i er anmälan bör omfattas av sekretess, beskriv vilken information som enligt er bör vara sekretessbelagd och varför.",
        "If you consider that certain information in your notification should be confidential, describe which information and why.",
    ),
    // Confidentiality markings: not on the form (labels derived); question 37's text is produced from them.
    help(
        f("SupplementAndConfidentiality", "confidentialityMarkings", "Sekretessmarkeringar", "Confidentiality markings"),
        "Markera de uppgifter i anmälan som enligt er bör omfattas av sekretess, med grund och skäl. Texten i fråga 37 skapas från markeringarna.",
        "Mark the information in the notification that in your view should be kept confidential, with a ground and a reason. The text of question 37 is produced from the markings.",
    ),
    help(
        f("ConfidentialityMarking", "pointer", "Uppgift", "Field"),
        "En JSON-pekare till svaret, till exempel /incident/description eller /contactDetails/contactPersons/0.",
        "A JSON pointer to the answer, for example /incident/description or /contactDetails/contactPersons/0.",
    ),
    f("ConfidentialityMarking", "ground", "Sekretessgrund", "Ground for confidentiality"),
    help(
        f("ConfidentialityMarking", "reason", "Skäl", "Reason"),
        "Vilken skada kan det göra om uppgiften lämnas ut?",
        "What harm could disclosure do?",
    ),
];

/// The wording of a field, by model type and wire property name.
///
/// # Example
/// ```
/// use imy_breach::{labels::field_label, Lang};
/// let l = field_label("Incident", "cause").unwrap();
/// assert_eq!(l.title(Lang::Sv), "18. Varför inträffade incidenten enligt er uppfattning?");
/// ```
pub fn field_label(type_name: &str, property: &str) -> Option<&'static FieldLabel> {
    field_position(type_name, property).map(|i| &FIELD_LABELS[i])
}

/// The position of a field's label in [`FIELD_LABELS`] (form order), by model type and wire
/// property name, from an index built once: messages, their ordering and field paths look labels
/// up by name, segment by segment.
pub(crate) fn field_position(type_name: &str, property: &str) -> Option<usize> {
    static INDEX: OnceLock<HashMap<(&'static str, &'static str), usize>> = OnceLock::new();
    let index: &HashMap<(&str, &str), usize> = INDEX.get_or_init(|| {
        let mut index = HashMap::with_capacity(FIELD_LABELS.len());
        for (i, l) in FIELD_LABELS.iter().enumerate() {
            index.entry((l.type_name, l.property)).or_insert(i);
        }
        index
    });
    index.get(&(type_name, property)).copied()
}

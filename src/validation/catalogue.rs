//! The rule catalogue: every code validation can produce, with its level, what it checks and its
//! source; and the required answers, a view of the form table ([`crate::form`]).

use serde::Serialize;

use super::report::Level;
use crate::form::{Field, Requirement};
use crate::lang::{Bilingual, Lang};

/// What a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RuleKind {
    /// The document can be read: JSON syntax, known members, types and the format of each value.
    /// Checked while reading ([`ParseError`](crate::ParseError) codes).
    Format,
    /// An answer the form or GDPR Art. 33 requires, or the form asks for.
    Required,
    /// A question asked only for a certain answer to another question.
    Conditional,
    /// The order of the moments given, local time, the 72-hour deadline, dates in the future.
    Time,
    /// The numbers of data subjects and records.
    Number,
    /// Swedish identifiers: check digits, a personnummer where an organisation number belongs.
    Identifier,
    /// Consistency of the answers with GDPR Art. 33 and 34.
    Law,
    /// Personal data in free text.
    PersonalData,
    /// Characters in free text that change how it is shown (bidirectional controls).
    Text,
    /// Confidentiality markings (which answers should be kept secret, question 37).
    Confidentiality,
    /// Supplements (komplettering, Art. 33(4)): their shape and their place in the case.
    Supplement,
    /// A breach record (GDPR Art. 33(5)): its documentation, decisions, dates and filings. These
    /// rules run on records only ([`BreachRecord::validate`](crate::BreachRecord::validate)).
    Record,
}

impl RuleKind {
    /// The kebab-case code, for example `"conditional"`.
    pub fn code(self) -> &'static str {
        match self {
            RuleKind::Format => "format",
            RuleKind::Required => "required",
            RuleKind::Conditional => "conditional",
            RuleKind::Time => "time",
            RuleKind::Number => "number",
            RuleKind::Identifier => "identifier",
            RuleKind::Law => "law",
            RuleKind::PersonalData => "personal-data",
            RuleKind::Text => "text",
            RuleKind::Confidentiality => "confidentiality",
            RuleKind::Supplement => "supplement",
            RuleKind::Record => "record",
        }
    }
}

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    /// The stable kebab-case code every violation of the rule carries.
    pub code: &'static str,
    /// Error (the notification cannot be filed as it is) or warning (advice to consider).
    #[serde(rename = "severity")]
    pub level: Level,
    /// What the rule is about.
    pub kind: RuleKind,
    /// What the rule checks.
    #[serde(skip)]
    pub checks: Bilingual,
    /// Where the rule comes from (question numbers, GDPR articles, IMY's guidance).
    #[serde(skip)]
    pub source: Bilingual,
    /// Whether the canonical JSON Schema expresses the rule, so that a document the schema accepts
    /// never breaks it. Rules the schema does not express are listed under its `x-rules` keyword.
    pub in_schema: bool,
    /// Whether the rule needs the submission moment and is skipped without one (see
    /// [`ValidationOptions`](super::ValidationOptions)).
    pub needs_submission_moment: bool,
}

impl RuleInfo {
    /// What the rule checks, in the given language.
    pub fn checks(&self, lang: Lang) -> &'static str {
        self.checks.get(lang)
    }
    /// The rule's source, in the given language.
    pub fn source(&self, lang: Lang) -> &'static str {
        self.source.get(lang)
    }
}

/// Whether the canonical JSON Schema expresses a rule, or only lists it under `x-rules`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Schema {
    /// The schema expresses the rule (`required`, `if`/`then`, a pattern, an interval, …).
    Expressed,
    /// The schema lists the rule under `x-rules` only.
    Listed,
}

const fn info(
    code: &'static str,
    level: Level,
    kind: RuleKind,
    schema: Schema,
    checks: Bilingual,
    source: Bilingual,
) -> RuleInfo {
    let in_schema = matches!(schema, Schema::Expressed);
    RuleInfo { code, level, kind, checks, source, in_schema, needs_submission_moment: false }
}

const fn timed(mut r: RuleInfo) -> RuleInfo {
    r.needs_submission_moment = true;
    r
}

use Level::{Error as E, Warning as W};
use RuleKind::*;
use Schema::{Expressed, Listed};

const WIRE: Bilingual = Bilingual::new("Dataformatet (schemat)", "The wire format (schema)");

/// Every rule, grouped by kind. Codes are stable: a code is never reused for another rule.
///
/// # Example
/// ```
/// use imy_breach::validation::{rule, RULES};
/// use imy_breach::Level;
/// assert!(RULES.len() > 40);
/// assert_eq!(rule("required-when").unwrap().level, Level::Error);
/// ```
pub const RULES: &[RuleInfo] = &[
    // Format: checked while reading.
    info("json-syntax", E, Format, Listed,
        Bilingual::new("Dokumentet är korrekt JSON (UTF-8).", "The document is well-formed JSON (UTF-8)."),
        Bilingual::new("RFC 8259", "RFC 8259")),
    info("document-too-large", E, Format, Listed,
        Bilingual::new("Dokumentet är högst 1 MiB.", "The document is at most 1 MiB."),
        Bilingual::new("Denna implementation", "This implementation")),
    info("duplicate-field", E, Format, Listed,
        Bilingual::new("Ett fält förekommer högst en gång i ett objekt.", "A member appears at most once in an object."),
        Bilingual::new("RFC 8259 avsnitt 4", "RFC 8259 section 4")),
    info("missing-field", E, Format, Expressed,
        Bilingual::new("Fältet schemaVersion finns (i en incidentdokumentation även kind).", "The member schemaVersion is present (in a breach record also kind)."),
        WIRE),
    info("schema-version", E, Format, Expressed,
        Bilingual::new("schemaVersion är \"1.0\".", "schemaVersion is \"1.0\"."),
        WIRE),
    info("document-kind", E, Format, Expressed,
        Bilingual::new("kind är \"breach_record\" i en incidentdokumentation.", "kind is \"breach_record\" in a breach record."),
        WIRE),
    info("unknown-field", E, Format, Expressed,
        Bilingual::new("Inga okända fält.", "No unknown members."),
        WIRE),
    info("invalid-type", E, Format, Expressed,
        Bilingual::new("Varje värde har rätt datatyp.", "Every value has the right JSON type."),
        WIRE),
    info("invalid-value", E, Format, Expressed,
        Bilingual::new("Varje värde ligger inom sin typs värdemängd.", "Every value is within its type's range."),
        WIRE),
    info("unknown-option", E, Format, Expressed,
        Bilingual::new("Svarsalternativ är koder ur formulärets listor.", "Options are codes of the form's option lists."),
        Bilingual::new("Listorna A–J och Ja/Nej", "Option lists A–J and Ja/Nej")),
    info("duplicate-option", E, Format, Expressed,
        Bilingual::new("Ett alternativ väljs högst en gång i en flervalsfråga.", "An option is chosen at most once in a multiple choice."),
        Bilingual::new("Frågorna 25, 26, 28", "Questions 25, 26, 28")),
    info("too-many-items", E, Format, Expressed,
        Bilingual::new("Högst 20 kontaktpersoner, 100 biträden och 200 åtgärder.", "At most 20 contact persons, 100 processors and 200 actions."),
        Bilingual::new("Frågorna 5–8, 22, 30 (denna implementations gränser)", "Questions 5–8, 22, 30 (this implementation's limits)")),
    info("text-empty", E, Format, Expressed,
        Bilingual::new("En text är inte tom eller blank; utelämna fältet i stället.", "A text is not empty or blank; leave the member out instead."),
        WIRE),
    info("text-too-long", E, Format, Expressed,
        Bilingual::new("Högst 200 tecken för namn, roller, adresser och referenser, 10 000 för beskrivningar, kommentarer, åtgärder och skäl.",
         "At most 200 characters for names, roles, addresses and references, 10,000 for descriptions, comments, actions and reasons."),
        Bilingual::new("Denna implementation (IMY publicerar inga gränser)", "This implementation (IMY publishes no limits)")),
    info("control-character", E, Format, Expressed,
        Bilingual::new("En text innehåller inga styrtecken (C0, DEL, C1) utom tabb, radbrytning och vagnretur.",
         "A text holds no control characters (C0, DEL, C1) other than tab, line feed and carriage return."),
        Bilingual::new("Unicode, allmän kategori Cc; denna implementation", "Unicode general category Cc; this implementation")),
    info("organisation-number-format", E, Format, Expressed,
        Bilingual::new("Ett organisationsnummer är tio siffror, NNNNNN-NNNN.", "An organisation number is ten digits, NNNNNN-NNNN."),
        Bilingual::new("Frågorna 2 och 22", "Questions 2 and 22")),
    info("postcode-format", E, Format, Expressed,
        Bilingual::new("Ett postnummer är 2–10 bokstäver, siffror, mellanslag eller bindestreck; för en adress i Sverige (Sverige, Sweden, SE, SWE), eller utan land, fem siffror (NNN NN).",
         "A postcode is 2–10 letters, digits, spaces or hyphens; for an address in Sweden (Sverige, Sweden, SE, SWE), or without a country, five digits (NNN NN)."),
        Bilingual::new("Frågorna 3 och 9 (formuläret frågar efter landet); Postnord: postnummer", "Questions 3 and 9 (the form asks for the country); Postnord: postcodes")),
    info("email-format", E, Format, Expressed,
        Bilingual::new("En e-postadress är syntaktiskt giltig.", "An e-mail address is syntactically valid."),
        Bilingual::new("Fråga 7", "Question 7")),
    info("phone-format", E, Format, Expressed,
        Bilingual::new("Ett telefonnummer är ett svenskt nationellt nummer eller ett E.164-nummer.", "A phone number is a Swedish national number or an E.164 number."),
        Bilingual::new("Fråga 8", "Question 8")),
    info("date-format", E, Format, Expressed,
        Bilingual::new("Ett datum skrivs ÅÅÅÅ-MM-DD och finns i kalendern.", "A date is YYYY-MM-DD and exists in the calendar."),
        Bilingual::new("Frågorna 10, 11, 13, 30, 32, 34", "Questions 10, 11, 13, 30, 32, 34")),
    info("time-format", E, Format, Expressed,
        Bilingual::new("Ett klockslag skrivs TT:MM.", "A time of day is HH:MM."),
        Bilingual::new("Frågorna 10, 11, 13, 30", "Questions 10, 11, 13, 30")),
    info("timestamp-format", E, Format, Expressed,
        Bilingual::new("submittedAt är en RFC 3339-tidpunkt med tidszon.", "submittedAt is an RFC 3339 timestamp with an offset."),
        WIRE),
    info("utc-offset", E, Format, Expressed,
        Bilingual::new("En UTC-förskjutning är +01:00 eller +02:00.", "A UTC offset is +01:00 or +02:00."),
        Bilingual::new("Frågorna 10, 11, 13 (svensk tid)", "Questions 10, 11, 13 (Swedish time)")),
    info("count-out-of-range", E, Format, Expressed,
        Bilingual::new("Ett exakt antal är ett heltal från 1 till 2^53 − 1.", "An exact count is a whole number from 1 to 2^53 − 1."),
        Bilingual::new("Frågorna 23, 24", "Questions 23, 24")),
    // Required answers.
    info("required", E, Required, Expressed,
        Bilingual::new("Ett obligatoriskt svar saknas (se tabellen över obligatoriska svar).",
         "A required answer is missing (see the table of required answers)."),
        Bilingual::new("Asterisker i formuläret: frågorna 1, 3 (postnummer, ort), 5, 7, 8, 9 (adress, postnummer, ort); GDPR art. 33.3 b: 5, 7, 8; art. 33.1: 11 (datum, från vilket de 72 timmarna räknas); art. 33.3 a: 15, 16; art. 33.3 c: 28; art. 33.3 d: 30",
         "Asterisks on the form: questions 1, 3 (postcode, city), 5, 7, 8, 9 (address, postcode, city); GDPR Art. 33(3)(b): 5, 7, 8; Art. 33(1): 11 (the date the 72 hours run from); Art. 33(3)(a): 15, 16; Art. 33(3)(c): 28; Art. 33(3)(d): 30")),
    info("required-where-possible", W, Required, Listed,
        Bilingual::new("Antalet registrerade och uppgifter (frågorna 23, 24) och deras kategorier (25, 26) saknas; art. 33.3 a kräver dem om det är möjligt.",
         "The numbers of data subjects and records (questions 23, 24) or their categories (25, 26) are missing; Art. 33(3)(a) requires them where possible."),
        Bilingual::new("GDPR art. 33.3 a (”om möjligt”)", "GDPR Art. 33(3)(a) (\"where possible\")")),
    info("form-question-unanswered", W, Required, Listed,
        Bilingual::new("En fråga som formuläret ställer utan asterisk och som ingen lag kräver är obesvarad: 12, 19, 20.",
         "A question the form asks without an asterisk and no law requires is unanswered: 12, 19, 20."),
        Bilingual::new("Formuläret, frågorna 12, 19, 20 (ingen asterisk)", "The form, questions 12, 19, 20 (no asterisk)")),
    info("required-in-supplement", W, Required, Listed,
        Bilingual::new("Ett svar som art. 33.3 kräver (23–26, 28, 30) saknas, men fråga 36 = Ja: det får lämnas i en komplettering utan onödigt dröjsmål.",
         "An answer Art. 33(3) requires (23–26, 28, 30) is missing, but question 36 = Ja: it may follow in a supplement, without undue further delay."),
        Bilingual::new("GDPR art. 33.4; fråga 36", "GDPR Art. 33(4); question 36")),
    // Conditional questions.
    info("required-when", E, Conditional, Expressed,
        Bilingual::new("En villkorad fråga besvaras när villkoret gäller: 13 (datum eller kommentar) när 12 = Nej, 22 när 21 = Ja, 32 när 31 = Ja, 33 när 31 = Nej, 34 när 33 = Ja, 35 när 33 = Nej.",
         "A conditional question is answered when its condition holds: 13 (a date or a comment) when 12 = Nej, 22 when 21 = Ja, 32 when 31 = Ja, 33 when 31 = Nej, 34 when 33 = Ja, 35 when 33 = Nej."),
        Bilingual::new("Formulärets villkor, frågorna 12–13, 21–22, 31–35", "The form's conditions, questions 12–13, 21–22, 31–35")),
    info("not-applicable", E, Conditional, Expressed,
        Bilingual::new("En villkorad fråga besvaras bara när villkoret gäller.", "A conditional question is answered only when its condition holds."),
        Bilingual::new("Formulärets villkor, frågorna 12–13, 21–22, 31–35", "The form's conditions, questions 12–13, 21–22, 31–35")),
    info("other-comment-required", E, Conditional, Expressed,
        Bilingual::new("Kommentaren finns när ”Övrigt” är valt i fråga 18, 20, 25, 26 eller 28.",
         "The comment is given when \"Övrigt\" is chosen in question 18, 20, 25, 26 or 28."),
        Bilingual::new("Formuläret: ”Ange kommentar vid val ’Övrigt’”", "The form: \"Ange kommentar vid val 'Övrigt'\"")),
    info("other-comment-not-applicable", E, Conditional, Expressed,
        Bilingual::new("Kommentaren finns bara när ”Övrigt” är valt.", "The comment is given only when \"Övrigt\" is chosen."),
        Bilingual::new("Formuläret: ”Ange kommentar vid val ’Övrigt’”", "The form: \"Ange kommentar vid val 'Övrigt'\"")),
    info("exclusive-option", W, Conditional, Listed,
        Bilingual::new("”Kan inte ange för närvarande” (frågorna 25, 28) eller ”Okänd” (fråga 26) väljs inte tillsammans med andra alternativ.",
         "\"Kan inte ange för närvarande\" (questions 25, 28) or \"Okänd\" (question 26) is not combined with other options."),
        Bilingual::new("Listorna G, H och I", "Option lists G, H and I")),
    info("date-missing-with-comment", W, Conditional, Listed,
        Bilingual::new("Fråga 13 besvaras med bara en kommentar: datumet saknas.", "Question 13 is answered with a comment only: the date is missing."),
        Bilingual::new("Formuläret, fråga 13 (ingen asterisk)", "The form, question 13 (no asterisk)")),
    info("time-without-date", E, Conditional, Expressed,
        Bilingual::new("Ett klockslag anges bara med ett datum.", "A time of day is given only with a date."),
        Bilingual::new("Frågorna 10, 11, 13, 30", "Questions 10, 11, 13, 30")),
    // Time.
    info("discovered-before-occurred", E, Time, Listed,
        Bilingual::new("Incidenten upptäcktes inte innan den inträffade (fråga 11 inte före fråga 10).",
         "The breach was not discovered before it occurred (question 11 not before question 10)."),
        Bilingual::new("Händelsernas ordning", "The order of events")),
    info("ceased-before-occurred", E, Time, Listed,
        Bilingual::new("Incidenten upphörde inte innan den inträffade (fråga 13 inte före fråga 10).",
         "The breach did not cease before it occurred (question 13 not before question 10)."),
        Bilingual::new("Händelsernas ordning", "The order of events")),
    info("informed-before-discovery", W, Time, Listed,
        Bilingual::new("De registrerade informerades inte före upptäckten (fråga 32 inte före fråga 11); att informera redan vid misstanke är tillåtet.",
         "The data subjects were not informed before the discovery (question 32 not before question 11); informing them on suspicion is lawful."),
        Bilingual::new("Händelsernas ordning; GDPR art. 34", "The order of events; GDPR Art. 34")),
    info("planned-before-discovery", E, Time, Listed,
        Bilingual::new("Den planerade informationen till de registrerade (fråga 34) ligger inte före upptäckten (fråga 11).",
         "The planned information to the data subjects (question 34) is not before the discovery (question 11)."),
        Bilingual::new("Händelsernas ordning; GDPR art. 34", "The order of events; GDPR Art. 34")),
    info("discovered-before-gdpr", W, Time, Listed,
        Bilingual::new("Upptäckten (fråga 11) ligger inte före 2018-05-25, då art. 33 började gälla (före dess tillämpas inte fristen på 72 timmar).",
         "The discovery (question 11) is not before 2018-05-25, when Art. 33 began to apply (before it, the 72-hour deadline is not applied)."),
        Bilingual::new("GDPR art. 99.2", "GDPR Art. 99(2)")),
    info("action-before-occurred", W, Time, Listed,
        Bilingual::new("En åtgärd (fråga 30) är inte daterad före incidenten (fråga 10).",
         "An action (question 30) is not dated before the breach occurred (question 10)."),
        Bilingual::new("Fråga 30: åtgärder efter incidenten", "Question 30: measures after the breach")),
    info("local-time-gap", E, Time, Listed,
        Bilingual::new("Ett klockslag finns i svensk tid (inte 02:00–02:59 när sommartiden börjar).",
         "A time of day exists in Swedish time (not 02:00–02:59 when summer time begins)."),
        Bilingual::new("Svensk tid (Europe/Stockholm)", "Swedish time (Europe/Stockholm)")),
    info("utc-offset-mismatch", E, Time, Listed,
        Bilingual::new("En angiven UTC-förskjutning är den svensk tid har vid tidpunkten.",
         "A UTC offset given is the one Swedish time has at that moment."),
        Bilingual::new("Svensk tid (Europe/Stockholm)", "Swedish time (Europe/Stockholm)")),
    info("local-time-ambiguous", W, Time, Listed,
        Bilingual::new("Ett klockslag som inträffar två gånger (02:00–02:59 när sommartiden slutar) har en UTC-förskjutning.",
         "A time of day that occurs twice (02:00–02:59 when summer time ends) has a UTC offset."),
        Bilingual::new("Svensk tid (Europe/Stockholm)", "Swedish time (Europe/Stockholm)")),
    info("local-time-out-of-range", W, Time, Listed,
        Bilingual::new("Datum i frågorna 10, 11 och 13 ligger mellan 1996-01-01 och 2100-12-31, där svensk tid kan beräknas.",
         "Dates in questions 10, 11 and 13 lie between 1996-01-01 and 2100-12-31, where Swedish time can be computed."),
        Bilingual::new("EU:s sommartidsregel (sedan 1996)", "The EU summer-time rule (since 1996)")),
    timed(info("late-reason-required", E, Time, Listed,
        Bilingual::new("Fråga 14 besvaras när anmälan lämnas mer än 72 timmar efter upptäckten (fråga 11).",
         "Question 14 is answered when the notification is filed more than 72 hours after the discovery (question 11)."),
        Bilingual::new("GDPR art. 33.1; fråga 14", "GDPR Art. 33(1); question 14"))),
    timed(info("late-reason-date-only", W, Time, Listed,
        Bilingual::new("Fråga 14 bör besvaras när fråga 11 bara anger ett datum och anmälan lämnas högst 24 timmar efter fristen räknad från dygnets början (den kan ändå vara i tid).",
         "Question 14 should be answered when question 11 gives only a date and the notification is filed at most 24 hours after the deadline counted from the start of that day (it may still be on time)."),
        Bilingual::new("GDPR art. 33.1; fråga 14", "GDPR Art. 33(1); question 14"))),
    timed(info("future-date", E, Time, Listed,
        Bilingual::new("Frågorna 10, 11, 13 och 32 ligger inte efter tidpunkten för inlämning.",
         "Questions 10, 11, 13 and 32 are not after the submission moment."),
        Bilingual::new("Händelsernas ordning", "The order of events"))),
    // Numbers.
    info("count-outside-interval", E, Number, Expressed,
        Bilingual::new("Ett exakt antal ligger i det valda intervallet när båda anges (frågorna 23, 24).",
         "An exact number lies in the chosen interval when both are given (questions 23, 24)."),
        Bilingual::new("Lista F; formulärets hjälptext", "Option list F; the form's help text")),
    info("records-fewer-than-subjects", W, Number, Listed,
        Bilingual::new("Antalet uppgifter (fråga 24) är inte mindre än antalet registrerade (fråga 23).",
         "The number of records (question 24) is not smaller than the number of data subjects (question 23)."),
        Bilingual::new("GDPR art. 33.3 a", "GDPR Art. 33(3)(a)")),
    // Answer states (schema version 1.1).
    info("answer-not-known-yet", W, Required, Listed,
        Bilingual::new("Ett svar som inte är känt ännu (frågorna 10, 13, 23–26, 28) lämnas i en komplettering utan onödigt dröjsmål.",
         "An answer not known yet (questions 10, 13, 23–26, 28) follows in a supplement without undue further delay."),
        Bilingual::new("GDPR art. 33.4; fråga 36", "GDPR Art. 33(4); question 36")),
    info("not-known-yet-without-supplement", W, Required, Listed,
        Bilingual::new("När ett svar inte är känt ännu är fråga 36 (komplettering) besvarad med ”Ja”.",
         "When an answer is not known yet, question 36 (supplement) is answered \"Ja\"."),
        Bilingual::new("GDPR art. 33.4; fråga 36", "GDPR Art. 33(4); question 36")),
    info("answer-state-with-value", E, Conditional, Listed,
        Bilingual::new("Ett svar som inte kan anges (inte känt ännu, kan inte fastställas) har inget värde (frågorna 10, 13, 23, 24).",
         "An answer that cannot be given (not known yet, cannot be determined) has no value (questions 10, 13, 23, 24)."),
        Bilingual::new("Schemaversion 1.1", "Schema version 1.1")),
    info("answer-state-not-offered", E, Conditional, Listed,
        Bilingual::new("Fråga 11 anges som en tidpunkt, och fråga 13 är inte ”Pågår sedan”.",
         "Question 11 is given as a moment, and question 13 is not \"Ongoing since\"."),
        Bilingual::new("GDPR art. 33.1 (72 timmar från vetskapen); schemaversion 1.1", "GDPR Art. 33(1) (72 hours from becoming aware); schema version 1.1")),
    info("answer-not-in-schema-version", E, Conditional, Listed,
        Bilingual::new("Ett dokument använder bara svar som dess schemaVersion har (svarslägen, perioder och ungefärliga antal kräver 1.1).",
         "A document uses only answers its schemaVersion has (answer states, periods and approximate counts need 1.1)."),
        WIRE),
    info("period-ends-before-start", E, Time, Listed,
        Bilingual::new("En period (frågorna 10, 13) slutar inte före sin början.",
         "A period (questions 10, 13) does not end before it starts."),
        Bilingual::new("Händelsernas ordning", "The order of events")),
    info("count-exact-and-approximate", E, Number, Listed,
        Bilingual::new("Ett antal (frågorna 23, 24) är exakt eller ungefärligt, inte båda.",
         "A number (questions 23, 24) is exact or approximate, not both."),
        Bilingual::new("Schemaversion 1.1", "Schema version 1.1")),
    // Identifiers.
    info("organisation-number-check-digit", E, Identifier, Listed,
        Bilingual::new("Organisationsnumrets sista siffra är kontrollsiffran (Luhn) (frågorna 2, 22).",
         "The organisation number's last digit is its Luhn check digit (questions 2, 22)."),
        Bilingual::new("Skatteverket: organisationsnummer", "Swedish Tax Agency: organisation numbers")),
    info("personal-identity-number-as-organisation-number", W, Identifier, Listed,
        Bilingual::new("Ett organisationsnummer (frågorna 2, 22) är inte ett personnummer: en enskild firma anges utan nummer.",
         "An organisation number (questions 2, 22) is not a personal identity number: a sole trader (enskild firma) is given without one."),
        Bilingual::new("Frågorna 2, 22; IMY:s hjälptext till fråga 2", "Questions 2, 22; IMY's help text to question 2")),
    // Law.
    info("sensitive-data-low-severity", W, Law, Listed,
        Bilingual::new("Känsliga personuppgifter (art. 9), uppgifter om brott (art. 10), barn, elever eller utsatta personer bedöms inte som ”1. Inte allvarlig”. Där en riskbedömning finns gäller severity-diverges-from-assessment i stället.",
         "Special-category data (Art. 9), criminal-offence data (Art. 10), children, pupils or vulnerable persons are not assessed \"1. Inte allvarlig\". Where a risk assessment exists, severity-diverges-from-assessment applies instead."),
        Bilingual::new("GDPR art. 9, 10, skäl 75; frågorna 25, 26, 29", "GDPR Art. 9, 10, recital 75; questions 25, 26, 29")),
    info("high-severity-not-informing", W, Law, Listed,
        Bilingual::new("Vid allvarlighetsgrad 3–4 informeras de registrerade, eller fråga 35 anger varför inte. Där en riskbedömning finns gäller informing-diverges-from-assessment i stället.",
         "At severity 3–4 the data subjects are informed, or question 35 says why not. Where a risk assessment exists, informing-diverges-from-assessment applies instead."),
        Bilingual::new("GDPR art. 34.1, 34.3; frågorna 29, 31–35", "GDPR Art. 34(1), 34(3); questions 29, 31–35")),
    info("severity-diverges-from-assessment", W, Law, Listed,
        Bilingual::new("Där en riskbedömning finns motsvarar allvarlighetsgraden (fråga 29) dess presumtion: 1 osannolik risk, 2 risk, 3–4 hög risk. Ersätter då sensitive-data-low-severity.",
         "Where a risk assessment exists, the severity (question 29) matches its presumption: 1 unlikely, 2 a risk, 3–4 a high risk. Replaces sensitive-data-low-severity there."),
        Bilingual::new("GDPR art. 33.1, 34.1; ENISA 2013; fråga 29", "GDPR Art. 33(1), 34(1); ENISA 2013; question 29")),
    info("informing-diverges-from-assessment", W, Law, Listed,
        Bilingual::new("Där riskbedömningen presumerar hög risk utan undantag informeras de registrerade, eller fråga 35 anger varför inte. Ersätter då high-severity-not-informing.",
         "Where the risk assessment presumes a high risk without an exemption, the data subjects are informed, or question 35 says why not. Replaces high-severity-not-informing there."),
        Bilingual::new("GDPR art. 34.1, 34.3; frågorna 31–35", "GDPR Art. 34(1), 34(3); questions 31–35")),
    info("encryption-exemption-not-stated", W, Law, Listed,
        Bilingual::new("När art. 34 kan gälla (allvarlighetsgrad 3–4 eller känsliga personuppgifter), uppgifterna var krypterade (fråga 27) och de registrerade inte informeras, anger fråga 35 (efter 31 = Nej och 33 = Nej) undantaget.",
         "When Art. 34 may apply (severity 3–4 or special-category data), the data was encrypted (question 27) and the data subjects are not informed, question 35 (after 31 = Nej and 33 = Nej) states the exemption."),
        Bilingual::new("GDPR art. 34.3 a; frågorna 27, 35", "GDPR Art. 34(3)(a); questions 27, 35")),
    info("processor-informed-not-involved", W, Law, Listed,
        Bilingual::new("När ett biträde informerade om incidenten (fråga 17) är fråga 21 inte ”Nej”.",
         "When a processor reported the breach (question 17), question 21 is not \"Nej\"."),
        Bilingual::new("GDPR art. 33.2; frågorna 17, 21, 22", "GDPR Art. 33(2); questions 17, 21, 22")),
    // Personal data in free text.
    info("personal-identity-number-in-text", W, PersonalData, Listed,
        Bilingual::new("Ingen fritext innehåller ett personnummer eller samordningsnummer.",
         "No free text contains a personal identity number or coordination number."),
        Bilingual::new("IMY: inga fler personuppgifter än nödvändigt; GDPR art. 5.1 c, art. 87", "IMY: no more personal data than needed; GDPR Art. 5(1)(c), Art. 87")),
    info("email-in-text", W, PersonalData, Listed,
        Bilingual::new("Ingen fritext innehåller en e-postadress som inte är en kontaktpersons.",
         "No free text contains an e-mail address other than a contact person's."),
        Bilingual::new("IMY: inga fler personuppgifter än nödvändigt; GDPR art. 5.1 c", "IMY: no more personal data than needed; GDPR Art. 5(1)(c)")),
    info("phone-in-text", W, PersonalData, Listed,
        Bilingual::new("Ingen fritext innehåller ett telefonnummer som inte är en kontaktpersons.",
         "No free text contains a phone number other than a contact person's."),
        Bilingual::new("IMY: inga fler personuppgifter än nödvändigt; GDPR art. 5.1 c", "IMY: no more personal data than needed; GDPR Art. 5(1)(c)")),
    // The characters of free text.
    info("bidi-control-in-text", W, Text, Listed,
        Bilingual::new("Ingen fritext innehåller dubbelriktade styrtecken (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), som kan få texten att visas i en annan ordning än den är skriven.",
         "No free text contains bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can make the text display in another order than it is written."),
        Bilingual::new("Unicode UAX #9; CVE-2021-42574 (Trojan Source)", "Unicode UAX #9; CVE-2021-42574 (Trojan Source)")),
    info("account-or-address-in-text", W, PersonalData, Listed,
        Bilingual::new("Ingen fritext innehåller ett kontonummer (IBAN), ett kortnummer eller en IP-adress.",
         "No free text contains a bank account number (IBAN), a payment card number or an IP address."),
        Bilingual::new("IMY: inga fler personuppgifter än nödvändigt; GDPR art. 5.1 c", "IMY: no more personal data than needed; GDPR Art. 5(1)(c)")),
    // Confidentiality markings (crate::markings_problems).
    info("marking-pointer-unknown", E, Confidentiality, Listed,
        Bilingual::new("En sekretessmarkering pekar på ett fält i formuläret.", "A confidentiality marking points at a field of the form."),
        MARKINGS),
    info("marking-pointer-not-allowed", E, Confidentiality, Listed,
        Bilingual::new("En sekretessmarkering pekar inte på schemaversionen, tidpunkten för inlämning eller markeringarna själva.",
         "A confidentiality marking does not point at the schema version, the submission moment or the markings themselves."),
        MARKINGS),
    info("marking-not-answered", E, Confidentiality, Listed,
        Bilingual::new("En sekretessmarkering pekar på ett fält som är besvarat.", "A confidentiality marking points at an answered field."),
        MARKINGS),
    info("marking-not-maskable", E, Confidentiality, Listed,
        Bilingual::new("En sekretessmarkering pekar på text som kan maskeras, inte bara på datum, klockslag, alternativ eller antal.",
         "A confidentiality marking points at text that can be masked, not only at dates, times, options or counts."),
        MARKINGS),
    info("marking-duplicate", E, Confidentiality, Listed,
        Bilingual::new("Ett fält markeras högst en gång.", "A field is marked at most once."),
        MARKINGS),
    info("marking-reason-missing", E, Confidentiality, Listed,
        Bilingual::new("Varje sekretessmarkering har ett skäl.", "Every confidentiality marking has a reason."),
        MARKINGS),
    // Supplements (komplettering): their shape, read with the supplement, and their place in the case.
    info("supplement-kind", E, Supplement, Expressed,
        Bilingual::new("En kompletterings `kind` är \"supplement\".", "A supplement's `kind` is \"supplement\"."),
        SUPPLEMENT_WIRE),
    info("case-number-format", E, Supplement, Expressed,
        Bilingual::new("Ett diarienummer skrivs IMY-2025-1234 (eller DI-2019-1234).", "A case number is written IMY-2025-1234 (or DI-2019-1234)."),
        SUPPLEMENT_WIRE),
    info("supplement-field", E, Supplement, Expressed,
        Bilingual::new("En ändrings fält är ett svar i formuläret: en medlem i en sektion, till exempel /incident/occurred.",
         "A change's field is an answer of the form: a member of a section, for example /incident/occurred."),
        SUPPLEMENT_WIRE),
    info("supplement-change-shape", E, Supplement, Expressed,
        Bilingual::new("En ändring har antingen `value` eller `\"clear\": true`.", "A change has either `value` or `\"clear\": true`."),
        SUPPLEMENT_WIRE),
    info("duplicate-change", E, Supplement, Listed,
        Bilingual::new("Ett svar ändras högst en gång i en komplettering.", "An answer is changed at most once in a supplement."),
        SUPPLEMENT_WIRE),
    info("supplement-other-notification", E, Supplement, Listed,
        Bilingual::new("Kompletteringens `notification` stämmer med anmälans submittedAt och fråga 4.",
         "The supplement's `notification` matches the notification's submittedAt and question 4."),
        Bilingual::new("GDPR art. 33.4; IMY:s e-tjänst för komplettering", "GDPR Art. 33(4); IMY's supplement e-service")),
    info("supplement-out-of-order", E, Supplement, Listed,
        Bilingual::new("En komplettering lämnas in efter anmälan och efter tidigare kompletteringar.",
         "A supplement is filed after the notification and after earlier supplements."),
        Bilingual::new("GDPR art. 33.4", "GDPR Art. 33(4)")),
    info("supplement-no-change", W, Supplement, Listed,
        Bilingual::new("En ändring ändrar något: svaret var inte redan detsamma; en komplettering har minst en ändring.",
         "A change changes something: the answer was not already the same; a supplement has at least one change."),
        Bilingual::new("IMY: en komplettering innehåller bara det som saknades eller ändrats", "IMY: a supplement carries only what was missing or changed")),
    info("supplement-not-asked", E, Supplement, Listed,
        Bilingual::new("En komplettering besvarar bara frågor som formuläret ställer med svaren efter den (villkoren i 13, 22, 32–35 och kommentarerna vid ”Övrigt”).",
         "A supplement answers only questions the form asks with the answers after it (the conditions of 13, 22, 32–35 and the comments for \"Övrigt\")."),
        Bilingual::new("Formulärets villkor", "The form's conditions")),
    info("supplement-back-to-not-known-yet", W, Supplement, Listed,
        Bilingual::new("En komplettering lämnar det som saknades; den ändrar inte ett lämnat svar tillbaka till ”inte känt ännu” utan att det sägs.",
         "A supplement carries what was missing; it does not turn an answer given back into \"not known yet\" unremarked."),
        Bilingual::new("GDPR art. 33.4", "GDPR Art. 33(4)")),
    info("supplement-moves-discovery", W, Supplement, Listed,
        Bilingual::new("En komplettering ändrar fråga 11: de 72 timmarna räknas från den nya tidpunkten.",
         "A supplement changes question 11: the 72 hours count from the new moment."),
        Bilingual::new("GDPR art. 33.1", "GDPR Art. 33(1)")),
    info("supplement-makes-late", E, Supplement, Listed,
        Bilingual::new("En komplettering flyttar fråga 11 så tidigt att anmälan lämnades mer än 72 timmar efter, och fråga 14 saknar skäl.",
         "A supplement moves question 11 so early that the notification was filed more than 72 hours after it, and question 14 gives no reason."),
        Bilingual::new("GDPR art. 33.1 (skälen för dröjsmålet); fråga 14", "GDPR Art. 33(1) (the reasons for the delay); question 14")),
    // The breach record (GDPR Art. 33(5)): run on records only.
    info("record-required", E, Record, Listed,
        Bilingual::new("En incidentdokumentation har id, organisationens namn, beskrivning, upptäcktsdatum, typ av incident, beslut om anmälan och status.",
         "A breach record has its identifier, the organisation's name, the description, the discovery date, the kind of breach, the decision on notifying and the status."),
        Bilingual::new("GDPR art. 33.5", "GDPR Art. 33(5)")),
    info("record-recommended", W, Record, Listed,
        Bilingual::new("En incidentdokumentation anger om möjligt när incidenten inträffade, orsaken, grupperna av registrerade, slagen av uppgifter, riskbedömningen, beslutet om information, åtgärderna och lagringstiden.",
         "A breach record gives where it can when the breach occurred, the cause, the groups of data subjects, the kinds of data, the risk assessment, the decision on informing, the actions and the retention."),
        Bilingual::new("GDPR art. 33.5; EDPB riktlinjer 9/2022", "GDPR Art. 33(5); EDPB Guidelines 9/2022")),
    info("closed-without-date", E, Record, Listed,
        Bilingual::new("En avslutad incident har ett datum för avslut.", "A concluded breach has a closing date."),
        Bilingual::new("Denna implementation", "This implementation")),
    info("notified-without-filing", E, Record, Listed,
        Bilingual::new("Ett beslut att anmäla till IMY har en dokumenterad inlämning med tidpunkt.", "A decision to notify IMY has a recorded filing with its moment."),
        Bilingual::new("GDPR art. 33.1 och 33.5", "GDPR Art. 33(1) and 33(5)")),
    info("not-notifying-reason-required", E, Record, Listed,
        Bilingual::new("Ett beslut att inte anmäla har ett skäl och en motivering.", "A decision not to notify has a reason and an explanation."),
        Bilingual::new("GDPR art. 33.1 och 33.5", "GDPR Art. 33(1) and 33(5)")),
    info("filing-contradicts-decision", E, Record, Listed,
        Bilingual::new("En incident som inte ska anmälas har ingen inlämning till IMY.", "A breach decided not to be notified has no filing with IMY."),
        Bilingual::new("Denna implementation", "This implementation")),
    info("not-informing-ground-required", E, Record, Listed,
        Bilingual::new("Ett beslut att inte informera de registrerade har en grund (ingen hög risk, art. 34.3 a, b eller c).", "A decision not to inform the data subjects has a ground (no high risk, Art. 34(3)(a), (b) or (c))."),
        Bilingual::new("GDPR art. 34.1, 34.3 och 33.5", "GDPR Art. 34(1), 34(3) and 33(5)")),
    info("public-communication-required", E, Record, Listed,
        Bilingual::new("Grunden oproportionerligt stor ansträngning (art. 34.3 c) har ett offentligt meddelande.", "The ground of disproportionate effort (Art. 34(3)(c)) has a public communication."),
        Bilingual::new("GDPR art. 34.3 c", "GDPR Art. 34(3)(c)")),
    info("communication-date-missing", W, Record, Listed,
        Bilingual::new("Ett beslut att informera de registrerade anger när de informerades eller ska informeras.", "A decision to inform the data subjects gives when they were or will be informed."),
        Bilingual::new("GDPR art. 34.1", "GDPR Art. 34(1)")),
    info("decision-against-conclusion", W, Record, Listed,
        Bilingual::new("Skälen för besluten stämmer med riskbedömningens slutsats.", "The reasons of the decisions agree with the risk assessment's conclusion."),
        Bilingual::new("GDPR art. 33.1 och 34.1", "GDPR Art. 33(1) and 34(1)")),
    info("notify-no-against-assessment", W, Record, Listed,
        Bilingual::new("Ett beslut att inte anmäla trots att riskbedömningen rekommenderar anmälan är motiverat.", "A decision not to notify although the risk assessment recommends notifying is explained."),
        Bilingual::new("GDPR art. 33.1 och 33.5; ENISA 2013", "GDPR Art. 33(1) and 33(5); ENISA 2013")),
    info("record-date-order", E, Record, Listed,
        Bilingual::new("Datumen ligger i ordning: inträffad före upptäckt och upphörd; upptäckt före inlämning, beslut, information och avslut; avslut före lagringstidens slut.",
         "The dates are in order: occurred before discovered and ceased; discovered before the filings, decisions, communication and closing; closing before the end of retention."),
        Bilingual::new("Denna implementation", "This implementation")),
    info("record-late-reason-required", E, Record, Listed,
        Bilingual::new("En anmälan som lämnats in senare än 72 timmar efter upptäckten har skälen till dröjsmålet.", "A notification filed later than 72 hours after discovery has the reasons for the delay."),
        Bilingual::new("GDPR art. 33.1; fråga 14", "GDPR Art. 33(1); question 14")),
];

const SUPPLEMENT_WIRE: Bilingual =
    Bilingual::new("Kompletteringens dataformat (schemat)", "The supplement's wire format (schema)");

const MARKINGS: Bilingual = Bilingual::new(
    "Fråga 37; offentlighets- och sekretesslagen (2009:400); IMY: utlämning av personuppgiftsincidenter",
    "Question 37; Public Access to Information and Secrecy Act (2009:400); IMY: disclosure of breach notifications",
);

/// The source of a requirement the law does not make: the form.
const FORM_SOURCE: Bilingual = Bilingual::new("Formuläret", "The form");

/// The rule with this code, if any.
///
/// # Example
/// ```
/// let r = imy_breach::validation::rule("email-in-text").unwrap();
/// assert_eq!(r.level, imy_breach::Level::Warning);
/// assert!(imy_breach::validation::rule("no-such-rule").is_none());
/// ```
pub fn rule(code: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.code == code)
}

/// A required answer: rule `required`, or `required-in-supplement` when it is
/// [`supplementable`](RequiredAnswer::supplementable) and question 36 is Ja. A view of the form
/// table ([`Field::spec`]), for listings such as `imy-breach rules --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequiredAnswer {
    /// The answer.
    #[serde(skip)]
    pub field: Field,
    /// The JSON pointer of the answer; `*` stands for every element of a list.
    pub pointer: String,
    /// A fact of GDPR Art. 33(3) that may not be known yet: when question 36 is Ja, a missing answer
    /// is a warning (`required-in-supplement`) instead of an error (Art. 33(4)).
    pub supplementable: bool,
    /// Whether a missing answer is an error (`false`: a warning — the form asks for it, or
    /// Art. 33(3)(a) asks for it "where possible").
    pub error: bool,
    /// Where the requirement comes from: the law's article and letter, or the form.
    pub source: Bilingual,
}

/// The required answers, in form order: the fields of the form table whose
/// [`Requirement`] is `Always` or `UnlessSupplemented`.
///
/// - **Always** (an error when missing): what the form marks with an asterisk — questions 1, 3
///   (postcode, city), at least one contact person with 5 (name), 7 (e-mail) and 8 (phone; also
///   GDPR Art. 33(3)(b)), 9 (address, postcode, city) — the name of each processor listed in 22 and
///   the description of each action listed in 30; and what Art. 33 itself requires at once — 11
///   (date of discovery, from which the 72 hours of Art. 33(1) run), 15 (what happened) and 16
///   (description), the nature of the breach of Art. 33(3)(a).
/// - **Unless supplemented** (an error, or a warning when question 36 = Ja): 28 (likely
///   consequences, Art. 33(3)(c)) and 30 (at least one measure, Art. 33(3)(d)).
/// - **Where possible** (a warning, `required-where-possible` or `required-in-supplement`): 23 and
///   24 (approximate numbers of data subjects and records) and 25 and 26 (their categories), which
///   Art. 33(3)(a) asks for "where possible".
/// - **Form** (a warning, `form-question-unanswered`): 12, 19 and 20, which the form asks without an
///   asterisk and no law requires.
///
/// Everything else is optional (conditional questions have their own rules). A count (23, 24) is
/// answered by an exact number, an interval, or both.
///
/// # Example
/// ```
/// let required = imy_breach::validation::required_answers();
/// assert_eq!(required[0].pointer, "/controller/name");
/// assert!(required.iter().any(|r| r.pointer == "/dataAndSubjects/subjectCount" && r.supplementable));
/// ```
pub fn required_answers() -> Vec<RequiredAnswer> {
    Field::ALL
        .iter()
        .filter(|f| f.spec().required != Requirement::No)
        .map(|&field| RequiredAnswer {
            field,
            pointer: field.pattern(),
            supplementable: matches!(
                field.spec().required,
                Requirement::UnlessSupplemented | Requirement::WherePossible
            ),
            error: matches!(field.spec().required, Requirement::Always | Requirement::UnlessSupplemented),
            source: field.spec().basis.unwrap_or(FORM_SOURCE),
        })
        .collect()
}

//! A notification as a document people read: to review before filing, to archive, to transcribe
//! into IMY's e-service. Plain text or Markdown, in Swedish or English.
//!
//! The layout follows the copy IMY's e-service produces after filing: the form's title, its eight
//! sections in order, each question as "N. Label" (an asterisk marks the answers the form marks as
//! mandatory), the answer below it, and sub-fields ("Adress", "Postnummer", "Datum", "Klockslag",
//! "Åtgärd", …) each with its own label. Every label comes from [`crate::labels`] and every option's
//! label from its [`Choice`]; nothing is worded twice.
//!
//! Decisions, where the e-service's copy is no guide:
//!
//! - **Unanswered questions** are shown with an explicit marker, "[Ej besvarad]" / "[Not answered]"
//!   (Markdown: *Ej besvarad*), never left out. An optional sub-field (a comment, a role) is shown
//!   the same way.
//! - **Conditional questions** follow the form's logic, as the e-service's copy does: question 13
//!   only when 12 is Nej, 22 only when 21 is Ja, 32 only when 31 is Ja, 33 only when 31 is Nej, 34
//!   and 35 only when 33 is Ja or Nej, and a comment "Ange kommentar vid val "Övrigt"" only when
//!   "Övrigt" is chosen. A question that does not apply is left out — unless it is answered
//!   anyway, for an answer is never hidden.
//! - **Multiple choices** list only the chosen options, one "- label" line each, in form order (the
//!   e-service's copy lists every option and loses which were ticked).
//! - **Repeated groups** ("Lägg till ny": contact persons 5–8, processors in 22, actions in 30)
//!   repeat their fields for each entry, each entry headed "(1 av 3)" when there is more than one.
//!   With no contact person, questions 5–8 are shown once, unanswered.
//! - **Question 37** shows the text to file: the notification's own text merged with its
//!   confidentiality markings ([`SupplementAndConfidentiality::confidentiality_text`]).
//! - `submittedAt`, not a question of the form, is shown under the title when given, in Swedish
//!   time.
//! - The e-service's instructions and help texts are not repeated.
//!
//! An optional [`Summary`] header gives the deadlines and the validation result before the form.
//!
//! # Example
//! ```
//! use imy_breach::render::{render, Format, RenderOptions};
//! use imy_breach::{Lang, Notification};
//!
//! let n = Notification::from_json(r#"{"schemaVersion":"1.0","controller":{"name":"Exempelkommunen"},
//!     "incident":{"ongoing":"yes","nature":"loss_or_theft"}}"#)?;
//! let text = render(&n, &RenderOptions::new(Lang::Sv, Format::Text));
//! assert!(text.contains("1. Organisationens namn *\n\nExempelkommunen\n"));
//! assert!(text.contains("2. Organisationsnummer\n\n[Ej besvarad]\n"));
//! assert!(text.contains("15. Vad har hänt vid incidenten?\n\nFörlust eller stöld\n"));
//! assert!(!text.contains("13. När upphörde incidenten?")); // 12 is Ja: 13 does not apply
//! let md = render(&n, &RenderOptions::new(Lang::En, Format::Markdown));
//! assert!(md.starts_with("# Personal data breach notification\n"));
//! # Ok::<(), imy_breach::ParseError>(())
//! ```

use std::fmt::Write as _;

use time::OffsetDateTime;

use crate::affected::Count;
use crate::choice::{Choice, ChoiceSet, YesNo};
use crate::controller::Address;
use crate::datetime::{LocalDate, WallClockTime};
use crate::deadline::{Obligation, Schedule, ScheduleOptions, Wording};
use crate::incident::EventTime;
use crate::labels::{field_label, FieldLabel};
use crate::lang::Lang;
use crate::notification::Notification;
use crate::stockholm::LocalTimeError;
use crate::supplement::SupplementAndConfidentiality;
use crate::validation::applies;
use crate::validation::{Report, ValidationOptions};

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// Plain text, laid out like the e-service's copy: one item per paragraph, section headings
    /// underlined.
    #[default]
    Text,
    /// CommonMark: `#` title, `##` sections, bold questions, sub-fields as a `-` list, chosen options
    /// as a `*` list, line breaks in free text kept. Free text is escaped, so that it shows as
    /// written and never becomes markup or HTML.
    Markdown,
}

/// How to render: language, format, and an optional summary header.
///
/// # Example
/// ```
/// use imy_breach::render::{Format, RenderOptions};
/// use imy_breach::Lang;
/// let opts = RenderOptions::new(Lang::En, Format::Markdown);
/// assert_eq!(opts.lang, Lang::En);
/// assert!(opts.summary.is_none());
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct RenderOptions {
    /// The language of labels and options.
    pub lang: Lang,
    /// Text or Markdown.
    pub format: Format,
    /// A header before the form, with deadlines and validation; none by default.
    pub summary: Option<Summary>,
}

impl RenderOptions {
    /// Options for a language and a format, without a summary.
    pub fn new(lang: Lang, format: Format) -> Self {
        RenderOptions { lang, format, summary: None }
    }

    /// The same options with a summary header.
    pub fn with_summary(mut self, summary: Summary) -> Self {
        self.summary = Some(summary);
        self
    }
}

/// The summary header: the deadlines and the validation result, computed beforehand. Build it with
/// [`Summary::compute`] at a moment of your choosing (the crate never reads the clock), or from
/// results you already have.
///
/// # Example
/// ```
/// use imy_breach::render::{render, Format, RenderOptions, Summary};
/// use imy_breach::{Lang, Notification};
/// use time::macros::datetime;
///
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0",
///     "incident":{"discovered":{"date":"2025-03-28","time":"10:00"}}}"#)?;
/// let summary = Summary::compute(&n, datetime!(2025-03-30 12:00 +02:00));
/// let text = render(&n, &RenderOptions::new(Lang::Sv, Format::Text).with_summary(summary));
/// assert!(text.contains("Anmälan till IMY: 2025-03-31 11:00 (öppen, 23 h 0 min kvar)"));
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Summary {
    /// The deadlines at a given moment, from [`crate::deadline`].
    pub schedule: Option<Schedule>,
    /// Why the deadlines could not be counted (question 11's time does not exist in Swedish time,
    /// a date out of range), when they could not.
    pub schedule_error: Option<LocalTimeError>,
    /// The validation result, from [`Notification::validate`] or [`crate::validate_json`].
    pub validation: Option<Report>,
}

impl Summary {
    /// An empty summary: fill it with [`with_schedule`](Self::with_schedule) and
    /// [`with_validation`](Self::with_validation).
    pub fn new() -> Self {
        Self::default()
    }

    /// The summary of a notification at the moment `now`: its GDPR deadlines
    /// ([`crate::deadline::schedule_notification`] with the default options) and its validation
    /// result ([`Notification::validate`], with `now` as the submission moment when the notification
    /// has no `submittedAt`).
    pub fn compute(notification: &Notification, now: OffsetDateTime) -> Self {
        let (schedule, schedule_error) =
            match crate::deadline::schedule_notification(notification, &ScheduleOptions::new(), now) {
                Ok(s) => (Some(s), None),
                Err(e) => (None, Some(e)),
            };
        let validation = notification.validate(&ValidationOptions::new().now(now));
        Summary { schedule, schedule_error, validation: Some(validation) }
    }

    /// The same summary with these deadlines.
    pub fn with_schedule(mut self, schedule: Schedule) -> Self {
        self.schedule = Some(schedule);
        self
    }

    /// The same summary with this validation result.
    pub fn with_validation(mut self, report: Report) -> Self {
        self.validation = Some(report);
        self
    }
}

/// Renders a notification.
///
/// See the [module documentation](self) for the layout and an example.
pub fn render(notification: &Notification, options: &RenderOptions) -> String {
    let mut b = Builder { lang: options.lang, blocks: Vec::new() };
    b.blocks.push(Block::Title(title(options.lang).to_string()));
    if let Some(at) = notification.submitted_at {
        let label = fl("Notification", "submittedAt").label(options.lang);
        b.blocks.push(Block::Note(format!("{label}: {}", local_time(at.get()))));
    }
    if let Some(summary) = &options.summary {
        summary_blocks(&mut b, summary);
    }
    form(&mut b, notification);
    match options.format {
        Format::Text => write_text(&b.blocks, options.lang),
        Format::Markdown => write_markdown(&b.blocks, options.lang),
    }
}

/// The form's title.
fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Anmälan av personuppgiftsincident",
        _ => "Personal data breach notification",
    }
}

/// An instant as Swedish wall-clock time, `YYYY-MM-DD HH:MM`; with its own offset when it lies
/// outside the dates Swedish time is computed for.
fn local_time(at: OffsetDateTime) -> String {
    let local = crate::stockholm::to_local(at).unwrap_or(at);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute()
    )
}

// ---------------------------------------------------------------------------------------------
// The document as blocks
// ---------------------------------------------------------------------------------------------

/// An answer as shown.
enum Answer {
    /// A value, possibly several lines.
    Text(String),
    /// Chosen options, one per line.
    List(Vec<String>),
    /// Nothing given.
    Unanswered,
}

impl Answer {
    fn of(value: Option<String>) -> Answer {
        value.map_or(Answer::Unanswered, Answer::Text)
    }
}

enum Block {
    Title(String),
    Note(String),
    Section(String),
    Question(String),
    Answer(Answer),
    Field(String, Answer),
    Entry(String),
    /// Lines kept together (the summary).
    Lines(Vec<String>),
}

struct Builder {
    lang: Lang,
    blocks: Vec<Block>,
}

/// The label of a field; a field missing from the table (a bug caught by tests) shows its name.
fn fl(type_name: &str, property: &str) -> FieldLabel {
    field_label(type_name, property).copied().unwrap_or(FieldLabel {
        type_name: "",
        property: "",
        number: None,
        sv: "?",
        en: "?",
        help_sv: None,
        help_en: None,
    })
}

impl Builder {
    fn section(&mut self, property: &str) {
        self.blocks.push(Block::Section(fl("Notification", property).label(self.lang).to_string()));
    }

    fn question(&mut self, type_name: &str, property: &str, required: bool) {
        let mut t = fl(type_name, property).title(self.lang);
        if required {
            t.push_str(" *");
        }
        self.blocks.push(Block::Question(t));
    }

    fn answer(&mut self, a: Answer) {
        self.blocks.push(Block::Answer(a));
    }

    /// A question with a single answer.
    fn simple(&mut self, type_name: &str, property: &str, required: bool, value: Option<String>) {
        self.question(type_name, property, required);
        self.answer(Answer::of(value));
    }

    fn field(&mut self, type_name: &str, property: &str, required: bool, value: Option<String>) {
        let mut label = fl(type_name, property).label(self.lang).to_string();
        if required {
            label.push_str(" *");
        }
        self.blocks.push(Block::Field(label, Answer::of(value)));
    }

    fn entry(&mut self, index: usize, total: usize) {
        if total > 1 {
            let text = match self.lang {
                Lang::Sv => format!("({} av {total})", index + 1),
                _ => format!("({} of {total})", index + 1),
            };
            self.blocks.push(Block::Entry(text));
        }
    }

    fn choice<C: Choice>(&self, c: Option<C>) -> Option<String> {
        c.map(|c| c.label(self.lang).to_string())
    }

    fn set<C: Choice>(&mut self, set: &ChoiceSet<C>) {
        if set.is_empty() {
            self.answer(Answer::Unanswered);
        } else {
            self.answer(Answer::List(set.iter().map(|c| c.label(self.lang).to_string()).collect()));
        }
    }

    fn address(&mut self, a: &Address, street_required: bool) {
        self.field("Address", "street", street_required, text(&a.street));
        self.field("Address", "postcode", true, a.postcode.as_ref().map(ToString::to_string));
        self.field("Address", "city", true, text(&a.city));
        self.field("Address", "country", false, text(&a.country));
    }

    fn event_time(&mut self, t: &EventTime) {
        self.field("EventTime", "date", false, date(t.date));
        self.field("EventTime", "time", false, time(t.time));
        if let Some(offset) = t.utc_offset {
            self.field("EventTime", "utcOffset", false, Some(offset.to_string()));
        }
        self.field("EventTime", "comment", false, text(&t.comment));
    }

    fn count(&mut self, c: &Count) {
        if c.is_unknown() {
            self.answer(Answer::Unanswered);
            return;
        }
        if let Some(n) = c.exact {
            self.field("Count", "exact", false, Some(n.to_string()));
        }
        if let Some(i) = c.interval {
            self.field("Count", "interval", false, Some(i.label(self.lang).to_string()));
        }
    }

    /// The comment of a choice with "Övrigt": shown when "Övrigt" is chosen (`other`, from
    /// [`CONDITIONAL_QUESTIONS`](crate::validation::CONDITIONAL_QUESTIONS)) or a comment is given.
    fn other_comment<T: AsRef<str>>(
        &mut self,
        type_name: &str,
        property: &str,
        other: bool,
        comment: Option<T>,
    ) {
        if other || comment.is_some() {
            let value = comment.map(|c| c.as_ref().to_string());
            self.field(type_name, property, false, value);
        }
    }
}

fn text<T: AsRef<str>>(t: &Option<T>) -> Option<String> {
    t.as_ref().map(|t| t.as_ref().to_string())
}

fn date(d: Option<LocalDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn time(t: Option<WallClockTime>) -> Option<String> {
    t.map(|t| t.to_string())
}

fn yes_no(b: &Builder, v: Option<YesNo>) -> Option<String> {
    b.choice(v)
}

/// The form, section by section.
fn form(b: &mut Builder, n: &Notification) {
    // Personuppgiftsansvarig
    let c = &n.controller;
    b.section("controller");
    b.simple("Controller", "name", true, text(&c.name));
    b.simple(
        "Controller",
        "organisationNumber",
        false,
        c.organisation_number.as_ref().map(ToString::to_string),
    );
    b.question("Controller", "postalAddress", false);
    b.address(&c.postal_address, false);
    b.simple("Controller", "internalReference", false, text(&c.internal_reference));

    // Kontaktuppgifter för anmälan
    let cd = &n.contact_details;
    b.section("contactDetails");
    let none = [crate::contact::ContactPerson::default()];
    let persons = if cd.contact_persons.is_empty() { &none[..] } else { &cd.contact_persons[..] };
    for (i, p) in persons.iter().enumerate() {
        b.entry(i, persons.len());
        b.simple("ContactPerson", "name", true, text(&p.name));
        b.simple("ContactPerson", "role", false, text(&p.role));
        b.simple("ContactPerson", "email", true, p.email.as_ref().map(ToString::to_string));
        b.simple("ContactPerson", "phone", true, p.phone.as_ref().map(ToString::to_string));
    }
    b.question("ContactDetails", "correspondenceAddress", false);
    b.address(&cd.correspondence_address, true);

    // Incidenten
    let inc = &n.incident;
    b.section("incident");
    b.question("Incident", "occurred", false);
    b.event_time(&inc.occurred);
    b.question("Incident", "discovered", false);
    b.event_time(&inc.discovered);
    b.simple("Incident", "ongoing", false, yes_no(b, inc.ongoing));
    if applies(n, "/incident", "ceased") || !inc.ceased.is_empty() {
        b.question("Incident", "ceased", false);
        b.event_time(&inc.ceased);
    }
    b.simple("Incident", "lateReason", false, text(&inc.late_reason));
    b.simple("Incident", "nature", false, b.choice(inc.nature));
    b.simple("Incident", "description", false, text(&inc.description));
    b.simple("Incident", "discoveryMethod", false, b.choice(inc.discovery_method));
    b.simple("Incident", "cause", false, b.choice(inc.cause));
    b.other_comment(
        "Incident",
        "causeComment",
        applies(n, "/incident", "causeComment"),
        inc.cause_comment.as_ref(),
    );
    b.simple("Incident", "sector", false, b.choice(inc.sector));
    b.simple("Incident", "areaOfActivity", false, b.choice(inc.area_of_activity));
    b.other_comment(
        "Incident",
        "areaOfActivityComment",
        applies(n, "/incident", "areaOfActivityComment"),
        inc.area_of_activity_comment.as_ref(),
    );

    // Biträden
    let pr = &n.processors;
    b.section("processors");
    b.simple("Processors", "involved", false, yes_no(b, pr.involved));
    if applies(n, "/processors", "organisations") || !pr.organisations.is_empty() {
        b.question("Processors", "organisations", false);
        if pr.organisations.is_empty() {
            b.answer(Answer::Unanswered);
        }
        for (i, p) in pr.organisations.iter().enumerate() {
            b.entry(i, pr.organisations.len());
            b.field("Processor", "name", false, text(&p.name));
            b.field(
                "Processor",
                "organisationNumber",
                false,
                p.organisation_number.as_ref().map(ToString::to_string),
            );
        }
    }

    // Uppgifterna och de registrerade
    let d = &n.data_and_subjects;
    b.section("dataAndSubjects");
    b.question("DataAndSubjects", "subjectCount", false);
    b.count(&d.subject_count);
    b.question("DataAndSubjects", "recordCount", false);
    b.count(&d.record_count);
    b.question("DataAndSubjects", "subjectGroups", false);
    b.set(&d.subject_groups);
    b.other_comment(
        "DataAndSubjects",
        "subjectGroupsComment",
        applies(n, "/dataAndSubjects", "subjectGroupsComment"),
        d.subject_groups_comment.as_ref(),
    );
    b.question("DataAndSubjects", "dataCategories", false);
    b.set(&d.data_categories);
    b.other_comment(
        "DataAndSubjects",
        "dataCategoriesComment",
        applies(n, "/dataAndSubjects", "dataCategoriesComment"),
        d.data_categories_comment.as_ref(),
    );
    b.simple("DataAndSubjects", "encrypted", false, yes_no(b, d.encrypted));

    // Konsekvenser
    let k = &n.consequences;
    b.section("consequences");
    b.question("Consequences", "likelyConsequences", false);
    b.set(&k.likely_consequences);
    b.other_comment(
        "Consequences",
        "likelyConsequencesComment",
        applies(n, "/consequences", "likelyConsequencesComment"),
        k.likely_consequences_comment.as_ref(),
    );
    b.simple("Consequences", "severity", false, b.choice(k.severity));
    b.question("Consequences", "actions", false);
    if k.actions.is_empty() {
        b.answer(Answer::Unanswered);
    }
    for (i, a) in k.actions.iter().enumerate() {
        b.entry(i, k.actions.len());
        b.field("Action", "date", false, date(a.date));
        b.field("Action", "time", false, time(a.time));
        b.field("Action", "description", false, text(&a.description));
    }

    // Information till de registrerade
    let info = &n.data_subject_information;
    b.section("dataSubjectInformation");
    b.simple("DataSubjectInformation", "informed", false, yes_no(b, info.informed));
    // Questions 32 and 34 show their date as the e-service's copy does, under "Datum".
    if applies(n, "/dataSubjectInformation", "informedOn") || info.informed_on.is_some() {
        b.question("DataSubjectInformation", "informedOn", false);
        b.field("EventTime", "date", false, date(info.informed_on));
    }
    if applies(n, "/dataSubjectInformation", "willInform") || info.will_inform.is_some() {
        b.simple("DataSubjectInformation", "willInform", false, yes_no(b, info.will_inform));
    }
    if applies(n, "/dataSubjectInformation", "plannedOn") || info.planned_on.is_some() {
        b.question("DataSubjectInformation", "plannedOn", false);
        b.field("EventTime", "date", false, date(info.planned_on));
    }
    if applies(n, "/dataSubjectInformation", "reasonNotInforming") || info.reason_not_informing.is_some() {
        b.simple("DataSubjectInformation", "reasonNotInforming", false, text(&info.reason_not_informing));
    }

    // Komplettering/eventuell sekretess
    let s: &SupplementAndConfidentiality = &n.supplement_and_confidentiality;
    b.section("supplementAndConfidentiality");
    b.simple(
        "SupplementAndConfidentiality",
        "intendsToSupplement",
        false,
        yes_no(b, s.intends_to_supplement),
    );
    b.simple("SupplementAndConfidentiality", "confidentialityRequest", false, s.confidentiality_text(b.lang));
}

// ---------------------------------------------------------------------------------------------
// The summary header
// ---------------------------------------------------------------------------------------------

fn summary_blocks(b: &mut Builder, s: &Summary) {
    let lang = b.lang;
    let sv = lang == Lang::Sv;
    b.blocks.push(Block::Section(if sv { "Sammanfattning" } else { "Summary" }.to_string()));
    let mut lines = Vec::new();
    if let Some(schedule) = &s.schedule {
        lines.push(format!("{}: {}", if sv { "Bedömd vid" } else { "As at" }, local_time(schedule.now)));
        for o in &schedule.obligations {
            lines.push(obligation_line(o, lang));
        }
        for note in &schedule.notes {
            lines.push(format!("- {}", note.message.get(lang)));
        }
    }
    if let Some(e) = &s.schedule_error {
        let what = if sv { "Fristerna kan inte räknas" } else { "The deadlines cannot be counted" };
        lines.push(format!("{what}: {}", e.message(lang)));
    }
    if let Some(report) = &s.validation {
        let (e, w) = (report.errors().count(), report.warnings().count());
        let result = match (lang, e, w) {
            (Lang::Sv, 0, 0) => "giltig, inga anmärkningar".to_string(),
            (Lang::Sv, 0, w) => format!("giltig, {w} {}", if w == 1 { "varning" } else { "varningar" }),
            (Lang::Sv, e, w) => format!("{e} fel, {w} {}", if w == 1 { "varning" } else { "varningar" }),
            (_, 0, 0) => "valid, no findings".to_string(),
            (_, 0, w) => format!("valid, {w} warning{}", plural(w)),
            (_, e, w) => format!("{e} error{}, {w} warning{}", plural(e), plural(w)),
        };
        lines.push(format!("{}: {result}", if sv { "Validering" } else { "Validation" }));
        for v in &report.violations {
            let at = if v.pointer.is_empty() { "/" } else { v.pointer.as_str() };
            lines.push(format!("- {} {at} [{}]: {}", v.level.label(lang), v.code, v.message(lang)));
        }
    }
    if !lines.is_empty() {
        b.blocks.push(Block::Lines(lines));
    }
}

/// "Anmälan till IMY: 2025-03-31 11:00 (öppen, 23 h 0 min kvar)".
fn obligation_line(o: &Obligation, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let due = match o.deadline {
        Some(d) => local_time(d),
        None => o.period.describe(lang),
    };
    let mut status = o.status.label(lang).to_string();
    let detail = o.time_left_text(lang, Wording::Sentence).map(|t| t.to_string());
    for extra in [
        detail,
        o.date_only.then(|| {
            if sv { "räknat från 00:00 upptäcktsdagen" } else { "counted from 00:00 on the discovery day" }
                .to_string()
        }),
        o.provisional.then(|| if sv { "preliminär" } else { "provisional" }.to_string()),
    ]
    .into_iter()
    .flatten()
    {
        status.push_str(", ");
        status.push_str(&extra);
    }
    if status == due {
        // "utan onödigt dröjsmål (utan onödigt dröjsmål)": pending, said once.
        return format!("{}: {due}", o.title.get(lang));
    }
    format!("{}: {due} ({status})", o.title.get(lang))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

// ---------------------------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------------------------

fn unanswered(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Ej besvarad",
        _ => "Not answered",
    }
}

/// Line breaks as `\n`, no trailing white space on the whole.
fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n").trim_end().to_string()
}

fn write_text(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "{t}\n{}", "=".repeat(t.chars().count()));
            }
            Block::Section(t) => {
                let _ = writeln!(out, "{t}\n{}", "-".repeat(t.chars().count()));
            }
            Block::Note(t) | Block::Question(t) | Block::Entry(t) => {
                let _ = writeln!(out, "{t}");
            }
            Block::Answer(a) => text_answer(&mut out, a, lang),
            Block::Field(label, a) => {
                let _ = writeln!(out, "{label}\n");
                text_answer(&mut out, a, lang);
            }
            Block::Lines(lines) => {
                for l in lines {
                    let _ = writeln!(out, "{}", normalise(l));
                }
            }
        }
    }
    out
}

fn text_answer(out: &mut String, a: &Answer, lang: Lang) {
    match a {
        Answer::Text(t) => {
            let _ = writeln!(out, "{}", normalise(t));
        }
        Answer::List(items) => {
            for i in items {
                let _ = writeln!(out, "- {i}");
            }
        }
        Answer::Unanswered => {
            let _ = writeln!(out, "[{}]", unanswered(lang));
        }
    }
}

fn write_markdown(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    let mut previous_was_field = false;
    for block in blocks {
        let is_field = matches!(block, Block::Field(..));
        let continues_list = is_field && previous_was_field;
        if !out.is_empty() && !continues_list {
            out.push('\n');
        }
        previous_was_field = is_field;
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "# {}", md_inline(t));
            }
            Block::Section(t) => {
                let _ = writeln!(out, "## {}", md_inline(t));
            }
            Block::Note(t) => {
                let _ = writeln!(out, "{}", md_inline(t));
            }
            Block::Question(t) => {
                let _ = writeln!(out, "**{}**", md_inline(t));
            }
            Block::Entry(t) => {
                let _ = writeln!(out, "*{}*", md_inline(t));
            }
            Block::Answer(Answer::Text(t)) => {
                let _ = writeln!(out, "{}", md_paragraphs(t, ""));
            }
            Block::Answer(Answer::List(items)) => {
                // `*` bullets: a sub-field list (`-`) right after stays a separate list.
                for i in items {
                    let _ = writeln!(out, "* {}", md_line(i));
                }
            }
            Block::Answer(Answer::Unanswered) => {
                let _ = writeln!(out, "*{}*", unanswered(lang));
            }
            Block::Field(label, a) => {
                let value = match a {
                    Answer::Text(t) => md_paragraphs(t, "  "),
                    Answer::List(items) => items.iter().map(|i| md_inline(i)).collect::<Vec<_>>().join(", "),
                    Answer::Unanswered => format!("*{}*", unanswered(lang)),
                };
                let _ = writeln!(out, "- *{}:* {value}", md_inline(label));
            }
            Block::Lines(lines) => {
                for l in lines {
                    match l.strip_prefix("- ") {
                        Some(item) => {
                            let _ = writeln!(out, "  - {}", md_line(&normalise(item)));
                        }
                        None => {
                            let _ = writeln!(out, "- {}", md_line(&normalise(l)));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Escapes text inside a line for CommonMark: every character that could start markup or HTML is
/// backslash-escaped.
fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a line that starts a block (a paragraph or a list item's text): as [`md_inline`], and a
/// start that would make a heading, a list item, a quote or a setext underline has its punctuation
/// escaped. Leading white space is dropped (it would make a code block).
fn md_line(line: &str) -> String {
    let line = line.trim_start();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after = |i: usize| line[i..].chars().nth(1).is_none_or(|c| c == ' ' || c == '\t');
    let marker = match line.chars().next() {
        Some('#' | '+' | '-') if after(0) => Some(0),
        Some('#') if line.trim_start_matches('#').starts_with(' ') => Some(0),
        Some('=' | '-') if line.trim_end().chars().all(|c| c == '=' || c == '-') => Some(0),
        _ if digits > 0
            && digits <= 9
            && matches!(line[digits..].chars().next(), Some('.' | ')'))
            && after(digits) =>
        {
            Some(digits)
        }
        _ => None,
    };
    match marker {
        Some(i) => format!("{}\\{}", md_inline(&line[..i]), md_inline(&line[i..])),
        None => md_inline(line),
    }
}

/// Free text as Markdown paragraphs: lines kept (hard breaks), blank lines separate paragraphs,
/// every line escaped; continuation lines indented by `indent` (to stay in a list item).
fn md_paragraphs(text: &str, indent: &str) -> String {
    let text = normalise(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.trim().is_empty() {
                out.push_str(indent);
            }
        }
        if line.trim().is_empty() {
            continue;
        }
        out.push_str(&md_line(line));
        let next_is_text = lines.get(i + 1).is_some_and(|l| !l.trim().is_empty());
        if next_is_text {
            out.push('\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(md_line("4. Mycket allvarlig"), "4\\. Mycket allvarlig");
        assert_eq!(md_inline("4. Mycket allvarlig"), "4. Mycket allvarlig");
        assert_eq!(md_line("# rubrik"), "\\# rubrik");
        assert_eq!(md_line("## rubrik"), "\\## rubrik");
        assert_eq!(md_line("#hashtag"), "#hashtag");
        assert_eq!(md_line("- punkt"), "\\- punkt");
        assert_eq!(md_line("+46 70 174 06 12"), "+46 70 174 06 12");
        assert_eq!(md_line("==="), "\\===");
        assert_eq!(md_line("2021-03-25 kl. 12:27"), "2021-03-25 kl. 12:27");
        assert_eq!(md_line("    kod"), "kod");
        assert_eq!(md_inline("<script>a_b*c</script>"), "\\<script\\>a\\_b\\*c\\</script\\>");
        assert_eq!(md_inline("[länk](x) & `kod`"), "\\[länk\\](x) \\& \\`kod\\`");
        assert_eq!(md_paragraphs("a\nb\n\nc", "  "), "a\\\n  b\n\n  c");
        assert_eq!(md_paragraphs("slut\\\nnästa", ""), "slut\\\\\\\nnästa");
    }
}

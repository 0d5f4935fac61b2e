//! A notification as a document people read: to review before filing, to archive, to transcribe
//! into IMY's e-service. Plain text or Markdown, in Swedish or English.
//!
//! The layout follows the copy IMY's e-service produces after filing: the form's title, its eight
//! sections in order, each question as "N. Label" (an asterisk marks the answers the form marks as
//! mandatory), the answer below it, and sub-fields ("Adress", "Postnummer", "Datum", "Klockslag",
//! "Åtgärd", …) each with its own label. Every label, asterisk and condition comes from the form
//! table ([`crate::form::Field`]) and every option's label from its [`crate::Choice`]; nothing is worded
//! twice.
//!
//! An unanswered question shows "[Ej besvarad]" / "[Not answered]"; a conditional question that
//! does not apply (and is not answered) is left out; a multiple choice lists only the chosen options.
//! The reasons for these and the other choices of layout are in `docs/DESIGN.md` (in the
//! repository), section Rendering.
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

use time::OffsetDateTime;

use crate::form::Field;
use crate::lang::Lang;
use crate::model::notification::Notification;
use crate::time::deadline::{Schedule, ScheduleOptions};
use crate::time::stockholm::LocalTimeError;
use crate::validation::{Report, ValidationOptions};

mod form;
mod summary;
mod write;

use form::form;
use summary::summary_blocks;
use write::{write_markdown, write_text};

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
    /// The deadlines at a given moment, from [`crate::time::deadline`].
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
    /// ([`crate::time::deadline::schedule_notification`] with the default options) and its validation
    /// result ([`Notification::validate`], with `now` as the submission moment when the notification
    /// has no `submittedAt`).
    pub fn compute(notification: &Notification, now: OffsetDateTime) -> Self {
        let (schedule, schedule_error) =
            match crate::time::deadline::schedule_notification(notification, &ScheduleOptions::new(), now) {
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
        let label = Field::SubmittedAt.label(options.lang);
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
    let local = crate::time::stockholm::to_local(at).unwrap_or(at);
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

/// A label with the form's asterisk when the table says the form shows one.
fn marked(field: Field, mut label: String) -> String {
    if field.spec().asterisk {
        label.push_str(" *");
    }
    label
}

impl Builder {
    fn section(&mut self, section: Field) {
        self.blocks.push(Block::Section(section.label(self.lang).to_string()));
    }

    fn question(&mut self, field: Field) {
        let t = marked(field, field.title(self.lang));
        self.blocks.push(Block::Question(t));
    }

    fn answer(&mut self, a: Answer) {
        self.blocks.push(Block::Answer(a));
    }

    /// A question with a single answer.
    fn simple(&mut self, field: Field, value: Option<String>) {
        self.question(field);
        self.answer(Answer::of(value));
    }

    fn field(&mut self, field: Field, value: Option<String>) {
        self.labelled(field, field, value);
    }

    /// A sub-field of `field` shown under the label of `label`.
    fn labelled(&mut self, field: Field, label: Field, value: Option<String>) {
        let label = marked(field, label.label(self.lang).to_string());
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
}

/// Whether a question shows: it applies (its condition in the form table holds, or it has none),
/// or it is answered all the same.
fn shows(n: &Notification, field: Field) -> bool {
    field.applies(n, &[]) || field.is_answered(n, &[])
}

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
//! Invisible characters that change how text is shown are written as escapes (`\u{202e}`), never
//! raw, so that the copy a case officer reads cannot be spoofed: the bidirectional controls
//! (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), the zero-width characters
//! (U+200B–U+200D), the word joiners (U+2060–U+2064), the line and paragraph separators, the byte
//! order mark (U+FEFF), tag characters and every control character but tab and line breaks (free
//! text refuses those while reading, but a notification built in code may hold them).
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

use crate::form::Field;
use crate::lang::Lang;
use crate::model::notification::Notification;

mod blocks;
mod filing;
mod form;
mod summary;
mod write;

use blocks::{local_time, Block, Builder};
pub use filing::{render_current, render_supplement};
use form::form;
use summary::summary_blocks;
pub use summary::Summary;
use write::{escape_format_characters, write_markdown, write_text};

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

/// Renders a notification.
///
/// See the [module documentation](self) for the layout and an example.
pub fn render(notification: &Notification, options: &RenderOptions) -> String {
    render_marked(notification, options, Vec::new())
}

/// Renders a notification with `marks` after the labels of the answers they name.
fn render_marked(
    notification: &Notification,
    options: &RenderOptions,
    marks: Vec<(Field, String)>,
) -> String {
    let mut b = Builder::new(options.lang);
    b.marks = marks;
    b.blocks.push(Block::Title(title(options.lang).to_string()));
    if let Some(at) = notification.submitted_at {
        let label = Field::SubmittedAt.label(options.lang);
        b.blocks.push(Block::Note(format!("{label}: {}", local_time(at.get()))));
    }
    if let Some(summary) = &options.summary {
        summary_blocks(&mut b, summary);
    }
    form(&mut b, notification);
    finish(&b, options)
}

/// The blocks written in the options' format, format characters escaped.
fn finish(b: &Builder, options: &RenderOptions) -> String {
    let out = match options.format {
        Format::Text => write_text(&b.blocks, options.lang),
        Format::Markdown => write_markdown(&b.blocks, options.lang),
    };
    escape_format_characters(out)
}

/// The form's title.
fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Anmälan av personuppgiftsincident",
        _ => "Personal data breach notification",
    }
}

//! The document as blocks: what [`render`](super::render) builds from the form table and then
//! writes as text or Markdown.

use time::OffsetDateTime;

use crate::form::Field;
use crate::lang::Lang;
use crate::model::notification::Notification;

/// An instant as Swedish wall-clock time, `YYYY-MM-DD HH:MM`; with its own offset when it lies
/// outside the dates Swedish time is computed for.
pub(super) fn local_time(at: OffsetDateTime) -> String {
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

/// An answer as shown.
pub(super) enum Answer {
    /// A value, possibly several lines.
    Text(String),
    /// Chosen options, one per line.
    List(Vec<String>),
    /// Nothing given.
    Unanswered,
}

impl Answer {
    pub(super) fn of(value: Option<String>) -> Answer {
        value.map_or(Answer::Unanswered, Answer::Text)
    }
}

pub(super) enum Block {
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

pub(super) struct Builder {
    pub(super) lang: Lang,
    pub(super) blocks: Vec<Block>,
    /// Answers marked after their label ("kompletterat 2025-04-02"), by field.
    pub(super) marks: Vec<(Field, String)>,
}

/// A label with the form's asterisk when the table says the form shows one.
fn marked(field: Field, mut label: String) -> String {
    if field.spec().asterisk {
        label.push_str(" *");
    }
    label
}

impl Builder {
    /// A builder in `lang` with no blocks and no marks.
    pub(super) fn new(lang: Lang) -> Builder {
        Builder { lang, blocks: Vec::new(), marks: Vec::new() }
    }

    /// The label with the mark of `field`, if it has one.
    fn with_mark(&self, field: Field, mut label: String) -> String {
        if let Some((_, mark)) = self.marks.iter().find(|(f, _)| *f == field) {
            label.push_str(" — ");
            label.push_str(mark);
        }
        label
    }

    /// The mark of a field shown without a question line (a list without a number), as a note.
    pub(super) fn mark_note(&mut self, field: Field) {
        if self.marks.iter().any(|(f, _)| *f == field) {
            let note = self.with_mark(field, field.label(self.lang).to_string());
            self.blocks.push(Block::Note(note));
        }
    }

    pub(super) fn section(&mut self, section: Field) {
        self.blocks.push(Block::Section(section.label(self.lang).to_string()));
    }

    pub(super) fn question(&mut self, field: Field) {
        let t = self.with_mark(field, marked(field, field.title(self.lang)));
        self.blocks.push(Block::Question(t));
    }

    pub(super) fn answer(&mut self, a: Answer) {
        self.blocks.push(Block::Answer(a));
    }

    /// A question with a single answer.
    pub(super) fn simple(&mut self, field: Field, value: Option<String>) {
        self.question(field);
        self.answer(Answer::of(value));
    }

    pub(super) fn field(&mut self, field: Field, value: Option<String>) {
        self.labelled(field, field, value);
    }

    /// A sub-field of `field` shown under the label of `label`.
    pub(super) fn labelled(&mut self, field: Field, label: Field, value: Option<String>) {
        let label = self.with_mark(field, marked(field, label.label(self.lang).to_string()));
        self.blocks.push(Block::Field(label, Answer::of(value)));
    }

    pub(super) fn entry(&mut self, index: usize, total: usize) {
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
pub(super) fn shows(n: &Notification, field: Field) -> bool {
    field.applies(n, &[]) || field.is_answered(n, &[])
}

//! Which fields a notification answers, from one walk: for the rules that ask about many answers,
//! so that each question does not follow its path through the notification again.

use super::walk::walk_answered;
use super::{Field, Value};
use crate::model::notification::Notification;

/// The most fields the table may have (a test checks the table stays below).
pub(crate) const MAX_FIELDS: usize = 128;

/// The answered fields of one notification (values are not read, so nothing is formatted).
pub(crate) struct Answers {
    /// Bit `f` is set when some instance of field `f` is answered.
    bits: [u64; MAX_FIELDS / 64],
    /// For each field, in how many places it is answered (for a field of list elements: in how many
    /// elements); for a list, its number of elements.
    counts: [u16; MAX_FIELDS],
    /// For each choice outside lists, bit `k` set when option `k` of its list is chosen.
    options: [u32; MAX_FIELDS],
    /// Whether some long text passed the first filter given to [`Answers::of`].
    marked_text: bool,
    /// Whether some free text (short or long) passed the second filter.
    marked_any_text: bool,
}

impl Answers {
    /// The answers of `n`, from one walk; nothing is allocated. `mark` is asked about each long
    /// text ([`Answers::marked_text`]), `mark_any` about each free text, short or long
    /// ([`Answers::marked_any_text`]).
    pub(crate) fn of(n: &Notification, mark: fn(&str) -> bool, mark_any: fn(&str) -> bool) -> Answers {
        let mut answers = Answers {
            bits: [0; MAX_FIELDS / 64],
            counts: [0; MAX_FIELDS],
            options: [0; MAX_FIELDS],
            marked_text: false,
            marked_any_text: false,
        };
        walk_answered(n, |field, _, value| {
            if let Some(Value::Text(text)) = value {
                answers.marked_any_text |= mark_any(text);
                if field.spec().kind == super::Kind::LongText {
                    answers.marked_text |= mark(text);
                }
            }
            let i = field as usize;
            if i >= MAX_FIELDS {
                return;
            }
            if let (Some(Value::Code(code)), Some(list)) = (value, field.spec().kind.options()) {
                if let Some(k) = list.position(code).filter(|k| *k < 32) {
                    answers.options[i] |= 1 << k;
                }
                if matches!(field.spec().kind, super::Kind::Choices(_)) {
                    return;
                }
            }
            answers.bits[i / 64] |= 1 << (i % 64);
            answers.counts[i] = match value {
                Some(Value::List(len)) => u16::try_from(len).unwrap_or(u16::MAX),
                _ => answers.counts[i].saturating_add(1),
            };
        });
        answers
    }

    /// Whether some instance of `field` is answered.
    pub(crate) fn any(&self, field: Field) -> bool {
        let i = field as usize;
        i < MAX_FIELDS && self.bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// Whether some long text passed the first filter given to [`Answers::of`].
    pub(crate) fn marked_text(&self) -> bool {
        self.marked_text
    }

    /// Whether some free text passed the second filter given to [`Answers::of`].
    pub(crate) fn marked_any_text(&self) -> bool {
        self.marked_any_text
    }

    /// Whether the choice `field` is, or includes, the option `code`.
    pub(crate) fn has_option(&self, field: Field, code: &str) -> bool {
        let bit = field.spec().kind.options().and_then(|l| l.position(code)).filter(|k| *k < 32);
        bit.is_some_and(|k| self.options.get(field as usize).is_some_and(|o| o & (1 << k) != 0))
    }

    /// In how many places `field` is answered; for a list, its number of elements.
    pub(crate) fn count(&self, field: Field) -> usize {
        self.counts.get(field as usize).copied().map_or(0, usize::from)
    }
}

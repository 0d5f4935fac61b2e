//! The characters of free text: bidirectional controls, which can make a text display in another
//! order than it is written (control characters are rejected while reading, see
//! [`crate::FieldError::ControlCharacter`]).

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::{walk_kinds, Kind, Value};
use crate::lang::{is_bidi_control, Lang};

/// Whether a text could hold a bidirectional control: every one is encoded in UTF-8 with a lead
/// byte 0xE2 (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) or 0xD8 (U+061C). Most text has
/// neither, and this test is much cheaper than decoding it.
pub(super) fn may_hold_bidi_control(text: &str) -> bool {
    // Branch-free, so the compiler vectorises it.
    text.bytes().fold(false, |any, b| any | (b == 0xe2) | (b == 0xd8))
}

pub(super) fn bidi_controls(ctx: &mut Ctx<'_>) {
    // The answer set saw every free text: nearly all have no byte a bidirectional control starts with.
    if !ctx.answers.marked_any_text() {
        return;
    }
    let mut found = Vec::new();
    walk_kinds(
        ctx.n,
        |k| matches!(k, Kind::ShortText | Kind::LongText),
        |a| {
            let Value::Text(text) = a.value else { return };
            if !may_hold_bidi_control(text) {
                return;
            }
            if let Some((offset, c)) = text.chars().enumerate().find(|&(_, c)| is_bidi_control(c)) {
                found.push((a.pointer().to_string(), offset + 1, u32::from(c)));
            }
        },
    );
    for (p, offset, c) in found {
        let at = p.clone();
        ctx.push_later("bidi-control-in-text", p, move || message(&at, offset, c));
    }
}

/// The message of a bidirectional control `c` at character `offset` of the text at `pointer`.
fn message(pointer: &str, offset: usize, c: u32) -> (String, String) {
    let s = subject(pointer);
    let sv = format!(
        "{} innehåller ett dubbelriktat styrtecken (U+{c:04X}) vid tecken {offset}, som kan få texten \
         att visas i en annan ordning än den är skriven. Ta bort det.",
        s.lead(Lang::Sv)
    );
    let en = format!(
        "{} contains a bidirectional control (U+{c:04X}) at character {offset}, which can make the \
         text display in another order than it is written. Remove it.",
        s.lead(Lang::En)
    );
    (sv, en)
}

#[cfg(test)]
mod tests {
    use super::may_hold_bidi_control;
    use crate::lang::is_bidi_control;

    #[test]
    fn the_prefilter_misses_no_bidi_control() {
        for c in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}'] {
            assert!(is_bidi_control(c));
            assert!(may_hold_bidi_control(&format!("abc{c}")), "{c:?}");
        }
        assert!(!may_hold_bidi_control("Obehörig åtkomst till kundregistret"));
    }
}

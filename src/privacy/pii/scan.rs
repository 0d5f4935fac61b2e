//! Character tests shared by the detectors: what comes before and after a match.

/// The no-break space, a separator of numbers.
pub(super) const NBSP: &str = "\u{a0}";
/// The en dash, a separator of numbers.
pub(super) const EN_DASH: &str = "\u{2013}";

/// Whether the character before byte `at` (if any) is a letter or digit.
pub(super) fn alnum_before(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    match at.checked_sub(1).map(|i| b[i]) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => text.get(..at).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphanumeric),
    }
}

/// Whether the character at byte `at` (if any) is a letter or digit.
pub(super) fn alnum_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => text.get(at..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric),
    }
}

/// Whether the number ending at byte `at` goes on after a separator (`-`, `–`, `.`, `/`, `:`, `,`)
/// and a digit: it is part of something longer then.
pub(super) fn continues(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let after = if b.get(at).is_some_and(|c| b"-./:,".contains(c)) {
        at + 1
    } else if text.get(at..).is_some_and(|s| s.starts_with(EN_DASH)) {
        at + EN_DASH.len()
    } else {
        return false;
    };
    b.get(after).is_some_and(u8::is_ascii_digit)
}

/// Whether a number may end at byte `at`: no letter or digit, no continuation follows.
pub(super) fn clean_end(text: &str, at: usize) -> bool {
    !alnum_at(text, at) && !continues(text, at)
}

/// The length of a space (ASCII or no-break) at byte `at`, or 0.
pub(super) fn space_at(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(b' ') => 1,
        Some(0xC2) if text.get(at..).is_some_and(|s| s.starts_with(NBSP)) => NBSP.len(),
        _ => 0,
    }
}

/// The length of the end of the digit run starting at byte `at`.
pub(super) fn digits_from(b: &[u8], at: usize) -> usize {
    b.get(at..).map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count())
}

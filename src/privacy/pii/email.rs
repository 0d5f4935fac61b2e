//! E-mail addresses, plain (`åsa.öberg@example.se`) or obfuscated (`namn [at] exempel [dot] se`,
//! `namn(at)exempel.se`, `namn snabel-a exempel.se`). Each character is looked at a bounded number
//! of times: backwards from an `@` only up to the previous `@` or end of a finding, forwards only
//! over the domain.

use super::kind::{Finding, PersonalDataKind};

/// The longest domain looked at.
const MAX_DOMAIN: usize = 255;

/// Characters allowed in the local part of an address (besides the dot): the ASCII ones of
/// RFC 5322's atoms, and letters and digits of any script.
fn is_local_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c)
    } else {
        c.is_alphanumeric()
    }
}

/// Characters of a domain label: letters and digits of any script, and `-`.
fn is_label_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The length of the word `word` (ASCII, compared without case) in brackets (`[w]`, `(w)`, `{w}`)
/// at byte `at`, or 0.
fn bracketed_at(b: &[u8], at: usize, word: &str) -> usize {
    let close = match b.get(at) {
        Some(b'[') => b']',
        Some(b'(') => b')',
        Some(b'{') => b'}',
        _ => return 0,
    };
    let w = word.len();
    let inner = b.get(at + 1..at + 1 + w).is_some_and(|s| s.eq_ignore_ascii_case(word.as_bytes()));
    if inner && b.get(at + 1 + w) == Some(&close) {
        w + 2
    } else {
        0
    }
}

/// An "at" at byte `at`: its end and whether it is obfuscated.
fn at_sign(b: &[u8], at: usize) -> Option<(usize, bool)> {
    match b[at] {
        b'@' => Some((at + 1, false)),
        b'[' | b'(' | b'{' => {
            let n = bracketed_at(b, at, "at");
            (n > 0).then_some((at + n, true))
        }
        b's' | b'S' => {
            let word = b.get(at..at + 8).is_some_and(|s| s.eq_ignore_ascii_case(b"snabel-a"));
            let spaced = at > 0 && b[at - 1] == b' ' && b.get(at + 8) == Some(&b' ');
            (word && spaced).then_some((at + 8, true))
        }
        _ => None,
    }
}

/// The length of a dot of a domain at byte `at`: `.`, or (optionally spaced) `[dot]`, `(dot)`,
/// `[punkt]`, `(punkt)`; 0 if none.
fn dot_at(b: &[u8], at: usize) -> usize {
    if b.get(at) == Some(&b'.') {
        return 1;
    }
    let s1 = usize::from(b.get(at) == Some(&b' '));
    let n = ["dot", "punkt"].iter().map(|w| bracketed_at(b, at + s1, w)).find(|n| *n > 0).unwrap_or(0);
    if n == 0 {
        return 0;
    }
    s1 + n + usize::from(b.get(at + s1 + n) == Some(&b' '))
}

/// The domain starting at byte `start`: its end, if it has two or more valid labels.
fn domain_at(text: &str, start: usize, obfuscated: bool) -> Option<usize> {
    let b = text.as_bytes();
    let (mut j, mut labels, mut last_label) = (start, 0, start..start);
    loop {
        let l0 = j;
        let len =
            text[j..].chars().take(64).take_while(|c| is_label_char(*c)).map(char::len_utf8).sum::<usize>();
        let mut l1 = l0 + len;
        // A hyphen at the end of the text's last label is punctuation, not part of the address.
        while l1 > l0 && b[l1 - 1] == b'-' {
            l1 -= 1;
        }
        let label = &text[l0..l1];
        if label.is_empty() || label.len() > 63 || label.starts_with('-') || l1 - start > MAX_DOMAIN {
            break;
        }
        labels += 1;
        last_label = l0..l1;
        j = l1;
        let dot = dot_at(b, j);
        let next = text.get(j + dot..).and_then(|s| s.chars().next());
        if dot == 0 || l1 < l0 + len || !next.is_some_and(|c| c.is_alphanumeric()) {
            break;
        }
        j += dot;
    }
    let tld = &text[last_label.clone()];
    let tld_ok = !obfuscated || (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    (labels >= 2 && tld_ok).then_some(last_label.end)
}

/// The start of the local part ending at byte `end`, looking back no further than `from` and
/// than the longest local part (64 bytes) and one character more.
fn local_start(text: &str, end: usize, from: usize) -> Option<usize> {
    let mut start = end;
    for (k, c) in text[from..end].char_indices().rev() {
        if !(is_local_char(c) || c == '.') {
            break;
        }
        start = from + k;
        if end - start > 64 {
            return None;
        }
    }
    while start < end && text.as_bytes()[start] == b'.' {
        start += 1;
    }
    let local = &text[start..end];
    let ok = !local.is_empty() && local.len() <= 64 && local.split('.').all(|a| !a.is_empty());
    ok.then_some(start)
}

/// Every e-mail address of the text, plain or obfuscated.
pub(super) fn emails(text: &str) -> Vec<Finding> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut from) = (0, 0);
    while i < b.len() {
        let Some((after, obfuscated)) = at_sign(b, i) else {
            i += 1;
            continue;
        };
        let spaced = |at: usize| usize::from(obfuscated && b.get(at) == Some(&b' '));
        let local_end = i - if i > from { spaced(i - 1) } else { 0 };
        let domain_start = after + spaced(after);
        let found = local_start(text, local_end, from)
            .and_then(|s| domain_at(text, domain_start, obfuscated).map(|e| s..e));
        match found {
            Some(range) => {
                (i, from) = (range.end, range.end);
                out.push(Finding { kind: PersonalDataKind::Email, range });
            }
            None => i = after,
        }
    }
    out
}

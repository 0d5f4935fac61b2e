//! IPv4 and IPv6 addresses: from each start at most 45 characters are looked at.

use super::kind::{Finding, PersonalDataKind};
use super::scan::{alnum_at, alnum_before};

/// The longest IPv6 address in text form (with an IPv4 tail).
const IPV6_MAX: usize = 45;

/// The end of the IPv4 address (four numbers 0–255 without leading zeros, separated by dots)
/// starting at byte `start`, not followed by a letter, a digit or a further `.` and digit.
pub(super) fn ipv4_at(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = start;
    for part in 0..4 {
        if part > 0 {
            if b.get(j) != Some(&b'.') {
                return None;
            }
            j += 1;
        }
        let n = b.get(j..).map_or(0, |s| s.iter().take(4).take_while(|c| c.is_ascii_digit()).count());
        let value = b[j..j + n].iter().fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
        if n == 0 || n > 3 || value > 255 || (n > 1 && b[j] == b'0') {
            return None;
        }
        j += n;
    }
    let dotted = b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit);
    (!alnum_at(text, j) && !dotted).then_some(j)
}

/// Whether `s` is an IPv6 address (RFC 4291 text form, optionally an IPv4 tail) of at least three
/// written groups (so `::1` and times like `12:27:00` are not).
pub(super) fn ipv6_valid(s: &str) -> bool {
    let (head, tail, compressed) = match s.split_once("::") {
        Some((h, t)) => (h, t, true),
        None => (s, "", false),
    };
    if tail.contains("::") {
        return false;
    }
    let (mut groups, mut written, mut tail_seen) = (0, 0, false);
    for g in pieces(head).chain(pieces(tail)) {
        if tail_seen {
            return false;
        }
        if g.contains('.') {
            if ipv4_at(g, 0) != Some(g.len()) {
                return false;
            }
            (groups, written, tail_seen) = (groups + 2, written + 2, true);
        } else if (1..=4).contains(&g.len()) && g.bytes().all(|c| c.is_ascii_hexdigit()) {
            (groups, written) = (groups + 1, written + 1);
        } else {
            return false;
        }
    }
    written >= 3 && if compressed { groups <= 7 } else { groups == 8 }
}

/// The colon-separated pieces of one side of `::` (none if it is empty).
fn pieces(p: &str) -> impl Iterator<Item = &str> {
    p.split(':').filter(move |_| !p.is_empty())
}

fn is_ipv6_char(c: u8) -> bool {
    c.is_ascii_hexdigit() || c == b':' || c == b'.'
}

/// Every IPv4 and IPv6 address of the text.
pub(super) fn ip_addresses(text: &str) -> Vec<Finding> {
    let b = text.as_bytes();
    let has_colon = memchr_colon(b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !is_ipv6_char(c)
            || c == b'.'
            || (i > 0 && matches!(b[i - 1], b':' | b'.'))
            || alnum_before(text, i)
        {
            i += 1;
            continue;
        }
        if has_colon {
            // The run of hex digits, colons and dots from here; an address is all of it, less
            // trailing dots (the end of a sentence).
            let run = b[i..].iter().take_while(|c| is_ipv6_char(**c)).count();
            let mut end = i + run;
            while end > i && b[end - 1] == b'.' {
                end -= 1;
            }
            let candidate = &text[i..end];
            if run <= IPV6_MAX + 3
                && candidate.contains(':')
                && !alnum_at(text, i + run)
                && ipv6_valid(candidate)
            {
                out.push(Finding { kind: PersonalDataKind::IpAddress, range: i..end });
                i = end;
                continue;
            }
        }
        if let Some(end) = c.is_ascii_digit().then(|| ipv4_at(text, i)).flatten() {
            out.push(Finding { kind: PersonalDataKind::IpAddress, range: i..end });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn memchr_colon(b: &[u8]) -> bool {
    b.contains(&b':')
}

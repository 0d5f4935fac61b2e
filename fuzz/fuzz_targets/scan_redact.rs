//! Any UTF-8 text of up to 10,000 characters: `find_personal_data` and `find_maskable`, then
//! redaction. Nothing may panic; the findings are sorted, never overlap, lie on character
//! boundaries, and everything validation finds is masked (the same range). The text (its first 200
//! characters where only a short text fits) is put into a notification's free texts — the
//! incident's description, a contact person's name and role — and redacted: the copy parses back
//! to itself, no free text of it holds anything `find_maskable` finds, and redacting it again
//! changes nothing.
//!
//! Run it (from the repository root; cargo fuzz needs nightly features, which
//! `RUSTC_BOOTSTRAP=1` unlocks on a stable toolchain). Seed long inputs (libFuzzer grows lengths
//! slowly otherwise) and keep `-len_control=0`:
//!
//! ```sh
//! cargo install cargo-fuzz
//! cd fuzz && mkdir -p corpus/scan_redact
//! for u in '0 ' '1234 ' 'a@' '0 1-2:3.4 a@b [at] 121212-1212 ::ab '; do
//!     python3 -c "import sys; u=sys.argv[1]; print((u*10000)[:10000], end='')" "$u" \
//!         > "corpus/scan_redact/seed-$(echo "$u" | md5sum | cut -c1-8)"
//! done
//! RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none scan_redact -- \
//!     -runs=1000000 -max_len=40000 -len_control=0
//! ```
#![no_main]

use imy_breach::form::{walk, Kind, Value};
use imy_breach::pii::{find_maskable, find_personal_data, Finding};
use imy_breach::redact::{redact, RedactOptions};
use imy_breach::{ContactPerson, Lang, LongText, Notification, ShortText};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, found: &[Finding]) {
    for w in found.windows(2) {
        assert!(w[0].range.end <= w[1].range.start, "sorted, not overlapping");
    }
    for f in found {
        assert!(f.range.start < f.range.end && f.range.end <= text.len());
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
    }
}

/// A notification with `text` in its free texts (none where the text is refused, e.g. a control
/// character or only white space).
fn notification(text: &str) -> Notification {
    let short: String = text.chars().take(200).collect();
    let mut n = Notification::default();
    n.incident.description = LongText::new(text).ok();
    let person = ContactPerson {
        name: ShortText::new(short.as_str()).ok(),
        role: ShortText::new(short.as_str()).ok(),
        ..ContactPerson::default()
    };
    n.contact_details.contact_persons.push(person);
    n
}

fn redaction(text: &str) {
    let n = notification(text);
    for lang in [Lang::Sv, Lang::En] {
        let options = RedactOptions::new(lang);
        let public = redact(&n, &options);
        let back = Notification::from_json(&public.to_json());
        assert!(back.as_ref() == Ok(&public), "the copy parses back to itself: {back:?}");
        walk(&public, |a| {
            if let (Kind::ShortText | Kind::LongText, Value::Text(t)) = (a.field.spec().kind, a.value) {
                assert!(find_maskable(t).is_empty(), "{} keeps a finding", a.pointer());
            }
        });
        assert!(redact(&public, &options) == public, "redact(redact(x)) == redact(x)");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if text.chars().count() > 10_000 {
        return;
    }
    let strict = find_personal_data(text);
    let mask = find_maskable(text);
    check(text, &strict);
    check(text, &mask);
    let mut m = mask.iter().peekable();
    for f in &strict {
        while m.next_if(|x| x.range.start < f.range.start).is_some() {}
        assert!(m.peek().is_some_and(|x| x.range == f.range), "what validation finds is masked");
    }
    redaction(text);
});

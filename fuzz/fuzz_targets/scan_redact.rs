//! Any UTF-8 text of up to 10,000 characters: `find_personal_data` and `find_maskable`. Nothing may
//! panic; the findings are sorted, never overlap, lie on character boundaries, and everything
//! validation finds is masked (the same range).
//!
//! Run it (from the repository root; cargo fuzz needs nightly features, which
//! `RUSTC_BOOTSTRAP=1` unlocks on a stable toolchain):
//!
//! ```sh
//! cargo install cargo-fuzz
//! cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none scan_redact -- \
//!     -runs=1000000 -max_len=40000
//! ```
#![no_main]

use imy_breach::pii::{find_maskable, find_personal_data, Finding};
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
});

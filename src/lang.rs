//! Languages and text in both of them: the bottom layer every other module builds on.
//!
//! [`Lang`] names a language; [`Bilingual`] holds one text (a label, a message) in Swedish and
//! English, so that a pair is never two loose strings.

use std::fmt::{self, Write as _};

/// A language for labels and messages.
///
/// # Example
/// ```
/// use imy_breach::{Choice, Lang, YesNo};
/// assert_eq!(YesNo::Yes.label(Lang::Sv), "Ja");
/// assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::EnumIter, strum::EnumString, strum::IntoStaticStr,
)]
#[strum(serialize_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// Swedish, the language of IMY's form.
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code: `"sv"` or `"en"`.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The language of a BCP 47 language tag, case-insensitively: its primary subtag `sv` or `en`,
    /// with any region or other subtags after a `-` (or `_`, as in a POSIX locale) ignored: `"EN"`,
    /// `"sv-SE"`, `"en-GB"`, `"sv_SE"`. `None` for any other language or an empty tag.
    ///
    /// # Example
    /// ```
    /// use imy_breach::Lang;
    /// assert_eq!(Lang::from_tag("sv-SE"), Some(Lang::Sv));
    /// assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        <Lang as strum::IntoEnumIterator>::iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }
}

/// One text in Swedish and English: a label, a help text, a message.
///
/// `T` is `&'static str` for the crate's tables and `String` for messages built at run time.
///
/// # Example
/// ```
/// use imy_breach::{Bilingual, Lang};
/// const LABEL: Bilingual = Bilingual::new("Pågår incidenten fortfarande?", "Is the breach still ongoing?");
/// assert_eq!(LABEL.get(Lang::En), "Is the breach still ongoing?");
/// let owned = LABEL.map(|s| s.to_uppercase());
/// assert_eq!(owned.sv, "PÅGÅR INCIDENTEN FORTFARANDE?");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Bilingual<T = &'static str> {
    /// The Swedish text.
    pub sv: T,
    /// The English text.
    pub en: T,
}

impl<T> Bilingual<T> {
    /// The pair of `sv` and `en`.
    pub const fn new(sv: T, en: T) -> Self {
        Bilingual { sv, en }
    }

    /// The text in `lang`, by reference.
    pub fn pick(&self, lang: Lang) -> &T {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// Both texts passed through `f`.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Bilingual<U> {
        Bilingual { sv: f(self.sv), en: f(self.en) }
    }

    /// Both texts by reference.
    pub fn as_ref(&self) -> Bilingual<&T> {
        Bilingual { sv: &self.sv, en: &self.en }
    }
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }

    /// Both texts as owned strings.
    pub fn to_owned_strings(&self) -> Bilingual<String> {
        self.map(str::to_owned)
    }
}

impl Bilingual<String> {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        self.pick(lang)
    }

    /// Two empty texts with room for `bytes` bytes each.
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        Bilingual { sv: String::with_capacity(bytes), en: String::with_capacity(bytes) }
    }

    /// Appends `sv` to the Swedish text and `en` to the English one.
    pub(crate) fn push(&mut self, sv: impl AsRef<str>, en: impl AsRef<str>) {
        self.sv.push_str(sv.as_ref());
        self.en.push_str(en.as_ref());
    }

    /// Appends formatted text to each.
    pub(crate) fn write(&mut self, sv: fmt::Arguments<'_>, en: fmt::Arguments<'_>) {
        // Writing into a `String` cannot fail.
        let _ = self.sv.write_fmt(sv);
        let _ = self.en.write_fmt(en);
    }
}

/// The text with its first letter in upper case: a message that starts a sentence.
pub(crate) fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The first letter in lower case, for a subject in the middle of a sentence.
pub(crate) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The most characters [`shown`] writes of a user-given string, escapes included.
pub(crate) const SHOWN_CHARS: usize = 32;

/// Whether `c` is invisible or changes how the text around it is shown: a control character (C0,
/// DEL, C1), a bidirectional control, a line or paragraph separator, or another format character
/// (soft hyphen, zero-width characters, word joiners, the byte order mark, tags).
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200d}'
                | '\u{2028}'..='\u{202f}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Whether `c` is a bidirectional control: the embeddings and overrides U+202A–U+202E, the
/// isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// A user-given string (a member name, an option code, a pointer) as a message may show it: at most
/// [`SHOWN_CHARS`] characters, then "…" when there is more, with every invisible character (see
/// [`is_invisible`]) written as an escape such as `\u{1b}`, so that nothing reaches a terminal raw
/// and no message grows with its input. Never use it for a value that may be personal data: such
/// a value is not repeated at all.
pub(crate) fn shown(given: &str) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut escape = String::new();
    for c in given.chars() {
        escape.clear();
        if is_invisible(c) {
            let _ = write!(escape, "\\u{{{:x}}}", u32::from(c));
        } else {
            escape.push(c);
        }
        let len = escape.chars().count();
        if used + len > SHOWN_CHARS {
            out.push('…');
            return out;
        }
        used += len;
        out.push_str(&escape);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_of_the_first_letter() {
        assert_eq!(upper_first("åtgärd"), "Åtgärd");
        assert_eq!(lower_first("Åtgärd 2"), "åtgärd 2");
        assert_eq!(upper_first(""), "");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn a_language_tag_names_its_language_whatever_its_case_and_region() {
        for (tag, lang) in [
            ("sv", Lang::Sv),
            ("SV", Lang::Sv),
            ("sv-SE", Lang::Sv),
            ("sv-FI", Lang::Sv),
            ("sv_SE", Lang::Sv),
            (" en ", Lang::En),
            ("EN", Lang::En),
            ("en-GB", Lang::En),
            ("En-Us", Lang::En),
        ] {
            assert_eq!(Lang::from_tag(tag), Some(lang), "{tag}");
        }
        for tag in ["", "-", "de", "eng", "sve", "se", "fi-SE", "english", "e"] {
            assert_eq!(Lang::from_tag(tag), None, "{tag}");
        }
    }

    #[test]
    fn bilingual_picks_the_language() {
        let b = Bilingual::new("Ja", "Yes");
        assert_eq!(b.get(Lang::Sv), "Ja");
        assert_eq!(b.get(Lang::En), "Yes");
        let mut m = Bilingual::with_capacity(8);
        m.push("Fråga ", "Question ");
        m.write(format_args!("{}", 13), format_args!("{}", 13));
        assert_eq!(m.get(Lang::En), "Question 13");
        assert_eq!(b.to_owned_strings(), Bilingual::new("Ja".to_string(), "Yes".to_string()));
    }

    #[test]
    fn shown_is_short_and_escaped() {
        assert_eq!(shown("nmae"), "nmae");
        assert_eq!(shown("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(shown("\u{202e}x\u{0}\u{85}"), "\\u{202e}x\\u{0}\\u{85}");
        let long = "x".repeat(900_000);
        assert_eq!(shown(&long), format!("{}…", "x".repeat(32)));
        assert_eq!(shown(&"x".repeat(32)), "x".repeat(32));
        // An escape is never cut in half.
        let s = shown(&format!("{}\u{1b}", "x".repeat(30)));
        assert_eq!(s, format!("{}…", "x".repeat(30)));
        assert!(shown(&"\u{1b}".repeat(100)).chars().count() <= SHOWN_CHARS + 1);
        assert!(!shown("ÅÄÖ åäö").contains('\\'));
    }
}

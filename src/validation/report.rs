//! What validation finds: each [`Violation`] with its pointer, rule code, [`Level`] and message, and
//! the [`Report`] that holds them all.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::lang::{Bilingual, Lang};
use crate::wire::error::ParseError;

/// How much a violation matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Level {
    /// Advice to consider; the notification can be filed as it is.
    Warning,
    /// The notification cannot be filed as it is.
    Error,
}

impl Level {
    /// `"error"` or `"warning"`.
    pub fn code(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
    /// "fel"/"varning" or "error"/"warning".
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Error, Lang::Sv) => "fel",
            (Level::Warning, Lang::Sv) => "varning",
            (Level::Error, _) => "error",
            (Level::Warning, _) => "warning",
        }
    }
}

/// One problem found in a notification.
///
/// Serialized as `{"pointer", "code", "severity", "messageSv", "messageEn"}`.
///
/// # Example
/// ```
/// use imy_breach::Lang;
/// let (_, report) = imy_breach::validate_json(br#"{"schemaVersion":"1.0"}"#);
/// let v = report.violations.iter().find(|v| v.pointer == "/controller/name").unwrap();
/// assert_eq!(v.code, "required");
/// assert!(v.message(Lang::En).contains("must be"));
/// assert_eq!(v.message.sv, v.message(Lang::Sv));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The JSON pointer (RFC 6901) of the answer at fault. For "X is required" and "X is required
    /// when Y" it names X, even when X is absent.
    pub pointer: String,
    /// The stable kebab-case rule code, for example `"postcode-format"`; see
    /// [`RULES`](crate::validation::RULES).
    pub code: &'static str,
    /// Error or warning.
    pub level: Level,
    /// The message in Swedish and English.
    pub message: Bilingual<String>,
}

impl Violation {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Violation", 5)?;
        s.serialize_field("pointer", &self.pointer)?;
        s.serialize_field("code", self.code)?;
        s.serialize_field("severity", &self.level)?;
        s.serialize_field("messageSv", &self.message.sv)?;
        s.serialize_field("messageEn", &self.message.en)?;
        s.end()
    }
}

impl From<ParseError> for Violation {
    /// The reading problem as an error, with the reader's messages.
    fn from(e: ParseError) -> Self {
        Violation {
            message: Bilingual::new(e.message(Lang::Sv), e.message(Lang::En)),
            pointer: e.pointer.to_string(),
            code: e.code,
            level: Level::Error,
        }
    }
}

/// Every violation found in one notification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The violations, errors and warnings: reading problems first, then the rules' findings in form
    /// order.
    pub violations: Vec<Violation>,
    /// The codes of the rules that did not run: because no submission moment was known (see the
    /// [validation documentation](crate::validation#the-submission-moment)), or, for
    /// `late-reason-required`, because question 11 could not be resolved to an instant (for example
    /// a date outside the supported range).
    pub skipped: Vec<&'static str>,
}

impl Report {
    /// Whether there are no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.violations.iter().any(|v| v.level == Level::Error)
    }
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(|v| v.level == Level::Error)
    }
    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(|v| v.level == Level::Warning)
    }
}

/// The most findings of one rule code reported for one document; past it, one more finding of the
/// same code says how many were left off ("… och N till av samma slag" / "… and N more of the same
/// kind"), at the longest pointer
/// every finding left off starts with (the root when they share nothing). One document cannot
/// produce megabytes of output: a megabyte of personal identity numbers gives 21 findings, not
/// 90,000. Reading problems have their own limit, [`MAX_PARSE_ERRORS`](crate::MAX_PARSE_ERRORS).
///
/// # Example
/// ```
/// use imy_breach::{validate_json, MAX_FINDINGS_PER_CODE};
/// let numbers = "19121212-1212 ".repeat(100);
/// let doc = format!(r#"{{"schemaVersion":"1.0","incident":{{"description":"{numbers}"}}}}"#);
/// let (_, report) = validate_json(doc.as_bytes());
/// let found: Vec<_> =
///     report.violations.iter().filter(|v| v.code == "personal-identity-number-in-text").collect();
/// assert_eq!(found.len(), MAX_FINDINGS_PER_CODE + 1);
/// assert!(found[MAX_FINDINGS_PER_CODE].message.en.starts_with("… and 80 more of the same kind"));
/// ```
pub const MAX_FINDINGS_PER_CODE: usize = 20;

/// Keeps the first [`MAX_FINDINGS_PER_CODE`] findings of each code (in their order) and puts one
/// "and N more" finding of the code after the last one kept.
pub(crate) fn cap<T>(
    items: Vec<T>,
    violation: impl Fn(&T) -> &Violation,
    wrap: impl Fn(Violation) -> T,
) -> Vec<T> {
    if items.len() <= MAX_FINDINGS_PER_CODE {
        return items;
    }
    // Per code: how many seen, where the summary goes, and the common pointer of those left off.
    let mut codes: Vec<(&'static str, usize, usize, String)> = Vec::new();
    let mut kept = Vec::with_capacity(items.len().min(4 * MAX_FINDINGS_PER_CODE));
    for item in items {
        let v = violation(&item);
        let i = match codes.iter().position(|c| c.0 == v.code) {
            Some(i) => i,
            None => {
                codes.push((v.code, 0, 0, String::new()));
                codes.len() - 1
            }
        };
        let c = &mut codes[i];
        c.1 += 1;
        if c.1 <= MAX_FINDINGS_PER_CODE {
            kept.push(item);
            c.2 = kept.len();
        } else if c.1 == MAX_FINDINGS_PER_CODE + 1 {
            c.3 = v.pointer.clone();
        } else {
            let common = common_pointer(&c.3, &v.pointer).len();
            c.3.truncate(common);
        }
    }
    // From the last place to the first, so that the places stay right.
    codes.sort_by_key(|c| std::cmp::Reverse(c.2));
    for (code, seen, at, pointer) in codes {
        if seen > MAX_FINDINGS_PER_CODE {
            let more = seen - MAX_FINDINGS_PER_CODE;
            let level = violation(&kept[at - 1]).level;
            let message = Bilingual::new(
                format!("… och {more} till av samma slag (högst {MAX_FINDINGS_PER_CODE} visas per regel)."),
                format!("… and {more} more of the same kind (at most {MAX_FINDINGS_PER_CODE} are shown per rule)."),
            );
            kept.insert(at, wrap(Violation { pointer, code, level, message }));
        }
    }
    kept
}

/// The longest pointer both `a` and `b` start with, by whole segments.
fn common_pointer<'a>(a: &'a str, b: &str) -> &'a str {
    let mut end = 0;
    for (i, (x, y)) in a.bytes().zip(b.bytes()).enumerate() {
        if x != y {
            return &a[..end];
        }
        if x == b'/' {
            end = i;
        }
    }
    let shorter = a.len().min(b.len());
    // One is a prefix of the other: the prefix, when it ends at a segment's end.
    match (a.as_bytes().get(shorter), b.as_bytes().get(shorter)) {
        (None, None) => a,
        (Some(b'/'), None) | (None, Some(b'/')) => &a[..shorter],
        _ => &a[..end],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: &'static str, pointer: &str) -> Violation {
        let message = Bilingual::new(String::new(), String::new());
        Violation { pointer: pointer.to_string(), code, level: Level::Warning, message }
    }

    #[test]
    fn common_pointers_are_whole_segments() {
        assert_eq!(common_pointer("/incident/description", "/incident/description"), "/incident/description");
        assert_eq!(common_pointer("/incident/description", "/incident/descriptionX"), "/incident");
        assert_eq!(
            common_pointer("/measures/actions/1/action", "/measures/actions/12/action"),
            "/measures/actions"
        );
        assert_eq!(common_pointer("/a/b", "/a"), "/a");
        assert_eq!(common_pointer("/a", "/b"), "");
    }

    #[test]
    fn findings_are_capped_per_code() {
        let mut v: Vec<Violation> = (0..25).map(|i| finding("x", &format!("/a/{i}/b"))).collect();
        v.insert(3, finding("y", "/c"));
        v.push(finding("x", "/z"));
        let v = cap(v, |v| v, |v| v);
        let codes: Vec<_> = v.iter().map(|v| v.code).collect();
        assert_eq!(codes.len(), 22);
        assert_eq!(codes[3], "y");
        assert_eq!(v[21].code, "x");
        assert_eq!(v[21].message.sv, "… och 6 till av samma slag (högst 20 visas per regel).");
        assert_eq!(v[21].message.en, "… and 6 more of the same kind (at most 20 are shown per rule).");
        assert_eq!(v[21].pointer, "");
        let v: Vec<Violation> = (0..30).map(|i| finding("x", &format!("/a/{i}/b"))).collect();
        let v = cap(v, |v| v, |v| v);
        assert_eq!((v.len(), v[20].pointer.as_str()), (21, "/a"));
        let few: Vec<Violation> = (0..20).map(|i| finding("x", &format!("/a/{i}"))).collect();
        let few = cap(few, |v| v, |v| v);
        assert_eq!(few.len(), 20);
    }
}

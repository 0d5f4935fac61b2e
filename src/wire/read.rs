//! Reading JSON into a [`Notification`], with errors that say where and what.
//!
//! The fast path deserialises straight from the bytes without tracking where it is. When that
//! fails, the document is read again with the path tracked ([`Track`]) to find the first problem;
//! to find every problem, it is read once into a borrowed tree whose values are probed where they
//! stand ([`crate::wire::tree`]), and the tree with every value at fault set aside is read as the
//! remainder the rules run on. Pointers are always those of the original document.

use serde::Deserialize;

use crate::lang::{is_invisible, shown, Lang, SHOWN_CHARS};
use crate::model::notification::Notification;
use crate::values::error::FieldError;
use crate::wire::error::ParseError;
use crate::wire::limits::{MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH, MAX_PARSE_ERRORS};
use crate::wire::pointer::{Pointer, Segment};
use crate::wire::tracked::{Track, Tracked, Untracked};

/// A document kind the reader reads: a notification, a breach record.
pub(crate) trait Document: for<'de> Deserialize<'de> {
    /// The required root members, with the value a probe supplies for each when another value is
    /// probed (see [`crate::wire::tree`]): `schemaVersion`, and `kind` where the document has one.
    const SUPPLIED: &'static [(&'static str, &'static str)];
}

impl Document for Notification {
    const SUPPLIED: &'static [(&'static str, &'static str)] = &[("schemaVersion", crate::SCHEMA_VERSION)];
}

impl Notification {
    /// Reads a notification from JSON text, stopping at the first problem.
    ///
    /// # Errors
    /// A [`ParseError`] with the JSON pointer, code and message of the first problem: malformed JSON,
    /// an unknown member, a value of the wrong type or format. Use
    /// [`from_json_all_errors`](Self::from_json_all_errors) to get every problem at once.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        Self::from_slice(text.as_bytes())
    }

    /// Reads a notification from JSON bytes, stopping at the first problem.
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json).
    pub fn from_slice(bytes: &[u8]) -> Result<Self, ParseError> {
        first_error(bytes)
    }

    /// Reads a notification from JSON bytes and, when it cannot be read, reports every problem
    /// (at most [`MAX_PARSE_ERRORS`](crate::MAX_PARSE_ERRORS)), each with its pointer. The problems
    /// are found in one pass: the bytes are read a fixed number of times whatever the number of
    /// problems (once as a notification, which stops at the first problem; once into a borrowed tree
    /// whose values are then probed where they stand), never once per problem.
    ///
    /// # Errors
    /// The problems, in document order of discovery. When the JSON itself is malformed there is one.
    ///
    /// # Example
    /// ```
    /// let doc = br#"{"schemaVersion":"1.0","controller":{"organisationNumber":"12"},
    ///               "contactDetails":{"correspondenceAddress":{"postcode":"AB?"}}}"#;
    /// let errs = imy_breach::Notification::from_json_all_errors(doc).unwrap_err();
    /// let pointers: Vec<_> = errs.iter().map(|e| e.pointer()).collect();
    /// assert_eq!(pointers, ["/controller/organisationNumber", "/contactDetails/correspondenceAddress/postcode"]);
    /// ```
    pub fn from_json_all_errors(bytes: &[u8]) -> Result<Self, Vec<ParseError>> {
        all_errors(bytes)
    }

    /// The notification as pretty-printed JSON (two-space indent), in form order.
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string and every value is plain data.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The notification as compact JSON.
    pub fn to_json_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Whether arrays and objects nest deeper than `max` anywhere in the bytes (strings excepted). One
/// pass, no recursion; run only on documents that could not be read (a readable document is no
/// deeper than the model).
fn nests_deeper_than(bytes: &[u8], max: usize) -> bool {
    // Nesting deeper than `max` takes more than `max` opening brackets: a count the compiler
    // vectorises settles nearly every document without the walk below.
    if bytes.iter().filter(|&&b| b == b'[' || b == b'{').count() <= max {
        return false;
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn too_deep() -> ParseError {
    ParseError::new(
        Pointer::root(),
        "json-syntax",
        format!("Ogiltig JSON: för djupt nästlad (fler än {MAX_NESTING_DEPTH} nivåer)."),
        format!("Invalid JSON: recursion limit exceeded (nested more than {MAX_NESTING_DEPTH} levels)."),
    )
}

fn too_large(len: usize) -> Option<ParseError> {
    (len > MAX_DOCUMENT_BYTES).then(|| {
        let fe = FieldError::DocumentTooLarge { len, max: MAX_DOCUMENT_BYTES };
        ParseError::new(Pointer::root(), fe.code(), fe.message(Lang::Sv), fe.message(Lang::En))
    })
}

pub(crate) fn first_error<T: Document>(bytes: &[u8]) -> Result<T, ParseError> {
    Input::new(bytes)?.first_error().map_err(|mut e| {
        point_at_parent_unless_shown(&mut e);
        e
    })
}

/// A document within the size limit, checked for UTF-8 once: valid UTF-8 (nearly every document) is
/// read as a `str`, which saves about a tenth of the reading over checking string by string; bytes
/// that are not UTF-8 are read as bytes, so that the error names the string at fault.
#[derive(Clone, Copy)]
enum Input<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

impl<'a> Input<'a> {
    /// The document, or `document-too-large` before anything is read.
    fn new(bytes: &'a [u8]) -> Result<Self, ParseError> {
        if let Some(e) = too_large(bytes.len()) {
            return Err(e);
        }
        Ok(match std::str::from_utf8(bytes) {
            Ok(text) => Input::Text(text),
            Err(_) => Input::Bytes(bytes),
        })
    }

    /// The notification, or the first problem with its pointer. The happy path reads without
    /// tracking where it is; only a document with a problem is read again, with the path tracked.
    fn first_error<T: Document>(self) -> Result<T, ParseError> {
        let fast = match self {
            Input::Text(text) => read_fast(serde_json::de::StrRead::new(text)),
            Input::Bytes(bytes) => read_fast(serde_json::de::SliceRead::new(bytes)),
        };
        match fast {
            Some(n) => Ok(n),
            None => self.read_tracked(),
        }
    }

    /// The document as a borrowed tree; `None` when it is not well-formed JSON.
    fn tree(self) -> Option<crate::wire::tree::Node<'a>> {
        use serde::de::Deserialize as _;
        fn read<'de, R: serde_json::de::Read<'de>>(read: R) -> Option<crate::wire::tree::Node<'de>> {
            let mut de = serde_json::Deserializer::new(read);
            let tree = crate::wire::tree::Node::deserialize(&mut de).ok()?;
            de.end().ok().map(|()| tree)
        }
        match self {
            Input::Text(text) => read(serde_json::de::StrRead::new(text)),
            Input::Bytes(bytes) => read(serde_json::de::SliceRead::new(bytes)),
        }
    }

    /// Reads the document with the path tracked: the notification, or the first problem with
    /// its pointer.
    fn read_tracked<T: Document>(self) -> Result<T, ParseError> {
        match self {
            Input::Text(text) => read_tracked(serde_json::de::StrRead::new(text)),
            Input::Bytes(bytes) => read_tracked(serde_json::de::SliceRead::new(bytes)),
        }
    }
}

/// Reads without tracking the path: the notification, or `None` on any problem.
fn read_fast<'de, T: Document, R: serde_json::de::Read<'de>>(read: R) -> Option<T> {
    let mut de = serde_json::Deserializer::new(read);
    let n = T::deserialize(Tracked(&mut de, Untracked)).ok()?;
    de.end().ok().map(|()| n)
}

fn read_tracked<'de, T: Document, R: serde_json::de::Read<'de>>(read: R) -> Result<T, ParseError> {
    let track = Track::default();
    let mut de = serde_json::Deserializer::new(read);
    let n = T::deserialize(Tracked(&mut de, &track)).map_err(|e| convert(track.error_at(), &e))?;
    de.end().map_err(|e| convert(Pointer::root(), &e))?;
    Ok(n)
}

pub(crate) fn all_errors<T: Document>(bytes: &[u8]) -> Result<T, Vec<ParseError>> {
    read_all(bytes).map_err(|failed| failed.errors)
}

/// A document that could not be read: every problem found, and, when it is JSON and an object,
/// what could be read of it.
pub(crate) struct Unreadable<T = Notification> {
    /// The problems, each with the pointer of the original document (at most [`MAX_PARSE_ERRORS`]).
    pub errors: Vec<ParseError>,
    /// The rest of the document, read with every value at fault set aside. `None` when the
    /// document is not JSON or not an object.
    pub remainder: Option<Box<Remainder<T>>>,
}

/// What could be read of a document that could not be read as a whole.
pub(crate) struct Remainder<T = Notification> {
    /// The document without the values at fault.
    pub document: T,
    /// The pointers (of the original document) of the values set aside, every one of them (also
    /// past [`MAX_PARSE_ERRORS`]); the required root members (`schemaVersion`, `kind`) are not among
    /// them (they are read with their current values instead).
    pub set_aside: Vec<Pointer>,
    /// The (original) pointers of the lists whose later elements moved when an element was set
    /// aside.
    pub shifted_lists: Vec<Pointer>,
}

/// Reads a document, and when it cannot be read, finds every problem and keeps what could be
/// read.
///
/// The document is read into a borrowed tree once and each value is probed where it stands
/// ([`crate::wire::tree::find_problems`]); then the tree, with every value at fault set aside, is
/// read as the remainder ([`crate::wire::tree::remainder`]).
pub(crate) fn read_all<T: Document>(bytes: &[u8]) -> Result<T, Unreadable<T>> {
    let input = Input::new(bytes).map_err(|e| Unreadable { errors: vec![e], remainder: None })?;
    let first = match input.first_error() {
        Ok(n) => return Ok(n),
        Err(e) => e,
    };
    let only = |e: ParseError| Unreadable { errors: vec![e], remainder: None };
    if first.code == "json-syntax" || first.code == "document-too-large" || first.pointer.is_empty() {
        return Err(only(first));
    }
    if nests_deeper_than(bytes, MAX_NESTING_DEPTH) {
        return Err(only(too_deep()));
    }
    let tree = match input.tree() {
        Some(tree) => tree,
        // Not well-formed further on: only the first problem is reported, the rest cannot be read
        // reliably.
        None => return Err(only(first)),
    };
    let (problems, complete) = crate::wire::tree::find_problems::<T>(&tree);
    let mut errors: Vec<ParseError> =
        problems.iter().map(|p| convert_inner(p.pointer.clone(), &p.error, p.field.clone())).collect();
    // The first problem as the reading that stops at it reports it, with its line and column (the
    // tree holds no positions: the later problems have none).
    match errors.first_mut() {
        Some(e) if e.pointer == first.pointer && e.code == first.code => *e = first,
        Some(_) => {}
        None => errors.push(first),
    }
    let pointers: Vec<Pointer> = errors.iter().map(|e| e.pointer.clone()).collect();
    // Problems past the cap are still set aside, so that the remainder exists.
    let remainder = complete.then(|| crate::wire::tree::remainder::<T>(tree, &pointers)).flatten();
    let remainder = remainder.map(|(document, shifted_lists)| {
        let supplied = |p: &Pointer| T::SUPPLIED.iter().any(|(name, _)| *p == format!("/{name}").as_str());
        let set_aside = pointers.into_iter().filter(|p| !supplied(p)).collect();
        Box::new(Remainder { document, set_aside, shifted_lists })
    });
    errors.truncate(MAX_PARSE_ERRORS);
    errors.iter_mut().for_each(point_at_parent_unless_shown);
    Err(Unreadable { errors, remainder })
}

/// An unknown member whose name the message does not show whole and as it is (longer than
/// [`SHOWN_CHARS`], or with an invisible character) is reported at its parent object: a pointer is
/// only useful whole, a whole name could be a megabyte (or personal data), and a pointer holding an
/// escape sequence would reach a terminal raw wherever it is printed. The message names the member
/// by its shown prefix. See DESIGN.md, "Validation / Pointers".
fn point_at_parent_unless_shown(e: &mut ParseError) {
    let unshown = |m: &str| m.chars().nth(SHOWN_CHARS).is_some() || m.chars().any(is_invisible);
    if e.code == "unknown-field" && e.pointer.last().and_then(Segment::as_member).is_some_and(unshown) {
        e.pointer.pop();
    }
}

/// The message serde_json gives, without its " at line L column C" suffix.
fn bare_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// The member name in serde's "unknown field `x`, expected …", "unknown field `x`, there are no
/// fields", "missing field `x`" or "duplicate field `x`": between the first backtick and the
/// backtick that ends the name (a name may itself hold backticks).
fn quoted(msg: &str) -> Option<&str> {
    let start = msg.find('`')? + 1;
    let rest = &msg[start..];
    let end = ["`, expected ", "`, there are no fields"]
        .iter()
        .filter_map(|tail| rest.rfind(tail))
        .max()
        .or_else(|| rest.strip_suffix('`').map(str::len))
        .or_else(|| rest.find('`'))?;
    Some(&rest[..end])
}

/// The problem behind a reading error: the value error a value type raised (see
/// [`crate::values::error::reject`]), or serde's own error put into words.
fn convert(pointer: Pointer, err: &serde_json::Error) -> ParseError {
    let field = crate::values::error::take_rejected(&bare_message(err));
    convert_inner(pointer, err, field)
}

fn convert_inner(mut pointer: Pointer, err: &serde_json::Error, field: Option<FieldError>) -> ParseError {
    use serde_json::error::Category;
    let msg = bare_message(err);
    // `null` is never a value, wherever it stands: one message for every place.
    let field = field.or_else(|| msg.starts_with("invalid type: null,").then_some(FieldError::Null));
    let (line, column) = if err.line() == 0 { (None, None) } else { (Some(err.line()), Some(err.column())) };
    let at_sv = line.map(|l| format!(" (rad {l}, kolumn {})", err.column())).unwrap_or_default();
    let at_en = line.map(|l| format!(" (line {l}, column {})", err.column())).unwrap_or_default();
    let (code, sv, en): (&'static str, String, String) = match err.classify() {
        Category::Eof => (
            "json-syntax",
            format!("JSON-texten tar slut för tidigt{at_sv}."),
            format!("The JSON text ends too early{at_en}."),
        ),
        Category::Syntax | Category::Io => (
            "json-syntax",
            format!("Ogiltig JSON: {}{at_sv}.", syntax_sv(&msg)),
            format!("Invalid JSON: {msg}{at_en}."),
        ),
        Category::Data => {
            if let Some(fe) = field {
                (fe.code(), fe.message(Lang::Sv), fe.message(Lang::En))
            } else if msg.starts_with("unknown field") {
                let field = quoted(&msg).unwrap_or_default();
                if pointer.last().and_then(Segment::as_member) != Some(field) {
                    pointer.push_member(field.to_owned());
                }
                let allowed = msg.split_once(", expected ").map(|(_, e)| backticked(e)).unwrap_or_default();
                let field = shown(field);
                if allowed.is_empty() {
                    (
                        "unknown-field",
                        format!("Okänt fält `{field}`; här finns inga fält."),
                        format!("Unknown field `{field}`; no fields are allowed here."),
                    )
                } else {
                    (
                        "unknown-field",
                        format!("Okänt fält `{field}`; tillåtna fält här: {}.", list(&allowed, "eller")),
                        format!("Unknown field `{field}`; allowed here: {}.", list(&allowed, "or")),
                    )
                }
            } else if msg.starts_with("missing field") {
                let field = quoted(&msg).unwrap_or_default();
                pointer.push_member(field.to_owned());
                let field = shown(field);
                (
                    "missing-field",
                    format!("Fältet `{field}` saknas."),
                    format!("The field `{field}` is missing."),
                )
            } else if msg.starts_with("duplicate field") {
                let field = quoted(&msg).unwrap_or_default();
                if pointer.last().and_then(Segment::as_member) != Some(field) {
                    pointer.push_member(field.to_owned());
                }
                let field = shown(field);
                (
                    "duplicate-field",
                    format!("Fältet `{field}` förekommer två gånger."),
                    format!("The field `{field}` appears twice."),
                )
            } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
                let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "another type"));
                let (found_sv, found_en) = json_kind(found);
                let (exp_sv, exp_en) = expected_kind(expected);
                (
                    "invalid-type",
                    format!("Fel datatyp: {found_sv} där {exp_sv} väntades."),
                    format!("Wrong type: {found_en} where {exp_en} was expected."),
                )
            } else if let Some(rest) = msg.strip_prefix("invalid value: ") {
                let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "another value"));
                let value = quoted(found).map(|v| format!(" {}", shown(v))).unwrap_or_default();
                let (exp_sv, exp_en) = expected_kind(expected);
                (
                    "invalid-value",
                    format!("Ogiltigt värde{value}; {exp_sv} väntades."),
                    format!("Invalid value{value}; {exp_en} was expected."),
                )
            } else {
                ("invalid-value", "Ogiltigt värde.".to_string(), format!("Invalid value: {msg}."))
            }
        }
    };
    let mut e = ParseError::new(pointer, code, sv, en);
    e.line = line;
    e.column = column;
    e
}

/// Every name between backticks: serde's "one of `a`, `b`, `c`" or "`a` or `b`".
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// `a`, `b` or `c`: names in backticks, the last joined with the given word.
fn list(names: &[&str], or: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {or} {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The JSON kind serde names in "invalid type: X".
fn json_kind(found: &str) -> (String, String) {
    let head = found.split([' ', '`']).next().unwrap_or(found);
    let (sv, en) = match head {
        "string" => ("en textsträng", "a string"),
        "integer" | "floating" => ("ett tal", "a number"),
        "boolean" => ("ett sanningsvärde (true/false)", "a boolean"),
        "map" => ("ett objekt", "an object"),
        "sequence" => ("en lista", "an array"),
        "null" | "unit" => ("null", "null"),
        _ => ("ett annat värde", "another value"),
    };
    (sv.to_string(), en.to_string())
}

/// What the Rust type wanted, in JSON terms.
fn expected_kind(expected: &str) -> (String, String) {
    let e = expected;
    let (sv, en) = if e.starts_with("struct ") || e.contains("map") {
        ("ett objekt", "an object")
    } else if e.contains("sequence") || e.contains("array") {
        ("en lista", "an array")
    } else if e.starts_with('u')
        || e.starts_with('i') && e.len() <= 5
        || e.contains("integer")
        || e.contains("whole number")
    {
        ("ett heltal", "a whole number")
    } else if e.contains("option code") {
        ("en svarskod (textsträng)", "an option code (string)")
    } else if e.contains("date") {
        ("ett datum ÅÅÅÅ-MM-DD (textsträng)", "a date YYYY-MM-DD (string)")
    } else if e.contains("HH:MM") {
        ("ett klockslag TT:MM (textsträng)", "a time HH:MM (string)")
    } else {
        ("en textsträng", "a string")
    };
    (sv.to_string(), en.to_string())
}

/// serde_json's syntax messages in Swedish (the common ones; others are kept in English).
fn syntax_sv(msg: &str) -> String {
    const TABLE: &[(&str, &str)] = &[
        ("expected value", "ett värde väntades"),
        ("trailing characters", "tecken efter dokumentets slut"),
        ("trailing comma", "kommatecken före slutet"),
        ("expected `,` or `}`", "`,` eller `}` väntades"),
        ("expected `,` or `]`", "`,` eller `]` väntades"),
        ("expected `:`", "`:` väntades"),
        ("key must be a string", "en nyckel måste vara en textsträng"),
        ("invalid escape", "ogiltig escape-sekvens"),
        ("invalid number", "ogiltigt tal"),
        ("number out of range", "talet är för stort"),
        ("invalid unicode code point", "ogiltig Unicode-kodpunkt"),
        (
            "control character (\\u0000-\\u001F) found while parsing a string",
            "kontrolltecken i en textsträng",
        ),
        ("recursion limit exceeded", "för djupt nästlad"),
        ("expected ident", "ett nyckelord (true, false, null) väntades"),
        ("invalid UTF-8", "ogiltig UTF-8"),
    ];
    TABLE
        .iter()
        .find(|(en, _)| msg.starts_with(en))
        .map(|(_, sv)| (*sv).to_string())
        .unwrap_or_else(|| msg.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_names_with_backticks() {
        assert_eq!(quoted("unknown field `a`b`, expected `x` or `y`"), Some("a`b"));
        assert_eq!(quoted("unknown field `a`b`, there are no fields"), Some("a`b"));
        assert_eq!(quoted("duplicate field `a`b`"), Some("a`b"));
        assert_eq!(quoted("missing field `name`"), Some("name"));
        let doc = br#"{"schemaVersion":"1.0","incident":{"d`te":1,"x~/y":2}}"#;
        let errs = all_errors::<Notification>(doc).unwrap_err();
        let pointers: Vec<_> = errs.iter().map(|e| e.pointer()).collect();
        assert_eq!(pointers, ["/incident/d`te", "/incident/x~0~1y"]);
    }

    #[test]
    fn list_limit_is_enforced_at_the_list() {
        let contacts = vec![serde_json::json!({"role": "DSO"}); 21];
        let doc = serde_json::json!({"schemaVersion": "1.0", "contactDetails": {"contactPersons": contacts}});
        let err = first_error::<Notification>(doc.to_string().as_bytes()).unwrap_err();
        assert_eq!(
            (err.pointer().to_string().as_str(), err.code()),
            ("/contactDetails/contactPersons", "too-many-items")
        );
        assert!(err.message(Lang::Sv).contains("fler än 20"));
        let ok = serde_json::json!({"schemaVersion": "1.0", "contactDetails": {"contactPersons": vec![serde_json::json!({"role": "DSO"}); 20]}});
        assert!(first_error::<Notification>(ok.to_string().as_bytes()).is_ok());
    }

    #[test]
    fn oversized_document_is_refused_before_parsing() {
        let big = vec![b' '; MAX_DOCUMENT_BYTES + 1];
        let errs = all_errors::<Notification>(&big).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].pointer().to_string().as_str(), errs[0].code()), ("", "document-too-large"));
    }

    #[test]
    fn pointers_map_back_after_array_removals() {
        let doc =
            br#"{"schemaVersion":"1.0","dataAndSubjects":{"subjectGroups":["employees","x","pupils","y"]}}"#;
        let errs = all_errors::<Notification>(doc).unwrap_err();
        let ptrs: Vec<_> = errs.iter().map(ParseError::pointer).collect();
        assert_eq!(ptrs, ["/dataAndSubjects/subjectGroups/1", "/dataAndSubjects/subjectGroups/3"]);
    }
}

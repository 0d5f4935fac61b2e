//! The package's functions in safe Rust: bytes of JSON in, a JSON string out, or an [`ApiError`].
//! Every function is a thin adapter over the library (`imy_breach`); the command line uses the same
//! library functions, so the two agree.

use imy_breach::deadline::{schedule, AiSeverity, CountingPolicy, Facts, Regime, ScheduleOptions};
use imy_breach::redact::{redact as redact_notification, RedactOptions};
use imy_breach::render::{render as render_notification, Format, RenderOptions, Summary};
use imy_breach::validation::{catalogue_json, FileReport, LocalizedViolation};
use imy_breach::{
    markings_problems, validate_document_json, Bilingual, FieldError, Lang, Level, Notification,
    ValidationOptions, Violation,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// A failure: a stable code, a message in the requested language and, for a document that cannot be
/// read, its reading problems.
#[derive(Debug, Serialize)]
pub struct ApiError {
    /// `options`, `unreadable` or `serialize`.
    pub code: &'static str,
    /// What went wrong.
    pub message: String,
    /// For `unreadable`: the reading problems.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<LocalizedViolation>,
}

impl ApiError {
    fn options(message: String) -> Self {
        ApiError { code: "options", message, violations: Vec::new() }
    }
}

/// The result of every function.
pub type ApiResult = Result<String, ApiError>;

fn to_json<T: Serialize>(value: &T) -> ApiResult {
    serde_json::to_string(value).map_err(|e| ApiError {
        code: "serialize",
        message: e.to_string(),
        violations: Vec::new(),
    })
}

/// Reads the options object; empty input means `{}`. Unknown members are refused.
fn options<T: DeserializeOwned + Default>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| ApiError::options(format!("options: {e}")))
}

fn lang_of(code: Option<&str>) -> Result<Lang, ApiError> {
    match code {
        None => Ok(Lang::Sv),
        // `en`, `EN`, `sv-SE`, `en_GB`: the language part, in any case.
        Some(c) => c
            .split(['-', '_'])
            .next()
            .and_then(|l| l.to_ascii_lowercase().parse().ok())
            .ok_or_else(|| ApiError::options(format!("options.lang: `{c}` is neither `sv` nor `en`"))),
    }
}

fn moment(what: &str, text: Option<&str>, lang: Lang) -> Result<Option<OffsetDateTime>, ApiError> {
    text.map(|t| {
        OffsetDateTime::parse(t.trim(), &Rfc3339).map_err(|_| {
            ApiError::options(format!("options.{what}: {}", FieldError::Timestamp.message(lang)))
        })
    })
    .transpose()
}

fn parsed<T: std::str::FromStr>(what: &str, text: Option<&str>) -> Result<Option<T>, ApiError> {
    text.map(|t| t.parse().map_err(|_| ApiError::options(format!("options.{what}: `{t}` is not known"))))
        .transpose()
}

/// Reads a notification; its reading problems make an `unreadable` error.
fn notification(text: &[u8], lang: Lang) -> Result<Notification, ApiError> {
    Notification::from_json_all_errors(text).map_err(|errors| ApiError {
        code: "unreadable",
        message: if lang == Lang::Sv { "ingen läsbar anmälan" } else { "not a readable notification" }.into(),
        violations: errors.into_iter().map(|e| LocalizedViolation::new(&Violation::from(e), lang)).collect(),
    })
}

/// Options of `validate`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ValidateOptions {
    lang: Option<String>,
    submitted_at: Option<String>,
    now: Option<String>,
    policy: Option<String>,
}

/// `validate(text, {lang, submittedAt, now, policy})`: one entry of `imy-breach validate --format
/// json`'s `files`, without `file`; any document by its kind (notification, breach record,
/// supplement), as the CLI reads it.
pub fn validate(text: &[u8], opts: &[u8]) -> ApiResult {
    let o: ValidateOptions = options(opts)?;
    let lang = lang_of(o.lang.as_deref())?;
    let mut v = ValidationOptions::new();
    if let Some(p) = parsed::<CountingPolicy>("policy", o.policy.as_deref())? {
        v = v.policy(p);
    }
    if let Some(at) = moment("submittedAt", o.submitted_at.as_deref(), lang)? {
        v = v.submitted_at(at);
    }
    if let Some(now) = moment("now", o.now.as_deref(), lang)? {
        v = v.now(now);
    }
    to_json(&FileReport::new(&validate_document_json(text, &v), lang))
}

/// Options of `deadlines`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DeadlineOptions {
    lang: Option<String>,
    now: Option<String>,
    policy: Option<String>,
    #[serde(default)]
    regimes: Vec<String>,
    processor_window_hours: Option<u32>,
    submitted: Option<String>,
    processor_aware: Option<String>,
    #[serde(default)]
    ongoing: bool,
    handled: Option<String>,
    classified_major: Option<String>,
    fix_available: Option<String>,
    ai_severity: Option<String>,
}

/// `deadlines(text, {now, policy, regimes, ...})`: what `imy-breach deadline FILE --format json`
/// prints. `now` is required: the package has no clock.
pub fn deadlines(text: &[u8], opts: &[u8]) -> ApiResult {
    let o: DeadlineOptions = options(opts)?;
    let lang = lang_of(o.lang.as_deref())?;
    let now = moment("now", o.now.as_deref(), lang)?.ok_or_else(|| {
        ApiError::options("options.now is required (RFC 3339): the package has no clock".into())
    })?;
    let n = notification(text, lang)?;
    // Question 11 that is no Swedish local time (a time skipped in spring) is the document's fault.
    let mut facts = Facts::from_notification(&n).map_err(|e| {
        let v = Violation {
            pointer: "/incident/discovered".into(),
            code: e.code(),
            level: Level::Error,
            message: Bilingual::new(e.message(Lang::Sv), e.message(Lang::En)),
        };
        ApiError {
            code: "unreadable",
            message: v.message(lang).to_owned(),
            violations: vec![LocalizedViolation::new(&v, lang)],
        }
    })?;
    if let Some(at) = moment("submitted", o.submitted.as_deref(), lang)? {
        facts = facts.filed_at(at);
    }
    if let Some(at) = moment("processorAware", o.processor_aware.as_deref(), lang)? {
        facts = facts.processor_aware_at(at);
    }
    if let Some(at) = moment("handled", o.handled.as_deref(), lang)? {
        facts = facts.handled_at(at);
    }
    if let Some(at) = moment("classifiedMajor", o.classified_major.as_deref(), lang)? {
        facts = facts.classified_major_at(at);
    }
    if let Some(at) = moment("fixAvailable", o.fix_available.as_deref(), lang)? {
        facts = facts.fix_available_at(at);
    }
    if o.ongoing {
        facts = facts.ongoing(true);
    }
    facts =
        facts.ai_severity(parsed::<AiSeverity>("aiSeverity", o.ai_severity.as_deref())?.unwrap_or_default());
    let mut so = ScheduleOptions::new();
    if let Some(p) = parsed::<CountingPolicy>("policy", o.policy.as_deref())? {
        so = so.policy(p);
    }
    for r in &o.regimes {
        if let Some(r) = parsed::<Regime>("regimes", Some(r))? {
            so = so.regime(r);
        }
    }
    if let Some(h) = o.processor_window_hours {
        so = so.processor_window_hours(h);
    }
    let s = schedule(&facts, &so, now)
        .map_err(|e| ApiError::options(format!("options.now: {} [{}]", e.message(lang), e.code())))?;
    to_json(&s)
}

/// Options of `render`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RenderOpts {
    lang: Option<String>,
    format: Option<String>,
    now: Option<String>,
}

fn format_of(code: Option<&str>) -> Result<Format, ApiError> {
    match code {
        None | Some("text") => Ok(Format::Text),
        Some("markdown") => Ok(Format::Markdown),
        Some(f) => Err(ApiError::options(format!("options.format: `{f}` is neither `text` nor `markdown`"))),
    }
}

/// `render(text, {lang, format, now})`: IMY's form as text or Markdown (a JSON string); with
/// `now`, the header of `imy-breach render --summary --now`.
pub fn render(text: &[u8], opts: &[u8]) -> ApiResult {
    let o: RenderOpts = options(opts)?;
    let lang = lang_of(o.lang.as_deref())?;
    let format = format_of(o.format.as_deref())?;
    let n = notification(text, lang)?;
    let mut ro = RenderOptions::new(lang, format);
    if let Some(now) = moment("now", o.now.as_deref(), lang)? {
        ro = ro.with_summary(Summary::compute(&n, now));
    }
    to_json(&render_notification(&n, &ro))
}

/// Options of `redact`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RedactOpts {
    lang: Option<String>,
    #[serde(default)]
    keep_contact_persons: bool,
    #[serde(default)]
    keep_personal_data_in_text: bool,
    format: Option<String>,
}

/// One problem with the confidentiality markings.
#[derive(Debug, Serialize)]
struct Problem<'a> {
    pointer: &'a str,
    code: &'a str,
    message: &'a str,
}

/// `redact(text, {lang, keepContactPersons, keepPersonalDataInText, format})`: `{notification,
/// rendered?, markingProblems}`, the copy `imy-breach redact` prints (and its warnings).
pub fn redact(text: &[u8], opts: &[u8]) -> ApiResult {
    let o: RedactOpts = options(opts)?;
    let lang = lang_of(o.lang.as_deref())?;
    let format = o.format.as_deref().filter(|f| *f != "json").map(|f| format_of(Some(f))).transpose()?;
    let n = notification(text, lang)?;
    let problems = markings_problems(&n);
    let mut ro = RedactOptions::new(lang);
    ro.mask_contact_persons = !o.keep_contact_persons;
    ro.mask_personal_data_in_text = !o.keep_personal_data_in_text;
    let public = redact_notification(&n, &ro);
    let rendered = format.map(|f| render_notification(&public, &RenderOptions::new(lang, f)));
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Redacted<'a> {
        notification: &'a Notification,
        #[serde(skip_serializing_if = "Option::is_none")]
        rendered: Option<String>,
        marking_problems: Vec<Problem<'a>>,
    }
    to_json(&Redacted {
        notification: &public,
        rendered,
        marking_problems: problems
            .iter()
            .map(|p| Problem { pointer: &p.pointer, code: p.code, message: p.message(lang) })
            .collect(),
    })
}

/// Options of `schema`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SchemaOpts {
    lang: Option<String>,
    profile: Option<String>,
    #[serde(default)]
    ui: bool,
}

/// `schema({lang, profile, ui})`: what `imy-breach schema` prints.
pub fn schema(opts: &[u8]) -> ApiResult {
    let o: SchemaOpts = options(opts)?;
    let lang = o.lang.as_deref().map(|l| lang_of(Some(l))).transpose()?;
    let schema = match (o.profile.as_deref().unwrap_or("canonical"), lang, o.ui) {
        ("canonical", _, true) => {
            return Err(ApiError::options("options.ui goes with profile `form`".into()))
        }
        ("canonical", None, false) => imy_breach::schema::canonical(),
        ("canonical", Some(l), false) => imy_breach::schema::localized(l),
        ("form", l, false) => imy_breach::form_profile::profile(l.unwrap_or(Lang::Sv)),
        ("form", l, true) => imy_breach::form_profile::ui_schema(l.unwrap_or(Lang::Sv)),
        (p, _, _) => {
            return Err(ApiError::options(format!(
                "options.profile: `{p}` is neither `canonical` nor `form`"
            )))
        }
    };
    to_json(&schema)
}

/// Options of `rules`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RulesOpts {
    lang: Option<String>,
}

/// `rules({lang})`: the rule catalogue, as `imy-breach rules --format json` prints it.
pub fn rules(opts: &[u8]) -> ApiResult {
    let o: RulesOpts = options(opts)?;
    to_json(&catalogue_json(lang_of(o.lang.as_deref())?))
}

/// `version()`: the library's version.
pub fn version() -> ApiResult {
    to_json(&env!("CARGO_PKG_VERSION"))
}

//! The rules: each a function that reads the notification (and its JSON form, for the table-driven
//! rules) and records what it finds.

use std::cmp::Ordering;
use std::sync::OnceLock;

use time::OffsetDateTime;

use super::broken::Broken;
use super::catalogue::{self, Trigger, CONDITIONAL_QUESTIONS, REQUIRED_ANSWERS, SUPPLEMENT_POINTER};
use super::lookup::{self, Slot};
use super::subject::{form_order_key, subject};
use super::{Level, Report, ValidationOptions, Violation};
use crate::affected::{Count, DataCategory, SubjectGroup};
use crate::choice::{Choice, YesNo};
use crate::consequences::Severity;
use crate::datetime::{LocalDate, WallClockTime};
use crate::identifiers::PhoneNumber;
use crate::incident::EventTime;
use crate::lang::lower_first;
use crate::lang::Lang;
use crate::notification::Notification;
use crate::pii::{find_personal_data, PersonalDataKind};
use crate::stockholm::{self, LocalTimeError};

struct Ctx<'a> {
    n: &'a Notification,
    broken: &'a Broken,
    out: Vec<Violation>,
}

impl Ctx<'_> {
    /// Records a finding of rule `code` about `pointer`, unless it or an answer it depends on was set
    /// aside as unreadable.
    fn push(&mut self, code: &'static str, pointer: String, depends: &[&str], sv: String, en: String) {
        if self.broken.covers(&pointer) || depends.iter().any(|d| self.broken.covers(d)) {
            return;
        }
        let level = catalogue::rule(code).map_or(Level::Error, |r| r.level);
        self.out.push(Violation { pointer, code, level, message_sv: sv, message_en: en });
    }

    fn has(&self, pointer: &str, codes: &[&str]) -> bool {
        self.out.iter().any(|v| v.pointer == pointer && codes.contains(&v.code))
    }
}

pub(crate) fn run(n: &Notification, options: &ValidationOptions, broken: &Broken) -> Report {
    let mut ctx = Ctx { n, broken, out: Vec::new() };
    required(&mut ctx);
    conditional(&mut ctx);
    exclusive_options(&mut ctx);
    time_without_date(&mut ctx);
    counts(&mut ctx);
    organisation_numbers(&mut ctx);
    let moment = options.submission_moment(n);
    times(&mut ctx, moment, options);
    law(&mut ctx);
    markings(&mut ctx);
    personal_data(&mut ctx);
    let mut violations = ctx.out;
    if violations.len() > 1 {
        violations.sort_by_cached_key(|v| form_order_key(&v.pointer));
    }
    let skipped = if moment.is_none() {
        catalogue::RULES.iter().filter(|r| r.needs_submission_moment).map(|r| r.code).collect()
    } else {
        Vec::new()
    };
    Report { violations, skipped }
}

// ---------------------------------------------------------------------------------------------
// Required answers and conditional questions
// ---------------------------------------------------------------------------------------------

/// The typed slot of a table pointer. Every pointer of the tables has one
/// (`lookup::tests::every_table_pointer_has_a_slot`): a table without would be a defect of the
/// crate, found by that test, never by input.
fn table_slot(pointer: &str) -> Slot {
    lookup::slot(pointer).unwrap_or_else(|| panic!("no slot for the table pointer {pointer}"))
}

/// The slots of [`REQUIRED_ANSWERS`], in its order, resolved once.
fn required_slots() -> &'static [Slot] {
    static SLOTS: OnceLock<Vec<Slot>> = OnceLock::new();
    SLOTS.get_or_init(|| REQUIRED_ANSWERS.iter().map(|r| table_slot(r.pointer)).collect())
}

/// Every pointer a slot stands for (an `Each…` slot: every element of its list), with whether it
/// is answered. Calls `f` only for the unanswered ones.
fn for_each_missing(ctx: &Ctx<'_>, slot: Slot, mut f: impl FnMut(String)) {
    match lookup::list_of(slot) {
        None => {
            if !lookup::answer(ctx.n, slot, 0).is_present() {
                f(slot_pointer(slot, None));
            }
        }
        Some(list) => {
            for i in 0..lookup::len(ctx.n, list) {
                if !lookup::answer(ctx.n, slot, i).is_present() {
                    f(slot_pointer(slot, Some(i)));
                }
            }
        }
    }
}

/// The pointer of a slot; for an element slot, with the index in place of `*`.
fn slot_pointer(slot: Slot, index: Option<usize>) -> String {
    let pattern = lookup::SLOTS.iter().find(|(s, _)| *s == slot).map_or("", |(_, p)| p);
    match index {
        Some(i) => pattern.replacen('*', &i.to_string(), 1),
        None => pattern.to_string(),
    }
}

fn required(ctx: &mut Ctx<'_>) {
    let supplement =
        matches!(lookup::answer(ctx.n, table_slot(SUPPLEMENT_POINTER), 0), lookup::Answer::Code("yes"));
    let supplement_unreadable = ctx.broken.covers(SUPPLEMENT_POINTER);
    let mut missing: Vec<(usize, String)> = Vec::new();
    for (k, (r, slot)) in REQUIRED_ANSWERS.iter().zip(required_slots()).enumerate() {
        if r.supplementable && supplement_unreadable {
            continue;
        }
        for_each_missing(ctx, *slot, |p| missing.push((k, p)));
    }
    for (k, p) in missing {
        let in_supplement = REQUIRED_ANSWERS[k].supplementable && supplement;
        let code = if in_supplement { "required-in-supplement" } else { "required" };
        let (sv, en) = match cached_required_message(k, in_supplement) {
            Some((sv, en)) => (sv.clone(), en.clone()),
            None => required_message(&p, in_supplement),
        };
        ctx.push(code, p, &[], sv, en);
    }
}

/// The message of `required` for an unanswered `pointer`, or with `in_supplement` that of
/// `required-in-supplement`: (Swedish, English).
fn required_message(pointer: &str, in_supplement: bool) -> (String, String) {
    let s = subject(pointer);
    if in_supplement {
        let sv = format!(
            "{} saknar svar. Det går bra eftersom ni avser att komplettera anmälan (fråga 36), men \
             lämna uppgiften utan onödigt dröjsmål (GDPR art. 33.4).",
            s.sv
        );
        let en = format!(
            "{} is not answered. That is allowed since you intend to supplement the notification \
             (question 36), but send the answer without undue further delay (GDPR Art. 33(4)).",
            s.en
        );
        return (sv, en);
    }
    let last = pointer.rsplit('/').next().unwrap_or_default();
    match last {
        "contactPersons" => (
            "Minst en kontaktperson måste anges (frågorna 5–8).".to_string(),
            "At least one contact person is required (questions 5–8).".to_string(),
        ),
        "subjectGroups" | "dataCategories" | "likelyConsequences" => (
            format!("{} måste besvaras: välj minst ett alternativ.", s.sv),
            format!("{} must be answered: choose at least one option.", s.en),
        ),
        "actions" => (
            format!("{} måste besvaras med minst en åtgärd.", s.sv),
            format!("{} must be answered with at least one action.", s.en),
        ),
        "subjectCount" | "recordCount" => (
            format!("{} måste besvaras med ett exakt antal, ett intervall eller båda.", s.sv),
            format!("{} must be answered with an exact number, an interval or both.", s.en),
        ),
        _ => (
            format!("{} {}.", s.lead(Lang::Sv), s.must(Lang::Sv)),
            format!("{} {}.", s.lead(Lang::En), s.must(Lang::En)),
        ),
    }
}

/// The messages of [`REQUIRED_ANSWERS`] entry `k` (`[required, required-in-supplement]`), built
/// once for each entry whose pointer is fixed (not one with `*`, whose messages name the element).
fn cached_required_message(k: usize, in_supplement: bool) -> Option<&'static (String, String)> {
    type Messages = Option<[(String, String); 2]>;
    static MESSAGES: OnceLock<Vec<Messages>> = OnceLock::new();
    let messages = MESSAGES.get_or_init(|| {
        REQUIRED_ANSWERS
            .iter()
            .map(|r| {
                (!r.pointer.contains('*'))
                    .then(|| [required_message(r.pointer, false), required_message(r.pointer, true)])
            })
            .collect()
    });
    messages.get(k)?.as_ref().map(|m| &m[usize::from(in_supplement)])
}

/// The probes of one conditional question: its trigger, its dependent, and what must be filled
/// in when it applies (the dependent, or a member of it).
#[derive(Debug, Clone)]
struct ConditionalProbes {
    trigger: String,
    dependent: String,
    needed: String,
    trigger_slot: Slot,
    dependent_slot: Slot,
    needed_slot: Slot,
}

/// The probes of [`CONDITIONAL_QUESTIONS`], in its order, resolved once.
fn conditional_probes() -> &'static [ConditionalProbes] {
    static PROBES: OnceLock<Vec<ConditionalProbes>> = OnceLock::new();
    PROBES.get_or_init(|| {
        CONDITIONAL_QUESTIONS
            .iter()
            .map(|c| {
                let trigger = format!("{}/{}", c.object, c.trigger);
                let dependent = format!("{}/{}", c.object, c.dependent);
                let needed = match c.required_member {
                    Some(m) => format!("{dependent}/{m}"),
                    None => dependent.clone(),
                };
                ConditionalProbes {
                    trigger_slot: table_slot(&trigger),
                    dependent_slot: table_slot(&dependent),
                    needed_slot: table_slot(&needed),
                    trigger,
                    dependent,
                    needed,
                }
            })
            .collect()
    })
}

/// Whether the conditional question `dependent` of the group at `object` applies to `n`: whether
/// its trigger has the answer that asks it ([`CONDITIONAL_QUESTIONS`]). `false` for a question the
/// table does not make conditional.
pub(crate) fn applies(n: &Notification, object: &str, dependent: &str) -> bool {
    CONDITIONAL_QUESTIONS
        .iter()
        .zip(conditional_probes())
        .find(|(c, _)| c.object == object && c.dependent == dependent)
        .is_some_and(|(c, probes)| trigger_holds(n, c.when, probes.trigger_slot))
}

/// Whether the trigger of a conditional question has the value that makes it apply.
fn trigger_holds(n: &Notification, when: Trigger, slot: Slot) -> bool {
    match (when, lookup::answer(n, slot, 0)) {
        (Trigger::Is(code), lookup::Answer::Code(c)) => c == code,
        (Trigger::Includes(code), lookup::Answer::Choices(set)) => set.includes(code),
        _ => false,
    }
}

impl Ctx<'_> {
    /// Whether the answer in a slot is given.
    fn answered(&self, slot: Slot) -> bool {
        lookup::answer(self.n, slot, 0).is_present()
    }
}

fn conditional(ctx: &mut Ctx<'_>) {
    for (c, probes) in CONDITIONAL_QUESTIONS.iter().zip(conditional_probes()) {
        let trigger = probes.trigger.as_str();
        if ctx.broken.covers(trigger) {
            continue;
        }
        let holds = trigger_holds(ctx.n, c.when, probes.trigger_slot);
        let (v_sv, v_en) = c.when_label;
        if holds {
            if ctx.answered(probes.needed_slot) {
                continue;
            }
            let t = subject(trigger);
            let needed = probes.needed.clone();
            let s = subject(&needed);
            if c.other_comment {
                let sv = format!("{} måste fyllas i när ”Övrigt” är valt.", s.sv);
                let en = format!("{} must be filled in when “Other” is chosen.", s.en);
                ctx.push("other-comment-required", needed, &[trigger], sv, en);
            } else {
                let sv = format!(
                    "{} {} när svaret på {} är ”{v_sv}”.",
                    s.lead(Lang::Sv),
                    s.must(Lang::Sv),
                    lower_first(&t.sv)
                );
                let en = format!(
                    "{} {} when the answer to {} is “{v_en}”.",
                    s.lead(Lang::En),
                    s.must(Lang::En),
                    lower_first(&t.en)
                );
                ctx.push("required-when", needed, &[trigger], sv, en);
            }
        } else if ctx.answered(probes.dependent_slot) {
            let t = subject(trigger);
            let n = t.number.unwrap_or_default();
            let dependent = probes.dependent.clone();
            let s = subject(&dependent);
            if c.other_comment {
                let sv = format!(
                    "{} används bara när ”Övrigt” är valt. Ta bort kommentaren eller välj ”Övrigt” i fråga {n}.",
                    s.sv
                );
                let en = format!(
                    "{} is only used when “Other” is chosen. Remove the comment or choose “Other” in question {n}.",
                    s.en
                );
                ctx.push("other-comment-not-applicable", dependent, &[trigger], sv, en);
            } else {
                let sv = format!(
                    "{} ska bara besvaras när svaret på {} är ”{v_sv}”. Ta bort svaret, eller besvara fråga {n} \
                     med ”{v_sv}”.",
                    s.sv,
                    lower_first(&t.sv)
                );
                let en = format!(
                    "{} is only answered when the answer to {} is “{v_en}”. Remove the answer, or answer \
                     question {n} with “{v_en}”.",
                    s.en,
                    lower_first(&t.en)
                );
                ctx.push("not-applicable", dependent, &[trigger], sv, en);
            }
        }
    }
}

fn exclusive_options(ctx: &mut Ctx<'_>) {
    let d = &ctx.n.data_and_subjects;
    let mut found = Vec::new();
    if d.subject_groups.contains(SubjectGroup::CannotSpecifyYet) && d.subject_groups.len() > 1 {
        found.push((
            "/dataAndSubjects/subjectGroups",
            SubjectGroup::CannotSpecifyYet.label(Lang::Sv),
            SubjectGroup::CannotSpecifyYet.label(Lang::En),
            ("grupper", "groups"),
        ));
    }
    if d.data_categories.contains(DataCategory::Unknown) && d.data_categories.len() > 1 {
        found.push((
            "/dataAndSubjects/dataCategories",
            DataCategory::Unknown.label(Lang::Sv),
            DataCategory::Unknown.label(Lang::En),
            ("sorter av personuppgifter", "kinds of personal data"),
        ));
    }
    for (p, sv_label, en_label, (sv_what, en_what)) in found {
        let s = subject(p);
        let sv = format!(
            "{}: ”{sv_label}” är valt tillsammans med andra alternativ. Välj antingen ”{sv_label}” eller de \
             {sv_what} ni känner till.",
            s.sv
        );
        let en = format!(
            "{}: “{en_label}” is chosen together with other options. Choose either “{en_label}” or the \
             {en_what} you know of.",
            s.en
        );
        ctx.push("exclusive-option", p.to_string(), &[], sv, en);
    }
}

fn time_without_date(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let inc = &n.incident;
    let events = [
        ("/incident/occurred/date", &inc.occurred),
        ("/incident/discovered/date", &inc.discovered),
        ("/incident/ceased/date", &inc.ceased),
    ];
    let events =
        events.iter().filter(|(_, t)| t.time.is_some() && t.date.is_none()).map(|(p, _)| (*p).to_string());
    let actions = n
        .consequences
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.time.is_some() && a.date.is_none())
        .map(|(i, _)| format!("/consequences/actions/{i}/date"));
    for p in events.chain(actions) {
        if ctx.has(&p, &["required", "required-when"]) {
            continue;
        }
        let s = subject(&p);
        let sv = format!("{} {} när ett klockslag är angivet.", s.lead(Lang::Sv), s.must(Lang::Sv));
        let en = format!("{} {} when a time is given.", s.lead(Lang::En), s.must(Lang::En));
        ctx.push("time-without-date", p, &[], sv, en);
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers and identifiers
// ---------------------------------------------------------------------------------------------

fn counts(ctx: &mut Ctx<'_>) {
    let d = &ctx.n.data_and_subjects;
    for (p, c) in [
        ("/dataAndSubjects/subjectCount", &d.subject_count),
        ("/dataAndSubjects/recordCount", &d.record_count),
    ] {
        if let (Some(n), Some(i), false) = (c.exact, c.interval, c.is_consistent()) {
            let s = subject(p);
            let sv = format!(
                "{}: det exakta antalet {n} ligger inte i det valda intervallet ”{}”.",
                s.sv,
                i.label(Lang::Sv)
            );
            let en = format!(
                "{}: the exact number {n} is not in the chosen interval “{}”.",
                s.en,
                i.label(Lang::En)
            );
            ctx.push("count-outside-interval", format!("{p}/exact"), &[], sv, en);
        }
    }
    let (subjects, records): (&Count, &Count) = (&d.subject_count, &d.record_count);
    if let (Some(most_records), Some(least_subjects)) = (records.upper_bound(), subjects.lower_bound()) {
        if most_records < least_subjects && subjects.is_consistent() && records.is_consistent() {
            let p = "/dataAndSubjects/recordCount";
            let s = subject(p);
            let sv = format!(
                "{} anger högst {most_records} uppgifter, färre än de minst {least_subjects} registrerade i \
                 fråga 23. Varje registrerad som påverkats har minst en uppgift som påverkats; kontrollera svaren.",
                s.sv
            );
            let en = format!(
                "{} gives at most {most_records} records, fewer than the at least {least_subjects} data \
                 subjects of question 23. Each affected data subject has at least one affected record; check \
                 the answers.",
                s.en
            );
            ctx.push(
                "records-fewer-than-subjects",
                p.to_string(),
                &["/dataAndSubjects/subjectCount"],
                sv,
                en,
            );
        }
    }
}

fn organisation_numbers(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let controller = n.controller.organisation_number.as_ref().map(|o| (None, o));
    let processors = n
        .processors
        .organisations
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.organisation_number.as_ref().map(|o| (Some(i), o)));
    for (index, number) in controller.into_iter().chain(processors) {
        let personal = index.is_none() && number.is_personal_identity_number();
        let check_digit = number.has_valid_check_digit();
        if !personal && check_digit {
            continue;
        }
        let p = match index {
            None => "/controller/organisationNumber".to_string(),
            Some(i) => format!("/processors/organisations/{i}/organisationNumber"),
        };
        let s = subject(&p);
        if personal {
            let sv = format!(
                "{} ser ut att vara ett personnummer. En enskild firma lämnar fältet tomt (IMY:s hjälptext), \
                 eftersom numret är en personuppgift.",
                s.sv
            );
            let en = format!(
                "{} looks like a personal identity number. A sole trader (enskild firma) leaves the field \
                 empty (IMY's help text), since the number is personal data.",
                s.en
            );
            ctx.push("personal-identity-number-as-organisation-number", p.clone(), &[], sv, en);
        }
        if !check_digit {
            let sv = format!(
                "{}: kontrollsiffran (den sista siffran) stämmer inte med de övriga; kontrollera numret.",
                s.sv
            );
            let en = format!(
                "{}: the check digit (the last digit) does not match the others; check the number.",
                s.en
            );
            ctx.push("organisation-number-check-digit", p, &[], sv, en);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

/// A moment given on the form, resolved as far as it can be.
#[derive(Debug, Clone, Copy)]
struct Moment {
    date: LocalDate,
    time: Option<WallClockTime>,
    /// The instant, when a time is given and it exists in Swedish time.
    instant: Option<OffsetDateTime>,
}

impl Moment {
    fn on(date: LocalDate) -> Self {
        Moment { date, time: None, instant: None }
    }

    fn show(&self) -> String {
        match self.time {
            Some(t) => format!("{} {t}", self.date),
            None => self.date.to_string(),
        }
    }

    /// Whether `self` is certainly before `other`; `None` when it cannot be told (the same date
    /// and a time missing).
    fn cmp_to(&self, other: &Moment) -> Option<Ordering> {
        match (self.time, other.time) {
            (Some(a), Some(b)) => Some(match (self.instant, other.instant) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => (self.date, a).cmp(&(other.date, b)),
            }),
            _ if self.date != other.date => Some(self.date.cmp(&other.date)),
            _ => None,
        }
    }

    fn before(&self, other: &Moment) -> bool {
        self.cmp_to(other) == Some(Ordering::Less)
    }
}

/// Resolves a moment of questions 10, 11 or 13, recording a time that does not exist, an offset
/// that does not fit, a time that occurs twice, or a date outside the supported range.
fn event_moment(ctx: &mut Ctx<'_>, group: &str, t: &EventTime) -> Option<Moment> {
    let date = t.date?;
    let report = |ctx: &mut Ctx<'_>, code: &'static str, member: &str, sv: String, en: String| {
        let s = subject(group);
        ctx.push(
            code,
            format!("{group}/{member}"),
            &[],
            format!("{}: {sv}", s.sv),
            format!("{}: {en}", s.en),
        );
    };
    let instant = match stockholm::to_instant(date, t.time, t.utc_offset) {
        Ok(r) => {
            if let (Some(sv), Some(en)) = (r.ambiguity_message(Lang::Sv), r.ambiguity_message(Lang::En)) {
                report(ctx, stockholm::AMBIGUOUS_CODE, "time", sv, en);
            }
            t.time.map(|_| r.instant)
        }
        Err(e) => {
            let member = match e {
                LocalTimeError::Gap { .. } => "time",
                LocalTimeError::UtcOffsetMismatch { .. } => "utcOffset",
                _ => "date",
            };
            report(ctx, e.code(), member, e.message(Lang::Sv), e.message(Lang::En));
            None
        }
    };
    Some(Moment { date, time: t.time, instant })
}

fn times(ctx: &mut Ctx<'_>, submitted: Option<OffsetDateTime>, options: &ValidationOptions) {
    let n = ctx.n;
    let inc = &n.incident;
    let occurred = event_moment(ctx, "/incident/occurred", &inc.occurred);
    let discovered = event_moment(ctx, "/incident/discovered", &inc.discovered);
    let ceased = event_moment(ctx, "/incident/ceased", &inc.ceased);

    if let (Some(o), Some(d)) = (occurred, discovered) {
        if d.before(&o) {
            let s = subject("/incident/discovered");
            let sv = format!(
                "{}: {} ligger före tidpunkten då incidenten inträffade enligt fråga 10, {}. En incident kan \
                 inte upptäckas innan den har inträffat.",
                s.sv,
                d.show(),
                o.show()
            );
            let en = format!(
                "{}: {} is before the breach occurred according to question 10, {}. A breach cannot be \
                 discovered before it occurred.",
                s.en,
                d.show(),
                o.show()
            );
            ctx.push(
                "discovered-before-occurred",
                "/incident/discovered".into(),
                &["/incident/occurred"],
                sv,
                en,
            );
        }
    }
    if let (Some(o), Some(c)) = (occurred, ceased) {
        if c.before(&o) {
            let s = subject("/incident/ceased");
            let sv = format!(
                "{}: {} ligger före tidpunkten då incidenten inträffade enligt fråga 10, {}. En incident kan \
                 inte upphöra innan den har börjat.",
                s.sv,
                c.show(),
                o.show()
            );
            let en = format!(
                "{}: {} is before the breach occurred according to question 10, {}. A breach cannot cease \
                 before it began.",
                s.en,
                c.show(),
                o.show()
            );
            ctx.push("ceased-before-occurred", "/incident/ceased".into(), &["/incident/occurred"], sv, en);
        }
    }
    let info = &n.data_subject_information;
    if let Some(d) = discovered {
        for (p, date) in [
            ("/dataSubjectInformation/informedOn", info.informed_on),
            ("/dataSubjectInformation/plannedOn", info.planned_on),
        ] {
            let Some(date) = date else { continue };
            if date < d.date {
                let s = subject(p);
                let sv =
                    format!("{}: {date} ligger före upptäckten av incidenten, {} (fråga 11).", s.sv, d.date);
                let en = format!(
                    "{}: {date} is before the breach was discovered, {} (question 11).",
                    s.en, d.date
                );
                ctx.push("informed-before-discovery", p.into(), &["/incident/discovered"], sv, en);
            }
        }
    }
    if let Some(o) = occurred {
        for (i, a) in n.consequences.actions.iter().enumerate() {
            let Some(date) = a.date else { continue };
            let p = || format!("/consequences/actions/{i}");
            let instant = match a.time.map(|t| stockholm::to_instant(date, Some(t), None)) {
                Some(Ok(r)) => Some(r.instant),
                Some(Err(e @ LocalTimeError::Gap { .. })) => {
                    let p = p();
                    let s = subject(&p);
                    let (sv, en) = (
                        format!("{}: {}", s.sv, e.message(Lang::Sv)),
                        format!("{}: {}", s.en, e.message(Lang::En)),
                    );
                    ctx.push(e.code(), format!("{p}/time"), &[], sv, en);
                    None
                }
                _ => None,
            };
            let m = Moment { date, time: a.time, instant };
            if m.before(&o) {
                let p = p();
                let s = subject(&p);
                let sv = format!(
                    "{}: {} ligger före tidpunkten då incidenten inträffade, {} (fråga 10). Fråga 30 gäller \
                     åtgärder efter incidenten; kontrollera datumet.",
                    s.sv,
                    m.show(),
                    o.show()
                );
                let en = format!(
                    "{}: {} is before the breach occurred, {} (question 10). Question 30 is about measures \
                     taken after the breach; check the date.",
                    s.en,
                    m.show(),
                    o.show()
                );
                ctx.push("action-before-occurred", p, &["/incident/occurred"], sv, en);
            }
        }
    } else {
        // Still report action times that do not exist.
        for (i, a) in n.consequences.actions.iter().enumerate() {
            if let (Some(date), Some(t)) = (a.date, a.time) {
                if let Err(e @ LocalTimeError::Gap { .. }) = stockholm::to_instant(date, Some(t), None) {
                    let s = subject(&format!("/consequences/actions/{i}"));
                    let (sv, en) = (
                        format!("{}: {}", s.sv, e.message(Lang::Sv)),
                        format!("{}: {}", s.en, e.message(Lang::En)),
                    );
                    ctx.push(e.code(), format!("/consequences/actions/{i}/time"), &[], sv, en);
                }
            }
        }
    }

    let Some(at) = submitted else { return };
    future_dates(
        ctx,
        at,
        [
            (occurred, "/incident/occurred"),
            (discovered, "/incident/discovered"),
            (ceased, "/incident/ceased"),
        ],
        info.informed_on,
    );
    late_reason(ctx, at, options);
}

fn future_dates(
    ctx: &mut Ctx<'_>,
    at: OffsetDateTime,
    events: [(Option<Moment>, &str); 3],
    informed_on: Option<LocalDate>,
) {
    let Ok(local) = stockholm::to_local(at) else { return };
    let (Ok(date), Ok(time)) = (
        LocalDate::from_date(local.date()),
        WallClockTime::from_hm(u32::from(local.hour()), u32::from(local.minute())),
    ) else {
        return;
    };
    let now = Moment { date, time: Some(time), instant: Some(at) };
    let check = |ctx: &mut Ctx<'_>, m: Moment, p: &str| {
        let after = match (m.instant, m.time) {
            (Some(i), _) => i > at,
            (None, Some(t)) => (m.date, t) > (date, time),
            (None, None) => m.date > date,
        };
        if after {
            let s = subject(p);
            let sv = format!("{}: {} ligger efter tidpunkten för inlämning, {}.", s.sv, m.show(), now.show());
            let en = format!("{}: {} is after the submission moment, {}.", s.en, m.show(), now.show());
            ctx.push("future-date", p.to_string(), &[], sv, en);
        }
    };
    for (m, p) in events {
        if let Some(m) = m {
            check(ctx, m, p);
        }
    }
    if let Some(d) = informed_on {
        check(ctx, Moment::on(d), "/dataSubjectInformation/informedOn");
    }
}

fn late_reason(ctx: &mut Ctx<'_>, at: OffsetDateTime, options: &ValidationOptions) {
    if ctx.n.incident.late_reason.is_some() {
        return;
    }
    let Ok(Some(lateness)) = crate::deadline::gdpr_lateness(ctx.n, at, options.policy) else { return };
    let Some(late_by) = lateness.late_by else { return };
    let show = |t: OffsetDateTime| match stockholm::to_local(t) {
        Ok(l) => format!("{} {:02}:{:02}", l.date(), l.hour(), l.minute()),
        Err(_) => t.to_string(),
    };
    let hours = late_by.whole_hours();
    let (late_sv, late_en) = if hours >= 1 {
        (format!("{hours} timmar"), format!("{hours} hours"))
    } else {
        (
            format!("{} minuter", late_by.whole_minutes().max(1)),
            format!("{} minutes", late_by.whole_minutes().max(1)),
        )
    };
    let (note_sv, note_en) = if lateness.date_only {
        (
            " Fråga 11 anger inget klockslag, så fristen räknas från dygnets början.",
            " Question 11 gives no time, so the deadline is counted from the start of that day.",
        )
    } else {
        ("", "")
    };
    let p = "/incident/lateReason";
    let s = subject(p);
    let sv = format!(
        "{} måste besvaras: anmälan lämnas {}, {late_sv} efter fristen på 72 timmar från upptäckten, som gick \
         ut {} (GDPR art. 33.1).{note_sv}",
        s.sv,
        show(at),
        show(lateness.deadline)
    );
    let en = format!(
        "{} must be answered: the notification is filed {}, {late_en} after the 72-hour deadline from the \
         discovery, which passed {} (GDPR Art. 33(1)).{note_en}",
        s.en,
        show(at),
        show(lateness.deadline)
    );
    ctx.push("late-reason-required", p.into(), &["/incident/discovered"], sv, en);
}

// ---------------------------------------------------------------------------------------------
// Consistency with the law
// ---------------------------------------------------------------------------------------------

fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn law(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let severity = n.consequences.severity;
    let d = &n.data_and_subjects;
    if severity == Some(Severity::NotSerious) {
        let mut sv = Vec::new();
        let mut en = Vec::new();
        let special: Vec<DataCategory> =
            d.data_categories.iter().filter(|c| c.is_special_category()).collect();
        if !special.is_empty() {
            let labels = |lang| special.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join(", ");
            sv.push(format!("känsliga personuppgifter enligt art. 9 ({})", labels(Lang::Sv)));
            en.push(format!("special categories of data under Art. 9 ({})", labels(Lang::En)));
        }
        if d.data_categories.iter().any(DataCategory::is_criminal_offence_data) {
            sv.push("uppgifter om lagöverträdelser enligt art. 10".to_string());
            en.push("criminal-offence data under Art. 10".to_string());
        }
        let groups: Vec<SubjectGroup> = d
            .subject_groups
            .iter()
            .filter(|g| {
                matches!(g, SubjectGroup::Children | SubjectGroup::Pupils | SubjectGroup::VulnerablePersons)
            })
            .collect();
        if !groups.is_empty() {
            let labels = |lang| groups.iter().map(|g| format!("”{}”", g.label(lang))).collect::<Vec<_>>();
            sv.push(format!(
                "registrerade i {} {}",
                if groups.len() > 1 { "grupperna" } else { "gruppen" },
                join(&labels(Lang::Sv), "och")
            ));
            let en_labels: Vec<String> = groups.iter().map(|g| format!("“{}”", g.label(Lang::En))).collect();
            en.push(format!(
                "data subjects in the {} {}",
                if groups.len() > 1 { "groups" } else { "group" },
                join(&en_labels, "and")
            ));
        }
        if !sv.is_empty() {
            let p = "/consequences/severity";
            let s = subject(p);
            let msg_sv = format!(
                "{} är ”{}”, men incidenten gäller {}. Sådana uppgifter och personer innebär normalt en högre \
                 risk för de registrerade (GDPR art. 9 och 10, skäl 75); pröva bedömningen igen.",
                s.sv,
                Severity::NotSerious.label(Lang::Sv),
                join(&sv, "och")
            );
            let msg_en = format!(
                "{} is “{}”, but the breach concerns {}. Such data and persons normally mean a higher risk for \
                 the data subjects (GDPR Art. 9 and 10, recital 75); reconsider the assessment.",
                s.en,
                Severity::NotSerious.label(Lang::En),
                join(&en, "and")
            );
            ctx.push(
                "sensitive-data-low-severity",
                p.into(),
                &["/dataAndSubjects/dataCategories", "/dataAndSubjects/subjectGroups"],
                msg_sv,
                msg_en,
            );
        }
    }
    let info = &n.data_subject_information;
    let not_informing = info.informed != Some(YesNo::Yes)
        && info.will_inform != Some(YesNo::Yes)
        && info.reason_not_informing.is_none();
    let deps = [
        "/dataSubjectInformation/informed",
        "/dataSubjectInformation/willInform",
        "/dataSubjectInformation/reasonNotInforming",
    ];
    let p = "/dataSubjectInformation/reasonNotInforming";
    if let Some(sev) = severity.filter(|s| *s >= Severity::Serious) {
        if not_informing {
            let sv = format!(
                "Allvarlighetsgraden är ”{}” (fråga 29), men frågorna 31 och 33 anger inte att de registrerade \
                 har informerats eller kommer att informeras, och fråga 35 anger inget skäl. Vid hög risk ska de \
                 registrerade informeras utan onödigt dröjsmål (GDPR art. 34.1) om inte ett undantag i art. 34.3 \
                 gäller; ange i så fall undantaget i fråga 35.",
                sev.label(Lang::Sv)
            );
            let en = format!(
                "The severity is “{}” (question 29), but questions 31 and 33 do not say that the data subjects \
                 have been or will be informed, and question 35 gives no reason. When the risk is high, the data \
                 subjects must be informed without undue delay (GDPR Art. 34(1)) unless an exemption of \
                 Art. 34(3) applies; then state it in question 35.",
                sev.label(Lang::En)
            );
            let mut all = deps.to_vec();
            all.push("/consequences/severity");
            ctx.push("high-severity-not-informing", p.into(), &all, sv, en);
        }
    }
    if d.encrypted == Some(YesNo::Yes) && not_informing {
        let sv = "Uppgifterna var krypterade (fråga 27) och frågorna 31 och 33 anger inte att de registrerade \
                  informeras. Om ni stöder er på undantaget i GDPR art. 34.3 a (uppgifterna är obegripliga för \
                  obehöriga), ange det och hur nyckeln skyddades i fråga 35 (Varför kommer ni inte att informera \
                  de registrerade?)."
            .to_string();
        let en = "The data was encrypted (question 27) and questions 31 and 33 do not say that the data subjects \
                  are informed. If you rely on the exemption of GDPR Art. 34(3)(a) (the data is unintelligible to \
                  unauthorised persons), say so, and how the key was protected, in question 35 (Why will you not \
                  inform the data subjects?)."
            .to_string();
        let mut all = deps.to_vec();
        all.push("/dataAndSubjects/encrypted");
        ctx.push("encryption-exemption-not-stated", p.into(), &all, sv, en);
    }
}

/// The confidentiality markings' problems ([`crate::markings_problems`]), as violations.
fn markings(ctx: &mut Ctx<'_>) {
    for m in crate::markings_problems(ctx.n) {
        ctx.push(m.code, m.pointer, &[], m.message_sv, m.message_en);
    }
}

// ---------------------------------------------------------------------------------------------
// Personal data in free text
// ---------------------------------------------------------------------------------------------

/// Where a free-text answer is.
#[derive(Debug, Clone, Copy)]
enum TextAt {
    Fixed(&'static str),
    Action(usize),
    Marking(usize),
}

impl TextAt {
    fn pointer(self) -> String {
        match self {
            TextAt::Fixed(p) => p.to_string(),
            TextAt::Action(i) => format!("/consequences/actions/{i}/description"),
            TextAt::Marking(i) => format!("/supplementAndConfidentiality/confidentialityMarkings/{i}/reason"),
        }
    }
}

/// Every free-text answer (descriptions, comments, actions, reasons) with where it is, in form order.
fn free_texts(n: &Notification) -> impl Iterator<Item = (TextAt, &str)> {
    type Fixed<'a> = (&'static str, Option<&'a crate::text::LongText>);
    let inc = &n.incident;
    let d = &n.data_and_subjects;
    let c = &n.consequences;
    let s = &n.supplement_and_confidentiality;
    let before: [Fixed<'_>; 10] = [
        ("/incident/occurred/comment", inc.occurred.comment.as_ref()),
        ("/incident/discovered/comment", inc.discovered.comment.as_ref()),
        ("/incident/ceased/comment", inc.ceased.comment.as_ref()),
        ("/incident/lateReason", inc.late_reason.as_ref()),
        ("/incident/description", inc.description.as_ref()),
        ("/incident/causeComment", inc.cause_comment.as_ref()),
        ("/incident/areaOfActivityComment", inc.area_of_activity_comment.as_ref()),
        ("/dataAndSubjects/subjectGroupsComment", d.subject_groups_comment.as_ref()),
        ("/dataAndSubjects/dataCategoriesComment", d.data_categories_comment.as_ref()),
        ("/consequences/likelyConsequencesComment", c.likely_consequences_comment.as_ref()),
    ];
    let after: [Fixed<'_>; 2] = [
        (
            "/dataSubjectInformation/reasonNotInforming",
            n.data_subject_information.reason_not_informing.as_ref(),
        ),
        ("/supplementAndConfidentiality/confidentialityRequest", s.confidentiality_request.as_ref()),
    ];
    fn fixed<'a>((p, t): Fixed<'a>) -> Option<(TextAt, &'a str)> {
        t.map(|t| (TextAt::Fixed(p), t.as_str()))
    }
    let actions = c
        .actions
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.description.as_ref().map(|t| (TextAt::Action(i), t.as_str())));
    let markings = s
        .confidentiality_markings
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.reason.as_ref().map(|t| (TextAt::Marking(i), t.as_str())));
    before
        .into_iter()
        .filter_map(fixed)
        .chain(actions)
        .chain(after.into_iter().filter_map(fixed))
        .chain(markings)
}

/// Whether a text could hold what [`find_personal_data`] finds: an e-mail address has an `@`, a
/// phone number at least 7 digits, a personnummer 10. Most free text has neither, and this test is
/// much cheaper than the search.
fn may_hold_personal_data(text: &str) -> bool {
    let mut digits = 0usize;
    for chunk in text.as_bytes().chunks(64) {
        // Branch-free byte sums over a chunk (at most 64, so a `u8` holds them): vectorised.
        let d = chunk.iter().map(|&b| u8::from(b.wrapping_sub(b'0') < 10)).fold(0u8, u8::wrapping_add);
        let at = chunk.iter().fold(0u8, |acc, &b| acc | u8::from(b == b'@'));
        digits += usize::from(d);
        if at != 0 || digits >= 7 {
            return true;
        }
    }
    false
}

fn personal_data(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let contacts = &n.contact_details.contact_persons;
    let mut emails: Option<Vec<String>> = None;
    let mut phones: Option<Vec<String>> = None;
    for (at, text) in free_texts(n) {
        if !may_hold_personal_data(text) {
            continue;
        }
        for f in find_personal_data(text) {
            let found = f.matched(text);
            let (code, contact_note) = match f.kind {
                PersonalDataKind::Email => {
                    let emails = emails.get_or_insert_with(|| {
                        contacts
                            .iter()
                            .filter_map(|c| c.email.as_ref())
                            .map(|e| e.as_str().to_ascii_lowercase())
                            .collect()
                    });
                    if emails.contains(&found.to_ascii_lowercase()) {
                        continue;
                    }
                    ("email-in-text", true)
                }
                PersonalDataKind::Phone => {
                    let phones = phones.get_or_insert_with(|| {
                        contacts.iter().filter_map(|c| c.phone.as_ref()).map(PhoneNumber::to_e164).collect()
                    });
                    if PhoneNumber::new(found).is_ok_and(|ph| phones.contains(&ph.to_e164())) {
                        continue;
                    }
                    ("phone-in-text", true)
                }
                _ => ("personal-identity-number-in-text", false),
            };
            let p = at.pointer();
            let offset = f.char_offset(text) + 1;
            let s = subject(&p);
            let (note_sv, note_en) = if contact_note {
                (" som inte är en kontaktpersons", " that is not a contact person's")
            } else {
                ("", "")
            };
            let sv = format!(
                "{} innehåller {} vid tecken {offset}{note_sv}. IMY ber att anmälan inte innehåller fler \
                 personuppgifter än nödvändigt: ta bort uppgiften eller ersätt den med en beskrivning.",
                s.lead(Lang::Sv),
                f.kind.describe(Lang::Sv)
            );
            let en = format!(
                "{} contains {} at character {offset}{note_en}. IMY asks that a notification hold no more \
                 personal data than needed: remove it or replace it with a description.",
                s.lead(Lang::En),
                f.kind.describe(Lang::En)
            );
            ctx.push(code, p, &[], sv, en);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{applies, may_hold_personal_data};
    use crate::notification::Notification;
    use crate::pii::find_personal_data;

    /// A conditional question applies exactly when its trigger has the answer that asks it.
    #[test]
    fn applies_follows_the_triggers() {
        let read = |doc: &str| Notification::from_json(doc).unwrap();
        let no = read(r#"{"schemaVersion":"1.0","incident":{"ongoing":"no","cause":"other"}}"#);
        assert!(applies(&no, "/incident", "ceased"));
        assert!(applies(&no, "/incident", "causeComment"));
        assert!(!applies(&no, "/incident", "areaOfActivityComment"));
        let yes = read(r#"{"schemaVersion":"1.0","incident":{"ongoing":"yes"}}"#);
        assert!(!applies(&yes, "/incident", "ceased"));
        let groups =
            read(r#"{"schemaVersion":"1.0","dataAndSubjects":{"subjectGroups":["pupils","other"]}}"#);
        assert!(applies(&groups, "/dataAndSubjects", "subjectGroupsComment"));
        assert!(!applies(&groups, "/dataAndSubjects", "dataCategoriesComment"));
        // Not a conditional question.
        assert!(!applies(&no, "/incident", "description"));
    }

    proptest! {
        /// The cheap test never hides a finding.
        #[test]
        fn the_prefilter_misses_nothing(text in "([a-zåäö@.+ -]|[0-9]){0,60}") {
            if !may_hold_personal_data(&text) {
                prop_assert!(find_personal_data(&text).is_empty(), "{}", text);
            }
        }
    }

    #[test]
    fn the_prefilter_on_examples() {
        assert!(!may_hold_personal_data("artikel 34.3 a, kl. 12"));
        assert!(may_hold_personal_data("ring 08-123 45"));
        assert!(may_hold_personal_data("a@b"));
        assert!(may_hold_personal_data(&format!("{}121212-1212", "x".repeat(200))));
    }
}

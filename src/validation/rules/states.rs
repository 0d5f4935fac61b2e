//! Answer states (schema version 1.1): "not known yet" (a warning and a pending answer, and a
//! contradiction when question 36 is not Ja), a state given together with a value, a state or
//! period where the form offers none (question 11), a period that ends before it starts, an exact
//! and an approximate count at once, and answers a document's own version does not have.
//!
//! "Cannot be determined" needs its reason: the form table asks `reason` exactly then, so the
//! conditional rules report a missing or a superfluous one.

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::{Condition, Field};
use crate::lang::lower_first;
use crate::model::incident::EventTime;
use crate::model::state::Period;
use crate::wire::migrate::{not_in_version, NEW_IN_1_1};

/// The questions that can be "not known yet", each with the answer that says so: a `state` member
/// or an option of a list (25 "Kan inte ange för närvarande", 26 "Okänd", 28 "Kan inte ange för
/// närvarande").
const NOT_KNOWN_YET: &[(Field, Field, &str)] = &[
    (Field::IncidentOccurred, Field::IncidentOccurredState, "not_known_yet"),
    (Field::IncidentCeased, Field::IncidentCeasedState, "not_known_yet"),
    (Field::SubjectCount, Field::SubjectCountState, "not_known_yet"),
    (Field::RecordCount, Field::RecordCountState, "not_known_yet"),
    (Field::DataSubjectGroups, Field::DataSubjectGroups, "cannot_specify_yet"),
    (Field::DataCategories, Field::DataCategories, "unknown"),
    (Field::LikelyConsequences, Field::LikelyConsequences, "cannot_specify_yet"),
];

/// The groups with a `state`, and the members that give a value (which a state excludes).
const STATE_GROUPS: &[(Field, &[Field])] = &[
    (
        Field::IncidentOccurred,
        &[
            Field::IncidentOccurredDate,
            Field::IncidentOccurredTime,
            Field::IncidentOccurredPeriod,
            Field::IncidentOccurredUntilDate,
            Field::IncidentOccurredUntilTime,
        ],
    ),
    (
        Field::IncidentCeased,
        &[
            Field::IncidentCeasedDate,
            Field::IncidentCeasedTime,
            Field::IncidentCeasedPeriod,
            Field::IncidentCeasedUntilDate,
            Field::IncidentCeasedUntilTime,
        ],
    ),
    (
        Field::SubjectCount,
        &[Field::SubjectCountExact, Field::SubjectCountInterval, Field::SubjectCountApproximate],
    ),
    (
        Field::RecordCount,
        &[Field::RecordCountExact, Field::RecordCountInterval, Field::RecordCountApproximate],
    ),
];

/// The members of question 11 the form does not offer: the 72 hours run from a known moment.
const NOT_FOR_DISCOVERY: &[Field] = &[
    Field::IncidentDiscoveredPeriod,
    Field::IncidentDiscoveredUntilDate,
    Field::IncidentDiscoveredUntilTime,
    Field::IncidentDiscoveredState,
    Field::IncidentDiscoveredReason,
];

/// The questions that are "not known yet" in `ctx`, in form order.
pub(super) fn not_known_yet(ctx: &Ctx<'_>) -> Vec<Field> {
    NOT_KNOWN_YET
        .iter()
        .filter(|(_, at, code)| ctx.answers.has_option(*at, code))
        .map(|(q, _, _)| *q)
        .collect()
}

pub(super) fn answer_states(ctx: &mut Ctx<'_>) {
    pending(ctx);
    for (group, values) in STATE_GROUPS {
        let Some(state) = group.children().find(|c| c.member() == "state") else { continue };
        if ctx.answers.any(state) && values.iter().any(|v| ctx.answers.any(*v)) {
            let s = subject(group.pattern_str());
            let sv = format!(
                "{} har både ett svar och ”{}”. Ta bort det ena: ange svaret, eller säg att det inte kan anges.",
                s.text.sv,
                state.label(crate::Lang::Sv)
            );
            let en = format!(
                "{} has both an answer and “{}”. Remove one: give the answer, or say that it cannot be given.",
                s.text.en,
                state.label(crate::Lang::En)
            );
            ctx.push("answer-state-with-value", state.pattern_str().to_string(), &[], sv, en);
        }
    }
    for &f in NOT_FOR_DISCOVERY {
        if ctx.answers.any(f) {
            not_offered(ctx, f);
        }
    }
    if ctx.n.incident.ceased.period == Some(Period::OngoingSince) {
        not_offered(ctx, Field::IncidentCeasedPeriod);
    }
    let inc = &ctx.n.incident;
    for (group, t) in [(Field::IncidentOccurred, &inc.occurred), (Field::IncidentCeased, &inc.ceased)] {
        if ends_before_start(t) {
            let s = subject(group.pattern_str());
            let sv = format!("{}: perioden slutar före sin början; kontrollera datumen.", s.text.sv);
            let en = format!("{}: the period ends before it starts; check the dates.", s.text.en);
            let at = group.children().find(|c| c.member() == "untilDate").unwrap_or(group);
            ctx.push("period-ends-before-start", at.pattern_str().to_string(), &[], sv, en);
        }
    }
    let d = &ctx.n.data_and_subjects;
    for (group, c) in [(Field::SubjectCount, &d.subject_count), (Field::RecordCount, &d.record_count)] {
        if c.exact.is_some() && c.approximate.is_some() {
            let s = subject(group.pattern_str());
            let sv = format!("{} anger både ett exakt och ett ungefärligt antal; ange det ena.", s.text.sv);
            let en = format!("{} gives both an exact and an approximate number; give one.", s.text.en);
            let at = group.children().find(|c| c.member() == "approximate").unwrap_or(group);
            ctx.push("count-exact-and-approximate", at.pattern_str().to_string(), &[], sv, en);
        }
    }
    newer_than_version(ctx);
}

/// `answer-not-known-yet` for each question not known yet, and `not-known-yet-without-supplement`
/// when question 36 is not Ja.
fn pending(ctx: &mut Ctx<'_>) {
    let pending = not_known_yet(ctx);
    for q in &pending {
        let p = q.pattern_str();
        let s = subject(p);
        let sv = format!(
            "Svaret på {} är inte känt ännu. Lämna uppgiften i en komplettering utan onödigt dröjsmål (GDPR art. 33.4); \
             IMY fattar beslut på det underlag som finns om ingen komplettering kommer inom fyra veckor.",
            lower_first(&s.text.sv)
        );
        let en = format!(
            "The answer to {} is not known yet. Send the answer in a supplement without undue further delay (GDPR Art. \
             33(4)); IMY decides on what it has if no supplement arrives within four weeks.",
            lower_first(&s.text.en)
        );
        ctx.push("answer-not-known-yet", p.to_string(), &[], sv, en);
    }
    let Some(first) = pending.first() else { return };
    let supplement = Field::IntendsToSupplement;
    if Condition::Is(supplement, "yes").holds_in(&ctx.answers) {
        return;
    }
    let numbers: Vec<&str> = pending.iter().filter_map(|q| q.spec().number).collect();
    let list = numbers.join(", ");
    let (q_sv, q_en) = if numbers.len() > 1 { ("frågorna", "questions") } else { ("fråga", "question") };
    let s = subject(supplement.pattern_str());
    let sv = format!(
        "{} är inte besvarad med ”Ja”, men svaret på {q_sv} {list} är inte känt ännu och ska lämnas i en \
         komplettering. Svara ”Ja” på fråga 36.",
        s.text.sv
    );
    let en = format!(
        "{} is not answered “Yes”, but the answer to {q_en} {list} is not known yet and is to follow in a \
         supplement. Answer question 36 “Yes”.",
        s.text.en
    );
    let first = first.pattern_str();
    ctx.push("not-known-yet-without-supplement", supplement.pattern_str().to_string(), &[first], sv, en);
}

fn not_offered(ctx: &mut Ctx<'_>, f: Field) {
    let q = f.parent().unwrap_or(f);
    let s = subject(f.pattern_str());
    let (sv, en) = if q == Field::IncidentDiscovered {
        (
            format!(
                "{} erbjuds inte för fråga 11: 72-timmarsfristen räknas från när ni fick vetskap om incidenten, \
                 och den tidpunkten är känd. Ange datum (och klockslag) för upptäckten.",
                s.text.sv
            ),
            format!(
                "{} is not offered for question 11: the 72 hours run from when you became aware of the breach, \
                 and that moment is known. Give the date (and time) of the discovery.",
                s.text.en
            ),
        )
    } else {
        (
            format!("{}: ”Pågår sedan” passar inte för när incidenten upphörde; välj en period eller en tidpunkt.", s.text.sv),
            format!("{}: “Ongoing since” does not fit when the breach ceased; choose a period or a moment.", s.text.en),
        )
    };
    ctx.push("answer-state-not-offered", f.pattern_str().to_string(), &[], sv, en);
}

/// Whether the period's end (date, and time on the same date) is before its start.
fn ends_before_start(t: &EventTime) -> bool {
    let (Some(start), Some(end)) = (t.date, t.until_date) else { return false };
    match (t.time, t.until_time) {
        (Some(a), Some(b)) if start == end => b < a,
        _ => end < start,
    }
}

/// `answer-not-in-schema-version`: each answer the document's own version does not have (as
/// [`NEW_IN_1_1`] lists them), read from the answers of the walk.
fn newer_than_version(ctx: &mut Ctx<'_>) {
    let version = ctx.n.schema_version;
    if version >= crate::SchemaVersion::V1_1 {
        return;
    }
    let (members, options) = NEW_IN_1_1;
    let found: Vec<&str> = members
        .iter()
        .copied()
        .filter(|p| Field::from_pointer(p).is_some_and(|f| ctx.answers.any(f)))
        .chain(
            options
                .iter()
                .filter(|(p, code)| Field::from_pointer(p).is_some_and(|f| ctx.answers.has_option(f, code)))
                .map(|(p, _)| *p),
        )
        .collect();
    for p in found {
        let m = not_in_version(version);
        let s = subject(p);
        let sv = format!("{}: {}", s.text.sv, m.sv);
        let en = format!("{}: {}", s.text.en, m.en);
        ctx.push("answer-not-in-schema-version", p.to_string(), &[], sv, en);
    }
}

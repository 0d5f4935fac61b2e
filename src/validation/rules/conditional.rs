//! Conditional questions ([`CONDITIONAL_QUESTIONS`]), "Övrigt" comments, exclusive options and a
//! time given without its date.

use std::sync::OnceLock;

use super::super::catalogue::{Trigger, CONDITIONAL_QUESTIONS};
use super::super::lookup::{self, Slot};
use super::super::subject::subject;
use super::{table_slot, Ctx};
use crate::affected::{DataCategory, SubjectGroup};
use crate::choice::Choice;
use crate::lang::{lower_first, Lang};
use crate::notification::Notification;

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

pub(super) fn conditional(ctx: &mut Ctx<'_>) {
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

pub(super) fn exclusive_options(ctx: &mut Ctx<'_>) {
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

pub(super) fn time_without_date(ctx: &mut Ctx<'_>) {
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

#[cfg(test)]
mod tests {
    use super::applies;
    use crate::notification::Notification;

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
}

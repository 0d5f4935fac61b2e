//! Conditional questions (the fields of the form table with a [`Condition`]), "Övrigt" comments,
//! exclusive options and a time given without its date.

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::{Condition, Field, Kind};
use crate::lang::{lower_first, Bilingual, Lang};
use crate::model::affected::{DataCategory, SubjectGroup};
use crate::model::consequences::Consequence;
use crate::values::choice::Choice;

/// The trigger of a condition and the option that asks the question: for a condition of several
/// parts, its first (the message names every part).
fn first_part(c: Condition) -> Option<(Field, &'static str)> {
    match c {
        Condition::Is(t, code) | Condition::Includes(t, code) => Some((t, code)),
        Condition::All(cs) | Condition::Any(cs) => cs.first().and_then(|c| first_part(*c)),
    }
}

/// Whether the condition is that "Övrigt" is chosen: the question is an "Övrigt" comment.
fn is_other(c: Condition) -> bool {
    matches!(c, Condition::Is(_, "other") | Condition::Includes(_, "other"))
}

/// "svaret på fråga 12 (…) är ”Nej”", and for several parts each joined by "och" / "eller".
fn when_text(c: Condition, lang: Lang) -> String {
    match c {
        Condition::Is(t, code) | Condition::Includes(t, code) => {
            let s = subject(t.pattern_str());
            let v = t.option_label(code);
            match lang {
                Lang::Sv => format!("svaret på {} är ”{}”", lower_first(&s.text.sv), v.sv),
                _ => format!("the answer to {} is “{}”", lower_first(&s.text.en), v.en),
            }
        }
        Condition::All(cs) | Condition::Any(cs) => {
            let join = match (c, lang) {
                (Condition::All(_), Lang::Sv) => " och ",
                (Condition::All(_), _) => " and ",
                (_, Lang::Sv) => " eller ",
                _ => " or ",
            };
            cs.iter().map(|c| when_text(*c, lang)).collect::<Vec<_>>().join(join)
        }
    }
}

pub(super) fn conditional(ctx: &mut Ctx<'_>) {
    for &f in Field::ALL {
        let Some(condition) = f.spec().asked else { continue };
        let Some((trigger_field, code)) = first_part(condition) else { continue };
        let trigger = trigger_field.pattern_str();
        if !ctx.broken.is_empty() && condition.any_trigger(&mut |t| ctx.broken.covers(t.pattern_str())) {
            continue;
        }
        if condition.holds_in(&ctx.answers) {
            let needed_field = f.spec().needs.unwrap_or(f);
            if ctx.answers.any(needed_field) {
                continue;
            }
            // Schema version 1.1: a group that says why it has no value ("not known yet", "cannot
            // be determined") answers the question; its own rules check the state.
            if needed_field != f && f.children().any(|c| c.member() == "state" && ctx.answers.any(c)) {
                continue;
            }
            let needed = needed_field.pattern_str().to_string();
            let s = subject(&needed);
            let commented = needed_field != f
                && f.children().any(|c| c.spec().kind == Kind::LongText && ctx.answers.any(c));
            if commented {
                // Question 13 has no asterisk: a comment alone ("early October") is an answer.
                let g = subject(f.pattern_str());
                let sv = format!(
                    "{} besvaras bara med en kommentar. Ange datumet om ni känner till det.",
                    g.text.sv
                );
                let en =
                    format!("{} is answered with a comment only. Give the date if you know it.", g.text.en);
                ctx.push("date-missing-with-comment", needed, &[trigger], sv, en);
            } else if is_other(condition) {
                let sv = format!("{} måste fyllas i när ”Övrigt” är valt.", s.text.sv);
                let en = format!("{} must be filled in when “Other” is chosen.", s.text.en);
                ctx.push("other-comment-required", needed, &[trigger], sv, en);
            } else {
                let sv = format!(
                    "{} {} när {}.",
                    s.lead(Lang::Sv),
                    s.must(Lang::Sv),
                    when_text(condition, Lang::Sv)
                );
                let en = format!(
                    "{} {} when {}.",
                    s.lead(Lang::En),
                    s.must(Lang::En),
                    when_text(condition, Lang::En)
                );
                ctx.push("required-when", needed, &[trigger], sv, en);
            }
        } else if ctx.answers.any(f) {
            let t = subject(trigger);
            let n = t.number.unwrap_or_default();
            let dependent = f.pattern_str().to_string();
            let s = subject(&dependent);
            let v: Bilingual = trigger_field.option_label(code);
            let (v_sv, v_en) = (v.sv, v.en);
            if is_other(condition) {
                let sv = format!(
                    "{} används bara när ”Övrigt” är valt. Ta bort kommentaren eller välj ”Övrigt” i fråga {n}.",
                    s.text.sv
                );
                let en = format!(
                    "{} is only used when “Other” is chosen. Remove the comment or choose “Other” in question {n}.",
                    s.text.en
                );
                ctx.push("other-comment-not-applicable", dependent, &[trigger], sv, en);
            } else {
                let sv = format!(
                    "{} ska bara besvaras när {}. Ta bort svaret, eller besvara fråga {n} med ”{v_sv}”.",
                    s.text.sv,
                    when_text(condition, Lang::Sv)
                );
                let en = format!(
                    "{} is only answered when {}. Remove the answer, or answer question {n} with “{v_en}”.",
                    s.text.en,
                    when_text(condition, Lang::En)
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
            Field::DataSubjectGroups.pattern_str(),
            SubjectGroup::CannotSpecifyYet.label(Lang::Sv),
            SubjectGroup::CannotSpecifyYet.label(Lang::En),
            Bilingual::new("grupper", "groups"),
        ));
    }
    if d.data_categories.contains(DataCategory::Unknown) && d.data_categories.len() > 1 {
        found.push((
            Field::DataCategories.pattern_str(),
            DataCategory::Unknown.label(Lang::Sv),
            DataCategory::Unknown.label(Lang::En),
            Bilingual::new("sorter av personuppgifter", "kinds of personal data"),
        ));
    }
    let c = &ctx.n.consequences.likely_consequences;
    if c.contains(Consequence::CannotSpecifyYet) && c.len() > 1 {
        found.push((
            Field::LikelyConsequences.pattern_str(),
            Consequence::CannotSpecifyYet.label(Lang::Sv),
            Consequence::CannotSpecifyYet.label(Lang::En),
            Bilingual::new("konsekvenser", "consequences"),
        ));
    }
    for (p, sv_label, en_label, what) in found {
        let (sv_what, en_what) = (what.sv, what.en);
        let s = subject(p);
        let sv = format!(
            "{}: ”{sv_label}” är valt tillsammans med andra alternativ. Välj antingen ”{sv_label}” eller de \
             {sv_what} ni känner till.",
            s.text.sv
        );
        let en = format!(
            "{}: “{en_label}” is chosen together with other options. Choose either “{en_label}” or the \
             {en_what} you know of.",
            s.text.en
        );
        ctx.push("exclusive-option", p.to_string(), &[], sv, en);
    }
}

/// A time of day without its date: every answered time of the form table (questions 10, 11, 13 and
/// each action of 30) whose group has no date.
pub(super) fn time_without_date(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    for &time in Field::ALL.iter().filter(|f| f.spec().kind == Kind::Time) {
        if !ctx.answers.any(time) {
            continue;
        }
        let Some(date) = time.parent().and_then(|p| p.children().find(|f| f.spec().kind == Kind::Date))
        else {
            continue;
        };
        let elements = time.list().map(|l| ctx.answers.count(l));
        // The answer set counts the answered instances: when every element (or the one instance
        // outside a list) has its date, no time lacks one and nothing needs probing.
        if ctx.answers.count(date) >= elements.unwrap_or(1) {
            continue;
        }
        for i in 0..elements.unwrap_or(1) {
            let at: &[usize] = if elements.is_some() { &[i] } else { &[] };
            if !time.is_answered(n, at) || date.is_answered(n, at) {
                continue;
            }
            let p = date.pointer_at(at).to_string();
            if ctx.has(&p, &["required", "required-when"]) {
                continue;
            }
            let s = subject(&p);
            let sv = format!("{} {} när ett klockslag är angivet.", s.lead(Lang::Sv), s.must(Lang::Sv));
            let en = format!("{} {} when a time is given.", s.lead(Lang::En), s.must(Lang::En));
            ctx.push("time-without-date", p, &[], sv, en);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::form::Field;
    use crate::model::notification::Notification;

    /// A conditional question applies exactly when its trigger has the answer that asks it.
    #[test]
    fn applies_follows_the_triggers() {
        let read = |doc: &str| Notification::from_json(doc).unwrap();
        let applies = |n: &Notification, f: Field| f.spec().asked.is_some() && f.applies(n, &[]);
        let no = read(r#"{"schemaVersion":"1.0","incident":{"ongoing":"no","cause":"other"}}"#);
        assert!(applies(&no, Field::IncidentCeased));
        assert!(applies(&no, Field::IncidentCauseComment));
        assert!(!applies(&no, Field::IncidentAreaOfActivityComment));
        let yes = read(r#"{"schemaVersion":"1.0","incident":{"ongoing":"yes"}}"#);
        assert!(!applies(&yes, Field::IncidentCeased));
        let groups =
            read(r#"{"schemaVersion":"1.0","dataAndSubjects":{"subjectGroups":["pupils","other"]}}"#);
        assert!(applies(&groups, Field::DataSubjectGroupsComment));
        assert!(!applies(&groups, Field::DataCategoriesComment));
        // Not a conditional question.
        assert!(!applies(&no, Field::IncidentDescription));
    }
}

//! Required answers: every field of the form table whose [`Requirement`] is not `No`, and the "in a
//! supplement" variant of those that may follow later.

use std::sync::OnceLock;

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::{Condition, Field, Kind, Requirement};
use crate::lang::Lang;

/// Calls `f` with the pointer of every unanswered instance of `field` (in a list: of each element).
fn for_each_missing(ctx: &Ctx<'_>, field: Field, mut f: impl FnMut(String)) {
    match field.list() {
        None => {
            if !ctx.answers.any(field) {
                f(field.pattern_str().to_string());
            }
        }
        Some(list) => {
            let len = ctx.answers.count(list);
            if ctx.answers.count(field) >= len {
                return;
            }
            for i in 0..len {
                if !field.is_answered(ctx.n, &[i]) {
                    f(field.pointer_at(&[i]).to_string());
                }
            }
        }
    }
}

pub(super) fn required(ctx: &mut Ctx<'_>) {
    let supplement_field = Field::IntendsToSupplement;
    let supplement = Condition::Is(supplement_field, "yes").holds_in(&ctx.answers);
    let supplement_unreadable = ctx.broken.covers(supplement_field.pattern_str());
    let mut missing: Vec<(Field, String)> = Vec::new();
    for &f in Field::ALL {
        match f.spec().required {
            Requirement::No => continue,
            Requirement::UnlessSupplemented if supplement_unreadable => continue,
            _ => {}
        }
        for_each_missing(ctx, f, |p| missing.push((f, p)));
    }
    for (f, p) in missing {
        let in_supplement = f.spec().required == Requirement::UnlessSupplemented && supplement;
        let code = if in_supplement { "required-in-supplement" } else { "required" };
        let (sv, en) = match cached_required_message(f, in_supplement) {
            Some((sv, en)) => (sv.clone(), en.clone()),
            None => required_message(f, &p, in_supplement),
        };
        ctx.push(code, p, &[], sv, en);
    }
}

/// The message of `required` for an unanswered `field` at `pointer`, or with `in_supplement` that
/// of `required-in-supplement`: (Swedish, English).
fn required_message(field: Field, pointer: &str, in_supplement: bool) -> (String, String) {
    let s = subject(pointer);
    if in_supplement {
        let sv = format!(
            "{} saknar svar. Det går bra eftersom ni avser att komplettera anmälan (fråga 36), men \
             lämna uppgiften utan onödigt dröjsmål (GDPR art. 33.4).",
            s.text.sv
        );
        let en = format!(
            "{} is not answered. That is allowed since you intend to supplement the notification \
             (question 36), but send the answer without undue further delay (GDPR Art. 33(4)).",
            s.text.en
        );
        return (sv, en);
    }
    match field.spec().kind {
        Kind::List("ContactPerson") => (
            "Minst en kontaktperson måste anges (frågorna 5–8).".to_string(),
            "At least one contact person is required (questions 5–8).".to_string(),
        ),
        Kind::Choices(_) => (
            format!("{} måste besvaras: välj minst ett alternativ.", s.text.sv),
            format!("{} must be answered: choose at least one option.", s.text.en),
        ),
        Kind::List(_) => (
            format!("{} måste besvaras med minst en åtgärd.", s.text.sv),
            format!("{} must be answered with at least one action.", s.text.en),
        ),
        Kind::Group("Count") => (
            format!("{} måste besvaras med ett exakt antal, ett intervall eller båda.", s.text.sv),
            format!("{} must be answered with an exact number, an interval or both.", s.text.en),
        ),
        _ => (
            format!("{} {}.", s.lead(Lang::Sv), s.must(Lang::Sv)),
            format!("{} {}.", s.lead(Lang::En), s.must(Lang::En)),
        ),
    }
}

/// The messages of a required field (`[required, required-in-supplement]`), built once for each
/// field outside lists (one in a list has messages that name the element).
fn cached_required_message(field: Field, in_supplement: bool) -> Option<&'static (String, String)> {
    type Messages = Option<[(String, String); 2]>;
    static MESSAGES: OnceLock<Vec<Messages>> = OnceLock::new();
    let messages = MESSAGES.get_or_init(|| {
        Field::ALL
            .iter()
            .map(|&f| {
                let p = f.pattern_str();
                (f.spec().required != Requirement::No && f.list().is_none())
                    .then(|| [required_message(f, p, false), required_message(f, p, true)])
            })
            .collect()
    });
    messages.get(field as usize)?.as_ref().map(|m| &m[usize::from(in_supplement)])
}

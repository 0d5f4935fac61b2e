//! Required answers: [`REQUIRED_ANSWERS`], and its "in a supplement" variant.

use std::sync::OnceLock;

use super::super::catalogue::{REQUIRED_ANSWERS, SUPPLEMENT_POINTER};
use super::super::lookup::{self, Slot};
use super::super::subject::subject;
use super::{table_slot, Ctx};
use crate::lang::Lang;

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

pub(super) fn required(ctx: &mut Ctx<'_>) {
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

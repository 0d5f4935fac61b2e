//! Required answers: every field of the form table whose [`Requirement`] is not `No`, and the "in a
//! supplement" variant of those that may follow later.

use std::sync::OnceLock;

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::{Condition, Field, Kind, Requirement};
use crate::lang::{Bilingual, Lang};

/// Which finding an unanswered required field is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Missing {
    /// `required`: the answer is needed now.
    Now,
    /// `required-in-supplement`: it may follow in the promised supplement (question 36 is Ja).
    InSupplement,
    /// `required-where-possible`: GDPR Art. 33(3)(a) asks for it "where possible".
    WherePossible,
    /// `form-question-unanswered`: only the form asks for it.
    Form,
}

impl Missing {
    fn code(self) -> &'static str {
        match self {
            Missing::Now => "required",
            Missing::InSupplement => "required-in-supplement",
            Missing::WherePossible => "required-where-possible",
            Missing::Form => "form-question-unanswered",
        }
    }

    const ALL: [Missing; 4] = [Missing::Now, Missing::InSupplement, Missing::WherePossible, Missing::Form];

    /// The finding for an unanswered field of requirement `r`, with question 36 = Ja or not.
    fn of(r: Requirement, supplement: bool) -> Missing {
        match r {
            Requirement::UnlessSupplemented | Requirement::WherePossible if supplement => {
                Missing::InSupplement
            }
            Requirement::WherePossible => Missing::WherePossible,
            Requirement::Form => Missing::Form,
            _ => Missing::Now,
        }
    }
}

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
            Requirement::UnlessSupplemented | Requirement::WherePossible if supplement_unreadable => continue,
            _ => {}
        }
        for_each_missing(ctx, f, |p| missing.push((f, p)));
    }
    for (f, p) in missing {
        let missing = Missing::of(f.spec().required, supplement);
        let message = match cached_required_message(f, missing) {
            Some(m) => m.clone(),
            None => required_message(f, &p, missing),
        };
        ctx.push(missing.code(), p, &[], message.sv, message.en);
    }
}

/// The message of the finding `missing` for an unanswered `field` at `pointer`.
fn required_message(field: Field, pointer: &str, missing: Missing) -> Bilingual<String> {
    let s = subject(pointer);
    if missing == Missing::InSupplement {
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
        return Bilingual::new(sv, en);
    }
    if missing == Missing::WherePossible {
        let sv = format!(
            "{} saknar svar. GDPR art. 33.3 a kräver uppgiften om det är möjligt; ange den om ni kan.",
            s.text.sv
        );
        let en = format!(
            "{} is not answered. GDPR Art. 33(3)(a) requires it where possible; give it if you can.",
            s.text.en
        );
        return Bilingual::new(sv, en);
    }
    if missing == Missing::Form {
        let sv = format!(
            "{} är inte besvarad. Frågan har ingen asterisk och ingen lag kräver svaret, men formuläret \
             ställer den; besvara den om ni kan.",
            s.text.sv
        );
        let en = format!(
            "{} is not answered. The question has no asterisk and no law requires the answer, but the \
             form asks it; answer it if you can.",
            s.text.en
        );
        return Bilingual::new(sv, en);
    }
    let (sv, en) = match field.spec().kind {
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
    };
    Bilingual::new(sv, en)
}

/// The messages of a required field (one for each [`Missing`], in the order of [`Missing::ALL`]), built once for each
/// field outside lists (one in a list has messages that name the element).
fn cached_required_message(field: Field, missing: Missing) -> Option<&'static Bilingual<String>> {
    type Messages = Option<[Bilingual<String>; 4]>;
    static MESSAGES: OnceLock<Vec<Messages>> = OnceLock::new();
    let messages = MESSAGES.get_or_init(|| {
        Field::ALL
            .iter()
            .map(|&f| {
                let p = f.pattern_str();
                (f.spec().required != Requirement::No && f.list().is_none())
                    .then(|| Missing::ALL.map(|m| required_message(f, p, m)))
            })
            .collect()
    });
    messages.get(field as usize)?.as_ref().map(|m| &m[missing as usize])
}

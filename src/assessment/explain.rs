//! The assessment in words, Swedish and English: each input quoted with its source and effect, the
//! score, the facts weighed after it and the recommendation, stated as a presumption. Free text
//! (an own method, a reason) is never repeated: it may hold personal data.

use super::facts::{Given, Input, Resolved, Source, Step};
use super::score::Score;
use super::{Assessment, Effect, InputEffect, Method, Weighed, Weighing};
use crate::lang::{Bilingual, Lang};
use crate::model::affected::Count;
use crate::model::assessment::{DataKind, DpcReason, EaseOfIdentification, RiskAssessment, RiskLevel};
use crate::model::notification::Notification;
use crate::values::choice::{Choice, YesNo};

/// Where an input comes from, in words.
fn source_words(input: Input, source: Source) -> (&'static str, &'static str) {
    source_words_for(input, source, None)
}

fn source_words_for(input: Input, source: Source, reason: Option<DpcReason>) -> (&'static str, &'static str) {
    match (source, input) {
        (Source::Default, Input::DpcAdjustment) if reason == Some(DpcReason::CriticalContext) => (
            "förval utifrån personnummer i fråga 26 (dataskyddslagen 3 kap. 10 §), att bekräfta",
            "a default from the personal identity numbers of question 26 (Swedish Data Protection Act \
             3:10), to be confirmed",
        ),
        (Source::Stated, _) => ("angiven i bedömningen", "stated in the assessment"),
        (Source::Derived, Input::DataKind) => ("härledd ur fråga 26", "derived from question 26"),
        (Source::Derived, _) => ("följer av orsaken i fråga 18", "follows from the cause in question 18"),
        (_, Input::DpcAdjustment) => {
            ("förval utifrån fråga 25, att bekräfta", "a default from question 25, to be confirmed")
        }
        _ => ("förval utifrån fråga 15, att bekräfta", "a default from question 15, to be confirmed"),
    }
}

fn effect(
    input: Input,
    value: &'static str,
    source: Source,
    effect: Effect,
    text: Bilingual<String>,
) -> InputEffect {
    InputEffect { input, value, source, effect, explanation: text }
}

pub(super) fn kind_effect(k: Given<DataKind>, r: &Resolved) -> InputEffect {
    let (src_sv, src_en) = source_words(Input::DataKind, k.source);
    let base = k.value.base_score();
    let mut t = Bilingual::with_capacity(160);
    t.write(
        format_args!(
            "{}: ”{}”, grund {base} ({src_sv})",
            Input::DataKind.label(Lang::Sv),
            k.value.label(Lang::Sv)
        ),
        format_args!(
            "{}: “{}”, base {base} ({src_en})",
            Input::DataKind.label(Lang::En),
            k.value.label(Lang::En)
        ),
    );
    if let Some(d) = r.derived_kind {
        t.write(
            format_args!("; fråga 26 ger ”{}”", d.label(Lang::Sv)),
            format_args!("; question 26 gives “{}”", d.label(Lang::En)),
        );
    }
    if r.categories_incomplete {
        t.push(
            "; fråga 26 anger också ”Okänd” eller ”Övrigt”, som inte räknas: bekräfta typen",
            "; question 26 also names “Okänd” or “Övrigt”, which do not count: confirm the kind",
        );
    }
    if r.vulnerable_unweighed {
        t.push(
            "; fråga 25 anger barn, elever eller utsatta personer, som justeringarna inte väger: överväg ett steg upp",
            "; question 25 names children, pupils or vulnerable persons, whom the adjustments do not weigh: \
             consider a step up",
        );
    }
    t.push(".", ".");
    effect(Input::DataKind, k.value.code(), k.source, Effect::Base(base), t)
}

pub(super) fn step_effect(s: &Step, moved: i8) -> InputEffect {
    let (src_sv, src_en) = source_words_for(Input::DpcAdjustment, s.source, Some(s.reason));
    let mut t = Bilingual::with_capacity(160);
    t.write(
        format_args!(
            "{}: {}, ”{}” ({src_sv})",
            Input::DpcAdjustment.label(Lang::Sv),
            s.direction.label(Lang::Sv).to_lowercase(),
            s.reason.label(Lang::Sv)
        ),
        format_args!(
            "{}: {}, “{}” ({src_en})",
            Input::DpcAdjustment.label(Lang::En),
            s.direction.label(Lang::En).to_lowercase(),
            s.reason.label(Lang::En)
        ),
    );
    if moved == 0 {
        t.push("; ingen verkan, DPC stannar inom 1–4", "; no effect, DPC stays within 1–4");
    }
    t.push(".", ".");
    effect(Input::DpcAdjustment, s.reason.code(), s.source, Effect::Step(moved), t)
}

pub(super) fn ei_effect(e: EaseOfIdentification) -> InputEffect {
    let f = Score::from_sixteenths(super::score::ei_sixteenths(e));
    let t = Bilingual::new(
        format!(
            "{}: ”{}”, faktor {} (angiven i bedömningen).",
            Input::EaseOfIdentification.label(Lang::Sv),
            e.label(Lang::Sv),
            f.written(Lang::Sv)
        ),
        format!(
            "{}: “{}”, factor {} (stated in the assessment).",
            Input::EaseOfIdentification.label(Lang::En),
            e.label(Lang::En),
            f.written(Lang::En)
        ),
    );
    effect(Input::EaseOfIdentification, e.code(), Source::Stated, Effect::Factor(f), t)
}

pub(super) fn circumstance_effect(
    input: Input,
    g: Given<&'static str>,
    points: u16,
    label: Bilingual,
) -> InputEffect {
    let (src_sv, src_en) = source_words(input, g.source);
    let p = Score::from_sixteenths(points);
    let t = Bilingual::new(
        format!("{}: ”{}”, +{} ({src_sv}).", input.label(Lang::Sv), label.sv, p.written(Lang::Sv)),
        format!("{}: “{}”, +{} ({src_en}).", input.label(Lang::En), label.en, p.written(Lang::En)),
    );
    effect(input, g.value, g.source, Effect::Adds(p), t)
}

fn count_words(c: &Count, lang: Lang) -> String {
    match (c.exact, c.interval) {
        (Some(n), _) => n.to_string(),
        (None, Some(i)) => i.label(lang).to_owned(),
        (None, None) => String::new(),
    }
}

/// The facts weighed after the score: the number of people (23) and encryption (27);
/// `no_loss` when the encrypted data were neither disclosed, altered nor lost.
pub(super) fn weighed(n: &Notification, no_loss: bool) -> Vec<Weighing> {
    let d = &n.data_and_subjects;
    let mut out = Vec::new();
    let count = &d.subject_count;
    let note = match count.lower_bound() {
        None => Bilingual::new(
            "Antalet registrerade är inte känt ännu (fråga 23); det vägs efter poängen när det är känt.".to_owned(),
            "The number of data subjects is not known yet (question 23); it is weighed after the score once known."
                .to_owned(),
        ),
        Some(lo) if lo > 1_000 => Bilingual::new(
            format!(
                "Antal registrerade: {}. Antalet vägs efter poängen: så många personer kan tala för en högre \
                 risk än bandet anger.",
                count_words(count, Lang::Sv)
            ),
            format!(
                "Number of data subjects: {}. The number is weighed after the score: so many people may argue \
                 for a higher risk than the band says.",
                count_words(count, Lang::En)
            ),
        ),
        Some(_) => Bilingual::new(
            format!("Antal registrerade: {}; vägs efter poängen.", count_words(count, Lang::Sv)),
            format!("Number of data subjects: {}; weighed after the score.", count_words(count, Lang::En)),
        ),
    };
    let raises = count.lower_bound().is_some_and(|lo| lo > 1_000);
    out.push(Weighing { factor: Weighed::SubjectCount, raises, lowers: false, note });
    if d.encrypted == Some(YesNo::Yes) {
        out.push(Weighing {
            factor: Weighed::Unintelligible,
            raises: false,
            lowers: true,
            note: Bilingual::new(
                "Uppgifterna var krypterade (fråga 27). Var krypteringen tillräckligt stark och nyckeln inte röjd \
                 är uppgifterna obegripliga för obehöriga: det talar för en lägre risk och, vid hög risk, för \
                 undantaget i art. 34.3 a."
                    .to_owned(),
                "The data were encrypted (question 27). If the encryption was strong enough and the key was not \
                 compromised, the data are unintelligible to unauthorised persons: that argues for a lower risk \
                 and, at a high risk, for the exemption of Art. 34(3)(a)."
                    .to_owned(),
            ),
        });
    }
    if no_loss {
        out.push(Weighing {
            factor: Weighed::Unintelligible,
            raises: false,
            lowers: true,
            note: Bilingual::new(
                "De krypterade uppgifterna har varken röjts, ändrats eller gått förlorade: ingen omständighet \
                 vid incidenten når de registrerade, och presumtionen blir att incidenten sannolikt inte medför \
                 någon risk, oavsett poängen."
                    .to_owned(),
                "The encrypted data were neither disclosed, altered nor lost: no circumstance of the breach \
                 reaches the data subjects, and the presumption is that the breach is unlikely to result in a \
                 risk, whatever the score."
                    .to_owned(),
            ),
        });
    }
    out
}

const PRESUMPTION: (&str, &str) = (
    "Resultatet är en presumtion som den personuppgiftsansvarige måste väga, inte den rättsliga prövningen av \
     riskens sannolikhet och allvar enligt GDPR art. 33 och 34.",
    "The result is a presumption that the controller must weigh, not the legal test of the likelihood and \
     severity of the risk under GDPR Art. 33 and 34.",
);

/// The whole explanation.
pub(super) fn explanation(a: &Assessment, inputs: &RiskAssessment) -> Bilingual<String> {
    let mut t = Bilingual::with_capacity(1_500);
    match a.method {
        Method::OwnMethod => t.push(
            "Riskbedömning enligt den personuppgiftsansvariges egen metod (beskriven i bedömningen, återges inte \
             här): ingen poäng räknas, slutsatsen förs vidare. ",
            "Risk assessment by the controller's own method (described in the assessment, not repeated here): \
             no score is computed, the conclusion is carried through. ",
        ),
        _ => t.push(
            "Riskbedömning enligt ENISA:s metod (SE = DPC × EI + CB). ",
            "Risk assessment by ENISA's method (SE = DPC × EI + CB). ",
        ),
    }
    t.push(PRESUMPTION.0, PRESUMPTION.1);
    for i in &a.inputs {
        t.push(" ", " ");
        t.push(&i.explanation.sv, &i.explanation.en);
    }
    score_words(&mut t, a);
    for w in &a.weighed {
        t.push(" ", " ");
        t.push(&w.note.sv, &w.note.en);
    }
    recommendation_words(&mut t, a);
    conclusion_words(&mut t, a, inputs);
    t
}

fn score_words(t: &mut Bilingual<String>, a: &Assessment) {
    let Some(s) = &a.severity else { return };
    if !a.missing.is_empty() {
        let names = |lang| a.missing.iter().map(|m| m.label(lang)).collect::<Vec<_>>().join(", ");
        t.write(
            format_args!(
                " Saknas: {}. Utan dem ges ingen poäng och inget band, bara intervallet {}–{} ({}–{}).",
                names(Lang::Sv),
                s.min.written(Lang::Sv),
                s.max.written(Lang::Sv),
                super::Band::of(s.min).label(Lang::Sv).to_lowercase(),
                super::Band::of(s.max).label(Lang::Sv).to_lowercase()
            ),
            format_args!(
                " Missing: {}. Without them there is no score and no band, only the range {}–{} ({}–{}).",
                names(Lang::En),
                s.min.written(Lang::En),
                s.max.written(Lang::En),
                super::Band::of(s.min).label(Lang::En).to_lowercase(),
                super::Band::of(s.max).label(Lang::En).to_lowercase()
            ),
        );
    }
    if let (Some(score), Some(band), Some(dpc), Some(ei), Some(cb)) = (s.score, s.band, s.dpc, s.ei, s.cb) {
        let w = |lang| {
            format!("SE = {dpc} × {} + {} = {}", ei.written(lang), cb.written(lang), score.written(lang))
        };
        t.write(
            format_args!(" {}: {}.", w(Lang::Sv), band.label(Lang::Sv).to_lowercase()),
            format_args!(" {}: {}.", w(Lang::En), band.label(Lang::En).to_lowercase()),
        );
        if a.recommendation.borderline {
            t.push(
                " Poängen ligger inom 0,25 från en bandgräns: väg bedömningen särskilt noga.",
                " The score lies within 0.25 of a band edge: weigh the assessment with particular care.",
            );
        }
    }
}

fn recommendation_words(t: &mut Bilingual<String>, a: &Assessment) {
    let r = &a.recommendation;
    match r.risk {
        RiskLevel::Unlikely => t.push(
            " Presumtion: incidenten medför sannolikt ingen risk för de registrerade. Dokumentera den (art. 33.5); \
             ingen anmälan till IMY.",
            " Presumption: the breach is unlikely to result in a risk to the data subjects. Document it \
             (Art. 33(5)); no notification to IMY.",
        ),
        RiskLevel::Risk => t.push(
            " Presumtion: en risk. Anmäl incidenten till IMY (art. 33.1) och dokumentera den; de registrerade \
             behöver inte informeras (ingen hög risk).",
            " Presumption: a risk. Notify IMY (Art. 33(1)) and document the breach; the data subjects need not \
             be informed (no high risk).",
        ),
        RiskLevel::HighRisk => t.push(
            " Presumtion: en hög risk. Anmäl incidenten till IMY (art. 33.1) och dokumentera den.",
            " Presumption: a high risk. Notify IMY (Art. 33(1)) and document the breach.",
        ),
        _ => {
            let (sv, en) = if r.notify_authority {
                (
                    " Uppgifterna avgör inte risken ännu. Anmäl till IMY, vid behov i etapper (art. 33.4), \
                     eftersom en risk inte kan uteslutas.",
                    " The inputs do not settle the risk yet. Notify IMY, in phases if needed (Art. 33(4)), \
                     since a risk cannot be ruled out.",
                )
            } else {
                (
                    " Uppgifterna avgör inte risken ännu, men inte ens den högsta möjliga poängen är en risk.",
                    " The inputs do not settle the risk yet, but not even the highest possible score is a risk.",
                )
            };
            t.push(sv, en);
        }
    }
    if r.inform_data_subjects {
        t.push(
            " Informera de registrerade utan onödigt dröjsmål (art. 34.1).",
            " Inform the data subjects without undue delay (Art. 34(1)).",
        );
    } else if let Some(g) = r.art34_ground {
        t.write(
            format_args!(
                " De registrerade behöver inte informeras var för sig om undantaget gäller: {}.",
                g.label(Lang::Sv)
            ),
            format_args!(
                " The data subjects need not be informed individually if the exemption applies: {}.",
                g.label(Lang::En)
            ),
        );
        if r.public_communication {
            t.push(
                " Informera i stället genom ett offentligt meddelande eller en lika effektiv åtgärd.",
                " Inform them instead by a public communication or a similarly effective measure.",
            );
        }
    }
}

fn conclusion_words(t: &mut Bilingual<String>, a: &Assessment, inputs: &RiskAssessment) {
    let Some(c) = a.controller_conclusion else { return };
    t.write(
        format_args!(" Den personuppgiftsansvariges slutsats: ”{}”.", c.label(Lang::Sv)),
        format_args!(" The controller's conclusion: “{}”.", c.label(Lang::En)),
    );
    if a.method == Method::Enisa && a.recommendation.determined && c != a.recommendation.risk {
        if inputs.conclusion_reason.is_some() {
            t.push(
                " Den avviker från metodens presumtion; skälet anges i bedömningen.",
                " It departs from the method's presumption; the reason is given in the assessment.",
            );
        } else {
            t.push(
                " Den avviker från metodens presumtion, och inget skäl anges: dokumentera skälet.",
                " It departs from the method's presumption, and no reason is given: document the reason.",
            );
        }
    }
}

//! Consistency with the law: the severity against the data and the persons concerned, and informing
//! the data subjects (GDPR Art. 34).

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::Field;
use crate::lang::{lower_first, Lang};
use crate::model::affected::{DataCategory, SubjectGroup};
use crate::model::consequences::Severity;
use crate::model::incident::DiscoveryMethod;
use crate::values::choice::{Choice, YesNo};

fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

pub(super) fn law(ctx: &mut Ctx<'_>) {
    sensitive_data_low_severity(ctx);
    not_informing(ctx);
    processor_informed_not_involved(ctx);
}

/// Question 17 = "Ett personuppgiftsbiträde informerade oss" with question 21 = Nej.
fn processor_informed_not_involved(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    if n.incident.discovery_method != Some(DiscoveryMethod::ProcessorInformed)
        || n.processors.involved != Some(YesNo::No)
    {
        return;
    }
    let p = Field::ProcessorsInvolved.pattern_str();
    let s = subject(p);
    let label = DiscoveryMethod::ProcessorInformed;
    let sv = format!(
        "{} är ”Nej”, men enligt fråga 17 upptäcktes incidenten genom att ”{}”. Ett biträde som \
         upptäcker en incident ska underrätta den personuppgiftsansvarige (GDPR art. 33.2); kontrollera \
         svaren och ange i så fall biträdet i fråga 22.",
        s.text.sv,
        lower_first(label.label(Lang::Sv))
    );
    let en = format!(
        "{} is “Nej”, but according to question 17 the breach was discovered because “{}”. A processor that \
         becomes aware of a breach notifies the controller (GDPR Art. 33(2)); check the answers and, if so, \
         name the processor in question 22.",
        s.text.en,
        lower_first(label.label(Lang::En))
    );
    ctx.push(
        "processor-informed-not-involved",
        p.into(),
        &[Field::IncidentDiscoveryMethod.pattern_str()],
        sv,
        en,
    );
}

/// "Not serious" (29) for special categories, criminal-offence data or vulnerable persons.
fn sensitive_data_low_severity(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let severity = n.consequences.severity;
    let d = &n.data_and_subjects;
    if severity != Some(Severity::NotSerious) {
        return;
    }
    let mut sv = Vec::new();
    let mut en = Vec::new();
    let special: Vec<DataCategory> = d.data_categories.iter().filter(|c| c.is_special_category()).collect();
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
        let p = Field::Severity.pattern_str();
        let s = subject(p);
        let msg_sv = format!(
            "{} är ”{}”, men incidenten gäller {}. Sådana uppgifter och personer innebär normalt en högre \
             risk för de registrerade (GDPR art. 9 och 10, skäl 75); pröva bedömningen igen.",
            s.text.sv,
            Severity::NotSerious.label(Lang::Sv),
            join(&sv, "och")
        );
        let msg_en = format!(
            "{} is “{}”, but the breach concerns {}. Such data and persons normally mean a higher risk for \
             the data subjects (GDPR Art. 9 and 10, recital 75); reconsider the assessment.",
            s.text.en,
            Severity::NotSerious.label(Lang::En),
            join(&en, "and")
        );
        ctx.push(
            "sensitive-data-low-severity",
            p.into(),
            &[Field::DataCategories.pattern_str(), Field::DataSubjectGroups.pattern_str()],
            msg_sv,
            msg_en,
        );
    }
}

/// No informing of the data subjects (31, 33) and no reason (35) with a high severity (29) or
/// encrypted data (27).
fn not_informing(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let severity = n.consequences.severity;
    let d = &n.data_and_subjects;
    let info = &n.data_subject_information;
    let not_informing = info.informed != Some(YesNo::Yes)
        && info.will_inform != Some(YesNo::Yes)
        && info.reason_not_informing.is_none();
    let deps = [
        Field::Informed.pattern_str(),
        Field::WillInform.pattern_str(),
        Field::ReasonNotInforming.pattern_str(),
    ];
    let p = Field::ReasonNotInforming.pattern_str();
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
            all.push(Field::Severity.pattern_str());
            ctx.push("high-severity-not-informing", p.into(), &all, sv, en);
        }
    }
    // Art. 34 can apply only at a high risk: severity 3–4, or special categories of data (Art. 9).
    let high_risk = severity.is_some_and(|s| s >= Severity::Serious)
        || d.data_categories.iter().any(|c| c.is_special_category());
    if d.encrypted == Some(YesNo::Yes) && not_informing && high_risk {
        // Question 35 is asked only when 33 = Nej (and 33 only when 31 = Nej): the advice says so.
        let asked = info.will_inform == Some(YesNo::No);
        let (then_sv, then_en) = if asked {
            ("", "")
        } else {
            ("besvara frågorna 31 och 33 med ”Nej” och ", "answer questions 31 and 33 with “Nej” and ")
        };
        let sv = format!(
            "Uppgifterna var krypterade (fråga 27) och frågorna 31 och 33 anger inte att de registrerade \
             informeras. Om ni stöder er på undantaget i GDPR art. 34.3 a (uppgifterna är obegripliga för \
             obehöriga), {then_sv}ange det och hur nyckeln skyddades i fråga 35 (Varför kommer ni inte att \
             informera de registrerade?)."
        );
        let en = format!(
            "The data was encrypted (question 27) and questions 31 and 33 do not say that the data subjects \
             are informed. If you rely on the exemption of GDPR Art. 34(3)(a) (the data is unintelligible to \
             unauthorised persons), {then_en}say so, and how the key was protected, in question 35 (Why will you \
             not inform the data subjects?)."
        );
        let mut all = deps.to_vec();
        all.push(Field::DataEncrypted.pattern_str());
        all.push(Field::Severity.pattern_str());
        ctx.push("encryption-exemption-not-stated", p.into(), &all, sv, en);
    }
}

//! The rules of a breach record. Messages name answers, never their content.

use time::Date;

use super::{local_date, Found};
use crate::assessment::Assessment;
use crate::model::assessment::RiskLevel;
use crate::model::decision::{DecisionOutcome, InformGround, NotNotifyingReason};
use crate::model::record::{BreachRecord, IncidentStatus};
use crate::validation::options::ValidationOptions;

/// An answer of the record: its pointer, its Swedish and English names, and whether it is given.
type Answer = (&'static str, &'static str, &'static str, fn(&BreachRecord) -> bool);

/// What every record documents (GDPR Art. 33(5)): errors when missing.
const REQUIRED: &[Answer] = &[
    ("/id", "Incidentens id", "The record's identifier", |r| r.id.is_some()),
    ("/controller/name", "Organisationens namn", "The organisation's name", |r| r.controller.name.is_some()),
    ("/facts/description", "Beskrivningen av vad som hänt", "The description of what happened", |r| {
        r.facts.description.is_some()
    }),
    (
        "/facts/discovered/date",
        "Datum då incidenten upptäcktes",
        "The date the breach was discovered",
        |r| r.facts.discovered.date.is_some(),
    ),
    ("/facts/breachTypes", "Typ av incident", "The kind of breach", |r| !r.facts.breach_types.is_empty()),
    (
        "/decisions/notifyAuthority/decision",
        "Beslutet om anmälan till IMY",
        "The decision whether to notify IMY",
        |r| r.decisions.notify_authority.decision.is_some(),
    ),
    ("/status", "Status", "The status", |r| r.status.is_some()),
];

/// What a record should document where it can: warnings when missing.
const RECOMMENDED: &[Answer] = &[
    ("/facts/occurred/date", "Datum då incidenten inträffade", "The date the breach occurred", |r| {
        r.facts.occurred.date.is_some() || r.facts.occurred.comment.is_some()
    }),
    ("/facts/cause", "Orsaken", "The cause", |r| r.facts.cause.is_some()),
    ("/affected/subjectGroups", "Grupperna av registrerade", "The groups of data subjects", |r| {
        !r.affected.subject_groups.is_empty()
    }),
    ("/affected/dataCategories", "Slagen av personuppgifter", "The kinds of personal data", |r| {
        !r.affected.data_categories.is_empty()
    }),
    ("/assessment", "Riskbedömningen", "The risk assessment", |r| r.assessment.is_some()),
    (
        "/decisions/informDataSubjects/decision",
        "Beslutet om information till de registrerade",
        "The decision whether to inform the data subjects",
        |r| r.decisions.inform_data_subjects.decision.is_some(),
    ),
    ("/actions", "Åtgärderna", "The actions taken", |r| !r.actions.is_empty()),
    ("/retainUntil", "Hur länge dokumentationen sparas", "How long the record is kept", |r| {
        r.retain_until.is_some()
    }),
];

pub(super) fn required(r: &BreachRecord, found: &mut Found<'_>) {
    for (pointer, sv, en, given) in REQUIRED {
        if !given(r) {
            found.push(
                "record-required",
                pointer,
                &[],
                format!("{sv} saknas; det dokumenteras för varje incident (GDPR art. 33.5)."),
                format!("{en} is missing; it is documented for every breach (GDPR Art. 33(5))."),
            );
        }
    }
    for (pointer, sv, en, given) in RECOMMENDED {
        if !given(r) {
            found.push(
                "record-recommended",
                pointer,
                &[],
                format!("{sv} saknas; dokumentera det om det går."),
                format!("{en} is missing; document it where you can."),
            );
        }
    }
    if r.status == Some(IncidentStatus::Concluded) && r.closed_on.is_none() {
        found.push(
            "closed-without-date",
            "/closedOn",
            &["/status"],
            "Incidenten är avslutad men datum för avslut saknas.".into(),
            "The breach is concluded but the closing date is missing.".into(),
        );
    }
}

pub(super) fn decisions(r: &BreachRecord, found: &mut Found<'_>) {
    const NOTIFY: &str = "/decisions/notifyAuthority";
    const INFORM: &str = "/decisions/informDataSubjects";
    let notify = &r.decisions.notify_authority;
    let filed = r.initial_filing().is_some_and(|f| f.submitted_at.is_some());
    match notify.decision {
        Some(DecisionOutcome::Yes) if !filed => found.push(
            "notified-without-filing",
            "/filings",
            &[],
            "Beslutet är att anmäla till IMY, men ingen inlämning av anmälan (slag \"initial\" med tidpunkt) är dokumenterad.".into(),
            "The decision is to notify IMY, but no filing of the notification (kind \"initial\" with its moment) is recorded.".into(),
        ),
        Some(DecisionOutcome::No) if notify.reason.is_none() => found.push(
            "not-notifying-reason-required",
            &format!("{NOTIFY}/reason"),
            &[],
            "Beslutet är att inte anmäla till IMY; ange skälet (till exempel att incidenten sannolikt inte medför en risk).".into(),
            "The decision is not to notify IMY; give the reason (for example that the breach is unlikely to result in a risk).".into(),
        ),
        Some(DecisionOutcome::No) if notify.explanation.is_none() => found.push(
            "not-notifying-reason-required",
            &format!("{NOTIFY}/explanation"),
            &[],
            "Beslutet är att inte anmäla till IMY; motivera varför.".into(),
            "The decision is not to notify IMY; explain why.".into(),
        ),
        Some(DecisionOutcome::No) if !r.filings.is_empty() => found.push(
            "filing-contradicts-decision",
            &format!("{NOTIFY}/decision"),
            &["/filings"],
            "Beslutet är att inte anmäla till IMY, men en inlämning till IMY är dokumenterad.".into(),
            "The decision is not to notify IMY, but a filing with IMY is recorded.".into(),
        ),
        _ => {}
    }
    let inform = &r.decisions.inform_data_subjects;
    match (inform.decision, inform.ground) {
        (Some(DecisionOutcome::No), None) => found.push(
            "not-informing-ground-required",
            &format!("{INFORM}/ground"),
            &[],
            "Beslutet är att inte informera de registrerade; ange grunden (ingen hög risk eller art. 34.3 a, b eller c).".into(),
            "The decision is not to inform the data subjects; give the ground (no high risk, or Art. 34(3)(a), (b) or (c)).".into(),
        ),
        (Some(DecisionOutcome::No), Some(InformGround::DisproportionateEffort))
            if !r.communication.as_ref().is_some_and(|c| c.is_public()) =>
        {
            found.push(
                "public-communication-required",
                "/communication/channels",
                &[&format!("{INFORM}/ground")],
                "Grunden är oproportionerligt stor ansträngning (art. 34.3 c); då krävs ett offentligt meddelande (webbplats, press eller annat offentligt meddelande).".into(),
                "The ground is disproportionate effort (Art. 34(3)(c)); a public communication (website, press or another public notice) is then required.".into(),
            )
        }
        (Some(DecisionOutcome::Yes), _)
            if !r.communication.as_ref().is_some_and(|c| c.sent_on.is_some() || c.planned_on.is_some()) =>
        {
            found.push(
                "communication-date-missing",
                "/communication/sentOn",
                &[],
                "Beslutet är att informera de registrerade; ange när de informerades eller ska informeras.".into(),
                "The decision is to inform the data subjects; give when they were or will be informed.".into(),
            )
        }
        _ => {}
    }
    against_conclusion(r, found);
}

/// The decisions against the controller's own conclusion on the risk.
fn against_conclusion(r: &BreachRecord, found: &mut Found<'_>) {
    let Some(conclusion) = r.assessment.as_ref().and_then(|a| a.conclusion) else { return };
    let risky = matches!(conclusion, RiskLevel::Risk | RiskLevel::HighRisk);
    let notify = &r.decisions.notify_authority;
    if risky
        && notify.decision == Some(DecisionOutcome::No)
        && notify.reason == Some(NotNotifyingReason::RiskUnlikely)
    {
        found.push(
            "decision-against-conclusion",
            "/decisions/notifyAuthority/reason",
            &["/assessment/conclusion"],
            "Skälet att inte anmäla är att en risk är osannolik, men riskbedömningens slutsats är att incidenten medför en risk.".into(),
            "The reason for not notifying is that a risk is unlikely, but the risk assessment concludes that there is a risk.".into(),
        );
    }
    let inform = &r.decisions.inform_data_subjects;
    if conclusion == RiskLevel::HighRisk && inform.ground == Some(InformGround::NoHighRisk) {
        found.push(
            "decision-against-conclusion",
            "/decisions/informDataSubjects/ground",
            &["/assessment/conclusion"],
            "Grunden för att inte informera är att risken inte är hög, men riskbedömningens slutsats är hög risk.".into(),
            "The ground for not informing is that the risk is not high, but the risk assessment concludes high risk.".into(),
        );
    }
}

/// The moments of the record that come after discovery, by date, with their names.
fn after_discovery(r: &BreachRecord) -> Vec<(String, Date, &'static str, &'static str)> {
    let mut out = Vec::new();
    for (i, f) in r.filings.iter().enumerate() {
        if let Some(at) = f.submitted_at {
            out.push((
                format!("/filings/{i}/submittedAt"),
                local_date(at.get()),
                "Inlämningen till IMY",
                "The filing with IMY",
            ));
        }
    }
    let decided = [
        ("/decisions/notifyAuthority/decidedAt", r.decisions.notify_authority.decided_at),
        ("/decisions/informDataSubjects/decidedAt", r.decisions.inform_data_subjects.decided_at),
    ];
    for (pointer, at) in decided {
        if let Some(at) = at {
            out.push((pointer.to_owned(), local_date(at.get()), "Beslutet", "The decision"));
        }
    }
    if let Some(on) = r.communication.as_ref().and_then(|c| c.sent_on) {
        out.push((
            "/communication/sentOn".into(),
            on.date(),
            "Informationen till de registrerade",
            "The communication to the data subjects",
        ));
    }
    if let Some(on) = r.closed_on {
        out.push(("/closedOn".into(), on.date(), "Avslutet", "The closing"));
    }
    out
}

pub(super) fn dates(r: &BreachRecord, found: &mut Found<'_>) {
    let order = |found: &mut Found<'_>, later: &str, earlier: &str, names: [&str; 4]| {
        let [later_sv, later_en, earlier_sv, earlier_en] = names;
        found.push(
            "record-date-order",
            later,
            &[earlier],
            format!("{later_sv} ligger före {earlier_sv}."),
            format!("{later_en} is before {earlier_en}."),
        );
    };
    let occurred = r.facts.occurred.date.map(|d| d.date());
    let discovered = r.facts.discovered.date.map(|d| d.date());
    if let (Some(o), Some(d)) = (occurred, discovered) {
        if d < o {
            order(
                found,
                "/facts/discovered",
                "/facts/occurred",
                ["Upptäckten", "The discovery", "händelsen", "the occurrence"],
            );
        }
    }
    if let (Some(o), Some(c)) = (occurred, r.facts.ceased.date.map(|d| d.date())) {
        if c < o {
            order(
                found,
                "/facts/ceased",
                "/facts/occurred",
                ["Upphörandet", "The cessation", "händelsen", "the occurrence"],
            );
        }
    }
    if let Some(d) = discovered {
        for (pointer, on, sv, en) in after_discovery(r) {
            if on < d {
                order(found, &pointer, "/facts/discovered", [sv, en, "upptäckten", "the discovery"]);
            }
        }
    }
    if let (Some(closed), Some(kept)) = (r.closed_on, r.retain_until) {
        if kept.date() < closed.date() {
            order(
                found,
                "/retainUntil",
                "/closedOn",
                ["Slutet på lagringstiden", "The end of retention", "avslutet", "the closing"],
            );
        }
    }
}

pub(super) fn lateness(r: &BreachRecord, options: &ValidationOptions, found: &mut Found<'_>) {
    let Some(at) = r.initial_filing().and_then(|f| f.submitted_at) else { return };
    if r.decisions.notify_authority.late_reason.is_some() {
        return;
    }
    let late = crate::time::deadline::gdpr_lateness(&r.to_notification(), at.get(), options.policy);
    if let Ok(Some(lateness)) = late {
        if lateness.late_by.is_some() {
            found.push(
                "record-late-reason-required",
                "/decisions/notifyAuthority/lateReason",
                &["/facts/discovered", "/filings"],
                "Anmälan lämnades in senare än 72 timmar efter att incidenten upptäcktes; ange skälen till dröjsmålet (GDPR art. 33.1).".into(),
                "The notification was filed later than 72 hours after the breach was discovered; give the reasons for the delay (GDPR Art. 33(1)).".into(),
            );
        }
    }
}

/// A decision not to notify, without an explanation, against an assessment that settles the risk
/// and recommends notifying.
pub(super) fn against_assessment(r: &BreachRecord, a: &Assessment, found: &mut Found<'_>) {
    let notify = &r.decisions.notify_authority;
    if notify.decision != Some(DecisionOutcome::No) || notify.explanation.is_some() {
        return;
    }
    if a.recommendation.determined && a.recommendation.notify_authority {
        found.push(
            "notify-no-against-assessment",
            "/decisions/notifyAuthority/explanation",
            &["/assessment"],
            "Beslutet är att inte anmäla till IMY, men riskbedömningen rekommenderar anmälan; motivera beslutet.".into(),
            "The decision is not to notify IMY, but the risk assessment recommends notifying; explain the decision.".into(),
        );
    }
}

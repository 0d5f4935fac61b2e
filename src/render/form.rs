//! The form, one function per section, in the form's order.

use super::{date, text, time, yes_no, Answer, Builder, Mark};
use crate::notification::Notification;
use crate::supplement::SupplementAndConfidentiality;
use crate::validation::applies;

/// The form, section by section.
pub(super) fn form(b: &mut Builder, n: &Notification) {
    controller(b, n);
    contact_details(b, n);
    incident(b, n);
    processors(b, n);
    data_and_subjects(b, n);
    consequences(b, n);
    data_subject_information(b, n);
    supplement_and_confidentiality(b, n);
}

/// Personuppgiftsansvarig: the controller.
fn controller(b: &mut Builder, n: &Notification) {
    let c = &n.controller;
    b.section("controller");
    b.simple("Controller", "name", Mark::Asterisk, text(&c.name));
    b.simple(
        "Controller",
        "organisationNumber",
        Mark::None,
        c.organisation_number.as_ref().map(ToString::to_string),
    );
    b.question("Controller", "postalAddress", Mark::None);
    b.address(&c.postal_address, Mark::None);
    b.simple("Controller", "internalReference", Mark::None, text(&c.internal_reference));
}

/// Kontaktuppgifter för anmälan: the contact persons and the correspondence address.
fn contact_details(b: &mut Builder, n: &Notification) {
    let cd = &n.contact_details;
    b.section("contactDetails");
    let none = [crate::contact::ContactPerson::default()];
    let persons = if cd.contact_persons.is_empty() { &none[..] } else { &cd.contact_persons[..] };
    for (i, p) in persons.iter().enumerate() {
        b.entry(i, persons.len());
        b.simple("ContactPerson", "name", Mark::Asterisk, text(&p.name));
        b.simple("ContactPerson", "role", Mark::None, text(&p.role));
        b.simple("ContactPerson", "email", Mark::Asterisk, p.email.as_ref().map(ToString::to_string));
        b.simple("ContactPerson", "phone", Mark::Asterisk, p.phone.as_ref().map(ToString::to_string));
    }
    b.question("ContactDetails", "correspondenceAddress", Mark::None);
    b.address(&cd.correspondence_address, Mark::Asterisk);
}

/// Incidenten: the breach.
fn incident(b: &mut Builder, n: &Notification) {
    let inc = &n.incident;
    b.section("incident");
    b.question("Incident", "occurred", Mark::None);
    b.event_time(&inc.occurred);
    b.question("Incident", "discovered", Mark::None);
    b.event_time(&inc.discovered);
    b.simple("Incident", "ongoing", Mark::None, yes_no(b, inc.ongoing));
    if applies(n, "/incident", "ceased") || !inc.ceased.is_empty() {
        b.question("Incident", "ceased", Mark::None);
        b.event_time(&inc.ceased);
    }
    b.simple("Incident", "lateReason", Mark::None, text(&inc.late_reason));
    b.simple("Incident", "nature", Mark::None, b.choice(inc.nature));
    b.simple("Incident", "description", Mark::None, text(&inc.description));
    b.simple("Incident", "discoveryMethod", Mark::None, b.choice(inc.discovery_method));
    b.simple("Incident", "cause", Mark::None, b.choice(inc.cause));
    b.other_comment(
        "Incident",
        "causeComment",
        applies(n, "/incident", "causeComment"),
        inc.cause_comment.as_ref(),
    );
    b.simple("Incident", "sector", Mark::None, b.choice(inc.sector));
    b.simple("Incident", "areaOfActivity", Mark::None, b.choice(inc.area_of_activity));
    b.other_comment(
        "Incident",
        "areaOfActivityComment",
        applies(n, "/incident", "areaOfActivityComment"),
        inc.area_of_activity_comment.as_ref(),
    );
}

/// Biträden: the processors.
fn processors(b: &mut Builder, n: &Notification) {
    let pr = &n.processors;
    b.section("processors");
    b.simple("Processors", "involved", Mark::None, yes_no(b, pr.involved));
    if applies(n, "/processors", "organisations") || !pr.organisations.is_empty() {
        b.question("Processors", "organisations", Mark::None);
        if pr.organisations.is_empty() {
            b.answer(Answer::Unanswered);
        }
        for (i, p) in pr.organisations.iter().enumerate() {
            b.entry(i, pr.organisations.len());
            b.field("Processor", "name", Mark::None, text(&p.name));
            b.field(
                "Processor",
                "organisationNumber",
                Mark::None,
                p.organisation_number.as_ref().map(ToString::to_string),
            );
        }
    }
}

/// Uppgifterna och de registrerade: the data and the data subjects.
fn data_and_subjects(b: &mut Builder, n: &Notification) {
    let d = &n.data_and_subjects;
    b.section("dataAndSubjects");
    b.question("DataAndSubjects", "subjectCount", Mark::None);
    b.count(&d.subject_count);
    b.question("DataAndSubjects", "recordCount", Mark::None);
    b.count(&d.record_count);
    b.question("DataAndSubjects", "subjectGroups", Mark::None);
    b.set(&d.subject_groups);
    b.other_comment(
        "DataAndSubjects",
        "subjectGroupsComment",
        applies(n, "/dataAndSubjects", "subjectGroupsComment"),
        d.subject_groups_comment.as_ref(),
    );
    b.question("DataAndSubjects", "dataCategories", Mark::None);
    b.set(&d.data_categories);
    b.other_comment(
        "DataAndSubjects",
        "dataCategoriesComment",
        applies(n, "/dataAndSubjects", "dataCategoriesComment"),
        d.data_categories_comment.as_ref(),
    );
    b.simple("DataAndSubjects", "encrypted", Mark::None, yes_no(b, d.encrypted));
}

/// Konsekvenser: the consequences and the measures taken.
fn consequences(b: &mut Builder, n: &Notification) {
    let k = &n.consequences;
    b.section("consequences");
    b.question("Consequences", "likelyConsequences", Mark::None);
    b.set(&k.likely_consequences);
    b.other_comment(
        "Consequences",
        "likelyConsequencesComment",
        applies(n, "/consequences", "likelyConsequencesComment"),
        k.likely_consequences_comment.as_ref(),
    );
    b.simple("Consequences", "severity", Mark::None, b.choice(k.severity));
    b.question("Consequences", "actions", Mark::None);
    if k.actions.is_empty() {
        b.answer(Answer::Unanswered);
    }
    for (i, a) in k.actions.iter().enumerate() {
        b.entry(i, k.actions.len());
        b.field("Action", "date", Mark::None, date(a.date));
        b.field("Action", "time", Mark::None, time(a.time));
        b.field("Action", "description", Mark::None, text(&a.description));
    }
}

/// Information till de registrerade: informing the data subjects.
fn data_subject_information(b: &mut Builder, n: &Notification) {
    let info = &n.data_subject_information;
    b.section("dataSubjectInformation");
    b.simple("DataSubjectInformation", "informed", Mark::None, yes_no(b, info.informed));
    // Questions 32 and 34 show their date as the e-service's copy does, under "Datum".
    if applies(n, "/dataSubjectInformation", "informedOn") || info.informed_on.is_some() {
        b.question("DataSubjectInformation", "informedOn", Mark::None);
        b.field("EventTime", "date", Mark::None, date(info.informed_on));
    }
    if applies(n, "/dataSubjectInformation", "willInform") || info.will_inform.is_some() {
        b.simple("DataSubjectInformation", "willInform", Mark::None, yes_no(b, info.will_inform));
    }
    if applies(n, "/dataSubjectInformation", "plannedOn") || info.planned_on.is_some() {
        b.question("DataSubjectInformation", "plannedOn", Mark::None);
        b.field("EventTime", "date", Mark::None, date(info.planned_on));
    }
    if applies(n, "/dataSubjectInformation", "reasonNotInforming") || info.reason_not_informing.is_some() {
        b.simple(
            "DataSubjectInformation",
            "reasonNotInforming",
            Mark::None,
            text(&info.reason_not_informing),
        );
    }
}

/// Komplettering/eventuell sekretess: a supplement and confidentiality.
fn supplement_and_confidentiality(b: &mut Builder, n: &Notification) {
    let s: &SupplementAndConfidentiality = &n.supplement_and_confidentiality;
    b.section("supplementAndConfidentiality");
    b.simple(
        "SupplementAndConfidentiality",
        "intendsToSupplement",
        Mark::None,
        yes_no(b, s.intends_to_supplement),
    );
    b.simple(
        "SupplementAndConfidentiality",
        "confidentialityRequest",
        Mark::None,
        s.confidentiality_text(b.lang),
    );
}

//! The form, one function per section, in the form's order. Labels, asterisks and which
//! conditional questions show come from the form table ([`Field`]); only the layout is written here.

use super::{date, shows, text, time, yes_no, Answer, Builder};
use crate::form::Field;
use crate::notification::Notification;
use crate::supplement::SupplementAndConfidentiality;

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
    b.section(Field::Controller);
    b.simple(Field::ControllerName, text(&c.name));
    b.simple(Field::ControllerOrganisationNumber, c.organisation_number.as_ref().map(ToString::to_string));
    b.question(Field::ControllerPostalAddress);
    b.address(Field::ControllerPostalAddress, &c.postal_address);
    b.simple(Field::ControllerInternalReference, text(&c.internal_reference));
}

/// Kontaktuppgifter för anmälan: the contact persons and the correspondence address.
fn contact_details(b: &mut Builder, n: &Notification) {
    let cd = &n.contact_details;
    b.section(Field::ContactDetails);
    let none = [crate::contact::ContactPerson::default()];
    let persons = if cd.contact_persons.is_empty() { &none[..] } else { &cd.contact_persons[..] };
    for (i, p) in persons.iter().enumerate() {
        b.entry(i, persons.len());
        b.simple(Field::ContactPersonName, text(&p.name));
        b.simple(Field::ContactPersonRole, text(&p.role));
        b.simple(Field::ContactPersonEmail, p.email.as_ref().map(ToString::to_string));
        b.simple(Field::ContactPersonPhone, p.phone.as_ref().map(ToString::to_string));
    }
    b.question(Field::CorrespondenceAddress);
    b.address(Field::CorrespondenceAddress, &cd.correspondence_address);
}

/// Incidenten: the breach.
fn incident(b: &mut Builder, n: &Notification) {
    let inc = &n.incident;
    b.section(Field::Incident);
    b.question(Field::IncidentOccurred);
    b.event_time(Field::IncidentOccurred, &inc.occurred);
    b.question(Field::IncidentDiscovered);
    b.event_time(Field::IncidentDiscovered, &inc.discovered);
    b.simple(Field::IncidentOngoing, yes_no(b, inc.ongoing));
    if shows(n, Field::IncidentCeased) {
        b.question(Field::IncidentCeased);
        b.event_time(Field::IncidentCeased, &inc.ceased);
    }
    b.simple(Field::IncidentLateReason, text(&inc.late_reason));
    b.simple(Field::IncidentNature, b.choice(inc.nature));
    b.simple(Field::IncidentDescription, text(&inc.description));
    b.simple(Field::IncidentDiscoveryMethod, b.choice(inc.discovery_method));
    b.simple(Field::IncidentCause, b.choice(inc.cause));
    b.other_comment(n, Field::IncidentCauseComment, inc.cause_comment.as_ref());
    b.simple(Field::IncidentSector, b.choice(inc.sector));
    b.simple(Field::IncidentAreaOfActivity, b.choice(inc.area_of_activity));
    b.other_comment(n, Field::IncidentAreaOfActivityComment, inc.area_of_activity_comment.as_ref());
}

/// Biträden: the processors.
fn processors(b: &mut Builder, n: &Notification) {
    let pr = &n.processors;
    b.section(Field::Processors);
    b.simple(Field::ProcessorsInvolved, yes_no(b, pr.involved));
    if shows(n, Field::ProcessorOrganisations) {
        b.question(Field::ProcessorOrganisations);
        if pr.organisations.is_empty() {
            b.answer(Answer::Unanswered);
        }
        for (i, p) in pr.organisations.iter().enumerate() {
            b.entry(i, pr.organisations.len());
            b.field(Field::ProcessorName, text(&p.name));
            b.field(
                Field::ProcessorOrganisationNumber,
                p.organisation_number.as_ref().map(ToString::to_string),
            );
        }
    }
}

/// Uppgifterna och de registrerade: the data and the data subjects.
fn data_and_subjects(b: &mut Builder, n: &Notification) {
    let d = &n.data_and_subjects;
    b.section(Field::DataAndSubjects);
    b.question(Field::SubjectCount);
    b.count(Field::SubjectCount, &d.subject_count);
    b.question(Field::RecordCount);
    b.count(Field::RecordCount, &d.record_count);
    b.question(Field::DataSubjectGroups);
    b.set(&d.subject_groups);
    b.other_comment(n, Field::DataSubjectGroupsComment, d.subject_groups_comment.as_ref());
    b.question(Field::DataCategories);
    b.set(&d.data_categories);
    b.other_comment(n, Field::DataCategoriesComment, d.data_categories_comment.as_ref());
    b.simple(Field::DataEncrypted, yes_no(b, d.encrypted));
}

/// Konsekvenser: the consequences and the measures taken.
fn consequences(b: &mut Builder, n: &Notification) {
    let k = &n.consequences;
    b.section(Field::Consequences);
    b.question(Field::LikelyConsequences);
    b.set(&k.likely_consequences);
    b.other_comment(n, Field::LikelyConsequencesComment, k.likely_consequences_comment.as_ref());
    b.simple(Field::Severity, b.choice(k.severity));
    b.question(Field::Actions);
    if k.actions.is_empty() {
        b.answer(Answer::Unanswered);
    }
    for (i, a) in k.actions.iter().enumerate() {
        b.entry(i, k.actions.len());
        b.field(Field::ActionDate, date(a.date));
        b.field(Field::ActionTime, time(a.time));
        b.field(Field::ActionDescription, text(&a.description));
    }
}

/// Information till de registrerade: informing the data subjects.
fn data_subject_information(b: &mut Builder, n: &Notification) {
    let info = &n.data_subject_information;
    b.section(Field::DataSubjectInformation);
    b.simple(Field::Informed, yes_no(b, info.informed));
    // Questions 32 and 34 show their date as the e-service's copy does, under "Datum".
    if shows(n, Field::InformedOn) {
        b.question(Field::InformedOn);
        b.labelled(Field::InformedOn, Field::ActionDate, date(info.informed_on));
    }
    if shows(n, Field::WillInform) {
        b.simple(Field::WillInform, yes_no(b, info.will_inform));
    }
    if shows(n, Field::PlannedOn) {
        b.question(Field::PlannedOn);
        b.labelled(Field::PlannedOn, Field::ActionDate, date(info.planned_on));
    }
    if shows(n, Field::ReasonNotInforming) {
        b.simple(Field::ReasonNotInforming, text(&info.reason_not_informing));
    }
}

/// Komplettering/eventuell sekretess: a supplement and confidentiality.
fn supplement_and_confidentiality(b: &mut Builder, n: &Notification) {
    let s: &SupplementAndConfidentiality = &n.supplement_and_confidentiality;
    b.section(Field::SupplementAndConfidentiality);
    b.simple(Field::IntendsToSupplement, yes_no(b, s.intends_to_supplement));
    b.simple(Field::ConfidentialityRequest, s.confidentiality_text(b.lang));
}

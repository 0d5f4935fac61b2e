//! The counts of questions 23 and 24: an exact number within its interval, and no fewer records
//! than data subjects.

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::Field;
use crate::lang::Lang;
use crate::model::affected::Count;
use crate::values::choice::Choice;

pub(super) fn counts(ctx: &mut Ctx<'_>) {
    let d = &ctx.n.data_and_subjects;
    for (p, c) in [
        (Field::SubjectCount.pattern_str(), &d.subject_count),
        (Field::RecordCount.pattern_str(), &d.record_count),
    ] {
        if let (Some(n), Some(i), false) = (c.exact, c.interval, c.is_consistent()) {
            let s = subject(p);
            let sv = format!(
                "{}: det exakta antalet {n} ligger inte i det valda intervallet ”{}”.",
                s.text.sv,
                i.label(Lang::Sv)
            );
            let en = format!(
                "{}: the exact number {n} is not in the chosen interval “{}”.",
                s.text.en,
                i.label(Lang::En)
            );
            ctx.push("count-outside-interval", format!("{p}/exact"), &[], sv, en);
        }
    }
    let (subjects, records): (&Count, &Count) = (&d.subject_count, &d.record_count);
    if let (Some(most_records), Some(least_subjects)) = (records.upper_bound(), subjects.lower_bound()) {
        if most_records < least_subjects && subjects.is_consistent() && records.is_consistent() {
            let p = Field::RecordCount.pattern_str();
            let s = subject(p);
            let sv = format!(
                "{} anger högst {most_records} uppgifter, färre än de minst {least_subjects} registrerade i \
                 fråga 23. Varje registrerad som påverkats har minst en uppgift som påverkats; kontrollera svaren.",
                s.text.sv
            );
            let en = format!(
                "{} gives at most {most_records} records, fewer than the at least {least_subjects} data \
                 subjects of question 23. Each affected data subject has at least one affected record; check \
                 the answers.",
                s.text.en
            );
            ctx.push(
                "records-fewer-than-subjects",
                p.to_string(),
                &[Field::SubjectCount.pattern_str()],
                sv,
                en,
            );
        }
    }
}

//! The rules: each a function that reads the notification (and its JSON form, for the table-driven
//! rules) and records what it finds. One file per family of rules; this one holds what they share.

use super::broken::Broken;
use super::catalogue;
use super::options::ValidationOptions;
use super::report::Report;
use super::subject::form_order_key;
use crate::form::Answers;
use crate::model::notification::Notification;
use ctx::Ctx;

pub(super) mod assessment;
mod characters;
mod conditional;
mod counts;
mod ctx;
mod identifiers;
mod law;
mod markings;
mod personal_data;
mod required;
mod states;
mod time;

use characters::bidi_controls;
use conditional::{conditional, exclusive_options, time_without_date};
use counts::counts;
use identifiers::{organisation_numbers, swedish_postcodes};
use law::law;
use markings::markings;
use personal_data::personal_data;
use required::required;
use states::answer_states;
use time::times;

pub(crate) fn run(n: &Notification, options: &ValidationOptions, broken: &Broken) -> Report {
    let answers = Answers::of(n, personal_data::may_hold_personal_data, characters::may_hold_bidi_control);
    let mut ctx = Ctx { n, answers, broken, out: Vec::new() };
    required(&mut ctx);
    conditional(&mut ctx);
    exclusive_options(&mut ctx);
    time_without_date(&mut ctx);
    counts(&mut ctx);
    answer_states(&mut ctx);
    organisation_numbers(&mut ctx);
    swedish_postcodes(&mut ctx);
    let moment = options.submission_moment(n);
    let late_reason_unchecked = times(&mut ctx, moment, options);
    law(&mut ctx);
    markings(&mut ctx);
    personal_data(&mut ctx);
    bidi_controls(&mut ctx);
    let mut found = ctx.out;
    if found.len() > 1 {
        found.sort_by_cached_key(|(v, _)| form_order_key(&v.pointer));
    }
    let found = super::report::cap(found, |(v, _)| v, |v| (v, None));
    let violations = found
        .into_iter()
        .map(|(mut v, later)| {
            if let Some(write) = later {
                let (sv, en) = write();
                v.message = crate::lang::Bilingual::new(sv, en);
            }
            v
        })
        .collect();
    let skipped = if moment.is_none() {
        catalogue::RULES.iter().filter(|r| r.needs_submission_moment).map(|r| r.code).collect()
    } else if late_reason_unchecked {
        vec!["late-reason-required", "late-reason-date-only"]
    } else {
        Vec::new()
    };
    Report { violations, skipped }
}

//! The rules: each a function that reads the notification (and its JSON form, for the table-driven
//! rules) and records what it finds. One file per family of rules; this one holds what they share.

use super::broken::Broken;
use super::catalogue;
use super::subject::form_order_key;
use super::{Level, Report, ValidationOptions, Violation};
use crate::form::Answers;
use crate::model::notification::Notification;

mod conditional;
mod counts;
mod identifiers;
mod law;
mod markings;
mod personal_data;
mod required;
mod time;

use conditional::{conditional, exclusive_options, time_without_date};
use counts::counts;
use identifiers::organisation_numbers;
use law::law;
use markings::markings;
use personal_data::personal_data;
use required::required;
use time::times;

pub(super) struct Ctx<'a> {
    pub(super) n: &'a Notification,
    /// Which fields `n` answers, from one walk.
    pub(super) answers: Answers,
    pub(super) broken: &'a Broken,
    out: Vec<Violation>,
}

impl Ctx<'_> {
    /// Records a finding of rule `code` about `pointer`, unless it or an answer it depends on was set
    /// aside as unreadable.
    pub(super) fn push(
        &mut self,
        code: &'static str,
        pointer: String,
        depends: &[&str],
        sv: String,
        en: String,
    ) {
        if self.broken.covers(&pointer) || depends.iter().any(|d| self.broken.covers(d)) {
            return;
        }
        let level = catalogue::rule(code).map_or(Level::Error, |r| r.level);
        self.out.push(Violation { pointer, code, level, message_sv: sv, message_en: en });
    }

    pub(super) fn has(&self, pointer: &str, codes: &[&str]) -> bool {
        self.out.iter().any(|v| v.pointer == pointer && codes.contains(&v.code))
    }
}

pub(crate) fn run(n: &Notification, options: &ValidationOptions, broken: &Broken) -> Report {
    let answers = Answers::of(n, personal_data::may_hold_personal_data);
    let mut ctx = Ctx { n, answers, broken, out: Vec::new() };
    required(&mut ctx);
    conditional(&mut ctx);
    exclusive_options(&mut ctx);
    time_without_date(&mut ctx);
    counts(&mut ctx);
    organisation_numbers(&mut ctx);
    let moment = options.submission_moment(n);
    times(&mut ctx, moment, options);
    law(&mut ctx);
    markings(&mut ctx);
    personal_data(&mut ctx);
    let mut violations = ctx.out;
    if violations.len() > 1 {
        violations.sort_by_cached_key(|v| form_order_key(&v.pointer));
    }
    let skipped = if moment.is_none() {
        catalogue::RULES.iter().filter(|r| r.needs_submission_moment).map(|r| r.code).collect()
    } else {
        Vec::new()
    };
    Report { violations, skipped }
}

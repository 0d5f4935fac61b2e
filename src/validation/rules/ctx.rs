//! What every rule works on: the notification, which of its fields are answered, what could not be
//! read, and the findings so far.

use crate::form::Answers;
use crate::lang::Bilingual;
use crate::model::notification::Notification;
use crate::validation::broken::Broken;
use crate::validation::catalogue;
use crate::validation::report::{Level, Violation};

pub(in crate::validation) struct Ctx<'a> {
    pub(in crate::validation) n: &'a Notification,
    /// Which fields `n` answers, from one walk.
    pub(in crate::validation) answers: Answers,
    pub(in crate::validation) broken: &'a Broken,
    /// The findings, each with its message or, for one pushed with [`Ctx::push_later`], the empty
    /// message and what writes it.
    pub(in crate::validation) out: Vec<(Violation, Option<Later>)>,
}

/// Writes a finding's Swedish and English message, once it is known to be reported.
pub(in crate::validation) type Later = Box<dyn FnOnce() -> (String, String)>;

impl Ctx<'_> {
    /// Records a finding of rule `code` about `pointer`, unless it or an answer it depends on was set
    /// aside as unreadable.
    pub(in crate::validation) fn push(
        &mut self,
        code: &'static str,
        pointer: String,
        depends: &[&str],
        sv: String,
        en: String,
    ) {
        self.record(code, pointer, depends, Bilingual::new(sv, en), None);
    }

    /// As [`push`](Ctx::push), for a rule that may find thousands: the message is written only when
    /// the finding is among those reported (see [`MAX_FINDINGS_PER_CODE`](super::super::report::MAX_FINDINGS_PER_CODE)).
    pub(in crate::validation) fn push_later(
        &mut self,
        code: &'static str,
        pointer: String,
        message: impl FnOnce() -> (String, String) + 'static,
    ) {
        self.record(
            code,
            pointer,
            &[],
            Bilingual::new(String::new(), String::new()),
            Some(Box::new(message)),
        );
    }

    fn record(
        &mut self,
        code: &'static str,
        pointer: String,
        depends: &[&str],
        message: Bilingual<String>,
        later: Option<Later>,
    ) {
        if self.broken.covers(&pointer) || depends.iter().any(|d| self.broken.covers(d)) {
            return;
        }
        let level = catalogue::rule(code).map_or(Level::Error, |r| r.level);
        self.out.push((Violation { pointer, code, level, message }, later));
    }

    pub(in crate::validation) fn has(&self, pointer: &str, codes: &[&str]) -> bool {
        self.out.iter().any(|(v, _)| v.pointer == pointer && codes.contains(&v.code))
    }
}

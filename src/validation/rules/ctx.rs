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
    pub(in crate::validation) out: Vec<Violation>,
}

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
        if self.broken.covers(&pointer) || depends.iter().any(|d| self.broken.covers(d)) {
            return;
        }
        let level = catalogue::rule(code).map_or(Level::Error, |r| r.level);
        self.out.push(Violation { pointer, code, level, message: Bilingual::new(sv, en) });
    }

    pub(in crate::validation) fn has(&self, pointer: &str, codes: &[&str]) -> bool {
        self.out.iter().any(|v| v.pointer == pointer && codes.contains(&v.code))
    }
}

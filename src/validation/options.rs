//! How to validate: [`ValidationOptions`].

use time::OffsetDateTime;

use crate::model::notification::Notification;
use crate::time::deadline::CountingPolicy;

/// How to validate: the submission moment and the way the 72 hours are counted
/// ([`CountingPolicy::Elapsed`] unless set).
///
/// # Example
/// ```
/// use imy_breach::ValidationOptions;
/// use time::macros::datetime;
/// let options = ValidationOptions::new().submitted_at(datetime!(2025-03-31 09:00 +02:00));
/// assert_eq!(options.submitted_at, Some(datetime!(2025-03-31 07:00 UTC)));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationOptions {
    /// The moment the notification is, or was, filed. Takes precedence over the document's
    /// `submittedAt`.
    pub submitted_at: Option<OffsetDateTime>,
    /// The current moment, used when neither [`submitted_at`](Self::submitted_at) nor the
    /// document's `submittedAt` is given: pass `OffsetDateTime::now_utc()` to check a notification
    /// about to be filed.
    pub now: Option<OffsetDateTime>,
    /// How the 72 hours of question 14 are counted.
    pub policy: CountingPolicy,
}

impl ValidationOptions {
    /// No submission moment but the document's own `submittedAt`.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the submission moment, which takes precedence over the document's `submittedAt`.
    pub fn submitted_at(mut self, at: OffsetDateTime) -> Self {
        self.submitted_at = Some(at);
        self
    }
    /// Sets the current moment, used when no submission moment is known otherwise.
    pub fn now(mut self, now: OffsetDateTime) -> Self {
        self.now = Some(now);
        self
    }
    /// Sets how the 72 hours of question 14 are counted.
    pub fn policy(mut self, policy: CountingPolicy) -> Self {
        self.policy = policy;
        self
    }
    /// The submission moment for `n`: [`submitted_at`](Self::submitted_at), else the document's
    /// `submittedAt`, else [`now`](Self::now).
    pub fn submission_moment(&self, n: &Notification) -> Option<OffsetDateTime> {
        self.submitted_at.or(n.submitted_at.map(|t| t.get())).or(self.now)
    }
}

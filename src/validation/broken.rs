//! What could not be read: the values of a document set aside before the rules ran.

use crate::wire::pointer::Pointer;

/// The parts of a document that could not be read: values set aside before the rules ran, and lists
/// from which an element was removed (whose later elements moved).
#[derive(Debug, Clone, Default)]
pub(crate) struct Broken {
    values: Vec<Pointer>,
    shifted_lists: Vec<Pointer>,
}

impl Broken {
    /// The values set aside (pointers of the original document) and the lists whose later
    /// elements moved.
    pub(crate) fn new(values: Vec<Pointer>, shifted_lists: Vec<Pointer>) -> Self {
        Broken { values, shifted_lists }
    }

    /// Whether nothing was set aside.
    pub(crate) fn is_empty(&self) -> bool {
        self.values.is_empty() && self.shifted_lists.is_empty()
    }

    /// Whether the answer at `pointer` was set aside, lies in something that was, or holds something
    /// that was (a list or group with an unreadable member is not "missing").
    pub(crate) fn covers(&self, pointer: &str) -> bool {
        if self.is_empty() {
            return false;
        }
        let Ok(p) = Pointer::parse(pointer) else {
            return false;
        };
        self.values.iter().any(|b| p.starts_with(b) || b.starts_with(&p))
            || self.shifted_lists.iter().any(|l| p.len() > l.len() && p.starts_with(l))
    }
}

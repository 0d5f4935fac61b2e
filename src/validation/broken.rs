//! What could not be read: the values of a document set aside before the rules ran.

/// The parts of a document that could not be read: values set aside before the rules ran, and lists
/// from which an element was removed (whose later elements moved).
#[derive(Debug, Clone, Default)]
pub(crate) struct Broken {
    values: Vec<String>,
    shifted_lists: Vec<String>,
}

impl Broken {
    /// The values set aside (pointers of the original document) and the lists whose later
    /// elements moved.
    pub(crate) fn new(values: Vec<String>, shifted_lists: Vec<String>) -> Self {
        Broken { values, shifted_lists }
    }

    /// Whether the answer at `pointer` was set aside, lies in something that was, or holds something
    /// that was (a list or group with an unreadable member is not "missing").
    pub(crate) fn covers(&self, pointer: &str) -> bool {
        let within =
            |p: &str, root: &str| p == root || p.strip_prefix(root).is_some_and(|r| r.starts_with('/'));
        self.values.iter().any(|b| within(pointer, b) || within(b, pointer))
            || self
                .shifted_lists
                .iter()
                .any(|l| pointer.strip_prefix(l.as_str()).is_some_and(|r| r.starts_with('/')))
    }
}

//! What could not be read: the values of a document set aside before the rules ran, and the
//! readable remainder of a document that could not be read as a whole.

use std::cmp::Ordering;

use serde_json::Value;

use crate::error::ParseError;
use crate::notification::Notification;

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

    /// Whether both record the same values and lists, in any order.
    #[cfg(all(test, feature = "generate"))]
    pub(crate) fn same_as(&self, other: &Broken) -> bool {
        let sorted = |v: &[String]| {
            let mut v = v.to_vec();
            v.sort();
            v.dedup();
            v
        };
        sorted(&self.values) == sorted(&other.values)
            && sorted(&self.shifted_lists) == sorted(&other.shifted_lists)
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

/// The readable rest of a document that could not be read: every value at fault set aside. `None`
/// when the document is not JSON, or still cannot be read.
pub(crate) fn remainder(bytes: &[u8], errors: &[ParseError]) -> Option<(Notification, Broken)> {
    let mut value: Value = serde_json::from_slice(bytes).ok()?;
    let mut pointers: Vec<&str> = errors.iter().map(ParseError::pointer).collect();
    // Later list elements first, so that removing one does not move the others.
    pointers.sort_by(|a, b| pointer_order(b, a));
    pointers.dedup();
    let mut broken = Broken::default();
    for p in pointers {
        if p.is_empty() {
            return None;
        }
        if p == "/schemaVersion" {
            value
                .as_object_mut()?
                .insert("schemaVersion".into(), Value::String(crate::SCHEMA_VERSION.into()));
            continue;
        }
        let (parent, last) = p.rsplit_once('/')?;
        let key = last.replace("~1", "/").replace("~0", "~");
        match value.pointer_mut(parent) {
            Some(Value::Object(map)) => {
                map.shift_remove(&key);
            }
            Some(Value::Array(items)) => {
                if let Ok(i) = key.parse::<usize>() {
                    if i < items.len() {
                        items.remove(i);
                        broken.shifted_lists.push(parent.to_string());
                    }
                }
            }
            _ => {}
        }
        broken.values.push(p.to_string());
    }
    let n: Notification = serde_json::from_value(value).ok()?;
    Some((n, broken))
}

/// Orders pointers segment by segment, list indices numerically.
fn pointer_order(a: &str, b: &str) -> Ordering {
    let mut x = a.split('/');
    let mut y = b.split('/');
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(s), Some(t)) => {
                let o = match (s.parse::<usize>(), t.parse::<usize>()) {
                    (Ok(i), Ok(j)) => i.cmp(&j),
                    _ => s.cmp(t),
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
        }
    }
}

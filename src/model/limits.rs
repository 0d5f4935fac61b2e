//! Limits of the model's lists, checked while reading.

use crate::values::error::FieldError;

/// Reads a list, failing as soon as it has more than `MAX` items (nothing beyond is buffered).
pub(crate) fn at_most<'de, D, T, const MAX: usize>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    LIST_LIMIT.with(|l| l.set(Some(MAX)));
    struct V<T, const MAX: usize>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de>, const MAX: usize> serde::de::Visitor<'de> for V<T, MAX> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "an array of at most {MAX} items")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX));
            while let Some(item) = seq.next_element()? {
                if items.len() == MAX {
                    return Err(crate::values::error::reject(FieldError::TooManyItems { max: MAX }));
                }
                items.push(item);
            }
            Ok(items)
        }
    }
    d.deserialize_seq(V::<T, MAX>(std::marker::PhantomData))
}

thread_local! {
    /// The item limit of the last list read with [`at_most`].
    static LIST_LIMIT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// The item limit of the last list read with [`at_most`] since the last call, if any: the reader
/// probes a list with no elements to learn its limit.
pub(crate) fn take_list_limit() -> Option<usize> {
    LIST_LIMIT.with(std::cell::Cell::take)
}

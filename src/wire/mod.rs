//! The wire format: JSON pointers into documents (and, as the layout settles, reading and writing).

pub mod pointer;
pub(crate) mod tree;

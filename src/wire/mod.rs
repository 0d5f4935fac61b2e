//! The wire format: reading documents with every problem ([`read`](self::read)), their limits,
//! reading and writing notifications as JSON, and JSON pointers into documents.

pub(crate) mod error;
pub(crate) mod kind;
pub(crate) mod limits;
pub(crate) mod migrate;
pub mod pointer;
pub(crate) mod read;
pub(crate) mod record;
pub(crate) mod tracked;
pub(crate) mod tree;

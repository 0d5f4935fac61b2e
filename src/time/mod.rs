//! Swedish local time and every deadline a breach starts.

pub mod deadline;
pub mod stockholm;

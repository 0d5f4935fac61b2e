//! Swedish local time, the Swedish calendar and every deadline a breach starts.

pub mod calendar;
pub mod deadline;
pub mod stockholm;

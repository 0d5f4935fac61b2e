//! Exports for other systems: the JSON Schemas (notification and supplement) and the web-form profile.

pub mod form_profile;
pub mod record_schema;
pub mod schema;
pub mod supplement_schema;

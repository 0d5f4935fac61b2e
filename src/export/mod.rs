//! Exports for other systems: the JSON Schema and the web-form profile.

pub mod form_profile;
pub mod record_schema;
pub mod schema;

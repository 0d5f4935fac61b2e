//! Values with rules: option lists, dates and times, Swedish identifiers, free text, and the error a single value can have ([`FieldError`](crate::FieldError)). Above [`lang`](crate::Lang) only.

/// Implements `JsonSchema` for value types whose schema is written out and inlined at each use.
macro_rules! inline_schema {
    ($($ty:ident => $schema:expr;)+) => {$(
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }
            fn inline_schema() -> bool {
                true
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $schema
            }
        }
    )+};
}

pub(crate) mod choice;
pub(crate) mod datetime;
pub(crate) mod error;
pub(crate) mod identifiers;
pub(crate) mod text;

//! The notification, section by section in form order, with its schema version and list limits. Built on the values; imports nothing from reading, validation or the outputs.

pub(crate) mod affected;
pub(crate) mod assessment;
pub(crate) mod consequences;
pub(crate) mod contact;
pub(crate) mod controller;
pub(crate) mod decision;
pub(crate) mod filing;
pub(crate) mod incident;
pub(crate) mod information;
pub(crate) mod limits;
pub(crate) mod notices;
pub(crate) mod notification;
pub(crate) mod processor;
pub(crate) mod record;
pub(crate) mod state;
pub(crate) mod supplement;
pub(crate) mod version;

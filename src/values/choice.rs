//! Option lists: single choices, multiple choices and Ja/Nej answers.
//!
//! Every option list of the form (A–J, and Ja/Nej) is a Rust enum implementing [`Choice`]: a stable
//! snake_case code for the wire format, a Swedish and an English label, and a [`Provenance`] saying
//! whether the Swedish wording is confirmed from the official form or derived. Multiple-choice answers
//! are a [`ChoiceSet`]: no duplicates, always written in form order.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::lang::Lang;
use crate::values::error::FieldError;

/// Where the Swedish wording of an option comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provenance {
    /// The wording appears exactly so in IMY's official form (copy or live e-service).
    Confirmed,
    /// The wording could not be found in a public source and is derived from GDPR terms and IMY's
    /// statistics; it may be corrected against the live e-service without changing the code.
    Derived,
}

impl Provenance {
    /// `"confirmed"` or `"derived"`.
    pub fn code(self) -> &'static str {
        match self {
            Provenance::Confirmed => "confirmed",
            Provenance::Derived => "derived",
        }
    }
}

/// An option of one of the form's option lists.
///
/// Implemented by every option enum. The order of [`Choice::ALL`] is the order on the form.
pub trait Choice: Copy + Eq + fmt::Debug + Sized + 'static {
    /// The name of the option list, as the spec letters it (`"A"`–`"J"`), or `"Ja/Nej"`.
    const LIST: &'static str;
    /// Every option, in form order.
    const ALL: &'static [Self];
    /// The stable snake_case code used in the wire format.
    fn code(self) -> &'static str;
    /// The label in the given language.
    fn label(self, lang: Lang) -> &'static str;
    /// Whether the Swedish label is confirmed or derived.
    fn provenance(self) -> Provenance;
    /// The position on the form, from 0.
    fn index(self) -> usize;
    /// The option with this code, if any.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Declares an option-list enum with its codes, labels and provenance.
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $list:literal {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = ($code:literal, $prov:ident, $sv:literal, $en:literal),
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nCode `", $code, "`: “", $sv, "” / “", $en, "” (", stringify!($prov), ").")]
                $variant,
            )+
        }

        impl $crate::values::choice::Choice for $name {
            const LIST: &'static str = $list;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            fn label(self, lang: $crate::lang::Lang) -> &'static str {
                match lang {
                    $crate::lang::Lang::Sv => match self { $($name::$variant => $sv),+ },
                    $crate::lang::Lang::En => match self { $($name::$variant => $en),+ },
                }
            }
            fn provenance(self) -> $crate::values::choice::Provenance {
                match self { $($name::$variant => $crate::values::choice::Provenance::$prov),+ }
            }
            fn index(self) -> usize {
                self as usize
            }
        }

        impl ::std::fmt::Display for $name {
            /// Writes the wire code.
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::values::choice::Choice::code(*self))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::values::error::FieldError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <Self as $crate::values::choice::Choice>::from_code(s)
                    .ok_or_else(|| $crate::values::choice::unknown_option::<Self>(s))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::values::choice::Choice::code(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::values::choice::deserialize_choice(d)
            }
        }

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                concat!("imy_breach::", stringify!($name)).into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                $crate::values::choice::choice_schema::<Self>()
            }
        }
    };
}
pub(crate) use choice_enum;

/// The error for a code that is not in the list.
pub(crate) fn unknown_option<C: Choice>(given: &str) -> FieldError {
    FieldError::UnknownOption {
        given: crate::lang::shown(given),
        expected: C::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", "),
    }
}

pub(crate) fn deserialize_choice<'de, C: Choice, D: Deserializer<'de>>(d: D) -> Result<C, D::Error> {
    struct V<C>(PhantomData<C>);
    impl<C: Choice> Visitor<'_> for V<C> {
        type Value = C;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an option code of list {} as a string", C::LIST)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<C, E> {
            C::from_code(v).ok_or_else(|| crate::values::error::reject(unknown_option::<C>(v)))
        }
    }
    d.deserialize_str(V(PhantomData))
}

/// The canonical schema of an option list: `oneOf` of `const` + `title` (English label), with the
/// Swedish and English labels under `x-labels` and the provenance under `x-provenance`.
pub(crate) fn choice_schema<C: Choice>() -> schemars::Schema {
    let branches: Vec<serde_json::Value> = C::ALL
        .iter()
        .map(|c| {
            serde_json::json!({
                "const": c.code(),
                "title": c.label(Lang::En),
                "x-labels": { "sv": c.label(Lang::Sv), "en": c.label(Lang::En) },
                "x-provenance": c.provenance().code(),
            })
        })
        .collect();
    schemars::json_schema!({
        "type": "string",
        "x-option-list": C::LIST,
        "oneOf": branches,
    })
}

choice_enum! {
    /// A Ja/Nej answer. Used as `Option<YesNo>` wherever "not answered" must stay distinguishable
    /// from "Nej".
    pub enum YesNo in "Ja/Nej" {
        /// Yes.
        Yes = ("yes", Confirmed, "Ja", "Yes"),
        /// No.
        No = ("no", Confirmed, "Nej", "No"),
    }
}

impl YesNo {
    /// `true` for [`YesNo::Yes`].
    pub fn is_yes(self) -> bool {
        self == YesNo::Yes
    }
}

/// The answer to a multiple-choice question: a set of options without duplicates, written in form
/// order whatever the order it was read or built in.
///
/// An empty set and an absent field mean the same: nothing is selected.
///
/// # Example
/// ```
/// use imy_breach::{ChoiceSet, SubjectGroup};
/// let set: ChoiceSet<SubjectGroup> = [SubjectGroup::Pupils, SubjectGroup::Employees].into_iter().collect();
/// assert_eq!(serde_json::to_string(&set).unwrap(), r#"["employees","pupils"]"#);
/// assert!(serde_json::from_str::<ChoiceSet<SubjectGroup>>(r#"["pupils","pupils"]"#).is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChoiceSet<C> {
    bits: u64,
    _marker: PhantomData<C>,
}

impl<C> Default for ChoiceSet<C> {
    fn default() -> Self {
        ChoiceSet { bits: 0, _marker: PhantomData }
    }
}

impl<C: Choice> ChoiceSet<C> {
    /// The empty set.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds an option; returns `false` if it was already there.
    pub fn insert(&mut self, choice: C) -> bool {
        let bit = 1u64 << choice.index();
        let fresh = self.bits & bit == 0;
        self.bits |= bit;
        fresh
    }
    /// Removes an option; returns `true` if it was there.
    pub fn remove(&mut self, choice: C) -> bool {
        let bit = 1u64 << choice.index();
        let had = self.bits & bit != 0;
        self.bits &= !bit;
        had
    }
    /// Whether the option is selected.
    pub fn contains(&self, choice: C) -> bool {
        self.bits & (1u64 << choice.index()) != 0
    }
    /// The number of selected options.
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }
    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }
    /// The selected options, in form order.
    pub fn iter(&self) -> impl Iterator<Item = C> + '_ {
        C::ALL.iter().copied().filter(move |c| self.contains(*c))
    }
}

impl<C: Choice> fmt::Debug for ChoiceSet<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<C: Choice> FromIterator<C> for ChoiceSet<C> {
    fn from_iter<I: IntoIterator<Item = C>>(iter: I) -> Self {
        let mut set = Self::new();
        for c in iter {
            set.insert(c);
        }
        set
    }
}

/// A set of the options listed, as [`FromIterator`] builds it: duplicates count once, and the set
/// is written in form order whatever the order here.
///
/// ```
/// use imy_breach::{ChoiceSet, DataCategory};
/// let set = ChoiceSet::from([DataCategory::IdentifyingInformation, DataCategory::Health]);
/// assert_eq!(serde_json::to_string(&set)?, r#"["health","identifying_information"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<C: Choice, const N: usize> From<[C; N]> for ChoiceSet<C> {
    fn from(choices: [C; N]) -> Self {
        choices.into_iter().collect()
    }
}

impl<C: Choice> Serialize for ChoiceSet<C> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for c in self.iter() {
            seq.serialize_element(c.code())?;
        }
        seq.end()
    }
}

impl<'de, C: Choice> Deserialize<'de> for ChoiceSet<C> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<C>(PhantomData<C>);
        impl<'de, C: Choice> Visitor<'de> for V<C> {
            type Value = ChoiceSet<C>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an array of option codes of list {}", C::LIST)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut set = ChoiceSet::new();
                while let Some(code) = seq.next_element::<ChoiceCode<C>>()? {
                    if !set.insert(code.0) {
                        return Err(crate::values::error::reject(FieldError::DuplicateOption {
                            code: code.0.code().to_string(),
                        }));
                    }
                }
                Ok(set)
            }
        }
        d.deserialize_seq(V(PhantomData))
    }
}

/// One element of a [`ChoiceSet`] while it is read.
struct ChoiceCode<C>(C);

impl<'de, C: Choice> Deserialize<'de> for ChoiceCode<C> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize_choice(d).map(ChoiceCode)
    }
}

impl<C: Choice + schemars::JsonSchema> schemars::JsonSchema for ChoiceSet<C> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("ChoiceSet_{}", C::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let items = generator.subschema_for::<C>();
        schemars::json_schema!({
            "type": "array",
            "items": items,
            "uniqueItems": true,
            "maxItems": C::ALL.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_keeps_form_order_and_rejects_duplicates() {
        let set: ChoiceSet<YesNo> = serde_json::from_str(r#"["no","yes"]"#).unwrap();
        assert_eq!(serde_json::to_string(&set).unwrap(), r#"["yes","no"]"#);
        let err = serde_json::from_str::<ChoiceSet<YesNo>>(r#"["no","no"]"#).unwrap_err();
        assert!(err.to_string().contains("duplicate-option"), "{err}");
    }

    #[test]
    fn unknown_code_lists_the_expected_ones() {
        let err = serde_json::from_str::<YesNo>(r#""ja""#).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("unknown-option") && msg.contains("yes, no"), "{msg}");
    }
}

//! Answer states (schema version 1.1): an answer that is not known yet and will follow in a
//! supplement, or one that cannot be determined, with the reason; and the shape of a moment that is
//! a period.
//!
//! GDPR Art. 33(4) lets a controller notify in phases, and Art. 33(3)(a) asks for the approximate
//! number of data subjects and records only "where possible". An absent answer stays "not answered";
//! these states say why an answer is not given.

use crate::values::choice::choice_enum;

choice_enum! {
    /// Why an answer of questions 10, 13, 23 or 24 is not given (the member `state`, schema version
    /// 1.1). The labels are derived; the codes are stable.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{AnswerState, Choice, Lang};
    /// assert_eq!(AnswerState::NotKnownYet.code(), "not_known_yet");
    /// assert_eq!(AnswerState::CannotBeDetermined.label(Lang::Sv), "Kan inte fastställas");
    /// ```
    pub enum AnswerState in "state" {
        /// Not known yet: the answer will follow in a supplement (GDPR Art. 33(4)).
        NotKnownYet = ("not_known_yet", Derived, "Inte känt ännu – lämnas i en komplettering", "Not known yet – will follow in a supplement"),
        /// Cannot be determined; the member `reason` says why.
        CannotBeDetermined = ("cannot_be_determined", Derived, "Kan inte fastställas", "Cannot be determined"),
    }
}

choice_enum! {
    /// The shape of the moment of question 10 or 13 when it is not a single moment (the member
    /// `period`, schema version 1.1). Absent: the date and time are the moment. Labels derived.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{Choice, Lang, Period};
    /// assert_eq!(Period::FromTo.code(), "from_to");
    /// assert_eq!(Period::OngoingSince.label(Lang::En), "Ongoing since");
    /// ```
    pub enum Period in "period" {
        /// A period: the date and time are its start, `untilDate` and `untilTime` its end.
        FromTo = ("from_to", Derived, "Under en period (från–till)", "During a period (from–to)"),
        /// Ongoing since the date and time given (question 12 is then Ja).
        OngoingSince = ("ongoing_since", Derived, "Pågår sedan", "Ongoing since"),
    }
}

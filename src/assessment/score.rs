//! ENISA's arithmetic in exact sixteenths, and the bands.
//!
//! Every factor of `SE = DPC × EI + CB` is a whole number (DPC 1–4) or a multiple of a quarter (EI,
//! CB), so the score is a multiple of 1/16: it is kept as a whole number of sixteenths and never
//! rounded.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::lang::Lang;
use crate::model::assessment::EaseOfIdentification;
use crate::values::choice::{choice_enum, Choice};

/// A score of ENISA's method (or one of its parts), exact: a whole number of sixteenths. It is
/// written to JSON as a number (`3.75`), exactly, since a sixteenth is a binary fraction.
///
/// # Example
/// ```
/// use imy_breach::assessment::Score;
/// let s = Score::from_sixteenths(60);
/// assert_eq!(s.value(), 3.75);
/// assert_eq!(serde_json::to_string(&s).unwrap(), "3.75");
/// assert_eq!(s.to_string(), "3.75");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Score(u16);

impl Score {
    /// The score of `n` sixteenths.
    pub const fn from_sixteenths(n: u16) -> Self {
        Score(n)
    }
    /// The score in sixteenths.
    pub const fn sixteenths(self) -> u16 {
        self.0
    }
    /// The score as a number (exact).
    pub fn value(self) -> f64 {
        f64::from(self.0) / 16.0
    }
    /// The score written in `lang`: a decimal comma in Swedish (`3,75`), a point in English.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{assessment::Score, Lang};
    /// assert_eq!(Score::from_sixteenths(60).written(Lang::Sv), "3,75");
    /// assert_eq!(Score::from_sixteenths(64).written(Lang::En), "4");
    /// ```
    pub fn written(self, lang: Lang) -> String {
        let s = self.to_string();
        match lang {
            Lang::Sv => s.replace('.', ","),
            _ => s,
        }
    }
}

impl fmt::Display for Score {
    /// The shortest exact decimal: `4`, `3.75`, `1.5625`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value())
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.value())
    }
}

/// The band edges in sixteenths: 2, 3 and 4.
pub(super) const EDGES: [u16; 3] = [32, 48, 64];

/// How near a band edge a score is borderline: 0.25, in sixteenths (inclusive).
pub(super) const BORDERLINE: u16 = 4;

choice_enum! {
    /// ENISA's severity band: low (SE < 2), medium (2 ≤ SE < 3), high (3 ≤ SE < 4), very high
    /// (SE ≥ 4).
    pub enum Band in "ENISA severity band" {
        /// SE < 2: the persons will not be affected or may meet a few inconveniences.
        Low = ("low", Derived, "Låg", "Low"),
        /// 2 ≤ SE < 3: significant inconveniences.
        Medium = ("medium", Derived, "Medel", "Medium"),
        /// 3 ≤ SE < 4: significant consequences.
        High = ("high", Derived, "Hög", "High"),
        /// SE ≥ 4: significant, or even irreversible, consequences.
        VeryHigh = ("very_high", Derived, "Mycket hög", "Very high"),
    }
}

impl Band {
    /// The band of a score.
    ///
    /// # Example
    /// ```
    /// use imy_breach::assessment::{Band, Score};
    /// assert_eq!(Band::of(Score::from_sixteenths(31)), Band::Low);
    /// assert_eq!(Band::of(Score::from_sixteenths(32)), Band::Medium);
    /// assert_eq!(Band::of(Score::from_sixteenths(64)), Band::VeryHigh);
    /// ```
    pub fn of(score: Score) -> Band {
        let below = EDGES.iter().filter(|e| score.0 >= **e).count();
        Band::ALL.get(below).copied().unwrap_or(Band::VeryHigh)
    }
}

/// EI in sixteenths: 4, 8, 12 or 16.
pub(super) fn ei_sixteenths(ei: EaseOfIdentification) -> u16 {
    match ei {
        EaseOfIdentification::Negligible => 4,
        EaseOfIdentification::Limited => 8,
        EaseOfIdentification::Significant => 12,
        _ => 16,
    }
}

/// A graduated circumstance in sixteenths: 0, 4 or 8 (0, +0.25, +0.5).
pub(super) fn circumstance_sixteenths<C: Choice>(level: C) -> u16 {
    match level.index() {
        0 => 0,
        1 => 4,
        _ => 8,
    }
}

/// Malicious intent, in sixteenths: +0.5.
pub(super) const MALICE: u16 = 8;

/// `SE = DPC × EI + CB`, in sixteenths.
pub(super) fn severity(dpc: u8, ei: u16, cb: u16) -> Score {
    Score(u16::from(dpc) * ei + cb)
}

/// Whether a score lies within 0.25 of a band edge (inclusive).
pub(super) fn borderline(score: Score) -> bool {
    EDGES.iter().any(|e| score.0.abs_diff(*e) <= BORDERLINE)
}

//! Realistic random notifications, for benchmarks, property tests and load tests.
//!
//! [`Generator`] makes notifications of fictional organisations and people whose answers follow the
//! frequencies of IMY's yearly statistics (misdirected mail about 37 % of breaches, other
//! unauthorised disclosure 25 %, unauthorised access 25 %, loss or theft 5 %; the human factor about
//! 60 % of causes, hostile attacks 13 %; the public sector 70 %), and, at a share you choose,
//! deliberately invalid ones: a broken rule (a missing answer, an inconsistent time or count, a
//! late filing without a reason, a wrong check digit), a broken format (a postcode, an e-mail
//! address, a date, an option code, a type, an unknown member, a text too long) or a line that is
//! not JSON at all.
//!
//! The output is deterministic: the same seed and share give the same notifications with the same
//! crate version, on every platform. The generator uses its own SplitMix64 (a dozen lines)
//! rather than a random-number crate, so that no dependency upgrade changes it; a change to the
//! generator itself is noted in the changelog. Sample `i` depends only on the seed and `i`, and a
//! valid sample is the same whatever the invalid share.
//!
//! Valid samples have no validation errors (at most warnings, such as `required-in-supplement`
//! when a supplement is announced): they are checked over thousands of seeds in the tests. Invalid
//! samples say which rule they break ([`Expected::Invalid`]); the report of each has that code
//! among its errors.
//!
//! # Example
//! ```
//! use imy_breach::generate::Generator;
//! use imy_breach::{validate_json, Notification};
//!
//! let mut g = Generator::new(42).invalid_share(0.2);
//! for sample in g.by_ref().take(50) {
//!     let (_, report) = validate_json(sample.json.as_bytes());
//!     assert_eq!(report.is_valid(), sample.is_valid(), "{}", sample.json);
//! }
//! // Always valid, as a model:
//! let n: Notification = Generator::new(7).notification();
//! assert!(n.validate(&Default::default()).is_valid());
//! ```

mod build;
mod conditions;
mod incident;
mod random;
mod sections;
mod spoil;
mod values;
mod words;

use build::build;
use random::SplitMix64;
use spoil::spoil;

use crate::model::notification::Notification;

/// The share of invalid samples unless [`Generator::invalid_share`] says otherwise: 10 %.
pub const DEFAULT_INVALID_SHARE: f64 = 0.1;

/// What a sample is meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// No validation errors (warnings are possible).
    Valid,
    /// At least one error, among them one with this rule or reading code (for example
    /// `"required"`, `"postcode-format"`, `"json-syntax"`).
    Invalid {
        /// The code of the error the sample was made to have.
        code: &'static str,
    },
}

/// One generated notification as a line of JSON (compact, no newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The document: compact JSON without a newline, or for a deliberately malformed sample, text
    /// that is not JSON.
    pub json: String,
    /// What validation should find.
    pub expected: Expected,
}

impl Sample {
    /// Whether the sample is meant to validate without errors.
    pub fn is_valid(&self) -> bool {
        self.expected == Expected::Valid
    }
}

/// A generator of realistic random notifications; an endless iterator of [`Sample`]s.
///
/// # Example
/// ```
/// use imy_breach::generate::Generator;
/// let a: Vec<_> = Generator::new(1).take(3).map(|s| s.json).collect();
/// let b: Vec<_> = Generator::new(1).take(3).map(|s| s.json).collect();
/// assert_eq!(a, b); // deterministic for a seed
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    index: u64,
    invalid_share: f64,
}

impl Generator {
    /// A generator with this seed and the [default invalid share](DEFAULT_INVALID_SHARE).
    pub fn new(seed: u64) -> Self {
        Generator { seed, index: 0, invalid_share: DEFAULT_INVALID_SHARE }
    }

    /// Sets the share of deliberately invalid samples, from 0 (none) to 1 (all); values outside
    /// are clamped, NaN counts as 0.
    pub fn invalid_share(mut self, share: f64) -> Self {
        self.invalid_share = if share.is_nan() { 0.0 } else { share.clamp(0.0, 1.0) };
        self
    }

    /// The random stream of sample `index`: depends only on the seed and the index.
    fn stream(&self, index: u64) -> SplitMix64 {
        let mut s = SplitMix64(self.seed);
        let base = s.next_u64();
        let mut r = SplitMix64(base ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        r.next_u64();
        r
    }

    /// The next notification, always valid (no errors), as a model. Advances like
    /// [`sample`](Self::sample).
    pub fn notification(&mut self) -> Notification {
        let mut r = self.stream(self.index);
        self.index += 1;
        let _ = r.unit();
        build(&mut r).notification
    }

    /// The next sample: valid, or invalid with the configured share.
    pub fn sample(&mut self) -> Sample {
        let s = self.sample_at(self.index);
        self.index += 1;
        s
    }

    /// Sample number `index` (from 0) of this seed and share, without advancing.
    pub fn sample_at(&self, index: u64) -> Sample {
        let mut r = self.stream(index);
        let invalid = r.unit() < self.invalid_share;
        let built = build(&mut r);
        if invalid {
            spoil(&mut r, built)
        } else {
            Sample { json: built.notification.to_json_compact(), expected: Expected::Valid }
        }
    }
}

impl Iterator for Generator {
    type Item = Sample;

    fn next(&mut self) -> Option<Sample> {
        Some(self.sample())
    }
}

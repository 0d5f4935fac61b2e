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
//! crate version, on every platform. The generator uses its own SplitMix64 (below, a dozen lines)
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

use serde_json::{json, Value};
use time::{Date, Duration, Month, OffsetDateTime};

use crate::affected::{Count, CountInterval, DataAndSubjects, DataCategory, SubjectGroup};
use crate::choice::{ChoiceSet, YesNo};
use crate::consequences::{Action, Consequence, Consequences, Severity};
use crate::contact::{ContactDetails, ContactPerson};
use crate::controller::{Address, Controller};
use crate::datetime::{LocalDate, Timestamp, WallClockTime};
use crate::identifiers::{luhn_valid, Email, OrganisationNumber, PhoneNumber, Postcode};
use crate::incident::{AreaOfActivity, Cause, DiscoveryMethod, EventTime, Incident, Nature, Sector};
use crate::information::DataSubjectInformation;
use crate::lang::upper_first;
use crate::notification::Notification;
use crate::processor::{Processor, Processors};
use crate::supplement::{ConfidentialityMarking, SecrecyGround, SupplementAndConfidentiality};
use crate::text::{LongText, ShortText, Text};

/// The share of invalid samples unless [`Generator::invalid_share`] says otherwise: 10 %.
pub const DEFAULT_INVALID_SHARE: f64 = 0.1;

/// SplitMix64 (Steele, Lea and Flood 2014; the constants of Vigna's reference implementation):
/// small, fast, and good enough for test data. Kept here so that the output for a seed never
/// changes with a dependency.
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0), by Lemire's multiply-shift (bias below 2^-32 for
    /// the small ranges used here).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `true` with probability `p` percent.
    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// An item chosen with the given weights.
    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (item, w) in items {
            if x < u64::from(*w) {
                return *item;
            }
            x -= u64::from(*w);
        }
        items[items.len() - 1].0
    }
}

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

// ---------------------------------------------------------------------------------------------
// Word lists (fictional places, organisations and people)
// ---------------------------------------------------------------------------------------------

const TOWNS: &[&str] = &[
    "Exempelstad",
    "Sjövik",
    "Norrberga",
    "Lillån",
    "Östermark",
    "Västerhamn",
    "Granby",
    "Björkfors",
    "Tallmo",
    "Ängsvik",
    "Stenholma",
    "Furudal Övre",
    "Kvarnby",
    "Älvnäs",
    "Hagalund Norra",
];
const REGIONS: &[&str] = &["Mellanland", "Nordmark", "Sydkust", "Inlandet", "Österlen Väst"];
const AGENCY_PREFIXES: &[&str] =
    &["Tillstånds", "Register", "Bidrags", "Tillsyns", "Utbildnings", "Transport", "Kultur", "Statistik"];
const COMPANY_WORDS: &[&str] = &[
    "Nordvik",
    "Solbacka",
    "Blåklint",
    "Fjällnära",
    "Kustlinje",
    "Granskog",
    "Ljusglimt",
    "Vinterek",
    "Havsörn",
    "Stenbro",
];
const COMPANY_KINDS: &[&str] = &["Handel", "Data", "Försäkring", "Vård", "Logistik", "Konsult", "Bank"];
const FIRST_NAMES: &[&str] = &[
    "Karin", "Johan", "Anna", "Erik", "Maria", "Lars", "Sara", "Per", "Elin", "Ahmed", "Leila", "Mikael",
    "Sofia", "Nils", "Fatima", "Oskar", "Ingrid", "Jonas", "Aino", "Dragan",
];
const LAST_NAMES: &[&str] = &[
    "Lindqvist",
    "Ek",
    "Berg",
    "Holm",
    "Sjöberg",
    "Åkesson",
    "Nyström",
    "Dahl",
    "Hassan",
    "Virtanen",
    "Öberg",
    "Lund",
    "Karlberg",
    "Strand",
    "Petrović",
];
const ROLES: &[&str] = &[
    "Dataskyddsombud",
    "Informationssäkerhetssamordnare",
    "Jurist",
    "IT-chef",
    "Förvaltningschef",
    "Verksamhetsutvecklare",
    "Registrator",
];
const STREETS: &[&str] =
    &["Storgatan", "Kyrkogatan", "Järnvägsgatan", "Skolvägen", "Industrivägen", "Hamngatan"];

// ---------------------------------------------------------------------------------------------
// Building a valid notification
// ---------------------------------------------------------------------------------------------

/// A valid notification and the facts the spoilers need.
struct Built {
    notification: Notification,
    /// The discovery as an instant.
    discovered: OffsetDateTime,
}

fn short(text: &str) -> Option<ShortText> {
    Text::new(text).ok()
}

fn long(text: &str) -> Option<LongText> {
    Text::new(text).ok()
}

/// An organisation number with this prefix and a right check digit (the one digit that makes the
/// number pass [`luhn_valid`]).
fn organisation_number(r: &mut SplitMix64, prefix: &str) -> Option<OrganisationNumber> {
    let mut digits: Vec<u8> = prefix.bytes().collect();
    while digits.len() < 9 {
        digits.push(b'0' + r.below(10) as u8);
    }
    digits.push(b'0');
    for check in b'0'..=b'9' {
        digits[9] = check;
        if luhn_valid(&digits) {
            break;
        }
    }
    OrganisationNumber::new(std::str::from_utf8(&digits).ok()?).ok()
}

fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'å' | 'ä' | 'Å' | 'Ä' => Some('a'),
            'ö' | 'Ö' => Some('o'),
            'ć' => Some('c'),
            ' ' => Some('-'),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '.' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

fn postcode(r: &mut SplitMix64) -> Option<Postcode> {
    let text = format!("{}{:04}", r.between(1, 9), r.below(10_000));
    Postcode::new(&text).ok()
}

fn phone(r: &mut SplitMix64) -> Option<PhoneNumber> {
    let text = match r.below(3) {
        0 => format!(
            "07{}-{:03} {:02} {:02}",
            r.pick(&[0, 2, 3, 6]),
            r.below(1000),
            r.below(100),
            r.below(100)
        ),
        1 => format!("08-{:03} {:03} {:02}", r.between(100, 999), r.below(1000), r.below(100)),
        _ => format!(
            "+46 7{} {:03} {:02} {:02}",
            r.pick(&[0, 2, 3, 6]),
            r.below(1000),
            r.below(100),
            r.below(100)
        ),
    };
    PhoneNumber::new(&text).ok()
}

fn email(local: &str, domain: &str) -> Option<Email> {
    Email::new(&format!("{}@{}", ascii_fold(local), domain)).ok()
}

fn address(r: &mut SplitMix64, town: &str) -> Address {
    let street = if r.percent(40) {
        format!("Box {}", r.between(1, 9999))
    } else {
        format!("{} {}", r.pick(STREETS), r.between(1, 80))
    };
    Address {
        street: short(&street),
        postcode: postcode(r),
        city: short(town),
        country: if r.percent(30) { short("Sverige") } else { None },
    }
}

/// A local date and time as the form's fields.
fn local_fields(t: OffsetDateTime) -> Option<(LocalDate, WallClockTime)> {
    let local = crate::stockholm::to_local(t).ok()?;
    Some((
        LocalDate::from_date(local.date()).ok()?,
        WallClockTime::from_hm(u32::from(local.hour()), u32::from(local.minute())).ok()?,
    ))
}

/// The instant of a local date and time (which must exist in Swedish time).
fn instant(date: Date, hour: u8, minute: u8) -> Option<OffsetDateTime> {
    let d = LocalDate::from_date(date).ok()?;
    let t = WallClockTime::from_hm(u32::from(hour), u32::from(minute)).ok()?;
    crate::stockholm::to_instant(d, Some(t), None).ok().map(|r| r.instant)
}

/// An instant whose Swedish local time exists once (never 02:00–02:59, where the clocks change).
fn is_plain_local(t: OffsetDateTime) -> bool {
    crate::stockholm::to_local(t).is_ok_and(|l| l.hour() != 2)
}

fn build(r: &mut SplitMix64) -> Built {
    // The organisation.
    let sector = r.weighted(&[(Sector::Public, 70), (Sector::Private, 25), (Sector::NonProfit, 5)]);
    let area = match sector {
        Sector::Public => r.weighted(&[
            (AreaOfActivity::MunicipalityOrRegion, 40),
            (AreaOfActivity::StateAgency, 20),
            (AreaOfActivity::HealthCare, 15),
            (AreaOfActivity::Education, 12),
            (AreaOfActivity::SocialServices, 10),
            (AreaOfActivity::Other, 3),
        ]),
        Sector::Private => r.weighted(&[
            (AreaOfActivity::Trade, 22),
            (AreaOfActivity::TelecomIt, 22),
            (AreaOfActivity::FinanceInsurance, 20),
            (AreaOfActivity::HealthCare, 15),
            (AreaOfActivity::Education, 6),
            (AreaOfActivity::SocialServices, 5),
            (AreaOfActivity::Other, 10),
        ]),
        _ => r.weighted(&[(AreaOfActivity::NonProfitOrganisation, 80), (AreaOfActivity::Other, 20)]),
    };
    let town = r.pick(TOWNS);
    let (name, prefix, domain) = match (sector, area) {
        (Sector::Public, AreaOfActivity::StateAgency) => {
            let p = r.pick(AGENCY_PREFIXES);
            (format!("{p}myndigheten"), "202100", format!("{}myndigheten.se", ascii_fold(p)))
        }
        (Sector::Public, AreaOfActivity::HealthCare) => {
            let reg = r.pick(REGIONS);
            (format!("Region {reg}"), "232100", format!("region{}.se", ascii_fold(reg)))
        }
        (Sector::Public, _) => (format!("{town} kommun"), "212000", format!("{}.se", ascii_fold(town))),
        (Sector::Private, _) => {
            let w = r.pick(COMPANY_WORDS);
            let k = r.pick(COMPANY_KINDS);
            (format!("{w} {k} AB"), "556", format!("{}{}.se", ascii_fold(w), ascii_fold(k)))
        }
        _ => {
            let w = r.pick(COMPANY_WORDS);
            (format!("Föreningen {w}"), "802", format!("foreningen{}.se", ascii_fold(w)))
        }
    };
    let postal = address(r, town);
    let controller = Controller {
        name: short(&name),
        organisation_number: r.percent(95).then(|| organisation_number(r, prefix)).flatten(),
        postal_address: postal.clone(),
        internal_reference: r
            .percent(50)
            .then(|| short(&format!("PUI {}-{:03}", 2019 + r.below(8), r.between(1, 400))))
            .flatten(),
    };

    // Contact persons.
    let mut contact_persons = Vec::new();
    for _ in 0..r.weighted(&[(1u64, 60), (2, 30), (3, 10)]) {
        let first = r.pick(FIRST_NAMES);
        let last = r.pick(LAST_NAMES);
        contact_persons.push(ContactPerson {
            name: short(&format!("{first} {last}")),
            role: r.percent(80).then(|| short(r.pick(ROLES))).flatten(),
            email: email(&format!("{first}.{last}"), &domain),
            phone: phone(r),
        });
    }
    let correspondence_address = if r.percent(80) { postal } else { address(r, town) };

    // When: the discovery between 2019 and mid-2026, 07:00–21:59 (times that exist once).
    let first_day = Date::from_calendar_date(2019, Month::January, 1).unwrap_or(Date::MIN);
    let discovered_date = first_day + Duration::days(r.below(2_737) as i64);
    let discovered_hm = (r.between(7, 21) as u8, r.below(60) as u8);
    let discovered_at =
        instant(discovered_date, discovered_hm.0, discovered_hm.1).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let discovered_date_only = r.percent(4);
    // Occurred: on the same day or up to a month before, at an earlier time.
    let days_before = r.weighted(&[(0i64, 45), (1, 20), (2, 10), (7, 10), (30, 15)]);
    let days_before = if days_before >= 7 { r.between(3, days_before as u64) as i64 } else { days_before };
    let occurred_date = discovered_date - Duration::days(days_before);
    let occurred_time = if days_before == 0 {
        let minutes = u64::from(discovered_hm.0) * 60 + u64::from(discovered_hm.1);
        let m = r.between(6 * 60, minutes.saturating_sub(1).max(6 * 60));
        ((m / 60) as u8, (m % 60) as u8)
    } else {
        (r.between(6, 22) as u8, r.below(60) as u8)
    };
    let occurred_shape = r.weighted(&[(0u8, 75), (1, 15), (2, 10)]); // full, date only, unknown
                                                                     // Filed within 72 hours, or late with a reason.
    let late = r.percent(8);
    let delay_minutes = if late {
        r.between(80 * 60, 30 * 24 * 60)
    } else if discovered_date_only {
        r.between(60, 48 * 60)
    } else {
        r.weighted(&[(6u64 * 60, 40), (24 * 60, 30), (70 * 60, 30)])
    };
    let delay_minutes = if late { delay_minutes } else { r.between(30, delay_minutes) };
    let submitted = discovered_at + Duration::minutes(delay_minutes as i64);
    let submitted = crate::stockholm::to_local(submitted).unwrap_or(submitted);
    let submitted_fields = local_fields(submitted);

    let occurred = match occurred_shape {
        0 => EventTime {
            date: LocalDate::from_date(occurred_date).ok(),
            time: WallClockTime::from_hm(u32::from(occurred_time.0), u32::from(occurred_time.1)).ok(),
            utc_offset: None,
            comment: r.percent(30).then(|| long(r.pick(OCCURRED_COMMENTS))).flatten(),
        },
        1 => EventTime {
            date: LocalDate::from_date(occurred_date).ok(),
            time: None,
            utc_offset: None,
            comment: long("Exakt klockslag är inte känt."),
        },
        _ => EventTime { comment: long("Tidpunkten utreds fortfarande."), ..EventTime::default() },
    };
    let discovered = EventTime {
        date: LocalDate::from_date(discovered_date).ok(),
        time: if discovered_date_only {
            None
        } else {
            WallClockTime::from_hm(u32::from(discovered_hm.0), u32::from(discovered_hm.1)).ok()
        },
        utc_offset: None,
        comment: r.percent(30).then(|| long(r.pick(DISCOVERED_COMMENTS))).flatten(),
    };
    let ongoing = r.weighted(&[(YesNo::No, 85), (YesNo::Yes, 15)]);
    let ceased = if ongoing == YesNo::No {
        // Between the discovery and the filing (or at the discovery).
        let span = (submitted - discovered_at).whole_minutes().max(0) as u64;
        let at = discovered_at + Duration::minutes(r.below(span + 1) as i64);
        let at = if is_plain_local(at) { at } else { discovered_at };
        let (date, time) = local_fields(at).unzip();
        EventTime {
            date,
            time,
            utc_offset: None,
            comment: r.percent(20).then(|| long(r.pick(CEASED_COMMENTS))).flatten(),
        }
    } else {
        EventTime::default()
    };

    let nature = r.weighted(&[
        (Nature::MisdirectedCommunication, 37),
        (Nature::UnauthorisedDisclosureOther, 25),
        (Nature::UnauthorisedAccess, 25),
        (Nature::LossOrTheft, 5),
        (Nature::Destruction, 3),
        (Nature::Alteration, 2),
        (Nature::Other, 3),
    ]);
    let cause = match nature {
        Nature::MisdirectedCommunication => r.weighted(&[
            (Cause::HumanError, 80),
            (Cause::TechnicalError, 10),
            (Cause::OrganisationalShortcoming, 8),
            (Cause::Other, 2),
        ]),
        Nature::UnauthorisedAccess => r.weighted(&[
            (Cause::AntagonisticAttack, 40),
            (Cause::HumanError, 25),
            (Cause::TechnicalError, 20),
            (Cause::OrganisationalShortcoming, 12),
            (Cause::Other, 3),
        ]),
        _ => r.weighted(&[
            (Cause::HumanError, 55),
            (Cause::AntagonisticAttack, 10),
            (Cause::TechnicalError, 15),
            (Cause::OrganisationalShortcoming, 12),
            (Cause::Other, 8),
        ]),
    };
    let incident = Incident {
        occurred,
        discovered,
        ongoing: Some(ongoing),
        ceased,
        late_reason: late.then(|| long(r.pick(LATE_REASONS))).flatten(),
        nature: Some(nature),
        description: long(&description(r, nature)),
        discovery_method: r.percent(95).then(|| {
            r.weighted(&[
                (DiscoveryMethod::EmployeeInformed, 40),
                (DiscoveryMethod::DataSubjectInformed, 20),
                (DiscoveryMethod::OwnDetection, 18),
                (DiscoveryMethod::ThirdPartyInformed, 10),
                (DiscoveryMethod::ProcessorInformed, 9),
                (DiscoveryMethod::Other, 3),
            ])
        }),
        cause: Some(cause),
        cause_comment: (cause == Cause::Other).then(|| long(r.pick(CAUSE_COMMENTS))).flatten(),
        sector: Some(sector),
        area_of_activity: Some(area),
        area_of_activity_comment: (area == AreaOfActivity::Other)
            .then(|| long(r.pick(AREA_COMMENTS)))
            .flatten(),
    };

    // Processors.
    let involved =
        r.percent(30) || nature == Nature::UnauthorisedAccess && cause == Cause::AntagonisticAttack;
    let processors = Processors {
        involved: Some(if involved { YesNo::Yes } else { YesNo::No }),
        organisations: if involved {
            (0..r.weighted(&[(1u64, 80), (2, 20)]))
                .map(|_| Processor {
                    name: short(&format!(
                        "{} {} AB",
                        r.pick(COMPANY_WORDS),
                        r.pick(&["IT-drift", "Moln", "Tryck", "Post"])
                    )),
                    organisation_number: r.percent(90).then(|| organisation_number(r, "559")).flatten(),
                })
                .collect()
        } else {
            Vec::new()
        },
    };

    // The data and the data subjects.
    let supplement = r.percent(35);
    let leave_for_supplement = supplement && r.percent(30);
    let subjects = log_count(r, nature);
    let records = subjects.saturating_mul(r.between(1, 8));
    let subject_groups = subject_groups(r, area);
    let data_categories = data_categories(r, area);
    let data = DataAndSubjects {
        subject_count: if leave_for_supplement { Count::default() } else { count(r, subjects) },
        record_count: if leave_for_supplement { Count::default() } else { count(r, records) },
        subject_groups_comment: subject_groups
            .contains(SubjectGroup::Other)
            .then(|| long("Sökande till en tjänst."))
            .flatten(),
        subject_groups,
        data_categories_comment: data_categories
            .contains(DataCategory::Other)
            .then(|| long("Uppgifter om frånvaro och ledighet."))
            .flatten(),
        data_categories,
        encrypted: r.weighted(&[(Some(YesNo::No), 80), (Some(YesNo::Yes), 12), (None, 8)]),
    };
    let sensitive =
        data.data_categories.iter().any(|c| c.is_special_category() || c.is_criminal_offence_data())
            || [SubjectGroup::Children, SubjectGroup::Pupils, SubjectGroup::VulnerablePersons]
                .iter()
                .any(|g| data.subject_groups.contains(*g));

    // Consequences.
    let mut likely = ChoiceSet::new();
    for _ in 0..r.between(1, 3) {
        likely.insert(r.weighted(&[
            (Consequence::LossOfControl, 40),
            (Consequence::LossOfConfidentiality, 15),
            (Consequence::IdentityTheftOrFraud, 10),
            (Consequence::DamageToReputation, 10),
            (Consequence::Discrimination, 5),
            (Consequence::FinancialLoss, 8),
            (Consequence::OtherDisadvantage, 6),
            (Consequence::LimitationOfRights, 3),
            (Consequence::PseudonymisationReversal, 1),
            (Consequence::Other, 2),
        ]));
    }
    let mut severity = r.weighted(&[
        (Severity::NotSerious, 25),
        (Severity::LessSerious, 40),
        (Severity::Serious, 25),
        (Severity::VerySerious, 10),
    ]);
    if sensitive && severity == Severity::NotSerious {
        severity = Severity::LessSerious;
    }
    let mut actions = Vec::new();
    if !(leave_for_supplement && r.percent(50)) {
        let span = (submitted - discovered_at).whole_minutes().max(0) as u64;
        let mut offsets: Vec<u64> =
            (0..r.weighted(&[(1u64, 35), (2, 35), (3, 20), (5, 10)])).map(|_| r.below(span + 1)).collect();
        offsets.sort_unstable();
        for m in offsets {
            let at = discovered_at + Duration::minutes(m as i64);
            let with_time = r.percent(70) && is_plain_local(at);
            let (date, time) = local_fields(at).unzip();
            actions.push(Action {
                date,
                time: if with_time { time } else { None },
                description: long(r.pick(ACTIONS)),
            });
        }
    }
    if leave_for_supplement && r.percent(50) {
        likely = ChoiceSet::new();
    }
    let consequences = Consequences {
        likely_consequences_comment: likely
            .contains(Consequence::Other)
            .then(|| long("Oro hos de registrerade."))
            .flatten(),
        likely_consequences: likely,
        severity: Some(severity),
        actions,
    };

    // Information to the data subjects.
    let submitted_date = submitted_fields.map(|(d, _)| d.date()).unwrap_or(discovered_date);
    let mut info = DataSubjectInformation::default();
    match r.weighted(&[(0u8, 40), (1, 30), (2, 30)]) {
        0 => {
            info.informed = Some(YesNo::Yes);
            let days = (submitted_date - discovered_date).whole_days().max(0) as u64;
            info.informed_on =
                LocalDate::from_date(discovered_date + Duration::days(r.below(days + 1) as i64)).ok();
        }
        1 => {
            info.informed = Some(YesNo::No);
            info.will_inform = Some(YesNo::Yes);
            info.planned_on = LocalDate::from_date(submitted_date + Duration::days(r.below(15) as i64)).ok();
        }
        _ => {
            info.informed = Some(YesNo::No);
            info.will_inform = Some(YesNo::No);
            info.reason_not_informing = long(r.pick(NOT_INFORMING_REASONS));
        }
    }
    if data.encrypted == Some(YesNo::Yes)
        && info.informed != Some(YesNo::Yes)
        && info.will_inform != Some(YesNo::Yes)
    {
        info.reason_not_informing = long(
            "Uppgifterna var krypterade med stark kryptering och nyckeln har inte röjts, så undantaget i \
             artikel 34.3 a i dataskyddsförordningen är tillämpligt.",
        );
    }

    let mut markings = Vec::new();
    if r.percent(3) {
        if let Ok(m) = ConfidentialityMarking::new(
            "/incident/description",
            SecrecyGround::SecurityMeasures,
            "Beskrivningen visar vilka skydd som saknades.",
        ) {
            markings.push(m);
        }
    }
    let supplement_section = SupplementAndConfidentiality {
        intends_to_supplement: Some(if supplement { YesNo::Yes } else { YesNo::No }),
        confidentiality_request: r.percent(10).then_some(()).and_then(|()| {
            long(
                "Beskrivningen av de tekniska åtgärderna rör våra säkerhetsåtgärder och bör omfattas av \
                 sekretess enligt offentlighets- och sekretesslagen.",
            )
        }),
        confidentiality_markings: markings,
    };

    let mut incident = incident;
    if leave_for_supplement && r.percent(50) {
        incident.sector = None;
    }
    let notification = Notification {
        submitted_at: Some(Timestamp::new(submitted)),
        controller,
        contact_details: ContactDetails { contact_persons, correspondence_address },
        incident,
        processors,
        data_and_subjects: data,
        consequences,
        data_subject_information: info,
        supplement_and_confidentiality: supplement_section,
        ..Notification::default()
    };
    Built { notification, discovered: discovered_at }
}

/// How many people: small for misdirected mail, sometimes very large for attacks.
fn log_count(r: &mut SplitMix64, nature: Nature) -> u64 {
    let max_exp = match nature {
        Nature::MisdirectedCommunication => 2.5,
        Nature::UnauthorisedAccess => 6.0,
        _ => 4.5,
    };
    let e = r.unit() * r.unit() * max_exp;
    (10f64.powf(e) as u64).max(1)
}

fn count(r: &mut SplitMix64, n: u64) -> Count {
    match r.weighted(&[(0u8, 50), (1, 30), (2, 20)]) {
        0 => Count { exact: Some(n), interval: Some(CountInterval::containing(n)) },
        1 => Count { exact: None, interval: Some(CountInterval::containing(n)) },
        _ => Count { exact: Some(n), interval: None },
    }
}

fn subject_groups(r: &mut SplitMix64, area: AreaOfActivity) -> ChoiceSet<SubjectGroup> {
    let mut set = ChoiceSet::new();
    if r.percent(2) {
        set.insert(SubjectGroup::CannotSpecifyYet);
        return set;
    }
    let main = match area {
        AreaOfActivity::Education => {
            r.pick(&[SubjectGroup::Pupils, SubjectGroup::Students, SubjectGroup::Children])
        }
        AreaOfActivity::HealthCare => SubjectGroup::Patients,
        AreaOfActivity::SocialServices => {
            r.pick(&[SubjectGroup::VulnerablePersons, SubjectGroup::Children, SubjectGroup::ServiceUsers])
        }
        AreaOfActivity::Trade | AreaOfActivity::FinanceInsurance => SubjectGroup::Customers,
        AreaOfActivity::TelecomIt => r.pick(&[SubjectGroup::Subscribers, SubjectGroup::Customers]),
        AreaOfActivity::NonProfitOrganisation => SubjectGroup::Members,
        _ => r.pick(&[SubjectGroup::ServiceUsers, SubjectGroup::Employees]),
    };
    set.insert(main);
    if r.percent(30) {
        set.insert(SubjectGroup::Employees);
    }
    if r.percent(4) {
        set.insert(SubjectGroup::Other);
    }
    set
}

fn data_categories(r: &mut SplitMix64, area: AreaOfActivity) -> ChoiceSet<DataCategory> {
    let mut set = ChoiceSet::new();
    if r.percent(2) {
        set.insert(DataCategory::Unknown);
        return set;
    }
    if r.percent(85) {
        set.insert(DataCategory::IdentifyingInformation);
    }
    if r.percent(55) {
        set.insert(DataCategory::ContactInformation);
    }
    if r.percent(40) {
        set.insert(DataCategory::PersonalIdentityNumber);
    }
    match area {
        AreaOfActivity::HealthCare | AreaOfActivity::SocialServices if r.percent(70) => {
            set.insert(DataCategory::Health);
        }
        AreaOfActivity::FinanceInsurance | AreaOfActivity::Trade if r.percent(50) => {
            set.insert(DataCategory::FinancialInformation);
        }
        AreaOfActivity::TelecomIt if r.percent(40) => {
            set.insert(DataCategory::CommunicationMetadata);
        }
        _ => {}
    }
    if r.percent(3) {
        set.insert(r.pick(&[
            DataCategory::CriminalOffences,
            DataCategory::EthnicOrigin,
            DataCategory::ReligiousOrPhilosophicalBeliefs,
            DataCategory::TradeUnionMembership,
            DataCategory::LocationData,
            DataCategory::OfficialDocuments,
        ]));
    }
    if r.percent(4) {
        set.insert(DataCategory::Other);
    }
    if set.is_empty() {
        set.insert(DataCategory::IdentifyingInformation);
    }
    set
}

// ---------------------------------------------------------------------------------------------
// Texts (no digits, so that no text looks like a phone or personal identity number)
// ---------------------------------------------------------------------------------------------

const WHO: &[&str] = &[
    "En handläggare",
    "En medarbetare på kundtjänst",
    "En lärare",
    "En sjuksköterska",
    "En konsult",
    "En chef",
    "En administratör",
];
const WHAT: &[&str] = &[
    "ett beslut med personuppgifter",
    "en lista över deltagare",
    "ett utdrag ur ärendesystemet",
    "ett kalkylark med kontaktuppgifter",
    "en kallelse",
    "ett journalutdrag",
    "en faktura",
];
const FOLLOW_UPS: &[&str] = &[
    "Mottagaren har bekräftat att uppgifterna har raderats.",
    "Vi har ännu inte fått svar från mottagaren.",
    "Händelsen har anmälts internt och utreds av dataskyddsombudet.",
    "Rutinerna ses nu över och personalen har påmints om dem.",
    "Loggarna har gåtts igenom för att se vilka uppgifter som berördes.",
    "Berörda system har kontrollerats och ingen ytterligare spridning har upptäckts.",
];

fn description(r: &mut SplitMix64, nature: Nature) -> String {
    let who = r.pick(WHO);
    let what = r.pick(WHAT);
    let what_first = upper_first(what);
    let first = match nature {
        Nature::MisdirectedCommunication => format!(
            "{who} skickade {what} till fel mottagare {}.",
            r.pick(&["via e-post", "med vanlig post", "som sms", "via den digitala brevlådan"])
        ),
        Nature::UnauthorisedDisclosureOther => format!(
            "{what_first} publicerades av misstag {} och var åtkomlig för obehöriga.",
            r.pick(&["på webbplatsen", "på intranätet", "i ett delat dokumentarkiv", "i en öppen kalender"])
        ),
        Nature::UnauthorisedAccess => r
            .pick(&[
                "En obehörig person loggade in i verksamhetssystemet med stulna inloggningsuppgifter efter ett nätfiskeförsök.",
                "Skadlig kod krypterade en filserver och angriparen hotade att publicera uppgifterna.",
                "En behörighet var felaktigt inställd så att fler anställda än avsett kunde läsa ärendena.",
                "En anställd läste journaler utan att ha någon vårdrelation till patienterna.",
            ])
            .to_string(),
        Nature::LossOrTheft => format!(
            "{} med {what} {}.",
            r.pick(&["En bärbar dator", "Ett usb-minne", "En mobiltelefon", "En pärm"]),
            r.pick(&["stals ur en bil", "glömdes på ett tåg", "kom bort vid en flytt", "stals vid ett inbrott"])
        ),
        Nature::Destruction => "Uppgifter raderades av misstag vid en systemuppdatering och kunde inte återställas från säkerhetskopian.".to_string(),
        Nature::Alteration => "Uppgifter i registret ändrades felaktigt av ett fel i en automatisk överföring.".to_string(),
        _ => format!("{who} upptäckte att {what} hade hanterats i strid med rutinerna."),
    };
    let mut text = first;
    for _ in 0..r.between(1, 3) {
        text.push(' ');
        text.push_str(r.pick(FOLLOW_UPS));
    }
    text
}

const OCCURRED_COMMENTS: &[&str] = &[
    "Tidpunkten då utskicket gjordes.",
    "Enligt systemets loggar.",
    "Ungefärlig tidpunkt enligt medarbetaren.",
];
const DISCOVERED_COMMENTS: &[&str] = &[
    "När en mottagare hörde av sig.",
    "Vid en rutinmässig kontroll av loggarna.",
    "När medarbetaren rapporterade händelsen till sin chef.",
];
const CEASED_COMMENTS: &[&str] =
    &["När uppgifterna togs bort.", "När behörigheten ändrades.", "När kontot spärrades."];
const LATE_REASONS: &[&str] = &[
    "Händelsen rapporterades först internt till fel funktion och nådde dataskyddsombudet efter flera dagar.",
    "Det tog tid att utreda om personuppgifter berördes över huvud taget.",
    "Incidenten inträffade under en helg med låg bemanning och bedömningen blev försenad.",
];
const CAUSE_COMMENTS: &[&str] = &[
    "En leverantör ändrade inställningar utan att meddela oss.",
    "Orsaken är en kombination av flera faktorer.",
];
const AREA_COMMENTS: &[&str] = &["Fastighetsförvaltning.", "Kulturverksamhet.", "Idrottsförening."];
const ACTIONS: &[&str] = &[
    "Mottagaren kontaktades och ombads radera uppgifterna.",
    "Behörigheterna i systemet sågs över och rättades.",
    "Det berörda kontot spärrades och lösenorden byttes.",
    "Dataskyddsombudet informerades.",
    "Händelsen polisanmäldes.",
    "De registrerade informerades per brev.",
    "Publiceringen togs bort från webbplatsen.",
    "Personalen fick en påminnelse om rutinerna för utskick.",
];
const NOT_INFORMING_REASONS: &[&str] = &[
    "Vi bedömer att incidenten inte medför någon hög risk för de registrerades rättigheter och friheter.",
    "Mottagaren har raderat uppgifterna och risken för de registrerade bedöms som låg.",
    "Det skulle kräva en oproportionerligt stor ansträngning; vi informerar i stället genom ett offentligt meddelande.",
];

// ---------------------------------------------------------------------------------------------
// Spoiling: deliberately invalid samples
// ---------------------------------------------------------------------------------------------

/// The ways a sample is spoiled, with their weights (out of 100): a third break a rule of the form
/// or the law, the rest break the format or are not JSON.
const SPOILERS: &[(Spoiler, u32)] = &[
    (Spoiler::MissingName, 6),
    (Spoiler::MissingDescription, 5),
    (Spoiler::NoContactPersons, 3),
    (Spoiler::CeasedMissing, 5),
    (Spoiler::ProcessorsMissing, 3),
    (Spoiler::CauseCommentMissing, 3),
    (Spoiler::DiscoveredBeforeOccurred, 4),
    (Spoiler::CountOutsideInterval, 3),
    (Spoiler::CheckDigit, 4),
    (Spoiler::LateWithoutReason, 5),
    (Spoiler::FutureDate, 2),
    (Spoiler::InformedOnMissing, 3),
    (Spoiler::Postcode, 6),
    (Spoiler::Email, 6),
    (Spoiler::Phone, 3),
    (Spoiler::Date, 5),
    (Spoiler::Time, 2),
    (Spoiler::UnknownOption, 5),
    (Spoiler::WrongType, 4),
    (Spoiler::UnknownField, 4),
    (Spoiler::EmptyText, 2),
    (Spoiler::TextTooLong, 1),
    (Spoiler::DuplicateOption, 2),
    (Spoiler::SchemaVersion, 2),
    (Spoiler::Truncated, 4),
    (Spoiler::NotJson, 2),
    (Spoiler::TooManyItems, 1),
];

#[derive(Debug, Clone, Copy)]
enum Spoiler {
    MissingName,
    MissingDescription,
    NoContactPersons,
    CeasedMissing,
    ProcessorsMissing,
    CauseCommentMissing,
    DiscoveredBeforeOccurred,
    CountOutsideInterval,
    CheckDigit,
    LateWithoutReason,
    FutureDate,
    InformedOnMissing,
    Postcode,
    Email,
    Phone,
    Date,
    Time,
    UnknownOption,
    WrongType,
    UnknownField,
    EmptyText,
    TextTooLong,
    DuplicateOption,
    SchemaVersion,
    Truncated,
    NotJson,
    TooManyItems,
}

fn invalid(json: String, code: &'static str) -> Sample {
    Sample { json, expected: Expected::Invalid { code } }
}

/// Sets a member of a JSON object, creating the objects on the way.
fn set(doc: &mut Value, path: &[&str], value: Value) {
    let mut cur = doc;
    for (i, key) in path.iter().enumerate() {
        if !cur.is_object() {
            *cur = json!({});
        }
        let Some(obj) = cur.as_object_mut() else { return };
        if i + 1 == path.len() {
            obj.insert((*key).to_string(), value);
            return;
        }
        cur = obj.entry((*key).to_string()).or_insert_with(|| json!({}));
    }
}

fn spoil(r: &mut SplitMix64, built: Built) -> Sample {
    let Built { mut notification, discovered } = built;
    let n = &mut notification;
    let spoiler = r.weighted(SPOILERS);
    // Rule-level: change the model, then write it.
    let rule = |n: &Notification, code| invalid(n.to_json_compact(), code);
    match spoiler {
        Spoiler::MissingName => {
            n.controller.name = None;
            return rule(n, "required");
        }
        Spoiler::MissingDescription => {
            n.incident.description = None;
            return rule(n, "required");
        }
        Spoiler::NoContactPersons => {
            n.contact_details.contact_persons.clear();
            return rule(n, "required");
        }
        Spoiler::CeasedMissing => {
            n.incident.ongoing = Some(YesNo::No);
            n.incident.ceased = EventTime::default();
            return rule(n, "required-when");
        }
        Spoiler::ProcessorsMissing => {
            n.processors.involved = Some(YesNo::Yes);
            n.processors.organisations.clear();
            return rule(n, "required-when");
        }
        Spoiler::CauseCommentMissing => {
            n.incident.cause = Some(Cause::Other);
            n.incident.cause_comment = None;
            return rule(n, "other-comment-required");
        }
        Spoiler::DiscoveredBeforeOccurred => {
            let d = n.incident.discovered.date.map(|d| d.date() + Duration::days(r.between(2, 20) as i64));
            n.incident.occurred =
                EventTime { date: d.and_then(|d| LocalDate::from_date(d).ok()), ..EventTime::default() };
            return rule(n, "discovered-before-occurred");
        }
        Spoiler::CountOutsideInterval => {
            n.data_and_subjects.subject_count =
                Count { exact: Some(r.between(1, 10)), interval: Some(CountInterval::From1001To10000) };
            n.data_and_subjects.record_count =
                Count { exact: None, interval: Some(CountInterval::MoreThan1000000) };
            return rule(n, "count-outside-interval");
        }
        Spoiler::CheckDigit => {
            let mut digits: Vec<u8> = match &n.controller.organisation_number {
                Some(good) => good.digits().into_bytes(),
                None => b"2120000142".to_vec(),
            };
            if let Some(last) = digits.last_mut() {
                *last = b'0' + (*last - b'0' + 1 + r.below(9) as u8) % 10;
            }
            n.controller.organisation_number =
                std::str::from_utf8(&digits).ok().and_then(|d| OrganisationNumber::new(d).ok());
            return rule(n, "organisation-number-check-digit");
        }
        Spoiler::LateWithoutReason => {
            let at = discovered + Duration::hours(r.between(90, 400) as i64);
            n.submitted_at = crate::stockholm::to_local(at).ok().map(Timestamp::new);
            n.incident.late_reason = None;
            n.incident.ceased = EventTime::default();
            n.incident.ongoing = Some(YesNo::Yes);
            return rule(n, "late-reason-required");
        }
        Spoiler::FutureDate => {
            let at = discovered - Duration::days(r.between(40, 100) as i64);
            n.submitted_at = crate::stockholm::to_local(at).ok().map(Timestamp::new);
            return rule(n, "future-date");
        }
        Spoiler::InformedOnMissing => {
            n.data_subject_information =
                DataSubjectInformation { informed: Some(YesNo::Yes), ..Default::default() };
            return rule(n, "required-when");
        }
        _ => {}
    }
    // Format-level: change the JSON.
    let mut doc = serde_json::to_value(&*n).unwrap_or(Value::Null);
    let code = match spoiler {
        Spoiler::Postcode => {
            let bad = r.pick(&["ABC 12", "1234", "012345", "12 3456", "S-123 45"]);
            set(&mut doc, &["contactDetails", "correspondenceAddress", "postcode"], json!(bad));
            "postcode-format"
        }
        Spoiler::Email => {
            let bad = r.pick(&[
                "karin.exempel.se",
                "karin@",
                "@exempel.se",
                "karin lindqvist@exempel.se",
                "karin@@exempel.se",
            ]);
            set(
                &mut doc,
                &["contactDetails", "contactPersons"],
                json!([{ "name": "Karin Lindqvist", "email": bad, "phone": "070-123 45 67" }]),
            );
            "email-format"
        }
        Spoiler::Phone => {
            let bad = r.pick(&["123", "070 12", "+0 70 123 45 67", "070--123 45 67", "tel 070 123 45 67"]);
            set(
                &mut doc,
                &["contactDetails", "contactPersons"],
                json!([{ "name": "Karin Lindqvist", "email": "karin@exempel.se", "phone": bad }]),
            );
            "phone-format"
        }
        Spoiler::Date => {
            let bad = r.pick(&["2025-02-30", "2025-13-01", "25-03-28", "2025/03/28", "28 mars 2025"]);
            set(&mut doc, &["incident", "discovered", "date"], json!(bad));
            "date-format"
        }
        Spoiler::Time => {
            let bad = r.pick(&["24:00", "9:30", "09.30", "09:60", "kl. 9"]);
            set(&mut doc, &["incident", "discovered", "time"], json!(bad));
            "time-format"
        }
        Spoiler::UnknownOption => {
            let (path, bad): (&[&str], &str) = r.pick(&[
                (&["incident", "nature"][..], "hacking"),
                (&["incident", "cause"][..], "human"),
                (&["consequences", "severity"][..], "high"),
                (&["incident", "sector"][..], "Offentlig sektor"),
            ]);
            set(&mut doc, path, json!(bad));
            "unknown-option"
        }
        Spoiler::WrongType => {
            let (path, bad): (&[&str], &str) = r.pick(&[
                (&["incident", "ongoing"][..], "true"),
                (&["dataAndSubjects", "subjectCount", "exact"][..], "\"tolv\""),
                (&["controller", "name"][..], "42"),
                (&["dataAndSubjects", "subjectGroups"][..], "\"employees\""),
            ]);
            set(&mut doc, path, serde_json::from_str(bad).unwrap_or(Value::Null));
            "invalid-type"
        }
        Spoiler::UnknownField => {
            let (path, _): (&[&str], u8) = r.pick(&[
                (&["incident", "severity"][..], 0),
                (&["comment"][..], 0),
                (&["controller", "orgNr"][..], 0),
            ]);
            set(&mut doc, path, json!("x"));
            "unknown-field"
        }
        Spoiler::EmptyText => {
            set(&mut doc, &["controller", "name"], json!(r.pick(&["", "   ", "\t"])));
            "text-empty"
        }
        Spoiler::TextTooLong => {
            let text = "Lång beskrivning. ".repeat(600);
            set(&mut doc, &["incident", "description"], json!(text));
            "text-too-long"
        }
        Spoiler::DuplicateOption => {
            set(&mut doc, &["dataAndSubjects", "subjectGroups"], json!(["employees", "employees"]));
            "duplicate-option"
        }
        Spoiler::SchemaVersion => {
            set(&mut doc, &["schemaVersion"], json!(r.pick(&["2.0", "1", "0.9"])));
            "schema-version"
        }
        Spoiler::TooManyItems => {
            let persons: Vec<Value> = (0..21)
                .map(|i| json!({ "name": format!("Person {}", i + 1), "role": "Handläggare" }))
                .collect();
            set(&mut doc, &["contactDetails", "contactPersons"], Value::Array(persons));
            "too-many-items"
        }
        Spoiler::Truncated => {
            let text = doc.to_string();
            let cut = r.between(1, text.len().saturating_sub(1) as u64) as usize;
            let mut end = cut.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            return invalid(text[..end].to_string(), "json-syntax");
        }
        _ => {
            let bad = r.pick(&[
                "{\"schemaVersion\": \"1.0\", 'controller': {}}",
                "schemaVersion=1.0",
                "{\"schemaVersion\":\"1.0\",}",
                "{\"schemaVersion\": \"1.0\", \"controller\": {",
                "{\"schemaVersion\":\"1.0\"} {}",
            ]);
            return invalid(bad.to_string(), "json-syntax");
        }
    };
    invalid(doc.to_string(), code)
}

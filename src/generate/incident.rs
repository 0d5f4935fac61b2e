//! The incident (questions 10–20): when it happened, was discovered, ceased and was filed, and
//! what happened.

use time::{Date, Duration, Month, OffsetDateTime};

use super::conditions::asked;
use super::random::SplitMix64;
use super::values::{instant, is_plain_local, local_fields, long};
use super::words::{
    AREA_COMMENTS, CAUSE_COMMENTS, CEASED_COMMENTS, DISCOVERED_COMMENTS, FOLLOW_UPS, LATE_REASONS,
    OCCURRED_COMMENTS, WHAT, WHO,
};
use crate::form::Field;
use crate::lang::upper_first;
use crate::model::incident::{Cause, DiscoveryMethod, EventTime, Nature};
use crate::model::notification::Notification;
use crate::model::state::{AnswerState, Period};
use crate::values::choice::YesNo;
use crate::values::datetime::{LocalDate, WallClockTime};

/// The moments of a notification, drawn before its answers.
pub(super) struct Times {
    discovered_date: Date,
    discovered_hm: (u8, u8),
    pub(super) discovered_at: OffsetDateTime,
    discovered_date_only: bool,
    occurred_date: Date,
    occurred_hm: (u8, u8),
    /// 0: date and time known, 1: the date only, 2: unknown.
    occurred_shape: u8,
    late: bool,
    /// The filing, in Swedish local time.
    pub(super) submitted: OffsetDateTime,
}

impl Times {
    /// The day of the discovery.
    pub(super) fn discovered_date(&self) -> Date {
        self.discovered_date
    }

    /// The day of the filing, in Sweden.
    pub(super) fn submitted_date(&self) -> Date {
        local_fields(self.submitted).map_or(self.discovered_date, |(d, _)| d.date())
    }
}

/// The discovery between 2019 and mid-2026 at 07:00–21:59 (times that exist once); the
/// occurrence on the same day or up to a month before, at an earlier time; the filing within 72
/// hours, or late (then with a reason).
pub(super) fn times(r: &mut SplitMix64) -> Times {
    let first_day = Date::from_calendar_date(2019, Month::January, 1).unwrap_or(Date::MIN);
    let discovered_date = first_day + Duration::days(r.below(2_737) as i64);
    let discovered_hm = (r.between(7, 21) as u8, r.below(60) as u8);
    let discovered_at =
        instant(discovered_date, discovered_hm.0, discovered_hm.1).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let discovered_date_only = r.percent(4);
    let days_before = r.weighted(&[(0i64, 45), (1, 20), (2, 10), (7, 10), (30, 15)]);
    let days_before = if days_before >= 7 { r.between(3, days_before as u64) as i64 } else { days_before };
    let occurred_hm = if days_before == 0 {
        let minutes = u64::from(discovered_hm.0) * 60 + u64::from(discovered_hm.1);
        let m = r.between(6 * 60, minutes.saturating_sub(1).max(6 * 60));
        ((m / 60) as u8, (m % 60) as u8)
    } else {
        (r.between(6, 22) as u8, r.below(60) as u8)
    };
    let occurred_shape = r.weighted(&[(0u8, 68), (1, 13), (2, 6), (3, 7), (4, 4), (5, 2)]);
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
    Times {
        discovered_date,
        discovered_hm,
        discovered_at,
        discovered_date_only,
        occurred_date: discovered_date - Duration::days(days_before),
        occurred_hm,
        occurred_shape,
        late,
        submitted: crate::time::stockholm::to_local(submitted).unwrap_or(submitted),
    }
}

fn time_of(hm: (u8, u8)) -> Option<WallClockTime> {
    WallClockTime::from_hm(u32::from(hm.0), u32::from(hm.1)).ok()
}

/// Questions 10–18 and the comment of 20 (the sector and area come with the controller).
pub(super) fn incident(r: &mut SplitMix64, n: &mut Notification, t: &Times) {
    n.incident.occurred = occurred(r, t);
    n.incident.discovered = EventTime {
        date: LocalDate::from_date(t.discovered_date).ok(),
        time: if t.discovered_date_only { None } else { time_of(t.discovered_hm) },
        utc_offset: None,
        comment: r.percent(30).then(|| long(r.pick(DISCOVERED_COMMENTS))).flatten(),
        ..EventTime::default()
    };
    n.incident.ongoing = Some(r.weighted(&[(YesNo::No, 85), (YesNo::Yes, 15)]));
    if asked(n, Field::IncidentCeased) {
        n.incident.ceased = ceased(r, t);
    }
    let nature = nature(r);
    let cause = cause(r, nature);
    let i = &mut n.incident;
    i.late_reason = t.late.then(|| long(r.pick(LATE_REASONS))).flatten();
    i.nature = Some(nature);
    i.description = long(&description(r, nature));
    i.discovery_method = r.percent(95).then(|| {
        r.weighted(&[
            (DiscoveryMethod::EmployeeInformed, 40),
            (DiscoveryMethod::DataSubjectInformed, 20),
            (DiscoveryMethod::OwnDetection, 18),
            (DiscoveryMethod::ThirdPartyInformed, 10),
            (DiscoveryMethod::ProcessorInformed, 9),
            (DiscoveryMethod::Other, 3),
        ])
    });
    i.cause = Some(cause);
    if asked(n, Field::IncidentCauseComment) {
        n.incident.cause_comment = long(r.pick(CAUSE_COMMENTS));
    }
    if asked(n, Field::IncidentAreaOfActivityComment) {
        n.incident.area_of_activity_comment = long(r.pick(AREA_COMMENTS));
    }
}

fn occurred(r: &mut SplitMix64, t: &Times) -> EventTime {
    match t.occurred_shape {
        0 => EventTime {
            date: LocalDate::from_date(t.occurred_date).ok(),
            time: time_of(t.occurred_hm),
            utc_offset: None,
            comment: r.percent(30).then(|| long(r.pick(OCCURRED_COMMENTS))).flatten(),
            ..EventTime::default()
        },
        1 => EventTime {
            date: LocalDate::from_date(t.occurred_date).ok(),
            time: None,
            utc_offset: None,
            comment: long("Exakt klockslag är inte känt."),
            ..EventTime::default()
        },
        2 => EventTime { comment: long("Tidpunkten utreds fortfarande."), ..EventTime::default() },
        3 => EventTime {
            date: LocalDate::from_date(t.occurred_date).ok(),
            period: Some(Period::FromTo),
            until_date: LocalDate::from_date(t.discovered_date).ok(),
            ..EventTime::default()
        },
        4 => EventTime { state: Some(AnswerState::NotKnownYet), ..EventTime::default() },
        _ => EventTime {
            state: Some(AnswerState::CannotBeDetermined),
            reason: long("Systemet saknar loggar för perioden."),
            ..EventTime::default()
        },
    }
}

/// Between the discovery and the filing (or at the discovery).
fn ceased(r: &mut SplitMix64, t: &Times) -> EventTime {
    let span = (t.submitted - t.discovered_at).whole_minutes().max(0) as u64;
    let at = t.discovered_at + Duration::minutes(r.below(span + 1) as i64);
    let at = if is_plain_local(at) { at } else { t.discovered_at };
    let (date, time) = local_fields(at).unzip();
    match r.weighted(&[(0u8, 94), (1, 3), (2, 2), (3, 1)]) {
        1 => EventTime {
            date: LocalDate::from_date(t.discovered_date).ok(),
            period: Some(Period::FromTo),
            until_date: date,
            ..EventTime::default()
        },
        2 => EventTime {
            state: Some(AnswerState::CannotBeDetermined),
            reason: long("Angriparens sista åtkomst framgår inte av loggarna."),
            ..EventTime::default()
        },
        3 => EventTime { state: Some(AnswerState::NotKnownYet), ..EventTime::default() },
        _ => EventTime {
            date,
            time,
            utc_offset: None,
            comment: r.percent(20).then(|| long(r.pick(CEASED_COMMENTS))).flatten(),
            ..EventTime::default()
        },
    }
}

/// IMY's statistics: misdirected mail about 37 %, other disclosure 25 %, access 25 %, loss 5 %.
fn nature(r: &mut SplitMix64) -> Nature {
    r.weighted(&[
        (Nature::MisdirectedCommunication, 37),
        (Nature::UnauthorisedDisclosureOther, 25),
        (Nature::UnauthorisedAccess, 25),
        (Nature::LossOrTheft, 5),
        (Nature::Destruction, 3),
        (Nature::Alteration, 2),
        (Nature::Other, 3),
    ])
}

/// The human factor about 60 % of causes, hostile attacks 13 %.
fn cause(r: &mut SplitMix64, nature: Nature) -> Cause {
    match nature {
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
    }
}

/// Question 15: a first sentence fitting the nature, and one to three follow-ups.
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

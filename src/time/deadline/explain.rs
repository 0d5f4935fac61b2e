//! The explanations: one line per obligation in Swedish and English.

use std::fmt;

use time::{Duration, OffsetDateTime};

use crate::lang::{Bilingual, Lang};
use crate::time::calendar::weekday_name;
use crate::time::stockholm;

use super::counting::{changes_between, wall_span, Change, Moved, PeriodEnd};
use super::duties::{ClockStart, CountingLaw, CountingPolicy, Period, Stage};
use super::facts::{Awareness, SubjectInformation};
use super::results::{Obligation, Start, Status, Why};
use super::text::{hours_text, human_duration, LocalText};

impl Obligation {
    /// One line in Swedish and English: the event, the duty, the policy, the DST note.
    ///
    /// Written on demand: a schedule's deadlines and statuses are cheap, the prose in two languages
    /// is not, and a service that stores deadlines does not need it.
    ///
    /// # Example
    /// ```
    /// use imy_breach::deadline::{schedule, Facts, ScheduleOptions, Stage};
    /// use time::macros::datetime;
    /// let s = schedule(&Facts::new().aware_at(datetime!(2025-03-28 10:00 +01:00)), &ScheduleOptions::new(),
    ///     datetime!(2025-03-29 12:00 +01:00))?;
    /// let text = s.get(Stage::ImyNotification).unwrap().explanation();
    /// assert!(text.en.starts_with("Notification to IMY (GDPR Art. 33(1)): 72 hours of elapsed time"));
    /// # Ok::<(), imy_breach::stockholm::LocalTimeError>(())
    /// ```
    pub fn explanation(&self) -> Bilingual<String> {
        explain(self)
    }

    /// The time left, overdue or late, in words: "23 h 0 min kvar" / "23 h 0 min left". `None`
    /// unless the status is [`Open`](Status::Open), [`Overdue`](Status::Overdue) or
    /// [`MetLate`](Status::MetLate).
    ///
    /// # Example
    /// ```
    /// use imy_breach::deadline::{schedule, Facts, ScheduleOptions, Stage, Wording};
    /// use imy_breach::Lang;
    /// use time::macros::datetime;
    /// let s = schedule(&Facts::new().aware_at(datetime!(2025-03-28 10:00 +01:00)), &ScheduleOptions::new(),
    ///     datetime!(2025-03-31 13:00 +02:00))?;
    /// let imy = s.get(Stage::ImyNotification).unwrap();
    /// let text = |lang, wording| imy.time_left_text(lang, wording).map(|t| t.to_string());
    /// assert_eq!(text(Lang::Sv, Wording::Column).as_deref(), Some("2 h 0 min försenad"));
    /// assert_eq!(text(Lang::En, Wording::Sentence).as_deref(), Some("2 h 0 min past the deadline"));
    /// # Ok::<(), imy_breach::stockholm::LocalTimeError>(())
    /// ```
    pub fn time_left_text(&self, lang: Lang, wording: Wording) -> Option<TimeLeftText> {
        let sv = lang == Lang::Sv;
        let (duration, words) = match (self.status, wording) {
            (Status::Open, _) => (self.time_left()?, if sv { "kvar" } else { "left" }),
            (Status::Overdue, Wording::Column) => {
                (self.overdue_by()?, if sv { "försenad" } else { "overdue" })
            }
            (Status::Overdue, Wording::Sentence) => {
                (self.overdue_by()?, if sv { "efter fristen" } else { "past the deadline" })
            }
            (Status::MetLate, Wording::Column) => (self.late_by?, if sv { "för sent" } else { "late" }),
            (Status::MetLate, Wording::Sentence) => {
                (self.late_by?, if sv { "efter fristen" } else { "after the deadline" })
            }
            _ => return None,
        };
        Some(TimeLeftText { duration, words })
    }
}

/// The words of [`Obligation::time_left_text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Wording {
    /// For a table column: "kvar" / "left", "försenad" / "overdue", "för sent" / "late".
    Column,
    /// For a sentence: "kvar" / "left", "efter fristen" / "past the deadline" (overdue) or "after
    /// the deadline" (done late).
    Sentence,
}

/// How long an obligation has left, is overdue or was late, in words: "23 h 0 min kvar". Made by
/// [`Obligation::time_left_text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeLeftText {
    /// The duration, non-negative.
    pub duration: Duration,
    /// The words after it: "kvar", "left", "försenad", …
    pub words: &'static str,
}

impl fmt::Display for TimeLeftText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", human_duration(self.duration), self.words)
    }
}

impl Start {
    fn write_to(self, ex: &mut Bilingual<String>) {
        let aware = |ex: &mut Bilingual<String>, a: Awareness| {
            if a.date_only {
                let day = a.at.date();
                let day = stockholm::ymd(day);
                ex.write(
                    format_args!("från början av upptäcktsdagen, {day} 00:00 (fråga 11 saknar klockslag: tidigast möjliga vetskap)"),
                    format_args!("from the start of the discovery day, {day} 00:00 (question 11 has no time: the earliest possible awareness)"),
                );
            } else {
                let at = LocalText(a.at);
                ex.write(
                    format_args!("från upptäckten {at} (fråga 11)"),
                    format_args!("from awareness at {at} (question 11)"),
                );
                if a.ambiguous {
                    ex.push(
                        ", den första av två likadana klockslag",
                        ", the earlier of two identical wall-clock times",
                    );
                }
            }
        };
        match self {
            Start::None => {}
            Start::Awareness(a) => aware(ex, a),
            Start::ProcessorAwareness(p) => ex.write(
                format_args!("från biträdets vetskap {}", LocalText(p)),
                format_args!("from the processor's awareness at {}", LocalText(p)),
            ),
            Start::AwarenessForProcessor(a) => {
                aware(ex, a);
                ex.push(
                    "; biträdets egen vetskap är inte angiven och kan vara tidigare",
                    "; the processor's own awareness is not given and may be earlier",
                );
            }
            Start::Event(event, at) => {
                let (sv, en) = event_words(event);
                ex.write(format_args!("från {sv} {}", LocalText(at)), format_args!("from {en} at {}", LocalText(at)))
            }
            Start::Submitted(noun, done) => ex.write(
                format_args!("från att {} lämnades {}", noun.sv, LocalText(done)),
                format_args!("from the submission of {} at {}", noun.en, LocalText(done)),
            ),
            Start::Provisional(noun, due) => ex.write(
                format_args!(
                    "från fristen för {} {}, preliminärt: den är inte lämnad än och tiden räknas från när den lämnas",
                    noun.sv,
                    LocalText(due)
                ),
                format_args!(
                    "from the deadline of {} at {}, provisionally: it is not submitted yet, and the period runs from when it is",
                    noun.en,
                    LocalText(due)
                ),
            ),
        }
    }
}

/// The event of a trigger other than awareness, as the object of "från" / "from".
fn event_words(event: ClockStart) -> (&'static str, &'static str) {
    match event {
        ClockStart::ClassifiedMajor => {
            ("klassificeringen som större incident", "the classification as a major incident")
        }
        ClockStart::FixAvailable => {
            ("att en korrigerande åtgärd blev tillgänglig", "a corrective measure becoming available")
        }
        _ => ("att incidenten hanterats", "the handling of the incident"),
    }
}

/// Writes an obligation's explanation (see [`Obligation::explanation`]).
fn explain(o: &Obligation) -> Bilingual<String> {
    let Why { duty, start, completed, processor_informed, subject_information, now } = o.why;
    let mut ex = Bilingual::with_capacity(320);
    ex.write(
        format_args!("{} ({}): ", duty.title.sv, duty.reference.sv),
        format_args!("{} ({}): ", duty.title.en, duty.reference.en),
    );
    if o.started_at.is_none() {
        let (sv, en) = match duty.clock_start {
            ClockStart::Completion(_) => (
                "kan inte räknas: det föregående steget har ingen frist",
                "cannot be counted: the earlier stage has no deadline",
            ),
            ClockStart::ProcessorAwareness if o.status == Status::NotApplicable => (
                "gäller inte: inget personuppgiftsbiträde är inblandat (fråga 21 Nej) och inget biträde informerade oss (fråga 17)",
                "not applicable: no processor is involved (question 21 No) and no processor informed us (question 17)",
            ),
            ClockStart::ClassifiedMajor => (
                "kan inte räknas: när incidenten klassificerades som större är inte angivet",
                "cannot be counted: when the incident was classified as major is not given",
            ),
            ClockStart::FixAvailable => (
                "kan inte räknas: när en korrigerande åtgärd blev tillgänglig är inte angivet",
                "cannot be counted: when a corrective measure became available is not given",
            ),
            ClockStart::IncidentHandled => (
                "kan inte räknas: incidenten pågår (fråga 12) och när den hanterats är inte angivet",
                "cannot be counted: the incident is ongoing (question 12) and when it was handled is not given",
            ),
            _ => (
                "kan inte räknas: upptäcktsdatum (fråga 11) saknas",
                "cannot be counted: the discovery date (question 11) is missing",
            ),
        };
        ex.push(sv, en);
        return ex;
    }

    let end = o.counting_from.zip(o.deadline).map(|(counting_from, deadline)| PeriodEnd {
        counting_from,
        deadline,
        moved: o.moved,
    });
    match end {
        None => {
            let period = o.period;
            ex.write(format_args!("{} ", period.text(Lang::Sv)), format_args!("{} ", period.text(Lang::En)));
            start.write_to(&mut ex);
            ex.push("; ingen fast tidpunkt", "; no fixed deadline");
        }
        Some(e) => {
            period_text(&mut ex, o.period, o.policy, duty.law, e);
            if duty.stage == Stage::ProcessorToController {
                ex.push("(avtalad frist) ", "(contractual window) ");
            }
            start.write_to(&mut ex);
            let deadline = LocalText(e.deadline);
            ex.write(format_args!(" → {deadline}"), format_args!(" → {deadline}"));
            if let Some(m) = e.moved {
                moved_text(&mut ex, m);
            }
            dst_text(&mut ex, e);
        }
    }

    if let Some(c) = completed {
        match o.late_by {
            Some(late) => {
                let (t, l) = (LocalText(c), human_duration(late));
                ex.write(format_args!(". Klar {t}, {l} för sent"), format_args!(". Done at {t}, {l} late"));
            }
            None => {
                ex.write(format_args!(". Klar {}", LocalText(c)), format_args!(". Done at {}", LocalText(c)))
            }
        }
        if processor_informed {
            ex.push(" (biträdet informerade oss, fråga 17)", " (a processor informed us, question 17)");
        }
    }
    if duty.stage == Stage::DataSubjects && completed.is_none() {
        subject_text(&mut ex, subject_information, now);
    }
    ex.push(".", ".");
    ex
}

/// The period and how it is counted under the policy, for a period with a fixed end.
fn period_text(
    ex: &mut Bilingual<String>,
    period: Period,
    policy: CountingPolicy,
    law: CountingLaw,
    e: PeriodEnd,
) {
    let (psv, pen) = (period.text(Lang::Sv), period.text(Lang::En));
    match (period, policy) {
        (Period::Hours(_), CountingPolicy::Elapsed) => {
            ex.write(format_args!("{psv} förfluten tid "), format_args!("{pen} of elapsed time "))
        }
        (Period::Hours(_), _) if law == CountingLaw::Sfs1930 => ex.write(
            format_args!(
                "{psv} förfluten tid (svensk lag räknar inte bort händelsens timme; timmar flyttas aldrig) "
            ),
            format_args!("{pen} of elapsed time (Swedish law leaves out no hour; hours are never moved) "),
        ),
        (Period::Hours(_), _) => {
            let start = LocalText(e.counting_from);
            ex.write(
                format_args!("{psv} räknat från nästa hela timme, {start} (förordning 1182/71 art. 3.1), "),
                format_args!(
                    "{pen} counted from the next full hour, {start} (Regulation 1182/71 Art. 3(1)), "
                ),
            );
        }
        (Period::Months(_), CountingPolicy::Elapsed) => ex.write(
            format_args!("{psv} (samma datum och klockslag; månadens sista dag om datumet saknas) "),
            format_args!(
                "{pen} (same date and time of day; the month's last day when that date does not exist) "
            ),
        ),
        (Period::Weeks(n), CountingPolicy::Elapsed) => ex.write(
            format_args!("{psv} ({} dagar, samma klockslag) ", n * 7),
            format_args!("{pen} ({} days, same time of day) ", n * 7),
        ),
        (_, CountingPolicy::Elapsed) => {
            ex.write(format_args!("{psv} (samma klockslag) "), format_args!("{pen} (same time of day) "))
        }
        (_, _) => {
            let (rsv, ren) = match law {
                CountingLaw::Sfs1930 => ("lag (1930:173)", "lag (1930:173)"),
                CountingLaw::Practice => (
                    "IMY:s praxis, ingen lagstadgad frist, flyttas inte",
                    "IMY's practice, no statutory period, not moved",
                ),
                _ => ("förordning 1182/71 art. 3.1–3.2", "Regulation 1182/71 Art. 3(1)–(2)"),
            };
            ex.write(
                format_args!("{psv} räknat från dagen efter till den sista dagens slut ({rsv}) "),
                format_args!("{pen} counted from the next day to the end of the last day ({ren}) "),
            )
        }
    }
}

/// The calendar rule that moved the last day: "Midsommarafton 2026-06-19: flyttad till måndag
/// 2026-06-22 enligt lag (1930:173) 2 §".
fn moved_text(ex: &mut Bilingual<String>, m: Moved) {
    let day = |d: time::Date, lang| format!("{} {}", weekday_name(d.weekday(), lang), stockholm::ymd(d));
    let (from, name_sv, name_en) =
        (stockholm::ymd(m.from), m.kind.name(m.from, Lang::Sv), m.kind.name(m.from, Lang::En));
    if m.to != m.from {
        let (rsv, ren) = match m.law {
            CountingLaw::Sfs1930 => ("lag (1930:173) 2 §", "lag (1930:173) § 2"),
            _ => ("förordning 1182/71 art. 3.4", "Regulation 1182/71 Art. 3(4)"),
        };
        ex.write(
            format_args!(
                ". {name_sv} {from}: flyttad till {} enligt {rsv} (fristen går ut när den dagen slutar)",
                day(m.to, Lang::Sv)
            ),
            format_args!(
                ". {name_en} {from}: moved to {} by {ren} (the period ends when that day ends)",
                day(m.to, Lang::En)
            ),
        );
    }
    if let Some(two) = m.two_working_days {
        ex.write(
            format_args!(
                ". Perioden ska omfatta minst två arbetsdagar: förlängd till {} enligt förordning 1182/71 art. 3.5",
                day(two, Lang::Sv)
            ),
            format_args!(
                ". The period must include at least two working days: extended to {} by Regulation 1182/71 Art. 3(5)",
                day(two, Lang::En)
            ),
        );
    }
}

/// The first daylight-saving change within the period, with the period on the clock.
fn dst_text(ex: &mut Bilingual<String>, e: PeriodEnd) {
    let changes = changes_between(e.counting_from, e.deadline);
    let Some(&(at, change)) = changes.first() else {
        return;
    };
    let wall = wall_span(e.counting_from, e.deadline);
    let day = stockholm::to_local(at).map(|t| stockholm::ymd(t.date())).unwrap_or_default();
    let (elapsed, clock) = (hours_text(e.deadline - e.counting_from), hours_text(wall));
    let (what_sv, what_en, arrow) = match change {
        Change::Spring => ("Sommartiden började", "Summer time began on", "02:00 → 03:00"),
        Change::Autumn => ("Sommartiden slutade", "Summer time ended on", "03:00 → 02:00"),
    };
    ex.write(
        format_args!(
            ". {what_sv} {day} ({arrow}): perioden är {elapsed} förfluten tid och {clock} på klockan"
        ),
        format_args!(
            ". {what_en} {day} ({arrow}): the period is {elapsed} of elapsed time and {clock} on the clock"
        ),
    );
}

/// What questions 31–35 say, for the explanation of the Art. 34 obligation.
fn subject_text(ex: &mut Bilingual<String>, info: SubjectInformation, now: OffsetDateTime) {
    match info {
        SubjectInformation::Unknown => ex.push(
            ". Krävs om incidenten sannolikt leder till hög risk för de registrerade; frågorna 31–35 är inte besvarade",
            ". Required if the breach is likely to result in a high risk to the data subjects; questions 31–35 are not answered",
        ),
        SubjectInformation::Informed { on } => {
            match on {
                Some(d) => {
                    let day = stockholm::ymd(d.date());
                    ex.write(
                        format_args!(". De registrerade informerades {day} (fråga 32)"),
                        format_args!(". The data subjects were informed on {day} (question 32)"),
                    )
                }
                None => ex.push(
                    ". De registrerade är informerade (fråga 31); datum saknas (fråga 32)",
                    ". The data subjects have been informed (question 31); the date is missing (question 32)",
                ),
            }
        }
        SubjectInformation::Planned { on } => {
            let passed = on.is_some_and(|d| d.date() < now.date());
            match (on, passed) {
                (Some(d), true) => {
                    let day = stockholm::ymd(d.date());
                    ex.write(
                        format_args!(". Planerat till {day} (fråga 34), ett datum som har passerat"),
                        format_args!(". Planned for {day} (question 34), a date that has passed"),
                    )
                }
                (Some(d), false) => {
                    let day = stockholm::ymd(d.date());
                    ex.write(
                        format_args!(". Planerat till {day} (fråga 34)"),
                        format_args!(". Planned for {day} (question 34)"),
                    )
                }
                (None, _) => ex.push(
                    ". De registrerade ska informeras (fråga 33); datum saknas (fråga 34)",
                    ". The data subjects will be informed (question 33); the date is missing (question 34)",
                ),
            }
        }
        SubjectInformation::NotInforming { reason_given } => {
            if reason_given {
                ex.push(
                    ". De registrerade informeras inte; skälen (undantagen i art. 34.3 eller låg risk) finns i fråga 35",
                    ". The data subjects will not be informed; the reasons (the exemptions of Art. 34(3) or a low risk) are in question 35",
                );
            } else {
                ex.push(
                    ". De registrerade informeras inte, men skälen saknas (fråga 35)",
                    ". The data subjects will not be informed, but the reasons are missing (question 35)",
                );
            }
        }
    }
}

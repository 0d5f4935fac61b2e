//! Constructors that let a notification be built in code the way the form is filled in: one answer,
//! one line. Each checks its values as reading does and leaves every other member at its default
//! (`..Default::default()`), so a member added to a type later starts out unanswered.

use crate::model::affected::{Count, CountInterval, MAX_COUNT};
use crate::model::consequences::Action;
use crate::model::contact::ContactPerson;
use crate::model::controller::Address;
use crate::model::incident::EventTime;
use crate::values::datetime::{LocalDate, WallClockTime};
use crate::values::error::FieldError;
use crate::values::text::{LongText, ShortText};

impl EventTime {
    /// A moment with its date and time of day (questions 10, 11 and 13: "Datum", "Klockslag"),
    /// Swedish local time.
    ///
    /// ```
    /// use imy_breach::EventTime;
    /// let discovered = EventTime::at("2025-03-28", "10:00")?;
    /// assert_eq!(serde_json::to_string(&discovered)?, r#"{"date":"2025-03-28","time":"10:00"}"#);
    /// assert!(EventTime::at("2025-02-30", "10:00").is_err()); // not in the calendar
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`FieldError::Date`] when `date` is not a `YYYY-MM-DD` date of the calendar,
    /// [`FieldError::Time`] when `time` is not `HH:MM`.
    pub fn at(date: &str, time: &str) -> Result<Self, FieldError> {
        Ok(EventTime { time: Some(WallClockTime::parse(time)?), ..Self::on(date)? })
    }

    /// A moment known by its date only ("Datum"; the time of day left out).
    ///
    /// ```
    /// use imy_breach::EventTime;
    /// let occurred = EventTime::on("2025-03-27")?;
    /// assert_eq!(occurred.time, None);
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`FieldError::Date`] when `date` is not a `YYYY-MM-DD` date of the calendar.
    pub fn on(date: &str) -> Result<Self, FieldError> {
        Ok(EventTime { date: Some(LocalDate::parse(date)?), ..Self::default() })
    }

    /// The same moment with "Eventuell kommentar", the comment of questions 10, 11 and 13.
    ///
    /// ```
    /// use imy_breach::EventTime;
    /// let ceased = EventTime::at("2025-03-28", "14:30")?.with_comment("Brevet har kommit tillbaka.")?;
    /// assert_eq!(ceased.comment.unwrap().as_str(), "Brevet har kommit tillbaka.");
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// As [`LongText::new`]: the comment is empty, longer than 10,000 characters or holds a control
    /// character.
    pub fn with_comment(self, comment: impl Into<String>) -> Result<Self, FieldError> {
        Ok(EventTime { comment: LongText::some(comment)?, ..self })
    }
}

impl Action {
    /// An action taken or planned, with its date and time (question 30: "Datum", "Klockslag",
    /// "Åtgärd").
    ///
    /// ```
    /// use imy_breach::Action;
    /// let a = Action::at("2025-03-28", "10:15", "Mottagaren ombads returnera brevet.")?;
    /// assert_eq!(a.time.unwrap().to_string(), "10:15");
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`FieldError::Date`] or [`FieldError::Time`] for a date or time not in the format, and the
    /// errors of [`LongText::new`] for the description.
    pub fn at(date: &str, time: &str, description: impl Into<String>) -> Result<Self, FieldError> {
        Ok(Action { time: Some(WallClockTime::parse(time)?), ..Self::on(date, description)? })
    }

    /// An action with its date only.
    ///
    /// ```
    /// use imy_breach::Action;
    /// let a = Action::on("2025-03-31", "Rutinen gicks igenom med handläggarna.")?;
    /// assert_eq!(a.time, None);
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`FieldError::Date`] for a date not in the format, and the errors of [`LongText::new`] for the
    /// description.
    pub fn on(date: &str, description: impl Into<String>) -> Result<Self, FieldError> {
        Ok(Action {
            date: Some(LocalDate::parse(date)?),
            description: LongText::some(description)?,
            ..Self::default()
        })
    }
}

impl Count {
    /// An exact number of data subjects or records (questions 23 and 24), with the interval of list
    /// F that holds it, as the form's two answers.
    ///
    /// ```
    /// use imy_breach::{Count, CountInterval};
    /// let c = Count::exact(17)?;
    /// assert_eq!((c.exact, c.interval), (Some(17), Some(CountInterval::From11To100)));
    /// assert!(Count::exact(0).is_err());
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// [`FieldError::Count`] when `n` is 0 or above [`MAX_COUNT`].
    pub fn exact(n: u64) -> Result<Self, FieldError> {
        if !(1..=MAX_COUNT).contains(&n) {
            return Err(FieldError::Count);
        }
        Ok(Count { exact: Some(n), ..Self::estimated(CountInterval::containing(n)) })
    }

    /// An estimate: the interval of list F only, when the exact number is not known.
    ///
    /// ```
    /// use imy_breach::{Count, CountInterval};
    /// let c = Count::estimated(CountInterval::From11To100);
    /// assert_eq!(c.exact, None);
    /// ```
    pub fn estimated(interval: CountInterval) -> Self {
        Count { interval: Some(interval), ..Self::default() }
    }
}

impl Address {
    /// A postal address (questions 3 and 9): "Adress", "Postnummer", "Ort"; add "Land" with
    /// [`with_country`](Address::with_country).
    ///
    /// ```
    /// use imy_breach::Address;
    /// let a = Address::new("Box 200", "123 45", "Exempelstad")?.with_country("Sverige")?;
    /// assert_eq!(a.city.unwrap().as_str(), "Exempelstad");
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// The errors of [`ShortText::new`] for the street or the city, [`FieldError::Postcode`] for a
    /// postcode that is neither five digits nor another country's 2–10 letters, digits, spaces or
    /// hyphens.
    pub fn new(
        street: impl Into<String>,
        postcode: &str,
        city: impl Into<String>,
    ) -> Result<Self, FieldError> {
        Ok(Address {
            street: ShortText::some(street)?,
            postcode: Some(postcode.parse()?),
            city: ShortText::some(city)?,
            ..Self::default()
        })
    }

    /// The same address with "Land", the country.
    ///
    /// # Errors
    /// The errors of [`ShortText::new`].
    ///
    /// ```
    /// # use imy_breach::Address;
    /// let a = Address::new("Storgatan 1", "0150", "Oslo")?.with_country("Norge")?;
    /// assert_eq!(a.country.unwrap().as_str(), "Norge");
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    pub fn with_country(self, country: impl Into<String>) -> Result<Self, FieldError> {
        Ok(Address { country: ShortText::some(country)?, ..self })
    }
}

impl ContactPerson {
    /// A contact person with the answers the form requires (questions 5, 7 and 8): name, e-mail and
    /// phone number; add the role (6) with [`with_role`](ContactPerson::with_role).
    ///
    /// ```
    /// use imy_breach::ContactPerson;
    /// let p = ContactPerson::new("Karin Lindqvist", "dataskyddsombud@exempelstad.se", "070-174 06 05")?
    ///     .with_role("Dataskyddsombud")?;
    /// assert_eq!(p.role.unwrap().as_str(), "Dataskyddsombud");
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// The errors of [`ShortText::new`] for the name, [`FieldError::Email`] or
    /// [`FieldError::Phone`] for an address or number not in their format.
    pub fn new(name: impl Into<String>, email: &str, phone: &str) -> Result<Self, FieldError> {
        Ok(ContactPerson {
            name: ShortText::some(name)?,
            email: Some(email.parse()?),
            phone: Some(phone.parse()?),
            ..Self::default()
        })
    }

    /// The same contact person with "Kontaktpersonens roll" (question 6).
    ///
    /// ```
    /// # use imy_breach::ContactPerson;
    /// let p = ContactPerson::new("Per Exempel", "per@example.se", "070-174 06 05")?.with_role("IT-chef")?;
    /// assert_eq!(p.role.unwrap().as_str(), "IT-chef");
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// The errors of [`ShortText::new`].
    pub fn with_role(self, role: impl Into<String>) -> Result<Self, FieldError> {
        Ok(ContactPerson { role: ShortText::some(role)?, ..self })
    }
}

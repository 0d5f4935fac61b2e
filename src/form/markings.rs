//! Checks of the confidentiality markings ([`ConfidentialityMarking`]) against the notification
//! they belong to: each names an answered field that a public copy can mask, once, with a reason;
//! and question 37's text, which names the marked fields in the form's words.

use crate::form::path::{is_written, resolve, ResolveError};
use crate::lang::{Bilingual, Lang};
use crate::model::notification::Notification;
use crate::model::supplement::{ConfidentialityMarking, SupplementAndConfidentiality};
use crate::values::choice::Choice;

impl SupplementAndConfidentiality {
    /// The text of question 37 to file: your own text, then one paragraph per marking naming the
    /// field with the form's question number and label, the ground (with its legal reference, when
    /// known) and the reason. `None` when there is neither text nor a marking.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{ConfidentialityMarking, Lang, SecrecyGround, SupplementAndConfidentiality};
    /// let mut s = SupplementAndConfidentiality::default();
    /// s.confidentiality_markings.push(ConfidentialityMarking::new(
    ///     "/incident/description",
    ///     SecrecyGround::SecurityMeasures,
    ///     "Beskriver brandväggens konfiguration.",
    /// ).unwrap());
    /// let text = s.confidentiality_text(Lang::Sv).unwrap();
    /// assert!(text.contains("- 16. Kort beskrivning av incidenten\n"));
    /// assert!(text.contains("18 kap. 8 § offentlighets- och sekretesslagen (2009:400)"));
    /// ```
    pub fn confidentiality_text(&self, lang: Lang) -> Option<String> {
        let own = self.confidentiality_request.as_ref().map(|t| t.as_str().trim_end().to_string());
        if self.confidentiality_markings.is_empty() {
            return own;
        }
        let mut out = String::new();
        if let Some(own) = own {
            out.push_str(&own);
            out.push_str("\n\n");
        }
        out.push_str(match lang {
            Lang::Sv => "Följande uppgifter i anmälan bör enligt oss omfattas av sekretess:",
            _ => "In our view, the following information in the notification should be kept confidential:",
        });
        for m in &self.confidentiality_markings {
            out.push_str("\n\n- ");
            out.push_str(&m.describe_field(lang));
            let (ground, reason) = match lang {
                Lang::Sv => ("Grund", "Skäl"),
                _ => ("Ground", "Reason"),
            };
            out.push_str(&format!("\n  {ground}: {}", m.ground.label(lang)));
            if let Some(reference) = m.ground.legal_reference(lang) {
                out.push_str(&format!(" ({reference})"));
            }
            if let Some(r) = &m.reason {
                out.push_str(&format!("\n  {reason}: "));
                // Keep the reason inside the list item: indent its further lines.
                out.push_str(&r.as_str().trim_end().replace('\n', "\n  "));
            }
        }
        Some(out)
    }
}

impl ConfidentialityMarking {
    /// The marked field in the form's words: question numbers and labels along the pointer, list
    /// positions from 1, for example "Kontaktpersoner (nr 1) – 7. Kontaktpersonens e-post". A pointer
    /// that names no field of the form is given as written.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{ConfidentialityMarking, Lang, SecrecyGround};
    /// let m: ConfidentialityMarking = serde_json::from_str(
    ///     r#"{"pointer":"/processors/organisations/0","ground":"third_party","reason":"Avtalet är inte offentligt."}"#,
    /// ).unwrap();
    /// assert_eq!(m.ground, SecrecyGround::ThirdParty);
    /// assert_eq!(m.describe_field(Lang::Sv), "22. Organisationens namn och organisationsnummer (nr 1)");
    /// ```
    pub fn describe_field(&self, lang: Lang) -> String {
        match resolve(self.pointer.as_str()) {
            Ok(r) => r.describe(lang),
            Err(_) => self.pointer.as_str().to_string(),
        }
    }
}

/// A problem with a confidentiality marking, shaped like a validation violation: the pointer of the
/// marking's member at fault, a stable code, and a message in Swedish and English. Every problem is
/// an error: the request in question 37 or the redacted copy would be wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MarkingProblem {
    /// The JSON pointer of the member at fault, for example
    /// `/supplementAndConfidentiality/confidentialityMarkings/0/pointer`.
    pub pointer: String,
    /// The stable kebab-case code, for example `"marking-pointer-unknown"`.
    pub code: &'static str,
    /// The message in Swedish and English.
    pub message: Bilingual<String>,
}

impl MarkingProblem {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }
}

/// Checks the confidentiality markings of a notification. Codes:
///
/// - `marking-pointer-unknown`: the pointer is malformed or names no field of the form;
/// - `marking-pointer-not-allowed`: it names the schema version, the submission time or the
///   markings themselves, which cannot be confidential;
/// - `marking-not-answered`: it names a field (or list element) that this notification does not
///   answer;
/// - `marking-not-maskable`: it names only dates, times, options, Ja/Nej answers or counts, which a
///   public copy cannot mask; describe such a request in question 37's own text;
/// - `marking-duplicate`: an earlier marking has the same pointer;
/// - `marking-reason-missing`: the reason is missing.
///
/// # Example
/// ```
/// let n = imy_breach::Notification::from_json(r#"{"schemaVersion":"1.0",
///   "incident":{"description":"Fel mottagare."},
///   "supplementAndConfidentiality":{"confidentialityMarkings":[
///     {"pointer":"/incident/description","ground":"security_measures","reason":"Beskriver skyddet."},
///     {"pointer":"/incident/descripton","ground":"security_measures","reason":"Stavfel."}]}}"#).unwrap();
/// let problems = imy_breach::markings_problems(&n);
/// assert_eq!(problems.len(), 1);
/// assert_eq!(problems[0].code, "marking-pointer-unknown");
/// assert_eq!(problems[0].pointer, "/supplementAndConfidentiality/confidentialityMarkings/1/pointer");
/// ```
pub fn markings_problems(notification: &Notification) -> Vec<MarkingProblem> {
    let markings = &notification.supplement_and_confidentiality.confidentiality_markings;
    if markings.is_empty() {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for (i, m) in markings.iter().enumerate() {
        let at = |member: &str| format!("/supplementAndConfidentiality/confidentialityMarkings/{i}/{member}");
        let pointer = m.pointer.as_str();
        let mut problem = |member: &str, code: &'static str, sv: String, en: String| {
            problems.push(MarkingProblem { pointer: at(member), code, message: Bilingual::new(sv, en) });
        };
        let shown = crate::lang::shown(pointer);
        match resolve(pointer) {
            Err(ResolveError::Syntax | ResolveError::Unknown) => problem(
                "pointer",
                "marking-pointer-unknown",
                format!("Sekretessmarkeringen pekar på `{shown}`, som inte är något fält i anmälan. Ange en JSON-pekare som /incident/description."),
                format!("The confidentiality marking points to `{shown}`, which is no field of the notification. Give a JSON pointer such as /incident/description."),
            ),
            Ok(_)
                if pointer == "/schemaVersion"
                    || pointer == "/submittedAt"
                    || pointer.starts_with("/supplementAndConfidentiality/confidentialityMarkings") =>
            {
                problem(
                    "pointer",
                    "marking-pointer-not-allowed",
                    format!("`{shown}` kan inte sekretessmarkeras: bara svaren på formulärets frågor kan det."),
                    format!("`{shown}` cannot be marked as confidential: only the answers to the form's questions can."),
                )
            }
            Ok(r) => {
                // The field's name is built only for a message: a sound marking costs no text.
                let names = || (r.describe(Lang::Sv), r.describe(Lang::En));
                if !is_written(notification, &r.steps) {
                    let (field_sv, field_en) = names();
                    problem(
                        "pointer",
                        "marking-not-answered",
                        format!("Sekretessmarkeringen gäller {field_sv}, som inte är besvarad i anmälan."),
                        format!("The confidentiality marking concerns {field_en}, which the notification does not answer."),
                    );
                } else if !r.has_maskable_leaf() {
                    let (field_sv, field_en) = names();
                    problem(
                        "pointer",
                        "marking-not-maskable",
                        format!("{field_sv} är ett datum, klockslag, alternativ eller antal och kan inte maskeras; beskriv önskemålet i fråga 37 i stället."),
                        format!("{field_en} is a date, time, option or count and cannot be masked; describe the request in question 37 instead."),
                    );
                }
                if markings[..i].iter().any(|earlier| earlier.pointer == m.pointer) {
                    let (field_sv, field_en) = names();
                    problem(
                        "pointer",
                        "marking-duplicate",
                        format!("{field_sv} är redan sekretessmarkerad i en tidigare markering."),
                        format!("{field_en} is already marked as confidential by an earlier marking."),
                    );
                }
            }
        }
        if m.reason.is_none() {
            problem(
                "reason",
                "marking-reason-missing",
                "Ange skälet till att uppgiften bör omfattas av sekretess.".into(),
                "Give the reason why the information should be kept confidential.".into(),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_markings(doc: serde_json::Value) -> Notification {
        Notification::from_json(&doc.to_string()).unwrap()
    }

    #[test]
    fn problems_name_the_member_at_fault() {
        let n = with_markings(serde_json::json!({
            "schemaVersion": "1.0",
            "incident": {"description": "Fel mottagare.", "cause": "human_error"},
            "contactDetails": {"contactPersons": [{"name": "Kim Exempel"}]},
            "supplementAndConfidentiality": {"confidentialityMarkings": [
                {"pointer": "/contactDetails/contactPersons/0", "ground": "reporter_identity", "reason": "Ingivare."},
                {"pointer": "/contactDetails/contactPersons/1", "ground": "reporter_identity", "reason": "Ingivare."},
                {"pointer": "/incident/cause", "ground": "security_measures", "reason": "Orsak."},
                {"pointer": "/submittedAt", "ground": "security_measures", "reason": "Tid."},
                {"pointer": "/contactDetails/contactPersons/0", "ground": "personal_circumstances"},
                {"pointer": "incident", "ground": "security_measures", "reason": "x"},
            ]}
        }));
        let got: Vec<(String, &str)> = markings_problems(&n)
            .into_iter()
            .map(|p| (p.pointer.rsplit_once("Markings/").unwrap().1.to_string(), p.code))
            .collect();
        assert_eq!(
            got,
            [
                ("1/pointer".to_string(), "marking-not-answered"),
                ("2/pointer".to_string(), "marking-not-maskable"),
                ("3/pointer".to_string(), "marking-pointer-not-allowed"),
                ("4/pointer".to_string(), "marking-duplicate"),
                ("4/reason".to_string(), "marking-reason-missing"),
                ("5/pointer".to_string(), "marking-pointer-unknown"),
            ]
        );
    }
}

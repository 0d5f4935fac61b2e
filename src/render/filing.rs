//! Supplements as documents people read: a supplement alone (only the questions it supplements, as
//! IMY's supplement e-service takes them), and the notification as it now stands with each
//! supplemented answer marked.

use super::blocks::{local_time, Answer, Block, Builder};
use super::form::answer_item;
use super::{finish, render_marked, RenderOptions};
use crate::case::CurrentState;
use crate::form::Field;
use crate::lang::Lang;
use crate::model::filing::Supplement;
use crate::values::datetime::Timestamp;

/// The Swedish date of an instant, `YYYY-MM-DD`.
fn day(at: Timestamp) -> String {
    local_time(at.get()).chars().take(10).collect()
}

/// Renders a supplement: its case number and reference, then only the questions it supplements,
/// each as "N. Label" with its new answer (or "`[Borttaget]`" / "`[Cleared]`") and the change's
/// comment.
///
/// # Example
/// ```
/// use imy_breach::render::{render_supplement, Format, RenderOptions};
/// use imy_breach::{Lang, Supplement};
/// let s = Supplement::from_json(r#"{"schemaVersion":"1.0","kind":"supplement","caseNumber":"IMY-2025-1234",
///   "notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},"submittedAt":"2025-04-02T10:00:00+02:00",
///   "changes":[{"field":"/incident/nature","value":"loss_or_theft","comment":"Rättat"},
///              {"field":"/incident/ongoing","clear":true}]}"#)?;
/// let text = render_supplement(&s, &RenderOptions::new(Lang::Sv, Format::Text));
/// assert!(text.contains("Diarienummer: IMY-2025-1234"));
/// assert!(text.contains("15. Vad har hänt vid incidenten?\n\nFörlust eller stöld\n"));
/// assert!(text.contains("12. Pågår incidenten fortfarande?\n\n[Borttaget]\n"));
/// assert!(!text.contains("16. "));
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
pub fn render_supplement(s: &Supplement, options: &RenderOptions) -> String {
    let lang = options.lang;
    let mut b = Builder::new(lang);
    let w = |sv: &'static str, en: &'static str| if lang == Lang::Sv { sv } else { en };
    b.blocks.push(Block::Title(w("Komplettering av anmälan", "Supplement to the notification").into()));
    if let Some(c) = &s.case_number {
        b.blocks.push(Block::Note(format!("{}: {c}", w("Diarienummer", "Case number"))));
    }
    if let Some(r) = &s.notification.internal_reference {
        let label = Field::ControllerInternalReference.label(lang);
        b.blocks.push(Block::Note(format!("{label}: {}", r.as_str())));
    }
    let filed = local_time(s.notification.submitted_at.get());
    b.blocks.push(Block::Note(format!("{}: {filed}", w("Anmälan lämnad", "Notification filed"))));
    b.blocks.push(Block::Note(format!(
        "{}: {}",
        Field::SubmittedAt.label(lang),
        local_time(s.submitted_at.get())
    )));
    let mut section = None;
    for c in &s.changes {
        let f = c.field();
        if f.parent() != section {
            section = f.parent();
            if let Some(p) = section {
                b.section(p);
            }
        }
        match c.value().and_then(|v| crate::case::holding(f, v.clone()).ok()) {
            Some(n) => answer_item(&mut b, &n, f),
            None => {
                b.question(f);
                b.answer(Answer::Text(w("[Borttaget]", "[Cleared]").into()));
            }
        }
        if let Some(comment) = &c.comment {
            let label = w("Kommentar till ändringen", "Comment on the change");
            b.blocks.push(Block::Field(label.into(), Answer::Text(comment.as_str().into())));
        }
    }
    finish(&b, options)
}

/// Renders the notification as it now stands, each supplemented answer marked after its label:
/// "kompletterat 2025-04-02" / "supplemented on 2025-04-02".
///
/// # Example
/// ```
/// use imy_breach::render::{render_current, Format, RenderOptions};
/// use imy_breach::{case::apply, Lang, Notification, Supplement};
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31T09:00:00+02:00"}"#)?;
/// let s = Supplement::from_json(r#"{"schemaVersion":"1.0","kind":"supplement",
///   "notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},"submittedAt":"2025-04-02T10:00:00+02:00",
///   "changes":[{"field":"/incident/nature","value":"loss_or_theft"}]}"#)?;
/// let state = apply(&n, &[s])?;
/// let text = render_current(&state, &RenderOptions::new(Lang::En, Format::Text));
/// assert!(text.contains("15. What happened? — supplemented on 2025-04-02\n"));
/// let text = render_current(&state, &RenderOptions::new(Lang::Sv, Format::Text));
/// assert!(text.contains("15. Vad har hänt vid incidenten? — kompletterat 2025-04-02\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_current(state: &CurrentState, options: &RenderOptions) -> String {
    let word = match options.lang {
        Lang::Sv => "kompletterat",
        _ => "supplemented on",
    };
    let marks = crate::case::answer_fields()
        .iter()
        .filter_map(|&f| state.supplemented_on(f).map(|at| (f, format!("{word} {}", day(at)))))
        .collect();
    render_marked(&state.notification, options, marks)
}

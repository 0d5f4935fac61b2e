//! The writers: the blocks as plain text or as CommonMark.

use std::fmt::Write as _;

use super::blocks::{Answer, Block};
use crate::lang::{is_bidi_control, Lang};

/// Whether the renderer writes `c` as an escape: a control character other than tab and line
/// breaks, a bidirectional control, or another invisible format character (zero-width characters,
/// word joiners, line and paragraph separators, the byte order mark, tags).
fn is_escaped(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}'
        )
}

/// `out` with every character [`is_escaped`] accepts written as `\u{…}` (lower-case hex).
pub(super) fn escape_format_characters(out: String) -> String {
    if !out.chars().any(is_escaped) {
        return out;
    }
    let mut escaped = String::with_capacity(out.len() + 16);
    for c in out.chars() {
        if is_escaped(c) {
            let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

fn unanswered(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Ej besvarad",
        _ => "Not answered",
    }
}

/// Line breaks as `\n`, no trailing white space on the whole.
fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n").trim_end().to_string()
}

pub(super) fn write_text(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "{t}\n{}", "=".repeat(t.chars().count()));
            }
            Block::Section(t) => {
                let _ = writeln!(out, "{t}\n{}", "-".repeat(t.chars().count()));
            }
            Block::Note(t) | Block::Question(t) | Block::Entry(t) => {
                let _ = writeln!(out, "{t}");
            }
            Block::Answer(a) => text_answer(&mut out, a, lang),
            Block::Field(label, a) => {
                let _ = writeln!(out, "{label}\n");
                text_answer(&mut out, a, lang);
            }
            Block::Lines(lines) => {
                for l in lines {
                    let _ = writeln!(out, "{}", normalise(l));
                }
            }
        }
    }
    out
}

fn text_answer(out: &mut String, a: &Answer, lang: Lang) {
    match a {
        Answer::Text(t) => {
            let _ = writeln!(out, "{}", normalise(t));
        }
        Answer::List(items) => {
            for i in items {
                let _ = writeln!(out, "- {i}");
            }
        }
        Answer::Unanswered => {
            let _ = writeln!(out, "[{}]", unanswered(lang));
        }
    }
}

pub(super) fn write_markdown(blocks: &[Block], lang: Lang) -> String {
    let mut out = String::new();
    let mut previous_was_field = false;
    for block in blocks {
        let is_field = matches!(block, Block::Field(..));
        let continues_list = is_field && previous_was_field;
        if !out.is_empty() && !continues_list {
            out.push('\n');
        }
        previous_was_field = is_field;
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "# {}", md_inline(t));
            }
            Block::Section(t) => {
                let _ = writeln!(out, "## {}", md_inline(t));
            }
            Block::Note(t) => {
                let _ = writeln!(out, "{}", md_inline(t));
            }
            Block::Question(t) => {
                let _ = writeln!(out, "**{}**", md_inline(t));
            }
            Block::Entry(t) => {
                let _ = writeln!(out, "*{}*", md_inline(t));
            }
            Block::Answer(Answer::Text(t)) => {
                let _ = writeln!(out, "{}", md_paragraphs(t, ""));
            }
            Block::Answer(Answer::List(items)) => {
                // `*` bullets: a sub-field list (`-`) right after stays a separate list.
                for i in items {
                    let _ = writeln!(out, "* {}", md_line(i));
                }
            }
            Block::Answer(Answer::Unanswered) => {
                let _ = writeln!(out, "*{}*", unanswered(lang));
            }
            Block::Field(label, a) => {
                let value = match a {
                    Answer::Text(t) => md_paragraphs(t, "  "),
                    Answer::List(items) => items.iter().map(|i| md_inline(i)).collect::<Vec<_>>().join(", "),
                    Answer::Unanswered => format!("*{}*", unanswered(lang)),
                };
                let _ = writeln!(out, "- *{}:* {value}", md_inline(label));
            }
            Block::Lines(lines) => {
                for l in lines {
                    match l.strip_prefix("- ") {
                        Some(item) => {
                            let _ = writeln!(out, "  - {}", md_line(&normalise(item)));
                        }
                        None => {
                            let _ = writeln!(out, "- {}", md_line(&normalise(l)));
                        }
                    }
                }
            }
        }
    }
    out
}

/// Escapes text inside a line for CommonMark: every character that could start markup or HTML is
/// backslash-escaped.
fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a line that starts a block (a paragraph or a list item's text): as [`md_inline`], and a
/// start that would make a heading, a list item, a quote or a setext underline has its punctuation
/// escaped. Leading white space is dropped (it would make a code block).
fn md_line(line: &str) -> String {
    let line = line.trim_start();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after = |i: usize| line[i..].chars().nth(1).is_none_or(|c| c == ' ' || c == '\t');
    let marker = match line.chars().next() {
        Some('#' | '+' | '-') if after(0) => Some(0),
        Some('#') if line.trim_start_matches('#').starts_with(' ') => Some(0),
        Some('=' | '-') if line.trim_end().chars().all(|c| c == '=' || c == '-') => Some(0),
        _ if digits > 0
            && digits <= 9
            && matches!(line[digits..].chars().next(), Some('.' | ')'))
            && after(digits) =>
        {
            Some(digits)
        }
        _ => None,
    };
    match marker {
        Some(i) => format!("{}\\{}", md_inline(&line[..i]), md_inline(&line[i..])),
        None => md_inline(line),
    }
}

/// Free text as Markdown paragraphs: lines kept (hard breaks), blank lines separate paragraphs,
/// every line escaped; continuation lines indented by `indent` (to stay in a list item).
fn md_paragraphs(text: &str, indent: &str) -> String {
    let text = normalise(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.trim().is_empty() {
                out.push_str(indent);
            }
        }
        if line.trim().is_empty() {
            continue;
        }
        out.push_str(&md_line(line));
        let next_is_text = lines.get(i + 1).is_some_and(|l| !l.trim().is_empty());
        if next_is_text {
            out.push('\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(md_line("4. Mycket allvarlig"), "4\\. Mycket allvarlig");
        assert_eq!(md_inline("4. Mycket allvarlig"), "4. Mycket allvarlig");
        assert_eq!(md_line("# rubrik"), "\\# rubrik");
        assert_eq!(md_line("## rubrik"), "\\## rubrik");
        assert_eq!(md_line("#hashtag"), "#hashtag");
        assert_eq!(md_line("- punkt"), "\\- punkt");
        assert_eq!(md_line("+46 70 174 06 12"), "+46 70 174 06 12");
        assert_eq!(md_line("==="), "\\===");
        assert_eq!(md_line("2021-03-25 kl. 12:27"), "2021-03-25 kl. 12:27");
        assert_eq!(md_line("    kod"), "kod");
        assert_eq!(md_inline("<script>a_b*c</script>"), "\\<script\\>a\\_b\\*c\\</script\\>");
        assert_eq!(md_inline("[länk](x) & `kod`"), "\\[länk\\](x) \\& \\`kod\\`");
        assert_eq!(md_paragraphs("a\nb\n\nc", "  "), "a\\\n  b\n\n  c");
        assert_eq!(md_paragraphs("slut\\\nnästa", ""), "slut\\\\\\\nnästa");
    }

    #[test]
    fn invisible_characters_are_escaped() {
        let given = "a\u{202e}b\u{2066}c\u{200b}\u{200f}\u{61c}\u{feff}\u{1b}[31m\u{0}\u{85}\u{2028}";
        assert_eq!(
            escape_format_characters(given.to_string()),
            "a\\u{202e}b\\u{2066}c\\u{200b}\\u{200f}\\u{61c}\\u{feff}\\u{1b}[31m\\u{0}\\u{85}\\u{2028}"
        );
        let kept = "Åsa\trad 1\nrad 2\r\n070\u{a0}174 06 05 – «citat» \u{202f}";
        assert_eq!(escape_format_characters(kept.to_string()), kept);
    }
}

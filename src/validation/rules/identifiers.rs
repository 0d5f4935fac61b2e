//! Organisation numbers: a personnummer given as one, and the check digit.

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::Field;

pub(super) fn organisation_numbers(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let controller = n.controller.organisation_number.as_ref().map(|o| (None, o));
    let processors = n
        .processors
        .organisations
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.organisation_number.as_ref().map(|o| (Some(i), o)));
    for (index, number) in controller.into_iter().chain(processors) {
        let personal = index.is_none() && number.is_personal_identity_number();
        let check_digit = number.has_valid_check_digit();
        if !personal && check_digit {
            continue;
        }
        let p = match index {
            None => Field::ControllerOrganisationNumber.pattern_str().to_string(),
            Some(i) => Field::ProcessorOrganisationNumber.pointer_at(&[i]).to_string(),
        };
        let s = subject(&p);
        if personal {
            let sv = format!(
                "{} ser ut att vara ett personnummer. En enskild firma lämnar fältet tomt (IMY:s hjälptext), \
                 eftersom numret är en personuppgift.",
                s.text.sv
            );
            let en = format!(
                "{} looks like a personal identity number. A sole trader (enskild firma) leaves the field \
                 empty (IMY's help text), since the number is personal data.",
                s.text.en
            );
            ctx.push("personal-identity-number-as-organisation-number", p.clone(), &[], sv, en);
        }
        if !check_digit {
            let sv = format!(
                "{}: kontrollsiffran (den sista siffran) stämmer inte med de övriga; kontrollera numret.",
                s.text.sv
            );
            let en = format!(
                "{}: the check digit (the last digit) does not match the others; check the number.",
                s.text.en
            );
            ctx.push("organisation-number-check-digit", p, &[], sv, en);
        }
    }
}

//! Organisation numbers (a personnummer given as one, the check digit) and the Swedish postcode
//! format of an address in Sweden.

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::Field;
use crate::model::controller::Address;
use crate::values::identifiers::names_sweden;

/// Whether an address is in Sweden, or gives no country (the form's addresses are Swedish unless
/// the country says otherwise).
fn in_sweden(a: &Address) -> bool {
    a.country.as_ref().is_none_or(|c| names_sweden(c.as_str()))
}

/// A postcode of an address in Sweden (or without a country) that is not five digits (`NNN NN`).
pub(super) fn swedish_postcodes(ctx: &mut Ctx<'_>) {
    let n = ctx.n;
    let addresses = [
        (&n.controller.postal_address, Field::ControllerPostcode, Field::ControllerCountry),
        (
            &n.contact_details.correspondence_address,
            Field::CorrespondencePostcode,
            Field::CorrespondenceCountry,
        ),
    ];
    for (address, field, country) in addresses {
        let Some(postcode) = &address.postcode else { continue };
        if postcode.is_swedish() || !in_sweden(address) {
            continue;
        }
        let p = field.pattern_str();
        let s = subject(p);
        let sv = format!(
            "{}: ett svenskt postnummer består av fem siffror, till exempel 127 26. Ange landet om adressen \
             ligger utomlands.",
            s.text.sv
        );
        let en = format!(
            "{}: a Swedish postcode is five digits, for example 127 26. Give the country if the address is \
             abroad.",
            s.text.en
        );
        ctx.push("postcode-format", p.to_string(), &[country.pattern_str()], sv, en);
    }
}

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
        let personal = number.is_personal_identity_number();
        let check_digit = number.has_valid_check_digit();
        if !personal && check_digit {
            continue;
        }
        let p = match index {
            None => Field::ControllerOrganisationNumber.pattern_str().to_string(),
            Some(i) => Field::ProcessorOrganisationNumber.pointer_at(&[i]).to_string(),
        };
        let s = subject(&p);
        if personal && index.is_some() {
            let sv = format!(
                "{} ser ut att vara ett personnummer. Ett biträde som är en enskild firma anges utan nummer, \
                 eftersom numret är en personuppgift.",
                s.text.sv
            );
            let en = format!(
                "{} looks like a personal identity number. A processor that is a sole trader (enskild firma) \
                 is given without a number, since the number is personal data.",
                s.text.en
            );
            ctx.push("personal-identity-number-as-organisation-number", p.clone(), &[], sv, en);
        } else if personal {
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

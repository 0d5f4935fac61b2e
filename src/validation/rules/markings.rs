//! The confidentiality markings of question 38.

use super::ctx::Ctx;

/// The confidentiality markings' problems ([`crate::markings_problems`]), as violations.
pub(super) fn markings(ctx: &mut Ctx<'_>) {
    for m in crate::markings_problems(ctx.n) {
        ctx.push(m.code, m.pointer, &[], m.message.sv, m.message.en);
    }
}

// The crate's own rules in the page: one adapter between the `imy-breach` package and rjsf.
//
// `crateRules(imy)` takes the loaded package (`await init()` of `imy-breach`, or anything with its
// `validate(doc, options)`) and returns `check(formData, lang)`: the crate's report on the form's
// data as a notification, shaped for rjsf: `extraErrors` (an error schema: each message at the
// question its JSON pointer names), the set of `pointers` the crate has a message for (to drop
// Ajv's own there), and whether it found `errors` (warnings do not stop a submission).

/** A JSON pointer's tokens (RFC 6901). */
export function tokens(pointer) {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The JSON pointer of an rjsf/Ajv error: its property path, with the missing member. */
export function ajvPointer(error) {
  const path = error.property ?? '';
  if (path === '' || path === '.') return '';
  return path.startsWith('.') ? `/${path.slice(1).split('.').join('/')}` : `/${path}`;
}

/** The violations as an rjsf error schema: `{incident: {lateReason: {__errors: [message]}}}`. */
export function errorSchema(violations, warningPrefix) {
  const root = {};
  for (const v of violations) {
    let at = root;
    for (const t of tokens(v.pointer)) at = at[t] ??= {};
    (at.__errors ??= []).push(v.severity === 'warning' ? `${warningPrefix}${v.message}` : v.message);
  }
  return root;
}

const WARNING = { sv: 'Varning: ', en: 'Warning: ' };

export function crateRules(imy) {
  return function check(formData, lang, now = new Date()) {
    if (!imy) return { extraErrors: undefined, pointers: new Set(), errors: false, violations: [] };
    // The moment of submission is now: the 72 hours of question 14 are counted to it.
    const report = imy.validate(JSON.stringify(formData ?? {}), { lang, submittedAt: now.toISOString() });
    const violations = report.violations ?? [];
    return {
      extraErrors: violations.length ? errorSchema(violations, WARNING[lang] ?? WARNING.en) : undefined,
      pointers: new Set(violations.map((v) => v.pointer)),
      errors: report.errors > 0,
      violations,
    };
  };
}

/**
 * Ajv's errors where the crate has no message, without the `if` echoes: an error is dropped when
 * the crate has one at the same pointer, or (a missing group) at a pointer inside it.
 */
export function ajvWhereCrateIsSilent(errors, pointers) {
  const inside = (p) => [...pointers].some((c) => c.startsWith(`${p}/`));
  return errors.filter((e) => {
    const p = ajvPointer(e);
    return e.name !== 'if' && !pointers.has(p) && !(e.name === 'required' && inside(p));
  });
}

// What the page adds to rjsf for IMY's form, all driven by the crate's form profile and uiSchema:
// conditional questions shown only where asked (`x-conditional` / `x-asked`), the UTC offset only
// in the fold hour (`shownFor: "fold-hour"`), list elements titled as the form does (`itemTitle`),
// and confidentiality markings chosen from the answered, maskable questions (`x-maskable`).
import React from 'react';
import { getDefaultRegistry } from '@rjsf/core';
import { isFoldHour } from './fold-hour.js';

const defaults = getDefaultRegistry();

const shownFor = (ui) => ui?.['ui:options']?.shownFor;
const hiddenConditional = (prop) => prop?.['x-conditional'] === true && prop['x-asked'] !== true;

/** Whether the member `name` of an object (its retrieved schema, data and uiSchema) is not asked. */
function notAsked(schema, data, ui, name) {
  if (hiddenConditional(schema?.properties?.[name])) return true;
  return shownFor(ui?.[name]) === 'fold-hour' && !isFoldHour(data?.date, data?.time);
}

/** rjsf's object template, less the members that are not asked. */
function ObjectFieldTemplate(props) {
  const properties = props.properties.filter((p) => !notAsked(props.schema, props.formData, props.uiSchema, p.name));
  return <defaults.templates.ObjectFieldTemplate {...props} properties={properties} />;
}

/**
 * The data less the answers to questions that are not asked (a question 13 after 12 turned "Ja",
 * an offset after the time left the fold hour), so that the document never holds a hidden answer.
 */
export function prune(schemaUtils, schema, ui, data) {
  if (Array.isArray(data)) {
    const items = schema?.items;
    const itemsUi = typeof ui?.items === 'function' ? ui.items.base : ui?.items;
    return data.map((d) => prune(schemaUtils, items, itemsUi, d));
  }
  if (!data || typeof data !== 'object' || !schema) return data;
  const s = schemaUtils.retrieveSchema(schema, data);
  const out = {};
  for (const [k, v] of Object.entries(data)) {
    if (notAsked(s, data, ui, k)) continue;
    out[k] = prune(schemaUtils, s.properties?.[k], ui?.[k], v);
  }
  return out;
}

/** Repeats `prune` until nothing changes (a removed answer can un-ask another). */
export function pruneAll(schemaUtils, schema, ui, data) {
  let before = JSON.stringify(data);
  for (let i = 0; i < 5; i++) {
    data = prune(schemaUtils, schema, ui, data);
    const after = JSON.stringify(data);
    if (after === before) break;
    before = after;
  }
  return data;
}

/**
 * The uiSchema with list elements titled "Kontaktperson 2": every list whose `ui:options` carry an
 * `itemTitle` gets an `items` function (rjsf 6 calls it per element).
 */
export function withItemTitles(ui) {
  if (!ui || typeof ui !== 'object' || Array.isArray(ui)) return ui;
  const out = {};
  for (const [k, v] of Object.entries(ui)) out[k] = k.startsWith('ui:') ? v : withItemTitles(v);
  const title = ui['ui:options']?.itemTitle;
  if (title) {
    const base = out.items ?? {};
    const items = (_item, index) => ({ ...base, 'ui:title': `${title} ${index + 1}` });
    items.base = base;
    out.items = items;
  }
  return out;
}

/** The answered, maskable questions of `data` as select options: `{value: pointer, label}`. */
export function maskableOptions(maskable, data) {
  const out = [];
  const token = (t) => String(t).replaceAll('~', '~0').replaceAll('/', '~1');
  for (const answer of maskable?.answers ?? []) {
    const parts = answer.pointer.slice(1).split('/');
    const walk = (value, i, pointer, positions) => {
      if (value === undefined || value === null) return;
      if (i === parts.length) {
        if (typeof value === 'string' && value.trim() !== '') {
          const lists = answer.lists.map((t, k) => `${t} (${maskable.position} ${positions[k] + 1})`);
          out.push({ value: pointer, label: [...lists, answer.title].join(' – ') });
        }
        return;
      }
      if (parts[i] === '*') {
        if (Array.isArray(value)) value.forEach((v, n) => walk(v, i + 1, `${pointer}/${n}`, [...positions, n]));
      } else if (typeof value === 'object') {
        walk(value[parts[i]], i + 1, `${pointer}/${token(parts[i])}`, positions);
      }
    };
    walk(data, 0, '', []);
  }
  return out;
}

/** The marking's "Uppgift": a select of the answered, maskable questions instead of a typed pointer. */
function MaskableAnswerWidget(props) {
  const { id, value, onChange, onBlur, onFocus, schema, registry, options, disabled, readonly } = props;
  const choices = maskableOptions(schema['x-maskable'], registry.formContext?.formData);
  if (value && !choices.some((c) => c.value === value)) choices.unshift({ value, label: value });
  return (
    <select
      id={id}
      name={id}
      value={value ?? ''}
      disabled={disabled || readonly}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    >
      <option value="">{registry.formContext?.choose ?? ''}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>{c.label}</option>
      ))}
    </select>
  );
}

/** rjsf's text widget, or the maskable-answer select for a schema that lists `x-maskable`. */
function TextWidget(props) {
  if (props.schema?.['x-maskable']) return <MaskableAnswerWidget {...props} />;
  return <defaults.widgets.TextWidget {...props} />;
}

export const widgets = { TextWidget };
export const objectTemplate = ObjectFieldTemplate;

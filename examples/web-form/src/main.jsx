// IMY's breach-notification form, generated from the imy-breach JSON Schema's form profile, checked
// by the crate's own rules (the `imy-breach` package) in the page's language, Swedish or English.
// Copy this folder and point the schema imports below at your copy of the crate's `schema/` folder.
import React, { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { TranslatableString, createSchemaUtils } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';
import localizeSv from 'ajv-i18n/localize/sv/index.js';

import schemaSv from '../../../schema/notification.form.sv.schema.json';
import schemaEn from '../../../schema/notification.form.en.schema.json';
import uiSv from '../../../schema/notification.form.sv.ui.json';
import uiEn from '../../../schema/notification.form.en.ui.json';

import { init } from 'imy-breach';
import { crateRules, ajvWhereCrateIsSilent } from './crate-rules.js';
import { objectTemplate, pruneAll, widgets, withItemTitles } from './form-parts.jsx';
import { PAGE, translator } from './strings.js';

// Draft 2020-12 schemas need Ajv2020; ajv-i18n gives Swedish messages where the crate has none.
const LANGS = {
  sv: { schema: schemaSv, ui: withItemTitles(uiSv), validator: customizeValidator({ AjvClass: Ajv2020 }, localizeSv) },
  en: { schema: schemaEn, ui: withItemTitles(uiEn), validator: customizeValidator({ AjvClass: Ajv2020 }) },
};
for (const l of Object.values(LANGS)) l.schemaUtils = createSchemaUtils(l.validator, l.schema);

// The crate's rules: the `imy-breach` package's WebAssembly module, served beside the page.
const loadCrate = () => init(new URL('dist/imy_breach.wasm', location.href));

// rjsf core draws its buttons as Bootstrap glyphs; without Bootstrap they would be empty. These
// templates show the (translated) title as the button's text instead.
function TextButton({ title, className, iconType, icon, uiSchema, registry, ...rest }) {
  return (
    <button type="button" className={`text-button ${className ?? ''}`} {...rest}>
      {title}
    </button>
  );
}

function withTitle(key) {
  return function Button(props) {
    return <TextButton title={props.registry.translateString(key)} {...props} />;
  };
}

const templates = {
  ObjectFieldTemplate: objectTemplate,
  ButtonTemplates: {
    AddButton: (props) => (
      <p>
        <TextButton
          title={props.registry.translateString(TranslatableString.AddButton)}
          id={props.id}
          className={`add-button ${props.className ?? ''}`}
          onClick={props.onClick}
          disabled={props.disabled}
          registry={props.registry}
        />
      </p>
    ),
    RemoveButton: withTitle(TranslatableString.RemoveButton),
    MoveUpButton: withTitle(TranslatableString.MoveUpButton),
    MoveDownButton: withTitle(TranslatableString.MoveDownButton),
    CopyButton: withTitle(TranslatableString.CopyButton),
    ClearButton: withTitle(TranslatableString.ClearLabel),
  },
};

const initialLang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'sv';

function App({ imy }) {
  const [lang, setLang] = useState(initialLang);
  const [formData, setFormData] = useState(undefined);
  const [tried, setTried] = useState(false);
  const [submitted, setSubmitted] = useState(null);
  const { schema, ui, validator, schemaUtils } = LANGS[lang];
  const check = useMemo(() => crateRules(imy), [imy]);
  const crate = useMemo(() => check(formData, lang), [check, formData, lang]);
  const text = PAGE[lang];

  const switchTo = (l) => {
    setLang(l);
    document.documentElement.lang = l;
    document.title = PAGE[l].title;
  };
  const submit = (data) => {
    setTried(true);
    const result = check(data, lang);
    setSubmitted(result.errors ? null : data);
  };

  return (
    <main>
      <nav aria-label={text.language}>
        {Object.keys(LANGS).map((l) => (
          <button key={l} type="button" id={`lang-${l}`} aria-pressed={l === lang} onClick={() => switchTo(l)}>
            {l === 'sv' ? 'Svenska' : 'English'}
          </button>
        ))}
      </nav>
      <h1>{text.title}</h1>
      <Form
        key={lang}
        schema={schema}
        uiSchema={ui}
        validator={validator}
        formData={formData}
        formContext={{ formData, choose: text.choose }}
        onChange={(e) => setFormData(pruneAll(schemaUtils, schema, ui, e.formData))}
        onSubmit={(e) => submit(e.formData)}
        onError={() => {
          setTried(true);
          setSubmitted(null);
        }}
        // The crate's messages at the questions they concern (after a first submission); Ajv's only
        // where the crate has none.
        extraErrors={tried ? crate.extraErrors : undefined}
        transformErrors={(errors) => ajvWhereCrateIsSilent(errors, crate.pointers)}
        translateString={translator(lang)}
        templates={templates}
        widgets={widgets}
        omitExtraData
        liveOmit
        showErrorList="top"
        noHtml5Validate
        experimental_defaultFormStateBehavior={{
          // Never pre-select an option or fill in an answer the person did not give.
          constAsDefaults: 'skipOneOf',
          emptyObjectFields: 'skipEmptyDefaults',
          arrayMinItems: { populate: 'never' },
        }}
      />
      {submitted && (
        <section>
          <h2>{text.json}</h2>
          <pre id="notification-json">{JSON.stringify(submitted, null, 2)}</pre>
        </section>
      )}
    </main>
  );
}

const root = createRoot(document.getElementById('root'));
loadCrate().then(
  (imy) => root.render(<App imy={imy} />),
  (e) => {
    console.error('imy-breach could not be loaded', e);
    root.render(<App imy={null} />);
  },
);

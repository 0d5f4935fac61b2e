// IMY's breach-notification form, generated from the imy-breach JSON Schema (form profile, Swedish).
// Copy this folder and point the two imports below at your copy of the crate's `schema/` folder.
import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { TranslatableString, englishStringTranslator, replaceStringParameters } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';
import localizeSv from 'ajv-i18n/localize/sv/index.js';

import schema from '../../../schema/notification.form.sv.schema.json';
import uiSchema from '../../../schema/notification.form.sv.ui.json';

// Draft 2020-12 schemas need Ajv2020; ajv-i18n gives Swedish validation messages.
const validator = customizeValidator({ AjvClass: Ajv2020 }, localizeSv);

// rjsf's own interface strings in Swedish.
const SWEDISH = {
  [TranslatableString.AddItemButton]: 'Lägg till ny',
  [TranslatableString.AddButton]: 'Lägg till ny',
  [TranslatableString.RemoveButton]: 'Ta bort',
  [TranslatableString.MoveUpButton]: 'Flytta upp',
  [TranslatableString.MoveDownButton]: 'Flytta ned',
  [TranslatableString.CopyButton]: 'Kopiera',
  [TranslatableString.ErrorsLabel]: 'Fel',
  [TranslatableString.YesLabel]: 'Ja',
  [TranslatableString.NoLabel]: 'Nej',
  [TranslatableString.ClearLabel]: 'Rensa',
  [TranslatableString.NowLabel]: 'Nu',
  [TranslatableString.ArrayItemTitle]: 'Post',
  [TranslatableString.EmptyArray]: 'Inga poster ännu. Använd knappen nedan för att lägga till.',
  [TranslatableString.OptionalObjectAdd]: 'Lägg till uppgifter',
  [TranslatableString.OptionalObjectRemove]: 'Ta bort uppgifter',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Inga uppgifter',
};

function translateString(key, params) {
  const sv = SWEDISH[key];
  return sv ? replaceStringParameters(sv, params) : englishStringTranslator(key, params);
}

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

function App() {
  const [formData, setFormData] = useState(undefined);
  const [submitted, setSubmitted] = useState(null);
  return (
    <main>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={formData}
        onChange={(e) => setFormData(e.formData)}
        onSubmit={(e) => setSubmitted(e.formData)}
        onError={() => setSubmitted(null)}
        // An `if` error ("must match \"else\" schema") only repeats the specific error beside it, and
        // ajv-i18n has no Swedish for it: leave it out.
        transformErrors={(errors) => errors.filter((e) => e.name !== 'if')}
        translateString={translateString}
        templates={templates}
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
          <h2>Anmälan som JSON</h2>
          <pre id="notification-json">{JSON.stringify(submitted, null, 2)}</pre>
        </section>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);

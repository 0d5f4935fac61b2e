// rjsf's interface strings and the page's own, in Swedish and English.
import { TranslatableString as T, englishStringTranslator, replaceStringParameters } from '@rjsf/utils';

const RJSF = {
  sv: {
    [T.AddItemButton]: 'Lägg till ny',
    [T.AddButton]: 'Lägg till ny',
    [T.RemoveButton]: 'Ta bort',
    [T.MoveUpButton]: 'Flytta upp',
    [T.MoveDownButton]: 'Flytta ned',
    [T.CopyButton]: 'Kopiera',
    [T.ErrorsLabel]: 'Fel',
    [T.YesLabel]: 'Ja',
    [T.NoLabel]: 'Nej',
    [T.ClearLabel]: 'Rensa',
    [T.NowLabel]: 'Nu',
    [T.ArrayItemTitle]: 'Post',
    [T.EmptyArray]: 'Inga poster ännu. Använd knappen nedan för att lägga till.',
    [T.OptionalObjectAdd]: 'Lägg till uppgifter',
    [T.OptionalObjectRemove]: 'Ta bort uppgifter',
    [T.OptionalObjectEmptyMsg]: 'Inga uppgifter',
  },
  en: {
    [T.AddItemButton]: 'Add new',
    [T.AddButton]: 'Add new',
    [T.RemoveButton]: 'Remove',
    [T.MoveUpButton]: 'Move up',
    [T.MoveDownButton]: 'Move down',
    [T.CopyButton]: 'Copy',
    [T.ErrorsLabel]: 'Errors',
    [T.YesLabel]: 'Yes',
    [T.NoLabel]: 'No',
    [T.ClearLabel]: 'Clear',
    [T.NowLabel]: 'Now',
    [T.ArrayItemTitle]: 'Item',
    [T.EmptyArray]: 'No items yet. Use the button below to add some.',
    [T.OptionalObjectAdd]: 'Add details',
    [T.OptionalObjectRemove]: 'Remove details',
    [T.OptionalObjectEmptyMsg]: 'No details',
  },
};

/** rjsf's `translateString` for the language. */
export function translator(lang) {
  const table = RJSF[lang] ?? RJSF.en;
  return (key, params) => (table[key] ? replaceStringParameters(table[key], params) : englishStringTranslator(key, params));
}

export const PAGE = {
  sv: {
    title: 'Anmälan av personuppgiftsincident',
    language: 'Språk',
    json: 'Anmälan som JSON',
    choose: '[Välj en besvarad fråga]',
    loading: 'Läser in kontrollerna …',
  },
  en: {
    title: 'Personal data breach notification',
    language: 'Language',
    json: 'The notification as JSON',
    choose: '[Choose an answered question]',
    loading: 'Loading the checks …',
  },
};

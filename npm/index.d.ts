// The API of imy-breach (hand-written; the wire format's types, wire.d.ts, are generated from the
// schema). Every function is synchronous once the module is loaded; none reads a clock.

import type { Notification } from './wire.js';

export type * from './wire.js';

/** A language of the messages: `sv` (the default) or `en`; `EN` and `sv-SE` are read too. */
export type Lang = 'sv' | 'en' | (string & {});

/** How a period is counted: elapsed time (the default, the earlier deadline) or the law's reading (`reg1182` is an alias). */
export type CountingPolicy = 'elapsed' | 'legal' | 'reg1182';

/** An RFC 3339 timestamp with an offset, for example `2025-03-31T09:00:00+02:00`. */
export type Rfc3339 = string;

/** A document: its JSON text, its UTF-8 bytes, or an object (serialized with JSON.stringify). */
export type Document = string | Uint8Array | ArrayBuffer | Notification | object;

export interface ValidateOptions {
  lang?: Lang;
  /** When the notification is, or was, filed: overrides the document's `submittedAt`. */
  submittedAt?: Rfc3339;
  /** The current moment, used when neither `submittedAt` is known. */
  now?: Rfc3339;
  /** How the 72 hours of question 14 are counted. */
  policy?: CountingPolicy;
}

/** One violation with its message in the chosen language. */
export interface Violation {
  /** The JSON pointer (RFC 6901) of the answer at fault; `""` for the document. */
  pointer: string;
  /** The stable kebab-case rule code (see {@link rules}). */
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

/** One document's report: one entry of `imy-breach validate --format json`'s `files`, less `file`. */
export interface FileReport {
  readable: true;
  /** No errors (warnings allowed). */
  valid: boolean;
  errors: number;
  warnings: number;
  violations: Violation[];
  /** The codes of the rules that did not run (no submission moment, or question 11 unresolved). */
  skipped: string[];
}

export type Regime = 'gdpr' | 'nis2' | 'eprivacy' | 'dora' | 'eidas' | 'cer' | 'cra' | 'ai_act';

export interface DeadlineOptions {
  /** The moment to judge the deadlines at. Required: the package has no clock. */
  now: Rfc3339;
  lang?: Lang;
  policy?: CountingPolicy;
  /** Opt-in regimes; GDPR is always counted. */
  regimes?: Regime[];
  /** A processor's contractual window for notifying the controller, in hours. */
  processorWindowHours?: number;
  /** When the notification was filed (overrides `submittedAt`). */
  submitted?: Rfc3339;
  processorAware?: Rfc3339;
  ongoing?: boolean;
  handled?: Rfc3339;
  classifiedMajor?: Rfc3339;
  fixAvailable?: Rfc3339;
  aiSeverity?: 'serious' | 'death' | 'widespread';
}

/** A text in both languages. */
export interface Bilingual { sv: string; en: string }

export type Status =
  | 'open' | 'overdue' | 'met' | 'met_late' | 'pending' | 'done' | 'planned'
  | 'planned_date_passed' | 'not_informing' | 'unknown' | 'not_applicable';

/** One duty and its deadline. */
export interface Obligation {
  regime: Regime;
  stage: string;
  title: Bilingual;
  reference: Bilingual;
  trigger: { event: string; at?: Rfc3339; atUtc?: Rfc3339; stage?: string } & Record<string, unknown>;
  /** An ISO 8601 duration, for example `PT72H`. */
  period: string | null;
  policy: 'elapsed' | 'legal';
  countingFrom: Rfc3339 | null;
  deadline: Rfc3339 | null;
  deadlineUtc: Rfc3339 | null;
  status: Status;
  remainingSeconds: number | null;
  timeLeft: string | null;
  overdueBy: string | null;
  completedAt: Rfc3339 | null;
  lateBy: string | null;
  dateOnly: boolean;
  provisional: boolean;
  dstChange: boolean;
  wallClock: string | null;
  explanation: Bilingual;
  [more: string]: unknown;
}

/** What `imy-breach deadline --format json` prints. */
export interface Schedule {
  now: Rfc3339;
  policy: 'elapsed' | 'legal';
  awareness: { at: Rfc3339; atUtc: Rfc3339; dateOnly: boolean; ambiguous: boolean } | null;
  obligations: Obligation[];
  notes: { code: string; message: Bilingual; [more: string]: unknown }[];
}

export interface RenderOptions {
  lang?: Lang;
  format?: 'text' | 'markdown';
  /** With a moment: the summary header (deadlines at `now`, the validation result). */
  now?: Rfc3339;
}

export interface RedactOptions {
  lang?: Lang;
  keepContactPersons?: boolean;
  keepPersonalDataInText?: boolean;
  /** `json` (the default) returns the notification only; `text`/`markdown` also render it. */
  format?: 'json' | 'text' | 'markdown';
}

export interface Redacted {
  /** The redacted notification: it still parses and fits the schema. */
  notification: Notification;
  rendered?: string;
  markingProblems: { pointer: string; code: string; message: string }[];
}

export interface SchemaOptions {
  /** Without: the canonical (English) schema; with: titles in that language. */
  lang?: Lang;
  profile?: 'canonical' | 'form';
  /** With `profile: 'form'`: the uiSchema for react-jsonschema-form. */
  ui?: boolean;
}

export interface Rule {
  code: string;
  severity: 'error' | 'warning';
  kind: string;
  checks: string;
  source: string;
  inSchema: boolean;
  needsSubmissionMoment: boolean;
}

export interface RequiredAnswer {
  pointer: string;
  supplementable: boolean;
  error: boolean;
  source: Bilingual;
  [more: string]: unknown;
}

export interface Catalogue {
  lang: 'sv' | 'en';
  rules: Rule[];
  requiredAnswers: RequiredAnswer[];
}

/** Thrown by every function: `options` (bad options), `unreadable` (render, redact, deadlines: not a readable notification; see `violations`), `serialize`, `internal`. */
export class ImyBreachError extends Error {
  readonly code: 'options' | 'unreadable' | 'serialize' | 'internal';
  readonly violations: Violation[];
}

/** The functions over one instance of the module. */
export class ImyBreach {
  constructor(module: WebAssembly.Module);
  validate(doc: Document, options?: ValidateOptions): FileReport;
  deadlines(doc: Document, options: DeadlineOptions): Schedule;
  render(doc: Document, options?: RenderOptions): string;
  redact(doc: Document, options?: RedactOptions): Redacted;
  schema(options?: SchemaOptions): Record<string, unknown>;
  rules(options?: { lang?: Lang }): Catalogue;
  version(): string;
}

/** Where the module comes from: a URL (default: `imy_breach.wasm` beside the package), a Response, its bytes, or a compiled module. */
export type ModuleSource = string | URL | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/** Loads the module; the top-level functions work afterwards (in Node at once). */
export function init(source?: ModuleSource): Promise<ImyBreach>;

export function validate(doc: Document, options?: ValidateOptions): FileReport;
export function deadlines(doc: Document, options: DeadlineOptions): Schedule;
export function render(doc: Document, options?: RenderOptions): string;
export function redact(doc: Document, options?: RedactOptions): Redacted;
export function schema(options?: SchemaOptions): Record<string, unknown>;
export function rules(options?: { lang?: Lang }): Catalogue;
export function version(): string;

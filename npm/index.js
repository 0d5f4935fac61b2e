// imy-breach: IMY personal data breach notifications (GDPR Art. 33) in the browser and in Node.
// The library's own validation, deadlines, rendering, redaction, schemas and rule catalogue,
// compiled to WebAssembly: JSON in, JSON out, no clock (every moment is a parameter).
//
// Browser:  import { init } from 'imy-breach'; const imy = await init(); imy.validate(text, {lang: 'en'})
// Node:     import { validate } from 'imy-breach';  (the Node entry loads the module at import)

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An error of the package: `code` is `options`, `unreadable`, `serialize` or `internal`. */
export class ImyBreachError extends Error {
  constructor({ code, message, violations }) {
    super(message);
    this.name = 'ImyBreachError';
    this.code = code;
    this.violations = violations ?? [];
  }
}

/** The document as UTF-8: a string, bytes, or an object (serialized with JSON.stringify). */
function documentBytes(doc) {
  if (typeof doc === 'string') return encoder.encode(doc);
  if (doc instanceof Uint8Array) return doc;
  if (doc instanceof ArrayBuffer) return new Uint8Array(doc);
  if (doc !== null && typeof doc === 'object') return encoder.encode(JSON.stringify(doc));
  throw new TypeError('imy-breach: the document is a string, bytes or an object');
}

function optionBytes(options) {
  if (options === undefined || options === null) return encoder.encode('{}');
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('imy-breach: the options are an object');
  }
  return encoder.encode(JSON.stringify(options));
}

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const response = await (source instanceof Response || source instanceof Promise ? source : fetch(source));
  if (!response.ok) throw new Error(`imy-breach: cannot load the module: HTTP ${response.status}`);
  if (typeof WebAssembly.compileStreaming === 'function'
      && response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The package's functions over one instance of the module. Create it with {@link init}. */
export class ImyBreach {
  #module;
  #exports;

  constructor(module) {
    this.#module = module;
    this.#exports = new WebAssembly.Instance(module, {}).exports;
  }

  #call(name, ...inputs) {
    const x = this.#exports;
    const buffers = [];
    let status;
    try {
      for (const bytes of inputs) {
        const ptr = x.alloc(bytes.length) >>> 0;
        new Uint8Array(x.memory.buffer, ptr, bytes.length).set(bytes);
        buffers.push(ptr, bytes.length);
      }
      status = x[name](...buffers);
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      // A trap (a bug: the module aborted). Start again with a fresh instance.
      this.#exports = new WebAssembly.Instance(this.#module, {}).exports;
      throw new ImyBreachError({ code: 'internal', message: `imy-breach: ${name} failed: ${e.message}` });
    }
    for (let i = 0; i < buffers.length; i += 2) x.dealloc(buffers[i], buffers[i + 1]);
    const out = new Uint8Array(x.memory.buffer, x.result_ptr() >>> 0, x.result_len() >>> 0);
    const value = JSON.parse(decoder.decode(out));
    if (status !== 0) throw new ImyBreachError(value);
    return value;
  }

  /** One document's validation report: the same object as one entry of `imy-breach validate --format json`'s `files` (less `file`). */
  validate(doc, options) { return this.#call('validate', documentBytes(doc), optionBytes(options)); }
  /** Every deadline the breach starts, at `options.now` (required): what `imy-breach deadline --format json` prints. */
  deadlines(doc, options) { return this.#call('deadlines', documentBytes(doc), optionBytes(options)); }
  /** IMY's form as text or Markdown; with `now`, the summary header of `render --summary`. */
  render(doc, options) { return this.#call('render', documentBytes(doc), optionBytes(options)); }
  /** The copy the public could receive, and the problems with the confidentiality markings. */
  redact(doc, options) { return this.#call('redact', documentBytes(doc), optionBytes(options)); }
  /** The JSON Schema: canonical, localized, or the form profile (and its uiSchema). */
  schema(options) { return this.#call('schema', optionBytes(options)); }
  /** The rule catalogue: every rule code with its level, kind, description and source, and the required answers. */
  rules(options) { return this.#call('rules', optionBytes(options)); }
  /** The library's version. */
  version() { return this.#call('version'); }
}

let current = null;

/**
 * Loads the module and makes the top-level functions usable. `source`: a URL (default: the
 * `imy_breach.wasm` next to this file), a Response, the bytes, or a compiled WebAssembly.Module.
 */
export async function init(source = new URL('./imy_breach.wasm', import.meta.url)) {
  current = new ImyBreach(await compile(source));
  return current;
}

function instance() {
  if (current === null) throw new Error('imy-breach: call `await init()` first');
  return current;
}

export const validate = (doc, options) => instance().validate(doc, options);
export const deadlines = (doc, options) => instance().deadlines(doc, options);
export const render = (doc, options) => instance().render(doc, options);
export const redact = (doc, options) => instance().redact(doc, options);
export const schema = (options) => instance().schema(options);
export const rules = (options) => instance().rules(options);
export const version = () => instance().version();

//! The WebAssembly module behind the npm package `imy-breach`: a hand-written JSON-in/JSON-out
//! interface over the library (docs/DESIGN.md, section "The npm package", says why not
//! wasm-bindgen).
//!
//! The interface, as the JavaScript loader (`npm/index.js`) uses it:
//! - `alloc(len) -> ptr` and `dealloc(ptr, len)`: buffers in the module's memory for the inputs;
//! - one function per operation, taking `(ptr, len)` pairs of UTF-8 JSON (the document, then the
//!   options; `schema`, `rules` and `version` take the options only) and returning a status, 0 for
//!   success and 1 for an error;
//! - `result_ptr()` and `result_len()`: the JSON of the last call's value (status 0) or error
//!   (status 1, `{"code", "message", "violations"?}`), valid until the next call.
//!
//! This file is the only one with `unsafe`: the pointers JavaScript passes in. The operations
//! themselves are safe Rust in [`api`], tested natively.

pub mod api;

use std::cell::RefCell;

thread_local! {
    /// The last call's output.
    static RESULT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Stores the outcome and returns its status.
fn finish(outcome: api::ApiResult) -> u32 {
    let (status, json) = match outcome {
        Ok(json) => (0, json),
        Err(e) => {
            (1, serde_json::to_string(&e).unwrap_or_else(|_| r#"{"code":"serialize","message":""}"#.into()))
        }
    };
    RESULT.with(|r| *r.borrow_mut() = json.into_bytes());
    status
}

/// The bytes at `ptr..ptr + len`, written there by the caller after [`alloc`].
///
/// # Safety
/// `ptr` must come from [`alloc`] with at least `len` bytes (or `len` must be 0), and stay allocated
/// for the call.
unsafe fn input<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 || ptr.is_null() {
        return &[];
    }
    // SAFETY: the caller passes a buffer it obtained from `alloc(len)` and filled.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// A buffer of `len` bytes for the caller to fill; free it with [`dealloc`].
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buf = Vec::<u8>::with_capacity(len.max(1));
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// Frees a buffer from [`alloc`].
///
/// # Safety
/// `ptr` and `len` must be those of one [`alloc`] call, freed once.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    if !ptr.is_null() {
        // SAFETY: `ptr` was allocated by `alloc` with capacity `len.max(1)` and is freed once.
        drop(unsafe { Vec::from_raw_parts(ptr, 0, len.max(1)) });
    }
}

/// Where the last call's output starts.
#[no_mangle]
pub extern "C" fn result_ptr() -> *const u8 {
    RESULT.with(|r| r.borrow().as_ptr())
}

/// How long the last call's output is.
#[no_mangle]
pub extern "C" fn result_len() -> usize {
    RESULT.with(|r| r.borrow().len())
}

macro_rules! exports {
    ($($name:ident: $($ptr:ident, $len:ident),*;)*) => {$(
        #[doc = concat!("[`api::", stringify!($name), "`] over buffers from [`alloc`]; the output is at [`result_ptr`].")]
        ///
        /// # Safety
        /// Each `(ptr, len)` pair must be a buffer from [`alloc`] of at least `len` bytes.
        #[no_mangle]
        pub unsafe extern "C" fn $name($($ptr: *const u8, $len: usize),*) -> u32 {
            // SAFETY: forwarded from the caller's contract.
            finish(api::$name($(unsafe { input($ptr, $len) }),*))
        }
    )*};
}

exports! {
    validate: text, text_len, options, options_len;
    deadlines: text, text_len, options, options_len;
    render: text, text_len, options, options_len;
    redact: text, text_len, options, options_len;
    schema: options, options_len;
    rules: options, options_len;
    version: ;
}

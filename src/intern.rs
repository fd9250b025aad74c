//! Texts that are the same in every result (document titles, 文号, excerpts, measure codes),
//! written so that the JS boundary makes each JS string once.
//!
//! serde-wasm-bindgen builds a result property by property and decodes every string from UTF-8 on
//! its own, except a unit variant's name, whose JS string it makes once and reuses (it keeps them
//! by address). A full result carries ≈ 1,200 strings, most of them the same few dozen citation
//! and document texts: decoding them was about half of an `evaluateHousehold` call with
//! `detail: "full"` (docs/benchmarks.md “JS 接口”). serde_json, the CLI and the snapshots write a
//! unit variant's name as a plain string, so their output is unchanged.
use serde::{Serialize, Serializer};

/// A `&'static str` written as a serde unit variant (see the module docs).
#[derive(Clone, Copy)]
pub(crate) struct Interned(pub &'static str);

impl Serialize for Interned {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit_variant("", 0, self.0)
    }
}

/// `#[serde(serialize_with = "crate::intern::text")]` for a `&'static str` field.
pub(crate) fn text<S: Serializer>(t: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    Interned(t).serialize(s)
}

/// `#[serde(serialize_with = "crate::intern::opt_text")]` for an `Option<&'static str>` field.
pub(crate) fn opt_text<S: Serializer>(t: &Option<&'static str>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_some(&Interned(t)),
        None => s.serialize_none(),
    }
}

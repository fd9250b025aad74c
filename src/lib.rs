//! Rules of Jingning County's 2021 opinion on consolidating poverty-alleviation results and linking
//! them with rural revitalization (静宁县巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施意见), as a pure
//! Rust core.
//!
//! The core knows nothing of JavaScript: it reads JSON, returns plain serialisable structs, and
//! never panics on input. [`wasm`] is the thin binding compiled only with the `wasm` feature; the
//! `jingning` binary is the native command line.
//!
//! * [`policy`] — the seed text's clauses and the excerpts rules cite.
//! * [`params`] — dated, sourced parameter values (`params/*.toml`).
//! * [`household`] — household measures.
//! * [`village`] — the village assessment engine (score, grade, classify, rank).
//! * [`batch`] — a whole spreadsheet of households at once.
//! * [`catalogue`] — what results refer to by id (clauses, parameters, measures, fields).
//! * [`decode`], [`error`], [`money`], [`explain`], [`prose`] — shared plumbing.
pub mod batch;
pub mod case;
pub mod catalogue;
pub mod decode;
pub mod digest;
pub mod error;
pub mod explain;
pub mod fingerprint;
pub mod household;
mod intern;
pub mod money;
#[cfg(feature = "cli")]
pub mod native_alloc;
pub mod params;
pub mod policy;
pub mod prose;
pub mod village;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use error::{Failure, FieldError};

/// Version of this engine, reported with every result printout.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

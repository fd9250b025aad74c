//! Household eligibility: which measures of the policy apply to one household, and why.
//!
//! [`evaluate`](evaluate::evaluate) runs every measure of the registry ([`measures::MEASURES`],
//! one file each, named after it) over a [`crate::case::Case`] and returns a
//! [`HouseholdResult`](evaluate::HouseholdResult).
pub mod compact;
pub mod decision;
pub mod dibao_income;
pub mod evaluate;
pub mod facts;
pub mod income;
pub mod measures;
pub mod sweep;

pub use compact::Detail;
pub use evaluate::{evaluate, evaluate_json, HouseholdResult};
pub use sweep::{sweep, Sweep};

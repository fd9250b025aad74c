//! Household eligibility: which measures of the policy apply to one household, and why.
//!
//! [`evaluate`](evaluate::evaluate) runs every measure (one module each, named after it) over a
//! [`crate::case::Case`] and returns a [`HouseholdResult`](evaluate::HouseholdResult).
pub mod decision;
pub mod dibao;
pub mod dibao_income;
pub mod evaluate;
pub mod fingerprint;
pub mod help_plan;
pub mod housing;
pub mod income;
pub mod medical_insurance;
pub mod monitoring;
pub mod pension;
pub mod schooling;
pub mod tekun;
pub mod water;

pub use evaluate::{evaluate, evaluate_json, HouseholdResult};

//! Household eligibility: which measures of the policy apply to one household, and why.
pub mod dibao_income;
pub mod income;

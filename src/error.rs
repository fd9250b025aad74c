//! Input errors and calculation errors, each with a Chinese message.
//!
//! Bad input never panics: decoding collects every problem it finds as a [`FieldError`] naming the
//! JSON path of the field, so a form can mark all of them at once.
use serde::Serialize;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct FieldError {
    /// JSON path of the field, e.g. `$.members[2].id_number`.
    pub path: String,
    /// What is wrong, in Chinese, naming the field by its label.
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError { path: path.into(), message: message.into() }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why an evaluation could not produce a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Failure {
    /// The input (or a parameter file) has field errors; nothing was evaluated.
    Invalid { errors: Vec<FieldError> },
    /// An arithmetic step overflowed or divided by zero; names the quantity.
    Calculation { message: String },
}

impl Failure {
    pub fn invalid(errors: Vec<FieldError>) -> Self {
        Failure::Invalid { errors }
    }
    pub fn calc(message: impl Into<String>) -> Self {
        Failure::Calculation { message: message.into() }
    }
    /// All messages, one per line, for the CLI and logs.
    pub fn describe(&self) -> String {
        match self {
            Failure::Invalid { errors } => errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"),
            Failure::Calculation { message } => format!("计算错误：{message}"),
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl std::error::Error for Failure {}

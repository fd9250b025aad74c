//! Year-to-year comparison: the same households under two parameter sets (two assessment dates,
//! or an overrides file), and the households whose decisions change — "who flips under the new
//! standard".
use super::household::HouseholdRow;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub first_row: usize,
    pub key: Option<String>,
    pub head_name: Option<String>,
    pub village: Option<String>,
    pub changes: Vec<ColumnChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnChange {
    /// The result column's header (without the 【核查】 prefix).
    pub column: String,
    pub before: String,
    pub after: String,
}

/// Households (paired by position: both runs read the same rows) whose result columns differ.
/// `headers` are the result headers of both runs (the engine is the same, so they agree).
pub fn compare(headers: &[String], before: &[HouseholdRow], after: &[HouseholdRow]) -> Vec<Change> {
    before
        .iter()
        .zip(after)
        .filter_map(|(b, a)| {
            let changes: Vec<ColumnChange> = headers
                .iter()
                .zip(b.values.iter().zip(&a.values))
                .filter(|(_, (x, y))| x != y)
                .map(|(h, (x, y))| ColumnChange {
                    column: h.trim_start_matches(super::columns::RESULT_PREFIX).to_string(),
                    before: x.clone(),
                    after: y.clone(),
                })
                .collect();
            (!changes.is_empty()).then(|| Change {
                first_row: b.first_row,
                key: b.key.clone(),
                head_name: b.head_name.clone(),
                village: b.village.clone(),
                changes,
            })
        })
        .collect()
}

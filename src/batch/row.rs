//! The row types every batch path shares — CSV and xlsx readers, the household and village sheets,
//! the command line and the spreadsheet wasm module: a sheet row, and an error tied to a row and
//! column of the sheet.
use super::cell::Cell;
use serde::Serialize;

/// A sheet row: its number as the sheet shows it (1-based) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

/// An error tied to a place in the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// Row number as the sheet shows it.
    pub row: usize,
    /// The sheet's header of the column, or `""` when the error concerns the whole household.
    pub column: String,
    pub message: String,
}

impl RowError {
    pub fn describe(&self) -> String {
        if self.column.is_empty() || self.message.starts_with(&format!("「{}」", self.column)) {
            format!("第 {} 行：{}", self.row, self.message)
        } else {
            format!("第 {} 行「{}」：{}", self.row, self.column, self.message)
        }
    }
}

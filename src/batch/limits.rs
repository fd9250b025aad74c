//! Limits on what a spreadsheet may ask of the reader, each with the message staff see.
//!
//! The page runs in one browser tab: an oversized or hostile file must be refused with a reason,
//! never allowed to exhaust memory (a wasm instance that runs out of memory is dead).

/// Largest file the page (and xlsx reading anywhere) accepts. A township's 台账 of a few thousand
/// members is well under 5 MB; the whole county's 100,000 households is under 50 MB as CSV.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Largest total of the uncompressed sizes an xlsx declares for its parts.
pub const MAX_XLSX_UNCOMPRESSED: u64 = 600 * 1024 * 1024;

/// Largest ratio of declared uncompressed to compressed size for one part. Real sheet XML
/// compresses 5–30×; zip bombs are hundreds to millions of times.
pub const MAX_XLSX_RATIO: u64 = 200;

/// Most parts an xlsx may contain.
pub const MAX_XLSX_ENTRIES: usize = 10_000;

/// Columns a sheet may have: Excel's own limit (XFD). Every column is read and written back; a
/// file claiming more is refused, not cut (cells once disappeared silently past column 256).
pub const MAX_COLUMNS: usize = 16_384;

/// Rows before the header row that may hold a title (e.g. `某某镇2024年农户信息台账`).
pub const HEADER_SEARCH_ROWS: usize = 10;

pub fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
}

pub fn too_large(bytes: u64) -> String {
    format!("文件大小 {}，超过 {} 的上限。请按村或乡镇拆分后分批核查，或在本机用命令行 `jingning batch` 处理 CSV（不受此限）", mb(bytes), mb(MAX_FILE_BYTES))
}

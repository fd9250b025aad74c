//! Reading a spreadsheet file into rows: xlsx with calamine, CSV with the csv crate.
//!
//! Everything a real file can do wrong ends in a Chinese message, never a panic: a file of another
//! type, an old `.xls`, a GBK-encoded CSV, an empty sheet, an xlsx whose parts declare absurd
//! uncompressed sizes or inflate to more than they declare (a zip bomb, refused before calamine
//! opens it, by bytes actually inflated), a broken sheet, a sheet with a title above its header
//! row, merged cells (their value is filled into every row they span), formulas (calamine gives
//! their cached value; one saved without a result is a cell error), an unclosed CSV quote.
use super::cell::Cell;
use super::columns;
use super::limits::*;
use super::row::Row;
use crate::error::{Failure, FieldError};
use crate::village::system::IndicatorSystem;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};

/// The kinds of file batch evaluation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    Xlsx,
}

/// What a sheet holds, judged from its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetKind {
    /// A household 台账: one row per member.
    Household,
    /// A village indicator sheet: one row per village.
    Village,
}

/// Which sheet of a workbook to read, and what to look for.
#[derive(Debug, Clone, Default)]
pub struct Pick<'a> {
    /// A sheet's name or its number (1-based); without it, the first sheet whose header row is
    /// recognised (of `kind` when given).
    pub sheet: Option<String>,
    pub kind: Option<SheetKind>,
    /// The indicator system whose indicator names head a village sheet (the built-in one if `None`).
    pub system: Option<&'a IndicatorSystem>,
}

/// A sheet read into memory: its header row and the data rows below it.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub format: Format,
    pub sheet_name: Option<String>,
    /// Every sheet of the workbook, in order (empty for CSV).
    pub sheet_names: Vec<String>,
    /// What the header row looks like (`None`: neither a household nor a village sheet).
    pub kind: Option<SheetKind>,
    /// Row number of the header row (1-based).
    pub header_row: usize,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows above the header row (titles), written back unchanged on export so row numbers agree.
    pub preamble: Vec<Row>,
    /// Things staff should know about how the file was read (merged cells filled, …).
    pub notes: Vec<String>,
}

/// Most cells read from one xlsx sheet: bounds memory even if a part lies about its size.
pub const MAX_CELLS: usize = 12_000_000;

pub(crate) fn fail(message: impl Into<String>) -> Failure {
    Failure::invalid(vec![FieldError::new("$", message)])
}

/// Reads a whole file (the page, or an xlsx in the CLI). `name` is used only for its extension.
pub fn read_file(bytes: &[u8], name: &str) -> Result<Sheet, Failure> {
    read_file_pick(bytes, name, &Pick::default())
}

/// Reads a whole file, choosing the sheet as `pick` says.
pub fn read_file_pick(bytes: &[u8], name: &str, pick: &Pick) -> Result<Sheet, Failure> {
    let len = bytes.len() as u64;
    if len == 0 {
        return Err(fail("文件是空的（0 字节）"));
    }
    if len > MAX_FILE_BYTES {
        return Err(fail(too_large(len)));
    }
    match detect(bytes, name)? {
        Format::Xlsx => read_xlsx_pick(bytes, pick),
        Format::Csv => {
            check_csv_sheet(pick.sheet.as_deref())?;
            read_csv_in(bytes, system(pick)?)
        }
    }
}

fn system<'a>(pick: &Pick<'a>) -> Result<&'a IndicatorSystem, Failure> {
    match pick.system {
        Some(s) => Ok(s),
        None => IndicatorSystem::builtin(),
    }
}

/// A CSV file is one sheet: choosing another is an error, not silently ignored.
pub fn check_csv_sheet(sheet: Option<&str>) -> Result<(), Failure> {
    match sheet.map(str::trim) {
        None | Some("") | Some("1") => Ok(()),
        Some(s) => Err(fail(format!("CSV 文件只有一个表，没有工作表「{s}」：选择工作表只适用于 .xlsx 文件"))),
    }
}

/// Decides the format from the file's first bytes (the extension can lie or be missing).
pub fn detect(bytes: &[u8], name: &str) -> Result<Format, Failure> {
    let lower = name.to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Xlsx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(fail("这是旧版 Excel（.xls）或 WPS（.et）文件，请在 Excel/WPS 中“另存为” .xlsx 或 CSV（UTF-8）后再打开"));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(fail("这是 PDF 文件，不是表格；请打开 .xlsx 或 .csv 文件"));
    }
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) || lower.ends_with(".xlsx") || lower.ends_with(".xls") || lower.ends_with(".docx") {
        return Err(fail(format!("「{name}」不是可读取的表格文件：请打开 .xlsx 或 .csv 文件")));
    }
    Ok(Format::Csv)
}

/// Checks an xlsx before calamine opens it: the sizes its zip directory declares (cheap, refuses
/// an honest bomb at once), then the bytes each part actually inflates to, counted while
/// inflating and stopped as soon as a limit is passed — a directory can under-declare (a 256 KB
/// file whose directory says 1 MB held a 256 MB sheet), so only counted bytes are trusted.
/// Memory stays at one inflate buffer whatever the file says.
pub fn check_zip<R: Read + Seek>(reader: R) -> Result<(), Failure> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|_| fail("文件以 zip 开头但已损坏，无法作为 .xlsx 读取"))?;
    if zip.len() > MAX_XLSX_ENTRIES {
        return Err(fail(format!("文件包含 {} 个部件，超过上限 {MAX_XLSX_ENTRIES}，不像是正常的表格", zip.len())));
    }
    let mut total: u64 = 0;
    let mut packed_total: u64 = 0;
    let mut has_workbook = false;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|_| fail("文件已损坏，无法作为 .xlsx 读取"))?;
        has_workbook |= f.name().is_ok_and(|n| n == "xl/workbook.xml");
        let (size, packed) = (f.size(), f.compressed_size().max(1));
        total = total.saturating_add(size);
        packed_total = packed_total.saturating_add(packed);
        if size > 1024 * 1024 && size / packed > MAX_XLSX_RATIO {
            let name = f.name().unwrap_or_default().into_owned();
            return Err(fail(format!("文件中的「{name}」声明解压后 {}，是压缩后的 {} 倍，疑似“压缩炸弹”，已拒绝读取", mb(size), size / packed)));
        }
    }
    if total > MAX_XLSX_UNCOMPRESSED {
        return Err(fail(format!("文件解压后共 {}，超过 {} 的上限，请拆分后再核查", mb(total), mb(MAX_XLSX_UNCOMPRESSED))));
    }
    if !has_workbook {
        return Err(fail("这是 zip 文件但不是 Excel 表格（.xlsx），可能是 Word 文档或其他压缩包"));
    }
    inflate_within_limits(&mut zip, packed_total)
}

/// Inflates every part into nothing, counting bytes, and stops at the first limit passed: the
/// total ([`MAX_XLSX_UNCOMPRESSED`]) or, past 1 MB, [`MAX_XLSX_RATIO`] times the compressed bytes.
fn inflate_within_limits<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, packed: u64) -> Result<(), Failure> {
    let bomb_at = (packed.saturating_mul(MAX_XLSX_RATIO)).max(1024 * 1024);
    let limit = bomb_at.min(MAX_XLSX_UNCOMPRESSED);
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| fail(format!("文件已损坏，无法作为 .xlsx 读取（{e}）")))?;
        let sheet = part.name().is_ok_and(|n| n.to_ascii_lowercase().starts_with("xl/worksheets/"));
        let mut carry: Vec<u8> = Vec::new();
        loop {
            let n = match part.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return Err(fail(format!("文件中的「{}」已损坏，无法解压（实际内容与目录中声明的不符）", part.name().unwrap_or_default()))),
            };
            if sheet {
                // The tail of the last chunk too, so a `ref="…"` cut between two chunks is seen.
                carry.extend_from_slice(&buf[..n]);
                if let Some(range) = backwards_range(&carry) {
                    return Err(fail(format!(
                        "文件中的「{}」已损坏：区域 {range} 的起点在终点之后，请在 Excel/WPS 中打开后另存为 .xlsx",
                        part.name().unwrap_or_default()
                    )));
                }
                carry.drain(..carry.len().saturating_sub(80));
            }
            total += n as u64;
            if total > limit {
                return Err(if limit == MAX_XLSX_UNCOMPRESSED {
                    fail(format!("文件解压后超过 {} 的上限（MAX_XLSX_UNCOMPRESSED），已停止读取：请拆分后再核查", mb(MAX_XLSX_UNCOMPRESSED)))
                } else {
                    fail(format!(
                        "文件解压后超过压缩大小的 {MAX_XLSX_RATIO} 倍（{} → 超过 {}），目录中声明的大小不实，疑似“压缩炸弹”，已停止读取",
                        mb(packed),
                        mb(limit)
                    ))
                });
            }
        }
    }
    Ok(())
}

/// A cell range (`ref="B5:A1"` of a dimension, merged cell, shared formula …) whose end comes
/// before its start: calamine subtracts the two and overflows.
fn backwards_range(xml: &[u8]) -> Option<String> {
    let mut at = 0;
    while let Some(i) = xml.get(at..).and_then(|rest| rest.windows(5).position(|w| w == b"ref=\"")) {
        let start = at + i;
        at = start + 5;
        // ` ref="`, not `sqref="`.
        if start == 0 || !xml[start - 1].is_ascii_whitespace() {
            continue;
        }
        let Some(len) = xml[at..].iter().take(40).position(|b| *b == b'"') else { continue };
        let value = &xml[at..at + len];
        let mut ends = value.split(|b| *b == b':').map(cell_position);
        if let (Some(Some(a)), Some(Some(b)), None) = (ends.next(), ends.next(), ends.next()) {
            if b.0 < a.0 || b.1 < a.1 {
                return Some(String::from_utf8_lossy(value).into_owned());
            }
        }
    }
    None
}

/// `AB12` → (row 12, column 28); `None` unless letters then digits.
fn cell_position(r: &[u8]) -> Option<(u64, u64)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (col, row) = r.split_at(letters);
    if letters == 0 || letters > 3 || row.is_empty() || row.len() > 7 || !row.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let col = col.iter().fold(0u64, |n, c| n * 26 + u64::from(c.to_ascii_uppercase() - b'A' + 1));
    let row = row.iter().fold(0u64, |n, c| n * 10 + u64::from(c - b'0'));
    Some((row, col))
}

pub fn read_xlsx(bytes: &[u8]) -> Result<Sheet, Failure> {
    read_xlsx_pick(bytes, &Pick::default())
}

/// The sheet `want` names (its name, or its number from 1), or a message listing the sheets.
pub fn resolve_sheet(names: &[String], want: &str) -> Result<String, Failure> {
    let want = want.trim();
    if let Some(n) = names.iter().find(|n| n.trim() == want).or_else(|| names.iter().find(|n| columns::normalise(n) == columns::normalise(want))) {
        return Ok(n.clone());
    }
    if let Some(n) = want.parse::<usize>().ok().and_then(|i| i.checked_sub(1)).and_then(|i| names.get(i)) {
        return Ok(n.clone());
    }
    let listed: Vec<String> = names.iter().enumerate().map(|(i, n)| format!("{}.「{n}」", i + 1)).collect();
    Err(fail(format!("没有名为「{want}」的工作表。本文件的工作表：{}（可写名称或序号）", listed.join("、"))))
}

/// Reads the sheet `pick` names, or the first whose header row is recognised (a workbook often
/// opens with a 说明 sheet and ends with a 汇总 sheet).
pub fn read_xlsx_pick(bytes: &[u8], pick: &Pick) -> Result<Sheet, Failure> {
    use calamine::{Reader, Xlsx};
    let system = system(pick)?;
    check_zip(Cursor::new(bytes))?;
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| fail(format!("无法读取 .xlsx 文件：{e}")))?;
    let names = wb.sheet_names();
    let finish = |mut sheet: Sheet, mut notes: Vec<String>, name: &str, skipped: &[(String, Option<SheetKind>)]| {
        sheet.format = Format::Xlsx;
        if names.len() > 1 {
            let others: Vec<&str> = names.iter().filter(|n| *n != name).map(String::as_str).collect();
            notes.insert(0, format!("读取的是工作表「{name}」；其他工作表：{}", others.join("、")));
        }
        if !skipped.is_empty() {
            let why = |k: &Option<SheetKind>| match k {
                None => "没有可识别的表头",
                Some(SheetKind::Household) => "是农户台账",
                Some(SheetKind::Village) => "是村级指标表",
            };
            let listed: Vec<String> = skipped.iter().map(|(n, k)| format!("「{n}」（{}）", why(k))).collect();
            notes.insert(1.min(notes.len()), format!("已跳过工作表{}", listed.join("、")));
        }
        sheet.notes.splice(0..0, notes);
        sheet.sheet_name = Some(name.to_string());
        sheet.sheet_names = names.clone();
        sheet
    };
    if let Some(want) = pick.sheet.as_deref().filter(|w| !w.trim().is_empty()) {
        let name = resolve_sheet(&names, want)?;
        let (rows, notes) = xlsx_rows(&mut wb, &name)?;
        if rows.iter().all(Row::is_empty) {
            return Err(fail(format!("工作表「{name}」是空的")));
        }
        return Ok(finish(locate_header_in(rows, system)?, notes, &name, &[]));
    }
    let mut first_failure = None;
    let mut fallback: Option<(Sheet, Vec<String>, String)> = None;
    let mut skipped = Vec::new();
    for name in &names {
        let (rows, notes) = xlsx_rows(&mut wb, name)?;
        if rows.iter().all(Row::is_empty) {
            continue;
        }
        match locate_header_in(rows, system) {
            Ok(sheet) => {
                let fits = match pick.kind {
                    Some(k) => sheet.kind == Some(k),
                    None => sheet.kind.is_some(),
                };
                if fits {
                    return Ok(finish(sheet, notes, name, &skipped));
                }
                skipped.push((name.clone(), sheet.kind));
                if fallback.is_none() {
                    fallback = Some((sheet, notes, name.clone()));
                }
            }
            Err(f) => {
                first_failure.get_or_insert(f);
            }
        }
    }
    // Nothing recognised: the first sheet with content, so the header check names what it found.
    match fallback {
        Some((sheet, notes, name)) => Ok(finish(sheet, notes, &name, &[])),
        None => Err(first_failure.unwrap_or_else(|| fail("表格是空的：所有工作表都没有内容"))),
    }
}

fn xlsx_rows<RS: Read + Seek>(wb: &mut calamine::Xlsx<RS>, name: &str) -> Result<(Vec<Row>, Vec<String>), Failure> {
    use calamine::{DataRef, DataType};
    let mut notes = Vec::new();
    let mut map: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    let mut cut_columns = false;
    {
        let mut reader = wb.worksheet_cells_reader(name).map_err(|e| fail(format!("无法读取工作表「{name}」：{e}")))?;
        let mut count = 0usize;
        let mut current: Option<(u32, Vec<Cell>)> = None;
        // With the formula: a formula cell saved without its result (a file written by a program
        // and never opened in Excel/WPS) must not read as an empty cell.
        while let Some(c) = reader.next_cell_with_formula().map_err(|e| fail(format!("工作表「{name}」已损坏：{e}")))? {
            let (r, col) = c.pos;
            let col = col as usize;
            if col >= MAX_COLUMNS {
                cut_columns |= !c.value.is_empty() || c.formula.is_some();
                continue;
            }
            let cell = match &c.value {
                DataRef::Empty => match c.formula {
                    Some(f) if !f.trim().is_empty() => Cell::Uncalculated(format!("={f}")),
                    _ => continue,
                },
                DataRef::Int(i) => Cell::Number(*i as f64),
                DataRef::Float(x) => Cell::Number(*x),
                DataRef::String(s) => Cell::Text(s.as_str().into()),
                DataRef::SharedString(s) => Cell::Text((*s).into()),
                DataRef::Bool(b) => Cell::Bool(*b),
                DataRef::DateTime(d) => match d.as_datetime() {
                    Some(dt) if d.is_datetime() => Cell::Date(dt.date()),
                    _ => Cell::Number(d.as_f64()),
                },
                DataRef::DateTimeIso(s) => match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                    Ok(d) => Cell::Date(d),
                    Err(_) => Cell::Text(s.as_str().into()),
                },
                DataRef::DurationIso(s) => Cell::Text(s.as_str().into()),
                DataRef::Error(e) => Cell::Error(format!("{e}")),
            };
            count += 1;
            if count > MAX_CELLS {
                return Err(fail(format!("工作表「{name}」超过 {MAX_CELLS} 个单元格，请拆分后再核查")));
            }
            // Cells come row by row in a saved sheet: the row being read stays out of the map and
            // goes in when another starts (a map lookup per cell was a fifth of reading 100,000
            // households); a row met again later is taken back out, so the order does not matter.
            let row = match &mut current {
                Some((at, cells)) if *at == r => cells,
                _ => {
                    if let Some((at, cells)) = current.take() {
                        map.insert(at, cells);
                    }
                    &mut current.insert((r, map.remove(&r).unwrap_or_default())).1
                }
            };
            if row.len() <= col {
                row.resize(col + 1, Cell::Empty);
            }
            if let Some(slot) = row.get_mut(col) {
                *slot = cell;
            }
        }
        if let Some((at, cells)) = current {
            map.insert(at, cells);
        }
    }
    if cut_columns {
        return Err(fail(format!("工作表「{name}」有第 {MAX_COLUMNS} 列以后的内容（超出 Excel 的列数上限），文件已损坏，请在 Excel/WPS 中打开后另存为 .xlsx")));
    }
    // Merged cells hold their value in the top-left cell only; a household column merged over its
    // members' rows means that value for every one of them.
    if let Ok(regions) = wb.merge_cells_by_sheet_name(name) {
        let mut filled = 0usize;
        for m in regions {
            let (r0, c0) = m.start;
            let (r1, c1) = m.end;
            // A hostile `ref="B5:A1"` runs backwards: BTreeMap::range would panic on it.
            if r0 > r1 || c0 > c1 {
                continue;
            }
            let Some(value) = map.get(&r0).and_then(|row| row.get(c0 as usize)).cloned() else { continue };
            if value.is_empty() {
                continue;
            }
            let c1 = (c1 as usize).min(MAX_COLUMNS - 1);
            for (_, row) in map.range_mut(r0..=r1) {
                for c in (c0 as usize)..=c1 {
                    if row.len() <= c {
                        row.resize(c + 1, Cell::Empty);
                    }
                    if let Some(slot) = row.get_mut(c) {
                        if slot.is_empty() {
                            *slot = value.clone();
                            filled += 1;
                        }
                    }
                    // A merged range may claim a whole sheet: the cells it fills count too.
                    if filled > MAX_CELLS {
                        return Err(fail(format!("工作表「{name}」的合并单元格超过 {MAX_CELLS} 个单元格，请拆分后再核查")));
                    }
                }
            }
        }
        if filled > 0 {
            notes.push(format!("合并单元格已按所跨各行填充（{filled} 个单元格）"));
        }
    }
    let rows = map.into_iter().map(|(r, cells)| Row { number: r as usize + 1, cells }).collect();
    Ok((rows, notes))
}

/// Finds the header row among the first rows (a title may sit above it) and splits the sheet.
pub fn locate_header(rows: Vec<Row>) -> Result<Sheet, Failure> {
    locate_header_in(rows, IndicatorSystem::builtin()?)
}

/// The kind of sheet a header row heads, and how many of its columns are recognised.
pub fn kind_of(headers: &[String], system: &IndicatorSystem) -> (Option<SheetKind>, usize) {
    let household =
        columns::match_headers(headers).map(|m| if m.mapped.iter().any(|c| c.field.starts_with("members[].")) { m.mapped.len() } else { 0 }).unwrap_or(0);
    let village = super::village::header_score(headers, system);
    if village > household {
        (Some(SheetKind::Village), village)
    } else if household > 0 {
        (Some(SheetKind::Household), household)
    } else {
        (None, 0)
    }
}

/// [`locate_header`] for household sheets and village sheets of `system`.
pub fn locate_header_in(rows: Vec<Row>, system: &IndicatorSystem) -> Result<Sheet, Failure> {
    let non_empty: Vec<usize> = rows.iter().enumerate().filter(|(_, r)| !r.is_empty()).map(|(i, _)| i).take(HEADER_SEARCH_ROWS).collect();
    let Some(&first) = non_empty.first() else { return Err(fail("表格是空的：没有任何内容")) };
    let mut best = (first, 0usize);
    for &i in &non_empty {
        let headers = header_texts(&rows[i]);
        let household = columns::match_headers(&headers).map(|m| m.mapped.len()).unwrap_or(0);
        let n = household.max(super::village::header_score(&headers, system));
        if n > best.1 {
            best = (i, n);
        }
        if n >= 3 {
            break;
        }
    }
    let (hi, _) = best;
    let mut rows = rows;
    let data = rows.split_off(hi + 1);
    let header = rows.pop().unwrap_or(Row { number: 1, cells: Vec::new() });
    let mut notes = Vec::new();
    if hi > 0 {
        notes.push(format!("表头在第 {} 行，上面的标题行已跳过", header.number));
    }
    let headers = header_texts(&header);
    if let Some(note) = beyond_headers_note(&data, headers.len()) {
        notes.push(note);
    }
    let kind = kind_of(&headers, system).0;
    Ok(Sheet { format: Format::Csv, sheet_name: None, sheet_names: Vec::new(), kind, header_row: header.number, headers, rows: data, preamble: rows, notes })
}

/// The note for content right of the last header (the first such row named): it takes no part in
/// the evaluation and is kept in exports after the result columns.
pub fn beyond_headers_note(rows: &[Row], width: usize) -> Option<String> {
    let row = rows.iter().find(|r| r.cells.iter().skip(width).any(|c| !c.is_empty()))?;
    Some(beyond_headers_note_at(row.number, width))
}

pub fn beyond_headers_note_at(row: usize, width: usize) -> String {
    format!("第 {row} 行等在表头最后一列（第 {width} 列）右边还有内容：这些列没有表头，不参与核查，导出结果时原样放在结果各列之后")
}

fn header_texts(row: &Row) -> Vec<String> {
    row.cells.iter().map(|c| c.display().trim().to_string()).collect()
}

/// A CSV file's text: UTF-8 (with or without BOM); anything else gets a message naming GBK.
pub fn csv_text(bytes: &[u8]) -> Result<&str, Failure> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map_err(|_| fail("CSV 文件不是 UTF-8 编码（多半是 Excel/WPS 默认的 GBK）：请“另存为”时选择“CSV UTF-8（逗号分隔）”，或直接打开 .xlsx 文件"))
}

/// Field separator: a comma unless the first line has more tabs or semicolons.
pub fn sniff_delimiter(text: &str) -> u8 {
    let line = text.lines().next().unwrap_or("");
    let count = |c: char| line.matches(c).count();
    let (commas, tabs, semis) = (count(',') + count('，'), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

pub fn csv_reader<R: Read>(input: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(input)
}

/// One CSV record as a row (all cells text: the column's kind decides how they are read).
pub fn csv_row(record: &csv::ByteRecord, number: usize) -> Result<Row, Failure> {
    if record.len() > MAX_COLUMNS {
        return Err(fail(format!("第 {number} 行有 {} 列，超过 {MAX_COLUMNS} 列的上限（Excel 的最大列数）：请检查分隔符或拆分表格", record.len())));
    }
    let mut cells = Vec::with_capacity(record.len());
    if let Some(swallowed) = record.iter().find_map(swallowed_lines) {
        return Err(fail(format!(
            "CSV 文件第 {number} 行有一个引号（\"）没有配对：其后 {swallowed} 行都被读进了同一个单元格。请在该行找到多余或缺少的引号，改正后再核查"
        )));
    }
    for field in record.iter() {
        let s = std::str::from_utf8(field).map_err(|_| fail(format!("第 {number} 行含有非 UTF-8 字符（文件可能是 GBK 编码）：请另存为“CSV UTF-8”")))?;
        cells.push(if s.is_empty() { Cell::Empty } else { Cell::Text(s.into()) });
    }
    Ok(Row { number, cells })
}

/// Lines of a multi-line field that look like rows of their own (two or more separators): the
/// sign of a quote left open, which makes the reader take the rest of the file as one cell. A
/// real multi-line cell (an address with Alt+Enter) rarely has a line like that.
fn swallowed_lines(field: &[u8]) -> Option<usize> {
    if !field.contains(&b'\n') {
        return None;
    }
    let rows = field.split(|b| *b == b'\n').skip(1).filter(|line| line.iter().filter(|b| matches!(b, b',' | b'\t' | b';')).count() >= 2).count();
    (rows > 0).then(|| field.split(|b| *b == b'\n').count() - 1)
}

pub fn csv_error(e: &csv::Error) -> Failure {
    let line = e.position().map(|p| format!("第 {} 行：", p.line())).unwrap_or_default();
    fail(format!("CSV 文件格式错误，{line}{e}"))
}

pub fn read_csv(bytes: &[u8]) -> Result<Sheet, Failure> {
    read_csv_in(bytes, IndicatorSystem::builtin()?)
}

fn read_csv_in(bytes: &[u8], system: &IndicatorSystem) -> Result<Sheet, Failure> {
    let text = csv_text(bytes)?;
    let mut reader = csv_reader(text.as_bytes(), sniff_delimiter(text));
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut number = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                number += 1;
                rows.push(csv_row(&record, number)?);
            }
            Err(e) => return Err(csv_error(&e)),
        }
    }
    locate_header_in(rows, system)
}

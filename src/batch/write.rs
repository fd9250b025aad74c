//! Writing results: the original columns unchanged, the result columns (【核查】…) added; as CSV
//! (UTF-8 with BOM, so Excel and WPS open Chinese correctly) or as xlsx (rust_xlsxwriter, with a
//! 汇总 sheet). Also the blank template with the Chinese headers.
use super::cell::{Cell, Kind};
use super::columns;
use super::household::{HouseholdRow, Plan};
use super::read::fail;
use super::row::Row;
use super::summary::Summary;
use crate::error::Failure;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet};
use std::io::Write;

/// Indexes of the original columns kept in an export: all but earlier result columns, which
/// are replaced by fresh ones (so exporting a re-imported export gives the same file).
pub fn kept_columns(headers: &[String]) -> Vec<usize> {
    (0..headers.len()).filter(|i| !columns::is_result_header(&headers[*i])).collect()
}

/// A row's cells right of its sheet's last header, up to its last non-empty one: they have no
/// header and take no part in the evaluation, but they are the sheet's data, so an export keeps
/// them, after the result columns (a streamed file's width is not known in advance, and this
/// keeps every export of the same sheet alike).
pub fn beyond_headers<'r>(row: &'r Row, headers: &[String]) -> &'r [Cell] {
    let cells = row.cells.get(headers.len()..).unwrap_or(&[]);
    let end = cells.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
    &cells[..end]
}

/// The result cells of one sheet row.
pub fn result_cells(plan: &Plan, h: Option<&HouseholdRow>, row: usize) -> Vec<String> {
    let n = plan.result_headers().len();
    match h {
        Some(h) => {
            let mut v = h.values.clone();
            v.resize(n - 1, String::new());
            v.push(plan.row_errors(h, row));
            v
        }
        None => vec![String::new(); n],
    }
}

/// Streams a CSV result file.
pub struct CsvOut<W: Write> {
    w: csv::Writer<W>,
    kept: Vec<usize>,
}

impl<W: Write> CsvOut<W> {
    /// Starts the file: the rows above the header (titles) unchanged, then the header row.
    pub fn new(mut out: W, plan: &Plan, preamble: &[Row]) -> Result<Self, Failure> {
        out.write_all(b"\xEF\xBB\xBF").map_err(io)?;
        let kept = kept_columns(&plan.headers);
        let w = csv::WriterBuilder::new().flexible(true).from_writer(out);
        let mut header: Vec<String> = kept.iter().map(|i| plan.headers[*i].clone()).collect();
        header.extend(plan.result_headers().iter().cloned());
        let mut out = CsvOut { w, kept };
        for row in preamble {
            out.row(plan, row, None)?;
        }
        out.w.write_record(&header).map_err(csv_io)?;
        Ok(out)
    }

    pub fn row(&mut self, plan: &Plan, row: &Row, h: Option<&HouseholdRow>) -> Result<(), Failure> {
        // Field by field from the cells and the household's values: a county file has millions
        // of rows, and copying each into a record first was a tenth of a batch run.
        for i in &self.kept {
            let cell = row.cells.get(*i).map(Cell::shown).unwrap_or_default();
            self.w.write_field(cell.as_bytes()).map_err(csv_io)?;
        }
        let n = plan.result_headers().len();
        match h {
            Some(h) => {
                for k in 0..n.saturating_sub(1) {
                    self.w.write_field(h.values.get(k).map(String::as_str).unwrap_or("")).map_err(csv_io)?;
                }
                self.w.write_field(plan.row_errors(h, row.number)).map_err(csv_io)?;
            }
            None => {
                for _ in 0..n {
                    self.w.write_field("").map_err(csv_io)?;
                }
            }
        }
        for cell in beyond_headers(row, &plan.headers) {
            self.w.write_field(cell.shown().as_bytes()).map_err(csv_io)?;
        }
        self.w.write_record(None::<&[u8]>).map_err(csv_io)
    }

    pub fn finish(self) -> Result<W, Failure> {
        self.w.into_inner().map_err(|e| fail(format!("写出失败：{}", e.error())))
    }
}

/// A whole CSV result file in memory (the page's export), for households of adjacent rows (each
/// household's rows are `first_row..=last_row`).
pub fn csv_bytes(plan: &Plan, preamble: &[Row], rows: &[Row], households: &[HouseholdRow]) -> Result<Vec<u8>, Failure> {
    csv_bytes_by(plan, preamble, rows, households, &owners_by_range(rows, households))
}

/// A whole CSV result file in memory; `owners[i]` is the household of `rows[i]` (rows of one
/// household need not be adjacent, see [`super::household::group_sheet`]).
pub fn csv_bytes_by(plan: &Plan, preamble: &[Row], rows: &[Row], households: &[HouseholdRow], owners: &[Option<usize>]) -> Result<Vec<u8>, Failure> {
    let mut out = CsvOut::new(Vec::new(), plan, preamble)?;
    for (i, row) in rows.iter().enumerate() {
        out.row(plan, row, owner(households, owners, i))?;
    }
    out.finish()
}

/// The household of each row when households are runs of adjacent rows in sheet order.
pub fn owners_by_range(rows: &[Row], households: &[HouseholdRow]) -> Vec<Option<usize>> {
    let mut hi = 0;
    rows.iter()
        .map(|row| {
            while households.get(hi).is_some_and(|h| h.last_row < row.number) {
                hi += 1;
            }
            households.get(hi).filter(|h| h.first_row <= row.number).map(|_| hi)
        })
        .collect()
}

fn owner<'h>(households: &'h [HouseholdRow], owners: &[Option<usize>], i: usize) -> Option<&'h HouseholdRow> {
    owners.get(i).copied().flatten().and_then(|k| households.get(k))
}

fn io(e: std::io::Error) -> Failure {
    fail(format!("写出失败：{e}"))
}

fn csv_io(e: csv::Error) -> Failure {
    fail(format!("写出失败：{e}"))
}

fn xe(e: rust_xlsxwriter::XlsxError) -> Failure {
    fail(format!("生成 xlsx 失败：{e}"))
}

/// The whole result workbook: sheet 核查结果 (original rows + result columns) and sheet 汇总.
/// `households` are in sheet order, as evaluated, each a run of adjacent rows.
pub fn xlsx(plan: &Plan, preamble: &[Row], rows: &[Row], households: &[HouseholdRow], summary: &Summary) -> Result<Vec<u8>, Failure> {
    xlsx_by(plan, preamble, rows, households, &owners_by_range(rows, households), summary)
}

/// The result workbook; `owners[i]` is the household of `rows[i]`.
pub fn xlsx_by(
    plan: &Plan,
    preamble: &[Row],
    rows: &[Row],
    households: &[HouseholdRow],
    owners: &[Option<usize>],
    summary: &Summary,
) -> Result<Vec<u8>, Failure> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let result = Format::new().set_background_color(0xFFF2CC);
    let kept = kept_columns(&plan.headers);
    let rh = plan.result_headers();
    {
        let ws = wb.add_worksheet().set_name("核查结果").map_err(xe)?;
        let top = u32::try_from(preamble.len()).map_err(|_| fail("行数过多"))?;
        let extra = |ws: &mut Worksheet, r: u32, row: &Row| -> Result<(), Failure> {
            let cells = beyond_headers(row, &plan.headers);
            let at: Vec<usize> = (0..cells.len()).collect();
            let shifted = Row { number: row.number, cells: cells.to_vec() };
            write_cells_at(ws, r, kept.len() + rh.len(), &at, &shifted, &date)
        };
        for (n, row) in preamble.iter().enumerate() {
            let r = u32::try_from(n).map_err(|_| fail("行数过多"))?;
            write_cells(ws, r, &kept, row, &date)?;
            extra(ws, r, row)?;
        }
        for (c, i) in kept.iter().enumerate() {
            ws.write_string_with_format(top, col(c)?, &plan.headers[*i], &bold).map_err(xe)?;
        }
        for (j, h) in rh.iter().enumerate() {
            ws.write_string_with_format(top, col(kept.len() + j)?, h, &bold.clone().set_background_color(0xFFF2CC)).map_err(xe)?;
        }
        for (n, row) in rows.iter().enumerate() {
            let r = u32::try_from(n + 1).ok().and_then(|n| n.checked_add(top)).ok_or_else(|| fail("行数过多"))?;
            let h = owner(households, owners, n);
            write_cells(ws, r, &kept, row, &date)?;
            for (j, v) in result_cells(plan, h, row.number).iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string_with_format(r, col(kept.len() + j)?, v, &result).map_err(xe)?;
                }
            }
            extra(ws, r, row)?;
        }
        ws.set_freeze_panes(top + 1, 0).map_err(xe)?;
        let last_col = col((kept.len() + rh.len()).saturating_sub(1))?;
        let last_row = u32::try_from(rows.len()).ok().and_then(|n| n.checked_add(top)).ok_or_else(|| fail("行数过多"))?;
        ws.autofilter(top, 0, last_row, last_col).map_err(xe)?;
    }
    summary_sheet(wb.add_worksheet(), summary, &bold)?;
    wb.save_to_buffer().map_err(xe)
}

/// One row's original cells, with their types (numbers stay numbers, dates stay dates).
fn write_cells(ws: &mut Worksheet, r: u32, kept: &[usize], row: &Row, date: &Format) -> Result<(), Failure> {
    write_cells_at(ws, r, 0, kept, row, date)
}

/// [`write_cells`] from column `first` on.
fn write_cells_at(ws: &mut Worksheet, r: u32, first: usize, kept: &[usize], row: &Row, date: &Format) -> Result<(), Failure> {
    for (c, i) in kept.iter().enumerate() {
        let c = col(first + c)?;
        match row.cells.get(*i).unwrap_or(&Cell::Empty) {
            Cell::Empty => {}
            Cell::Text(s) => write_text(ws, r, c, s)?,
            Cell::Number(x) => {
                ws.write_number(r, c, *x).map_err(xe)?;
            }
            Cell::Bool(b) => {
                ws.write_boolean(r, c, *b).map_err(xe)?;
            }
            Cell::Date(d) => {
                let dt = rust_xlsxwriter::ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string()).map_err(xe)?;
                ws.write_datetime_with_format(r, c, &dt, date).map_err(xe)?;
            }
            Cell::Error(e) => write_text(ws, r, c, e)?,
            // Written back as the formula it is, so Excel calculates it when the file is opened.
            Cell::Uncalculated(f) => {
                ws.write_formula(r, c, f.as_str()).map_err(xe)?;
            }
        }
    }
    Ok(())
}

/// Text that must stay text: an ID number written as text so Excel does not round it.
fn write_text(ws: &mut Worksheet, r: u32, c: u16, s: &str) -> Result<(), Failure> {
    ws.write_string(r, c, s).map_err(xe)?;
    Ok(())
}

fn col(i: usize) -> Result<u16, Failure> {
    u16::try_from(i).map_err(|_| fail("列数过多"))
}

fn summary_sheet(ws: &mut Worksheet, s: &Summary, bold: &Format) -> Result<(), Failure> {
    ws.set_name("汇总").map_err(xe)?;
    let mut r = 0u32;
    let mut line = |ws: &mut Worksheet, cells: &[String], f: Option<&Format>| -> Result<(), Failure> {
        for (c, v) in cells.iter().enumerate() {
            match f {
                Some(f) => ws.write_string_with_format(r, col(c)?, v, f).map_err(xe)?,
                None => ws.write_string(r, col(c)?, v).map_err(xe)?,
            };
        }
        r += 1;
        Ok(())
    };
    let n = |x: usize| x.to_string();
    line(ws, &["项目".into(), "数量".into()], Some(bold))?;
    line(ws, &["数据行（成员）".into(), n(s.rows)], None)?;
    line(ws, &["户数".into(), n(s.households)], None)?;
    line(ws, &["已核查户数".into(), n(s.evaluated)], None)?;
    line(ws, &["有错误未核查户数".into(), n(s.with_errors)], None)?;
    line(ws, &["单人户（1 人户）".into(), n(s.single_member)], None)?;
    line(ws, &["信息不全户数".into(), n(s.incomplete)], None)?;
    line(ws, &[], None)?;
    line(ws, &["措施".into(), "符合".into(), "不符合".into(), crate::explain::Outcome::CannotDecide.label().into(), "其中按类别".into()], Some(bold))?;
    for m in &s.measures {
        let cats: Vec<String> = m.categories.iter().map(|c| format!("{} {}", c.label, c.count)).collect();
        line(ws, &[m.title.clone(), n(m.applies), n(m.does_not_apply), n(m.cannot_decide), cats.join("；")], None)?;
    }
    if !s.unverified.is_empty() {
        line(ws, &[], None)?;
        line(ws, &["使用了未核实的参数".into(), s.unverified.join("、")], None)?;
    }
    ws.set_column_width(0, 28).map_err(xe)?;
    ws.set_column_width(4, 40).map_err(xe)?;
    Ok(())
}

/// The blank template: the Chinese headers (text-formatted where Excel would mangle a value) and a
/// 填写说明 sheet listing each column's meaning and allowed values.
pub fn template() -> Result<Vec<u8>, Failure> {
    let table = columns::table()?;
    let choices = crate::case::choices();
    let mut wb = Workbook::new();
    let head = Format::new().set_bold().set_align(FormatAlign::Center).set_background_color(0xDDEBF7);
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    {
        let ws = wb.add_worksheet().set_name("农户台账").map_err(xe)?;
        for (i, c) in table.iter().enumerate() {
            let ci = col(i)?;
            ws.write_string_with_format(0, ci, &c.header, &head).map_err(xe)?;
            let width = (c.header.chars().count() as f64 * 2.2 + 2.0).max(10.0);
            match c.kind {
                Kind::IdNumber | Kind::Key => ws.set_column_format(ci, &text).map_err(xe)?,
                Kind::Date => ws.set_column_format(ci, &date).map_err(xe)?,
                _ => ws,
            };
            ws.set_column_width(ci, if c.kind == Kind::IdNumber { 22.0 } else { width }).map_err(xe)?;
        }
        ws.set_freeze_panes(1, 2).map_err(xe)?;
    }
    {
        let ws = wb.add_worksheet().set_name("填写说明").map_err(xe)?;
        for (c, h) in ["表头", "内容", "可以写作", "可选值"].iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, *h, &head).map_err(xe)?;
        }
        for (i, c) in table.iter().enumerate() {
            let r = u32::try_from(i + 1).map_err(|_| fail("列数过多"))?;
            let scope = if c.field == "household_id" {
                "分户用：同一户的成员行相邻、户编号相同"
            } else if c.member_field().is_some() {
                "成员（每行一人）"
            } else {
                "整户（同一户任一行填写即可）"
            };
            let kind = match c.kind {
                Kind::Money => "金额（元，近12个月）",
                Kind::NetMoney => "净额（元，近12个月；亏损填负数，如 -3000）",
                Kind::Date => "日期，如 2024-06-30",
                Kind::Bool => "是/否",
                Kind::Int => "整数",
                Kind::List => "多项用顿号分隔",
                Kind::IdNumber => "18 位身份证号（文本格式）",
                _ => "",
            };
            let key = c.field.rsplit('.').next().unwrap_or("");
            let key = match (c.field.as_str(), key) {
                ("members[].disability.kind", _) => "disability_kind",
                ("risks", _) => "risk",
                ("status.measures_taken", _) => "measure",
                (_, k) => k,
            };
            let options: Vec<String> = choices.get(key).map(|v| v.iter().map(|o| o.label.clone()).collect()).unwrap_or_default();
            ws.write_string(r, 0, &c.header).map_err(xe)?;
            ws.write_string(r, 1, format!("{scope}{}{kind}", if kind.is_empty() { "" } else { "；" })).map_err(xe)?;
            ws.write_string(r, 2, c.aliases.join("、")).map_err(xe)?;
            ws.write_string(r, 3, options.join(" / ")).map_err(xe)?;
        }
        ws.set_column_width(0, 24).map_err(xe)?;
        ws.set_column_width(1, 44).map_err(xe)?;
        ws.set_column_width(2, 40).map_err(xe)?;
        ws.set_column_width(3, 60).map_err(xe)?;
    }
    wb.save_to_buffer().map_err(xe)
}

/// A plain result table (the village sheet): original rows unchanged plus result columns, as CSV
/// (`xlsx = false`) or xlsx.
pub fn table(headers: &[String], preamble: &[Row], rows: &[Row], result_headers: &[String], results: &[Vec<String>], xlsx: bool) -> Result<Vec<u8>, Failure> {
    let kept = kept_columns(headers);
    let mut lines: Vec<Vec<String>> = Vec::with_capacity(rows.len() + preamble.len() + 1);
    let line = |row: &Row, results: Option<&Vec<String>>| {
        let mut l: Vec<String> = kept.iter().map(|i| row.cells.get(*i).map(Cell::display).unwrap_or_default()).collect();
        let mut r = results.cloned().unwrap_or_default();
        r.resize(result_headers.len().max(r.len()), String::new());
        l.extend(r);
        l.extend(beyond_headers(row, headers).iter().map(Cell::display));
        l
    };
    lines.extend(preamble.iter().map(|row| line(row, None)));
    let mut head: Vec<String> = kept.iter().map(|i| headers[*i].clone()).collect();
    head.extend(result_headers.iter().cloned());
    lines.push(head);
    for (i, row) in rows.iter().enumerate() {
        lines.push(line(row, results.get(i)));
    }
    if !xlsx {
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(b"\xEF\xBB\xBF".to_vec());
        for l in &lines {
            w.write_record(l).map_err(csv_io)?;
        }
        return w.into_inner().map_err(|e| fail(format!("写出失败：{}", e.error())));
    }
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, l) in lines.iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| fail("行数过多"))?;
        for (c, v) in l.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r, col(c)?, v).map_err(xe)?;
            }
        }
    }
    wb.save_to_buffer().map_err(xe)
}

/// The blank village indicator sheet for an indicator system: 村庄编号, 村名, 乡镇, 考核年度 and
/// one column per indicator (its name, unit in brackets), and a 填写说明 sheet saying what each
/// column takes. The headers are read back by [`super::village::map_columns`].
pub fn village_template(system: &crate::village::system::IndicatorSystem) -> Result<Vec<u8>, Failure> {
    use super::village::{template_headers, FIXED};
    use crate::decode::Choice;
    use crate::village::system::Target;
    let mut wb = Workbook::new();
    let head = Format::new().set_bold().set_align(FormatAlign::Center).set_background_color(0xDDEBF7).set_text_wrap();
    let text = Format::new().set_num_format("@");
    {
        let ws = wb.add_worksheet().set_name("村级指标").map_err(xe)?;
        for (i, h) in template_headers(system).iter().enumerate() {
            let ci = col(i)?;
            ws.write_string_with_format(0, ci, h, &head).map_err(xe)?;
            ws.set_column_width(ci, (h.chars().count() as f64 * 2.0 + 2.0).clamp(10.0, 24.0)).map_err(xe)?;
        }
        ws.set_column_format(0, &text).map_err(xe)?;
        ws.set_column_width(0, 16).map_err(xe)?;
        ws.set_row_height(0, 48).map_err(xe)?;
        ws.set_freeze_panes(1, 2).map_err(xe)?;
    }
    {
        let ws = wb.add_worksheet().set_name("填写说明").map_err(xe)?;
        ws.write_string(
            0,
            0,
            format!(
                "指标体系：{}（{} 年）。每行一个村；表头用指标名称或编号，括号里的单位可有可无；本表之后的列顺序不限，不考核的指标可删去该列。",
                system.name, system.year
            ),
        )
        .map_err(xe)?;
        for (c, h) in ["表头", "内容", "也可以写作", "说明"].iter().enumerate() {
            ws.write_string_with_format(2, col(c)?, *h, &head).map_err(xe)?;
        }
        let mut r = 3u32;
        for (_, h, aliases, meaning) in FIXED {
            ws.write_string(r, 0, *h).map_err(xe)?;
            ws.write_string(r, 1, *meaning).map_err(xe)?;
            ws.write_string(r, 2, aliases.join("、")).map_err(xe)?;
            r += 1;
        }
        for ind in super::village::template_indicators(system) {
            let dim = system.dimensions.iter().find(|d| d.id == ind.dimension).map(|d| d.name.as_str()).unwrap_or("");
            let what = match &ind.target {
                Target::Yes(_) => "填 是/否（或 √/×）".to_string(),
                Target::Number(t) => {
                    format!("填数值（{}），{}，目标 {}", if ind.unit.is_empty() { "无单位" } else { &ind.unit }, ind.direction.label(), t.normalize())
                }
            };
            let veto = if ind.veto { "；否决项" } else { "" };
            let due = ind.due_year.map(|y| format!("；{y} 年前实现，之前未实现的不计分")).unwrap_or_default();
            ws.write_string(r, 0, super::village::indicator_header(ind)).map_err(xe)?;
            ws.write_string(r, 1, format!("{dim}：{what}（{}）{veto}{due}", ind.target_words())).map_err(xe)?;
            ws.write_string(r, 2, &ind.id).map_err(xe)?;
            ws.write_string(r, 3, ind.note.as_deref().unwrap_or("")).map_err(xe)?;
            r += 1;
        }
        for ind in super::village::average_indicators(system) {
            ws.write_string(r, 0, format!("{}{}", super::village::AVERAGE_PREFIX, super::village::indicator_header(ind))).map_err(xe)?;
            ws.write_string(r, 1, format!("「{}」的全县平均值：只需在任意一行填一次，全表各村都用它（{}）", ind.name, ind.target_words())).map_err(xe)?;
            ws.write_string(r, 2, format!("全县平均:{}", ind.id)).map_err(xe)?;
            ws.write_string(r, 3, "也可在网页“全县平均值”或命令行选项 county_averages 中给出；表中的值优先").map_err(xe)?;
            r += 1;
        }
        ws.write_string(
            r + 1,
            0,
            "县级统计指标（恩格尔系数、教育文化娱乐支出占比、绿化覆盖率、畜禽粪污综合利用率等）不按村填写，在全县视图中与全县统计数对照。",
        )
        .map_err(xe)?;
        ws.set_column_width(0, 36).map_err(xe)?;
        ws.set_column_width(1, 50).map_err(xe)?;
        ws.set_column_width(2, 28).map_err(xe)?;
        ws.set_column_width(3, 60).map_err(xe)?;
    }
    wb.save_to_buffer().map_err(xe)
}

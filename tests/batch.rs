//! Batch evaluation of spreadsheets: the realities of township files (tests/batch/*.csv and xlsx
//! files built here with rust_xlsxwriter), row → case mapping and errors placed at row and column,
//! exports that read back to the same results, and the year-to-year comparison.
#![cfg(all(not(target_arch = "wasm32"), feature = "sheet"))]

use jingning_policy::batch::read::{read_file, read_file_pick, Pick, Sheet, SheetKind};
use jingning_policy::batch::stream::{drive, open_csv};
use jingning_policy::batch::{compare::compare, write, BatchOptions, HouseholdRow, Session};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::io::Write;

const TOWNSHIP: &str = include_str!("batch/township.csv");

fn opts(date: &str) -> BatchOptions {
    BatchOptions::from_text(&format!(r#"{{"assessment_date":"{date}"}}"#)).unwrap()
}

fn evaluate(sheet: Sheet, o: BatchOptions) -> Session {
    evaluate_with_preamble(sheet, o).0
}

fn evaluate_with_preamble(sheet: Sheet, o: BatchOptions) -> (Session, Vec<jingning_policy::batch::Row>) {
    let mut s = Session::new(sheet.headers, sheet.rows, o).unwrap();
    s.run();
    (s, sheet.preamble)
}

fn message(bytes: &[u8], name: &str) -> String {
    match read_file(bytes, name) {
        Ok(_) => panic!("{name} should be refused"),
        Err(f) => f.describe(),
    }
}

fn column(s: &Session, h: &HouseholdRow, title: &str) -> String {
    let i = s.plan.result_headers().iter().position(|c| c.ends_with(title)).unwrap_or_else(|| panic!("no column {title}"));
    h.values[i].clone()
}

#[test]
fn a_township_csv_evaluates_every_good_household_and_places_errors_at_row_and_column() {
    let s = evaluate(read_file(TOWNSHIP.as_bytes(), "township.csv").unwrap(), opts("2024-06-30"));
    assert_eq!(s.households.len(), 3);
    let [h1, h2, h3] = [&s.households[0], &s.households[1], &s.households[2]];
    // Two rows (a merged-looking blank 户编号 continues the household), head named by the 户主 row.
    assert_eq!((h1.first_row, h1.last_row, h1.members), (2, 3, 2));
    assert_eq!(h1.head_name.as_deref(), Some("李建国"));
    assert!(h1.ok && h2.ok, "{:?} {:?}", h1.errors, h2.errors);
    // 「０」 (full-width) and "8,000" (thousands separator) were read as amounts.
    assert_eq!(column(&s, h2, "人均纯收入（元）"), "3500");
    assert!(column(&s, h2, "防止返贫监测对象识别").starts_with("符合"));
    // The bad birth date of row 6 stops household H003 only, and is placed at its cell.
    assert!(!h3.ok);
    assert_eq!(h3.errors.len(), 1);
    assert_eq!((h3.errors[0].row, h3.errors[0].column.as_str()), (6, "出生日期"));
    assert!(h3.errors[0].message.contains("晚于核查日期"), "{}", h3.errors[0].message);
    assert_eq!(s.plan.row_errors(h3, 5), "本户其他行有错误");
    assert_eq!(s.summary.households, 3);
    assert_eq!((s.summary.evaluated, s.summary.with_errors), (2, 1));
    assert_eq!(s.summary.single_member, 1);
    let monitoring = s.summary.measures.iter().find(|m| m.measure == "monitoring").unwrap();
    assert_eq!(monitoring.applies, 1);
    assert_eq!(monitoring.categories[0].label, "边缘易致贫户");
    // 备注 is listed as not mapped; nothing else.
    assert_eq!(s.plan.header_map.unmapped, ["备注"]);
}

#[test]
fn a_household_field_given_twice_differently_is_an_error_of_the_later_row() {
    let csv = "户编号,所在村,姓名,与户主关系,出生日期\nA,甲村,张三,户主,1970-01-01\nA,乙村,李四,配偶,1971-01-01\n";
    let s = evaluate(read_file(csv.as_bytes(), "x.csv").unwrap(), opts("2024-06-30"));
    let e = &s.households[0].errors;
    assert_eq!((e[0].row, e[0].column.as_str()), (3, "所在村"));
    assert!(e[0].message.contains("前后不一致"), "{}", e[0].message);
}

#[test]
fn without_household_numbers_a_head_row_starts_a_household() {
    let csv = "姓名,与户主关系,出生日期\n张三,户主,1970-01-01\n李四,配偶,1971-01-01\n王五,户主,1960-01-01\n";
    let s = evaluate(read_file(csv.as_bytes(), "x.csv").unwrap(), opts("2024-06-30"));
    let sizes: Vec<usize> = s.households.iter().map(|h| h.members).collect();
    assert_eq!(sizes, [2, 1]);
}

#[test]
fn files_that_are_not_household_sheets_get_a_message() {
    assert!(message(b"", "a.csv").contains("空的"));
    assert!(message(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], "old.xls").contains(".xls"));
    assert!(message(b"%PDF-1.7 ...", "scan.pdf").contains("PDF"));
    assert!(message(&[b'a'; 51 * 1024 * 1024], "big.csv").contains("超过 50.0 MB"));
    // 姓名 in GBK.
    assert!(message(&[0xD0, 0xD5, 0xC3, 0xFB, b'\n', b'1'], "gbk.csv").contains("GBK"));
    // Header only, empty sheet, unrecognisable header.
    let header_only = read_file("姓名,出生日期\n".as_bytes(), "h.csv").unwrap();
    let err = Session::new(header_only.headers, header_only.rows, opts("2024-06-30")).err().unwrap();
    assert!(err.describe().contains("只有表头"), "{}", err.describe());
    assert!(message(b"\n\n,,\n", "blank.csv").contains("空的"));
    let odd = read_file("编号,金额\n1,2\n".as_bytes(), "o.csv").unwrap();
    let err = Session::new(odd.headers, odd.rows, opts("2024-06-30")).err().unwrap();
    assert!(err.describe().contains("读到的表头：编号、金额"), "{}", err.describe());
    // No assessment date anywhere.
    let s = read_file(TOWNSHIP.as_bytes(), "t.csv").unwrap();
    let err = Session::new(s.headers, s.rows, BatchOptions::default()).err().unwrap();
    assert!(err.describe().contains("核查日期"));
}

/// A zip with an xlsx's workbook part and one part declaring a huge, highly compressed size.
fn zip_bomb() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("xl/workbook.xml", o).unwrap();
    w.write_all(b"<workbook/>").unwrap();
    w.start_file("xl/worksheets/sheet1.xml", o).unwrap();
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..24 {
        w.write_all(&zeros).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn an_xlsx_zip_bomb_is_refused_before_inflating() {
    let m = message(&zip_bomb(), "bomb.xlsx");
    assert!(m.contains("压缩炸弹"), "{m}");
    // A zip that is not a workbook at all.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    w.write_all(b"<w/>").unwrap();
    let docx = w.finish().unwrap().into_inner();
    assert!(message(&docx, "x.xlsx").contains("不是 Excel"));
}

/// A sheet as staff make them: a title row, merged household cells, a formula, a date cell, an
/// Excel serial typed as a number, numbers stored as text with full-width digits and separators.
fn township_xlsx() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.merge_range(0, 0, 0, 7, "城川镇2024年农户信息台账", &Format::new()).unwrap();
    for (c, h) in ["户编号", "所在村", "姓名", "与户主关系", "出生年月", "劳动能力", "工资性收入(元)", "家庭经营净收入", "其他转移净收入"].iter().enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    // Household A: 户编号 and 所在村 merged over its two rows.
    ws.merge_range(2, 0, 3, 0, "A001", &Format::new()).unwrap();
    ws.merge_range(2, 1, 3, 1, "城川村", &Format::new()).unwrap();
    ws.write_string(2, 2, "李建国").unwrap();
    ws.write_string(2, 3, "户主").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_datetime_with_format(2, 4, ExcelDateTime::parse_from_str("1960-05-01").unwrap(), &date).unwrap();
    ws.write_string(2, 5, "全劳力").unwrap();
    ws.write_formula(2, 6, Formula::new("=1000*12").set_result("12000")).unwrap();
    ws.write_string(2, 7, "２,０００").unwrap();
    ws.write_number(2, 8, 0).unwrap();
    ws.write_string(3, 2, "王秀兰").unwrap();
    ws.write_string(3, 3, "配偶").unwrap();
    ws.write_number(3, 4, 23133.0).unwrap(); // 1963-05-01 as an Excel serial
    ws.write_string(3, 5, "半劳力").unwrap();
    // Household B: one row, amounts stored as text.
    ws.write_string(4, 0, "A002").unwrap();
    ws.write_string(4, 1, "南坪村").unwrap();
    ws.write_string(4, 2, "张孤老").unwrap();
    ws.write_string(4, 3, "户主").unwrap();
    ws.write_string(4, 4, "1940年5月").unwrap();
    ws.write_string(4, 5, "无劳力").unwrap();
    ws.write_string(4, 6, "0").unwrap();
    ws.write_string(4, 7, "1,200元").unwrap();
    ws.write_string(4, 8, "800").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_with_title_merged_cells_formulas_and_dates_reads_as_typed() {
    let sheet = read_file(&township_xlsx(), "t.xlsx").unwrap();
    assert_eq!(sheet.header_row, 2);
    assert!(sheet.notes.iter().any(|n| n.contains("合并单元格")), "{:?}", sheet.notes);
    let s = evaluate(sheet, opts("2024-06-30"));
    assert_eq!(s.households.len(), 2, "{:?}", s.households);
    let a = &s.households[0];
    assert!(a.ok, "{:?}", a.errors);
    assert_eq!((a.key.as_deref(), a.village.as_deref(), a.members), (Some("A001"), Some("城川村"), 2));
    // (12000 + 2000 + 0) / 2: the formula's cached value and the full-width text amount.
    assert_eq!(column(&s, a, "人均纯收入（元）"), "7000");
    let b = &s.households[1];
    assert!(b.ok, "{:?}", b.errors);
    assert_eq!(column(&s, b, "人均纯收入（元）"), "2000");
}

fn values(s: &Session) -> Vec<(usize, Vec<String>, bool)> {
    s.households.iter().map(|h| (h.members, h.values.clone(), h.ok)).collect()
}

#[test]
fn exports_read_back_to_the_same_results() {
    for (bytes, name) in [(TOWNSHIP.as_bytes().to_vec(), "t.csv"), (township_xlsx(), "t.xlsx")] {
        let (s, pre) = evaluate_with_preamble(read_file(&bytes, name).unwrap(), opts("2024-06-30"));
        let csv = write::csv_bytes(&s.plan, &pre, &s.rows, &s.households).unwrap();
        let xlsx = write::xlsx(&s.plan, &pre, &s.rows, &s.households, &s.summary).unwrap();
        for (out, out_name) in [(csv.clone(), "r.csv"), (xlsx, "r.xlsx")] {
            let (again, pre_again) = evaluate_with_preamble(read_file(&out, out_name).unwrap(), opts("2024-06-30"));
            assert_eq!(values(&again), values(&s), "{name} → {out_name}");
            assert!(again.plan.header_map.unmapped.iter().all(|h| !h.starts_with("【核查】")));
            // And exporting the re-import gives the same CSV (old result columns replaced).
            if out_name == "r.csv" {
                assert_eq!(write::csv_bytes(&again.plan, &pre_again, &again.rows, &again.households).unwrap(), csv);
            }
        }
    }
}

#[test]
fn the_template_has_every_header_and_reads_back_as_header_only() {
    let t = write::template().unwrap();
    let sheet = read_file(&t, "模板.xlsx").unwrap();
    let n = jingning_policy::batch::columns::template_headers().unwrap().len();
    assert_eq!(sheet.headers.len(), n);
    let err = Session::new(sheet.headers, sheet.rows, opts("2024-06-30")).err().unwrap();
    assert!(err.describe().contains("只有表头"));
}

#[test]
fn comparing_two_standards_lists_the_households_that_flip() {
    let before = evaluate(read_file(TOWNSHIP.as_bytes(), "t.csv").unwrap(), opts("2024-06-30"));
    let higher = BatchOptions::from_text(r#"{"assessment_date":"2024-06-30","overrides":{"dibao.standard_annual":"20000"}}"#).unwrap();
    let after = evaluate(read_file(TOWNSHIP.as_bytes(), "t.csv").unwrap(), higher);
    let changes = compare(before.plan.result_headers(), &before.households, &after.households);
    assert!(!changes.is_empty());
    assert!(changes.iter().all(|c| c.key.as_deref() != Some("H003")), "households in error do not change");
    let h1 = changes.iter().find(|c| c.key.as_deref() == Some("H001")).expect("H001 flips under a 20000 standard");
    let dibao = h1.changes.iter().find(|c| c.column == "农村低保（整户）").unwrap();
    assert_eq!(dibao.before, "不符合");
    assert!(dibao.after.starts_with("符合"), "{}", dibao.after);
}

#[test]
fn a_comparison_date_wins_over_the_sheets_own_date_column() {
    // One 脱贫户 of one person at ¥7,000 a year, dated 2024 in its own 核查日期 column: under the
    // 2024 line of ¥7,800, above the 2022 line of ¥6,000; with a declared risk (income alone does
    // not make a monitoring object).
    let sheet = "户编号,姓名,与户主关系,出生日期,核查日期,劳动能力,是否残疾,患重病,医疗自付费用,农户类型,低保户,特困供养户,监测对象,工资性收入（元）,上年度家庭总收入,上年度家庭纯收入,教育支出,残疾康复支出,自然灾害损失,意外事故损失,返贫致贫风险\n\
                 H9,赵六,户主,1980-01-01,2024-06-30,全劳力,否,否,0,脱贫户,否,否,否,7000,7000,7000,0,0,0,0,因务工就业不稳\n";
    let before = evaluate(read_file(sheet.as_bytes(), "t.csv").unwrap(), opts("2024-06-30"));
    let mut other = opts("2022-06-30");
    // A plain run keeps the column's date (it is the household's own) …
    let same = evaluate(read_file(sheet.as_bytes(), "t.csv").unwrap(), other.clone());
    assert!(compare(before.plan.result_headers(), &before.households, &same.households).is_empty());
    // … a comparison under another date does not.
    other.date_wins = true;
    let after = evaluate(read_file(sheet.as_bytes(), "t.csv").unwrap(), other);
    let changes = compare(before.plan.result_headers(), &before.households, &after.households);
    let monitoring = changes[0].changes.iter().find(|c| c.column == "防止返贫监测对象识别").expect("monitoring changes under the 2022 line");
    assert!(monitoring.before.starts_with("符合"), "{}", monitoring.before);
}

#[test]
fn streaming_csv_gives_the_same_households_as_reading_whole() {
    let whole = evaluate(read_file(TOWNSHIP.as_bytes(), "t.csv").unwrap(), opts("2024-06-30"));
    let (plan, rows, _) = open_csv(std::io::BufReader::new(TOWNSHIP.as_bytes()), opts("2024-06-30")).unwrap();
    let mut streamed = Vec::new();
    let summary = drive(&plan, rows, 1, |_, h| {
        streamed.push(h.clone());
        Ok(())
    })
    .unwrap();
    assert_eq!(streamed, whole.households);
    assert_eq!(summary, whole.summary);
}

#[test]
fn several_threads_give_the_households_in_file_order_exactly_as_one_does() {
    // Enough households for many chunks, so chunks finish out of order on the workers.
    let mut csv = String::from("户编号,姓名,与户主关系,出生日期,劳动能力,工资性收入\n");
    for i in 0..3000 {
        csv.push_str(&format!("H{i:05},户主{i},户主,1960-01-01,{},{}\n", if i % 3 == 0 { "无劳力" } else { "全劳力" }, i * 7));
        if i % 2 == 0 {
            csv.push_str(&format!("H{i:05},成员{i},配偶,1962-05-01,弱劳力,\n"));
        }
    }
    let run = |jobs: usize| {
        let (plan, rows, _) = open_csv(std::io::BufReader::new(csv.as_bytes()), opts("2024-06-30")).unwrap();
        let mut seen = Vec::new();
        let summary = drive(&plan, rows, jobs, |g, h| {
            seen.push((g.rows.first().map(|r| r.number), h.clone()));
            Ok(())
        })
        .unwrap();
        (seen, summary)
    };
    let (one, s1) = run(1);
    assert_eq!(one.len(), 3000);
    for jobs in [2, 3] {
        let (many, s) = run(jobs);
        assert_eq!(many, one, "jobs = {jobs}");
        assert_eq!(s, s1);
    }
}

#[test]
fn ranges_joined_in_order_give_the_households_and_summary_of_one_run() {
    // The page's workers each evaluate a contiguous range of the same sheet; joined in order,
    // rows and summary must be those of one run, whatever the split (also empty and uneven ones).
    let mut csv = String::from("户编号,姓名,与户主关系,出生日期,劳动能力,农户类型,工资性收入,基础养老金\n");
    for i in 0..500 {
        let kind = if i % 4 == 0 { "脱贫户" } else { "一般农户" };
        csv.push_str(&format!("H{i:04},户主{i},户主,1958-01-01,{},{kind},{},{}\n", if i % 3 == 0 { "无劳力" } else { "全劳力" }, i * 37, i % 5 * 300));
        if i % 3 == 1 {
            csv.push_str(&format!("H{i:04},成员{i},配偶,1961-05-01,弱劳力,,,\n"));
        }
    }
    // A household whose rows are not adjacent, and one with a bad cell.
    csv.push_str("H0007,成员7b,子女,2010-02-03,无劳力,,,\nH9999,户主X,户主,1960-13-01,全劳力,一般农户,100,0\n");
    let sheet = read_file(csv.as_bytes(), "t.csv").unwrap();
    let one = evaluate(sheet.clone(), opts("2024-06-30"));
    let s = Session::new(sheet.headers, sheet.rows, opts("2024-06-30")).unwrap();
    let n = s.household_count();
    assert_eq!(n, one.households.len());
    for cuts in [vec![0, n], vec![0, 1, n], vec![0, 123, 123, 400, n], vec![0, n / 3, 2 * n / 3, n]] {
        let mut rows = Vec::new();
        let mut summary: Option<jingning_policy::batch::Summary> = None;
        let mut rows_done = 0;
        for w in cuts.windows(2) {
            let (h, part, r) = s.evaluate_range(w[0], w[1]);
            rows.extend(h);
            rows_done += r;
            match &mut summary {
                None => summary = Some(part),
                Some(acc) => acc.merge(part),
            }
        }
        assert_eq!(rows, one.households, "cuts {cuts:?}");
        assert_eq!(summary.as_ref(), Some(&one.summary), "cuts {cuts:?}");
        assert_eq!(rows_done, one.rows.iter().filter(|r| !r.is_empty()).count(), "cuts {cuts:?}");
    }
    assert!(one.households.iter().any(|h| !h.ok), "the bad date makes one household an error");
    // A range past the end is cut at the end.
    assert_eq!(s.evaluate_range(n - 1, n + 10).0.len(), 1);
}

#[test]
fn a_broken_csv_line_stops_a_threaded_run_with_the_same_error() {
    // A GBK row after a full chunk of households: the reader fails there, after work was sent.
    let mut csv = "姓名,与户主关系,出生日期\n".as_bytes().to_vec();
    for i in 0..300 {
        csv.extend_from_slice(format!("甲{i},户主,1960-01-01\n").as_bytes());
    }
    csv.extend_from_slice(b"\xd2\xd2,\xbb\xa7\xd6\xf7,1960-01-01\n");
    let run = |jobs| {
        let (plan, rows, _) = open_csv(std::io::BufReader::new(&csv[..]), opts("2024-06-30")).unwrap();
        drive(&plan, rows, jobs, |_, _| Ok(())).map(|s| s.households)
    };
    let (one, two) = (run(1).unwrap_err(), run(2).unwrap_err());
    assert_eq!(format!("{one:?}"), format!("{two:?}"));
    assert!(format!("{two:?}").contains("UTF-8"), "{two:?}");
    let header_only = "姓名,与户主关系,出生日期\n";
    let (plan, rows, _) = open_csv(std::io::BufReader::new(header_only.as_bytes()), opts("2024-06-30")).unwrap();
    let err = drive(&plan, rows, 2, |_, _| Ok(())).unwrap_err();
    assert!(format!("{err:?}").contains("没有数据行"));
}

#[test]
fn a_household_without_head_rows_is_cut_and_flagged_not_grown_without_bound() {
    let mut csv = String::from("姓名,与户主关系,出生日期\n");
    for i in 0..70 {
        csv.push_str(&format!("成员{i},子女,2000-01-01\n"));
    }
    let s = evaluate(read_file(csv.as_bytes(), "x.csv").unwrap(), opts("2024-06-30"));
    assert!(s.households.iter().all(|h| h.members <= 31 && !h.ok));
    assert_eq!(s.households.iter().map(|h| h.members).sum::<usize>(), 70);
}

#[test]
fn a_village_sheet_is_scored_ranked_and_a_bad_cell_stops_only_its_village() {
    use jingning_policy::batch::village;
    use jingning_policy::village::input::VillageOptions;
    let sheet = read_file(include_bytes!("batch/villages.csv"), "villages.csv").unwrap();
    assert_eq!(sheet.header_row, 2);
    let b = village::evaluate(&sheet.headers, &sheet.rows, &VillageOptions::default()).unwrap();
    assert_eq!(b.unmapped, ["备注"]);
    let ranking = b.ranking.as_ref().unwrap();
    assert_eq!(ranking.count, 3);
    // 城川村 meets more targets than 南坪村; 高家岔村 is vetoed (规模性返贫) and ranks last.
    let rank_of = |name: &str| ranking.rows.iter().find(|r| r.village_name == name).unwrap().rank;
    assert!(rank_of("城川村") < rank_of("南坪村"));
    assert_eq!(rank_of("高家岔村"), 3);
    assert!(b.results[2][3].starts_with("发生规模性返贫"), "{}", b.results[2][3]);
    // 李店村's 「九十」 is reported at its row and column; the other villages are unaffected.
    assert_eq!(b.errors.len(), 1, "{:?}", b.errors);
    assert_eq!((b.errors[0].row, b.errors[0].column.as_str()), (6, "无害化卫生户厕普及率"));
    assert!(b.results[3][0].is_empty() && !b.results[3][6].is_empty());
}

// ---- Sheets other than the first -------------------------------------------------------------

/// A workbook as townships keep them: a 说明 sheet first, the 台账, then a 汇总 sheet.
fn workbook_with_notes_first() -> Vec<u8> {
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet().set_name("说明").unwrap();
    notes.write_string(0, 0, "本表为城川镇2024年农户台账，由各村填报").unwrap();
    notes.write_string(1, 0, "填表人：张三").unwrap();
    let ledger = wb.add_worksheet().set_name("台账").unwrap();
    for (r, line) in TOWNSHIP.lines().enumerate() {
        for (c, v) in line.split(',').enumerate() {
            if !v.is_empty() && !v.contains('"') {
                ledger.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    let totals = wb.add_worksheet().set_name("汇总").unwrap();
    totals.write_string(0, 0, "村").unwrap();
    totals.write_string(0, 1, "户数").unwrap();
    totals.write_string(1, 0, "城川村").unwrap();
    totals.write_number(1, 1, 2).unwrap();
    wb.save_to_buffer().unwrap()
}

fn pick(sheet: Option<&str>, kind: Option<SheetKind>) -> Pick<'static> {
    Pick { sheet: sheet.map(str::to_string), kind, system: None }
}

#[test]
fn a_workbook_is_read_from_its_first_recognisable_sheet_and_names_the_others() {
    let bytes = workbook_with_notes_first();
    let sheet = read_file(&bytes, "台账.xlsx").unwrap();
    assert_eq!(sheet.sheet_name.as_deref(), Some("台账"));
    assert_eq!(sheet.sheet_names, ["说明", "台账", "汇总"]);
    assert_eq!(sheet.kind, Some(SheetKind::Household));
    assert!(sheet.notes[0].contains("读取的是工作表「台账」；其他工作表：说明、汇总"), "{:?}", sheet.notes);
    assert!(sheet.notes.iter().any(|n| n == "已跳过工作表「说明」（没有可识别的表头）"), "{:?}", sheet.notes);
    let s = evaluate(sheet, opts("2024-06-30"));
    assert_eq!(s.households.len(), 3);

    // Chosen by name or by number; a sheet that is not a 台账 says what it found.
    let totals = read_file_pick(&bytes, "台账.xlsx", &pick(Some("3"), None)).unwrap();
    assert_eq!(totals.sheet_name.as_deref(), Some("汇总"));
    let err = Session::new(totals.headers, totals.rows, opts("2024-06-30")).err().unwrap();
    assert!(err.describe().contains("读到的表头：村、户数"), "{}", err.describe());
    assert_eq!(read_file_pick(&bytes, "x.xlsx", &pick(Some(" 说明 "), None)).unwrap().sheet_name.as_deref(), Some("说明"));

    // An unknown sheet is an error listing the sheets there are.
    let err = read_file_pick(&bytes, "x.xlsx", &pick(Some("花名册"), None)).err().unwrap().describe();
    assert!(err.contains("没有名为「花名册」的工作表") && err.contains("1.「说明」、2.「台账」、3.「汇总」"), "{err}");
    let err = read_file_pick(&bytes, "x.xlsx", &pick(Some("4"), None)).err().unwrap().describe();
    assert!(err.contains("没有名为「4」的工作表"), "{err}");
    // A CSV has one sheet.
    let err = read_file_pick(TOWNSHIP.as_bytes(), "t.csv", &pick(Some("台账"), None)).err().unwrap().describe();
    assert!(err.contains("CSV 文件只有一个表"), "{err}");
}

/// A workbook holding both a township's 台账 and its village indicator sheet.
fn workbook_with_both_kinds() -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, text) in [("农户", TOWNSHIP), ("村级指标", include_str!("batch/villages.csv"))] {
        let ws = wb.add_worksheet().set_name(name).unwrap();
        for (r, line) in text.lines().enumerate() {
            for (c, v) in line.split(',').enumerate() {
                if !v.is_empty() && !v.contains('"') {
                    ws.write_string(r as u32, c as u16, v).unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_village_sheet_is_told_from_a_household_sheet_by_its_headers() {
    assert_eq!(read_file(TOWNSHIP.as_bytes(), "t.csv").unwrap().kind, Some(SheetKind::Household));
    assert_eq!(read_file(include_bytes!("batch/villages.csv"), "v.csv").unwrap().kind, Some(SheetKind::Village));
    assert_eq!(read_file("编号,金额\n1,2\n".as_bytes(), "o.csv").unwrap().kind, None);
    let both = workbook_with_both_kinds();
    assert_eq!(read_file(&both, "b.xlsx").unwrap().sheet_name.as_deref(), Some("农户"));
    let v = read_file_pick(&both, "b.xlsx", &pick(None, Some(SheetKind::Village))).unwrap();
    assert_eq!((v.sheet_name.as_deref(), v.kind, v.header_row), (Some("村级指标"), Some(SheetKind::Village), 2));
    assert!(v.notes.iter().any(|n| n == "已跳过工作表「农户」（是农户台账）"), "{:?}", v.notes);
}

// ---- Rows of one household that are not adjacent --------------------------------------------

const SCATTERED: &str = "户编号,所在村,姓名,与户主关系,出生日期,劳动能力,工资性收入\n\
A,甲村,张三,户主,1970-01-01,全劳力,12000\n\
B,甲村,李四,户主,1960-01-01,全劳力,3000\n\
A,,王五,配偶,1971-01-01,半劳力,\n\
,,张小,子女,2000-01-01,全劳力,\n";

#[test]
fn rows_of_one_household_join_by_household_number_across_a_whole_sheet() {
    let sheet = read_file(SCATTERED.as_bytes(), "s.csv").unwrap();
    let (s, pre) = evaluate_with_preamble(sheet, opts("2024-06-30"));
    // First-appearance order; A has its rows 2, 4 and (blank 户编号, continuing row 4) 5.
    let keys: Vec<(Option<&str>, usize, usize)> = s.households.iter().map(|h| (h.key.as_deref(), h.first_row, h.members)).collect();
    assert_eq!(keys, [(Some("A"), 2, 3), (Some("B"), 3, 1)]);
    assert!(s.households.iter().all(|h| h.ok), "{:?}", s.households);
    assert_eq!(column(&s, &s.households[0], "人均纯收入（元）"), "4000");
    assert_eq!(s.notes, ["1 户的成员行不相邻，已按户编号合并为一户（结果中“行”为该户第一行）"]);
    // Each row carries its own household's results; re-reading the export gives the same.
    let csv = write::csv_bytes_by(&s.plan, &pre, &s.rows, &s.households, &s.owners()).unwrap();
    let text = String::from_utf8(csv.clone()).unwrap();
    let line4: Vec<&str> = text.lines().nth(3).unwrap().split(',').collect();
    assert_eq!(line4[2], "王五");
    assert!(text.lines().nth(3).unwrap().contains(",4000,"), "{text}");
    let xlsx = write::xlsx_by(&s.plan, &pre, &s.rows, &s.households, &s.owners(), &s.summary).unwrap();
    for (out, name) in [(csv, "r.csv"), (xlsx, "r.xlsx")] {
        let again = evaluate(read_file(&out, name).unwrap(), opts("2024-06-30"));
        assert_eq!(values(&again), values(&s), "{name}");
    }
}

#[test]
fn streaming_a_csv_flags_a_household_number_met_again_after_its_household_closed() {
    let (plan, rows, _) = open_csv(std::io::BufReader::new(SCATTERED.as_bytes()), opts("2024-06-30")).unwrap();
    let mut streamed = Vec::new();
    drive(&plan, rows, 1, |_, h| {
        streamed.push(h.clone());
        Ok(())
    })
    .unwrap();
    assert_eq!(streamed.len(), 3);
    assert!(streamed[0].ok && streamed[1].ok);
    let again = &streamed[2];
    assert!(!again.ok);
    // Every row of the reappearing household gets the message.
    let rows: Vec<usize> = again.errors.iter().map(|e| e.row).collect();
    assert_eq!(rows, [4, 5]);
    assert_eq!(again.errors[0].column, "户编号");
    assert!(
        again.errors[0].message.contains("户编号「A」在第 2 行起的户之后再次出现") && again.errors[0].message.contains("请先按户编号排序"),
        "{}",
        again.errors[0].message
    );
}

// ---- Village sheets ---------------------------------------------------------------------------

#[test]
fn a_village_sheet_exports_and_reads_back_to_the_same_results() {
    use jingning_policy::batch::village;
    use jingning_policy::village::input::VillageOptions;
    let o = VillageOptions::default();
    let sheet = read_file(include_bytes!("batch/villages.csv"), "v.csv").unwrap();
    let b = village::evaluate(&sheet.headers, &sheet.rows, &o).unwrap();
    let rows: Vec<(Option<u32>, Option<String>, bool)> = b.villages.iter().map(|v| (v.rank, v.total.clone(), v.ok)).collect();
    assert_eq!(b.villages.len(), 4);
    let chengchuan = &b.villages[0];
    assert_eq!((chengchuan.name.as_deref(), chengchuan.rank), (Some("城川村"), Some(1)));
    // Its few values all meet their targets: nothing to regain, but 10 of 100 weight assessed
    // is too little for a grade (the rest is "not assessed", never a silent zero).
    assert!(chengchuan.shortfalls.is_empty());
    assert_eq!(chengchuan.grade.as_deref(), Some("未定级"));
    assert_eq!(b.villages[1].shortfalls.len(), 3, "南坪村 misses several targets: the first three are shown");
    assert_eq!(b.villages[2].vetoes[0], "发生规模性返贫");
    for xlsx in [false, true] {
        let out = write::table(&sheet.headers, &sheet.preamble, &sheet.rows, &b.result_headers, &b.results, xlsx).unwrap();
        let again_sheet = read_file(&out, if xlsx { "r.xlsx" } else { "r.csv" }).unwrap();
        assert_eq!(again_sheet.kind, Some(SheetKind::Village));
        let again = village::evaluate(&again_sheet.headers, &again_sheet.rows, &o).unwrap();
        assert_eq!(again.unmapped, ["备注"], "the 【考核】 columns are results, not unknown columns");
        let again_rows: Vec<(Option<u32>, Option<String>, bool)> = again.villages.iter().map(|v| (v.rank, v.total.clone(), v.ok)).collect();
        assert_eq!(again_rows, rows, "xlsx = {xlsx}");
        assert_eq!(again.results, b.results);
    }
}

#[test]
fn a_repeated_village_number_is_an_error_of_the_later_row() {
    use jingning_policy::batch::village;
    let csv = "村庄编号,村名,无害化卫生户厕普及率\n1,甲村,90\n1,乙村,80\n2,丙村,70\n";
    let sheet = read_file(csv.as_bytes(), "v.csv").unwrap();
    let b = village::evaluate(&sheet.headers, &sheet.rows, &Default::default()).unwrap();
    assert_eq!(b.ranking.as_ref().unwrap().count, 2);
    assert_eq!(b.errors.len(), 1);
    assert_eq!((b.errors[0].row, b.errors[0].column.as_str()), (3, "村庄编号"));
    assert!(b.errors[0].message.contains("与第 2 行重复"), "{}", b.errors[0].message);
}

#[test]
fn the_village_template_has_every_indicator_and_reads_back_as_header_only() {
    use jingning_policy::batch::village;
    use jingning_policy::village::system::IndicatorSystem;
    let system = IndicatorSystem::builtin().unwrap();
    let t = write::village_template(system).unwrap();
    let sheet = read_file(&t, "村级指标表模板.xlsx").unwrap();
    assert_eq!(sheet.sheet_name.as_deref(), Some("村级指标"));
    assert_eq!(sheet.sheet_names, ["村级指标", "填写说明"]);
    assert_eq!(sheet.kind, Some(SheetKind::Village));
    let cols = village::map_columns(&sheet.headers, system);
    // Village-level indicators only (county statistics are not asked per village), plus one
    // 全县平均 column per indicator compared with the county average.
    assert_eq!(cols.indicators(), village::template_indicators(system).count());
    assert_eq!(cols.mapped.len(), sheet.headers.len());
    assert!(sheet.headers.iter().any(|h| h.starts_with(village::AVERAGE_PREFIX)));
    assert!(cols.unmapped.is_empty(), "{:?}", cols.unmapped);
    let err = village::evaluate(&sheet.headers, &sheet.rows, &Default::default()).err().unwrap();
    assert!(err.describe().contains("只有表头"), "{}", err.describe());
}

#[test]
fn a_sheet_records_checked_no_risk_in_the_risk_column() {
    // The same 脱贫户 at ¥7,000, under the 2024 line: with 返贫致贫风险 left blank monitoring waits
    // for the check and asks for the risk; with 已核实无风险 it decides (not a 监测对象); written
    // beside a risk kind it is an error placed at that cell.
    let head = "户编号,姓名,与户主关系,出生日期,核查日期,劳动能力,是否残疾,患重病,患慢性病,医疗自付费用,农户类型,低保户,特困供养户,监测对象,工资性收入（元）,上年度家庭总收入,上年度家庭纯收入,教育支出,残疾康复支出,自然灾害损失,意外事故损失,返贫致贫风险\n";
    let row = |id: &str, risk: &str| format!("{id},赵六,户主,1980-01-01,2024-06-30,全劳力,否,否,否,0,脱贫户,否,否,否,7000,7000,7000,0,0,0,0,{risk}\n");
    let sheet = format!("{head}{}{}{}", row("H1", ""), row("H2", "已核实无风险"), row("H3", "已核实无风险、因病"));
    let s = evaluate(read_file(sheet.as_bytes(), "t.csv").unwrap(), opts("2024-06-30"));
    let [blank, checked, both] = [&s.households[0], &s.households[1], &s.households[2]];
    assert!(column(&s, blank, "防止返贫监测对象识别").starts_with("需补充"), "{}", column(&s, blank, "防止返贫监测对象识别"));
    assert!(column(&s, blank, "缺少信息").contains("返贫致贫风险"), "{}", column(&s, blank, "缺少信息"));
    assert!(column(&s, checked, "防止返贫监测对象识别").starts_with("不符合"), "{}", column(&s, checked, "防止返贫监测对象识别"));
    assert!(!column(&s, checked, "缺少信息").contains("返贫致贫风险"), "{}", column(&s, checked, "缺少信息"));
    assert!(!both.ok);
    assert_eq!(both.errors[0].column, "返贫致贫风险");
    assert!(both.errors[0].message.contains("不能同时选风险类型"), "{}", both.errors[0].message);
}

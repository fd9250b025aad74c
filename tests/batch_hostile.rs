//! Spreadsheets that once crashed the reader, used memory without bound or were read silently
//! wrong (issue 15). Each file gives a Chinese message or a row error, never a panic, and an
//! export keeps every original cell. Workbooks in tests/batch/hostile/ are written by
//! scripts/gen-hostile-xlsx.py.
#![cfg(all(not(target_arch = "wasm32"), feature = "sheet"))]

use jingning_policy::batch::read::read_file;
use jingning_policy::batch::stream::{drive, open_csv};
use jingning_policy::batch::{write, BatchOptions, Session};

fn opts() -> BatchOptions {
    BatchOptions::from_text(r#"{"assessment_date":"2024-06-30"}"#).unwrap()
}

fn refused(bytes: &[u8], name: &str) -> String {
    match read_file(bytes, name) {
        Ok(_) => panic!("{name} should be refused"),
        Err(f) => f.describe(),
    }
}

fn session(bytes: &[u8], name: &str) -> (Session, Vec<jingning_policy::batch::Row>) {
    let sheet = read_file(bytes, name).unwrap();
    let mut s = Session::new(sheet.headers, sheet.rows, opts()).unwrap();
    s.run();
    (s, sheet.preamble)
}

const HEADER: &str = "户编号,所在村,姓名,与户主关系,出生日期,劳动能力,工资性收入";

#[test]
fn a_shared_string_index_past_the_table_is_a_broken_file_not_a_panic() {
    let m = refused(include_bytes!("batch/hostile/shared-string-past-table.xlsx"), "台账.xlsx");
    assert!(m.contains("已损坏") && m.contains("shared strings"), "{m}");
}

#[test]
fn a_part_bigger_than_its_directory_says_is_not_inflated() {
    // 8 MB of sheet declared as 64 KB: inflating stops where the directory said it ends.
    let m = refused(include_bytes!("batch/hostile/underdeclared.xlsx"), "台账.xlsx");
    assert!(m.contains("xl/worksheets/sheet1.xml") && m.contains("与目录中声明的不符"), "{m}");
}

#[test]
fn a_formula_saved_without_its_result_is_an_error_of_its_cell_not_an_empty_cell() {
    let (s, preamble) = session(include_bytes!("batch/hostile/formula-no-value.xlsx"), "台账.xlsx");
    let h = &s.households[0];
    assert!(!h.ok);
    assert_eq!((h.errors[0].row, h.errors[0].column.as_str()), (2, "工资性收入"));
    assert!(h.errors[0].message.contains("是公式 =SUM(1000,2000)，但文件中没有保存计算结果"), "{}", h.errors[0].message);
    // The export writes it back as the formula it is.
    let csv = String::from_utf8(write::csv_bytes_by(&s.plan, &preamble, &s.rows, &s.households, &s.owners()).unwrap()).unwrap();
    assert!(csv.contains("=SUM(1000,2000)"), "{csv}");
}

#[test]
fn an_unclosed_quote_names_its_row_instead_of_swallowing_the_file() {
    let mut text = format!("{HEADER}\nA,甲村,\"张三,户主,1970-01-01,全劳力,1000\n");
    for i in 0..50 {
        text.push_str(&format!("B{i},甲村,李四,户主,1970-01-01,全劳力,2000\n"));
    }
    let m = refused(text.as_bytes(), "台账.csv");
    assert!(m.contains("第 2 行有一个引号（\"）没有配对：其后 51 行都被读进了同一个单元格"), "{m}");
    // Streamed by the command line: the same message.
    let err = open_csv(text.as_bytes(), opts()).and_then(|(plan, rows, _)| drive(&plan, rows, 1, |_, _| Ok(()))).err().unwrap();
    assert!(err.describe().contains("引号"), "{}", err.describe());
    // A real multi-line cell (an address typed with Alt+Enter) is still a cell.
    let fine = format!("{HEADER}\nA,\"甲村\n三组\",张三,户主,1970-01-01,全劳力,1000\n");
    assert!(read_file(fine.as_bytes(), "台账.csv").is_ok());
}

#[test]
fn cells_right_of_the_last_header_and_past_column_256_are_kept_in_exports() {
    let mut row = "A,甲村,张三,户主,1970-01-01,全劳力,1000".to_string();
    row.push_str(&",".repeat(300));
    row.push_str("第308列");
    let text = format!("{HEADER}\n{row}\nB,甲村,李四,户主,1970-01-01,全劳力,2000,备注\n");
    let sheet = read_file(text.as_bytes(), "台账.csv").unwrap();
    assert!(sheet.notes.iter().any(|n| n.contains("第 2 行等在表头最后一列（第 7 列）右边还有内容")), "{:?}", sheet.notes);
    let (s, preamble) = session(text.as_bytes(), "台账.csv");
    let csv = String::from_utf8(write::csv_bytes_by(&s.plan, &preamble, &s.rows, &s.households, &s.owners()).unwrap()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[1].ends_with(",第308列"), "{}", lines[1]);
    assert!(lines[2].ends_with(",备注"), "{}", lines[2]);
    let n = s.plan.result_headers().len();
    // After the 7 original columns and the result columns, where they are in every export.
    let fields: Vec<&str> = lines[2].split(',').collect();
    assert_eq!(fields.len(), 7 + n + 1, "{}", lines[2]);

    let xlsx = write::xlsx_by(&s.plan, &preamble, &s.rows, &s.households, &s.owners(), &s.summary).unwrap();
    let back = read_file(&xlsx, "结果.xlsx").unwrap();
    let last = back.rows.iter().find(|r| r.number == 2).unwrap();
    assert_eq!(last.cells.last().unwrap().display(), "第308列");
    assert_eq!(back.rows.iter().find(|r| r.number == 3).unwrap().cells.last().unwrap().display(), "备注");
}

#[test]
fn a_csv_wider_than_excel_is_refused_by_name() {
    let text = format!("{HEADER}\nA,甲村,张三{}\n", ",x".repeat(20_000));
    let m = refused(text.as_bytes(), "台账.csv");
    assert!(m.contains("第 2 行有 20003 列，超过 16384 列的上限"), "{m}");
}

#[test]
fn a_merged_range_written_end_first_is_a_broken_file_not_a_panic() {
    // calamine subtracts start from end and overflows.
    let m = refused(include_bytes!("batch/hostile/merge-backwards.xlsx"), "台账.xlsx");
    assert!(m.contains("区域 A3:A2 的起点在终点之后"), "{m}");
}

#[test]
fn many_small_parts_that_inflate_past_the_ratio_are_stopped_by_bytes_counted() {
    use std::io::Write;
    // A real workbook, then 20 extra parts of 1 MB of zeros each: no part declares more than 1 MB
    // (the directory check lets each pass) but together they inflate to ~1000 times their size.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in HEADER.split(',').enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
        ws.write_string(1, c as u16, ["A", "甲村", "张三", "户主", "1970-01-01", "全劳力", "1000"][c]).unwrap();
    }
    let book = wb.save_to_buffer().unwrap();
    assert!(read_file(&book, "台账.xlsx").is_ok());
    let mut zip = zip::ZipWriter::new_append(std::io::Cursor::new(book)).unwrap();
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..20 {
        zip.start_file(format!("xl/media/zeros{i}.bin"), opts).unwrap();
        zip.write_all(&vec![0u8; 1024 * 1024]).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    let m = refused(&bomb, "台账.xlsx");
    assert!(m.contains("解压后超过压缩大小的 200 倍") && m.contains("疑似“压缩炸弹”"), "{m}");
}

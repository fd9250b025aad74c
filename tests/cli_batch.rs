//! `jingning batch`, `batch-villages` and `batch-template` on files as townships keep them:
//! workbooks with several sheets (`--sheet`), households whose rows are not adjacent, village
//! indicator sheets and their template.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn jingning(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jingning")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("jingning-cli-batch-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// An xlsx with the given sheets, each from CSV text (plain fields only).
fn workbook(path: &Path, sheets: &[(&str, &str)]) {
    let mut wb = Workbook::new();
    for (name, text) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        for (r, line) in text.lines().enumerate() {
            for (c, v) in line.split(',').enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, v).unwrap();
                }
            }
        }
    }
    wb.save(path).unwrap();
}

const LEDGER: &str = "户编号,所在村,姓名,与户主关系,出生日期,劳动能力,工资性收入\n\
A,甲村,张三,户主,1970-01-01,全劳力,12000\n\
B,甲村,李四,户主,1960-01-01,全劳力,3000\n\
A,,王五,配偶,1971-01-01,半劳力,\n";

const VILLAGES: &str = "村庄编号,村名,无害化卫生户厕普及率,村社亮化全覆盖\n1,甲村,90,是\n2,乙村,60,否\n";

#[test]
fn batch_reads_the_first_household_sheet_or_the_one_named_and_joins_scattered_rows() {
    let d = dir("sheets");
    let book = d.join("台账.xlsx");
    workbook(&book, &[("说明", "本表由各村填报"), ("台账", LEDGER), ("村级", VILLAGES)]);
    let book = book.to_str().unwrap();
    let r = json(&jingning(&["batch", book, "--date", "2024-06-30"]));
    let notes = r["notes"].to_string();
    assert!(notes.contains("读取的是工作表「台账」；其他工作表：说明、村级"), "{notes}");
    assert!(notes.contains("1 户的成员行不相邻，已按户编号合并为一户"), "{notes}");
    assert_eq!(r["summary"]["households"], 2);
    assert_eq!(r["summary"]["evaluated"], 2);

    // The export keeps the sheet's row order; 王五's row carries household A's results.
    let out = d.join("结果.csv");
    json(&jingning(&["batch", book, "--sheet", "2", "--date", "2024-06-30", "--out", out.to_str().unwrap()]));
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[3].starts_with("A,,王五") && lines[3].contains(",6000,"), "{text}");

    let bad = jingning(&["batch", book, "--sheet", "花名册", "--date", "2024-06-30"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("没有名为「花名册」的工作表") && err.contains("2.「台账」"), "{err}");
}

#[test]
fn streaming_a_csv_whose_household_number_comes_back_asks_to_sort_it() {
    let d = dir("stream");
    let csv = d.join("乱序.csv");
    std::fs::write(&csv, LEDGER).unwrap();
    let r = json(&jingning(&["batch", csv.to_str().unwrap(), "--date", "2024-06-30"]));
    assert_eq!(r["summary"]["households"], 3);
    assert_eq!(r["summary"]["with_errors"], 1);
    let errors = r["errors"].to_string();
    assert!(errors.contains("第 4 行") && errors.contains("请先按户编号排序"), "{errors}");
}

#[test]
fn batch_villages_finds_the_village_sheet_and_the_template_reads_back() {
    let d = dir("villages");
    let book = d.join("乡镇.xlsx");
    workbook(&book, &[("台账", LEDGER), ("村级", VILLAGES)]);
    let out = d.join("考核结果.xlsx");
    let r = json(&jingning(&["batch-villages", book.to_str().unwrap(), "--out", out.to_str().unwrap()]));
    assert_eq!(r["sheet_name"], "村级");
    assert_eq!(r["ranking"]["count"], 2);
    assert_eq!(r["villages"][0]["name"], "甲村");
    assert_eq!(r["villages"][0]["rank"], 1);
    // The result file reads back to the same ranking.
    let again = json(&jingning(&["batch-villages", out.to_str().unwrap()]));
    assert_eq!(again["results"], r["results"]);

    let template = d.join("村级指标表模板.xlsx");
    let msg = jingning(&["batch-template", "--villages", template.to_str().unwrap()]);
    assert!(msg.status.success());
    let header_only = jingning(&["batch-villages", template.to_str().unwrap()]);
    assert_eq!(header_only.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&header_only.stderr).contains("只有表头"));
}

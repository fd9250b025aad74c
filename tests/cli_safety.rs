//! The command line never destroys a file and never ends in a panic (issue 15): an output that is
//! the input is refused by identity, a failed run leaves no partial result, `--jobs` is bounded,
//! a closed pipe ends the run quietly, a hostile workbook is an error and not a crash.
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn jingning(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jingning")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("jingning-cli-safety-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A ledger of `n` one-member households, large enough that a reader and a writer of the same
/// file would overlap (the first 64 KiB were all that survived).
fn ledger(n: usize) -> String {
    let mut s = String::from("户编号,所在村,姓名,与户主关系,出生日期,劳动能力,工资性收入\n");
    for i in 0..n {
        s.push_str(&format!("H{i:05},甲村,成员{i},户主,1970-01-01,全劳力,{}\n", 3000 + i));
    }
    s
}

#[test]
fn an_output_that_is_the_input_is_refused_and_the_input_kept() {
    let d = dir("same");
    let csv = d.join("台账.csv");
    let text = ledger(3000);
    std::fs::write(&csv, &text).unwrap();
    // Another spelling of the same file: refused by identity, not by name.
    let alias = d.join(".").join("台账.csv");
    let out = jingning(&["batch", csv.to_str().unwrap(), "--date", "2024-06-30", "--out", alias.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("是同一个文件"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), text);

    // A workbook keeps its other sheets: it is not replaced by the result workbook.
    let book = d.join("台账.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, line) in ledger(5).lines().enumerate() {
        for (c, v) in line.split(',').enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    wb.add_worksheet().set_name("说明").unwrap().write_string(0, 0, "不要删掉我").unwrap();
    wb.save(&book).unwrap();
    let before = std::fs::read(&book).unwrap();
    let out = jingning(&["batch", book.to_str().unwrap(), "--date", "2024-06-30", "--out", book.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&book).unwrap(), before);
    let out = jingning(&["batch-villages", book.to_str().unwrap(), "--out", book.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&book).unwrap(), before);
}

#[test]
fn a_run_that_fails_half_way_leaves_no_partial_result() {
    let d = dir("partial");
    let csv = d.join("台账.csv");
    // Row 2,001 is not UTF-8: the stream stops there, after the first rows were written.
    let mut bytes = ledger(2000).into_bytes();
    bytes.extend_from_slice(b"H99999,\xD5\xC5\xC8\xFD,x,\xBB\xA7\xD6\xF7,1970-01-01,,\n");
    std::fs::write(&csv, bytes).unwrap();
    for name in ["结果.csv", "结果.xlsx"] {
        let target = d.join(name);
        let out = jingning(&["batch", csv.to_str().unwrap(), "--date", "2024-06-30", "--jobs", "2", "--out", target.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("非 UTF-8") && stderr(&out).contains("未写出"), "{}", stderr(&out));
        assert!(!target.exists(), "{name} was left behind");
    }
    // An existing result stays as it was, and no temporary file remains.
    let target = d.join("结果.csv");
    std::fs::write(&target, "上次的结果").unwrap();
    let out = jingning(&["batch", csv.to_str().unwrap(), "--date", "2024-06-30", "--out", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("原有的同名文件未改动"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "上次的结果");
    let mut left: Vec<String> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["台账.csv", "结果.csv"]);
}

#[test]
fn jobs_is_bounded_with_a_chinese_message() {
    let d = dir("jobs");
    let csv = d.join("台账.csv");
    std::fs::write(&csv, ledger(10)).unwrap();
    let out = jingning(&["batch", csv.to_str().unwrap(), "--date", "2024-06-30", "--jobs", "100000"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--jobs 应为 1 到 256 之间的整数"), "{}", stderr(&out));
    let out = jingning(&["batch", csv.to_str().unwrap(), "--date", "2024-06-30", "--jobs", "256"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jingning"))
        .args(["indicator-system"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -0`: the reader is gone before anything is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?} {}", out.status, stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_closed_pipe_on_stdin_input_is_not_a_panic_either() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jingning"))
        .args(["household", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read("examples/household-5.json").unwrap()).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?} {}", out.status, stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn a_workbook_that_panicked_calamine_is_a_chinese_error() {
    let out = jingning(&["batch", "tests/batch/hostile/shared-string-past-table.xlsx", "--date", "2024-06-30"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("已损坏") && !stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn a_streamed_csv_keeps_cells_right_of_its_last_header() {
    let d = dir("beyond");
    let csv = d.join("台账.csv");
    let mut text = ledger(100);
    text.push_str("Z,甲村,王五,户主,1970-01-01,全劳力,3000,手写备注\n");
    std::fs::write(&csv, text).unwrap();
    let target = d.join("结果.csv");
    let out = jingning(&["batch", csv.to_str().unwrap(), "--date", "2024-06-30", "--out", target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("第 102 行等在表头最后一列（第 7 列）右边还有内容"), "{report}");
    let result = std::fs::read_to_string(&target).unwrap();
    assert!(result.lines().last().unwrap().ends_with(",手写备注"), "{result}");
}

#[test]
fn release_builds_unwind_so_the_command_line_can_catch_a_panic() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let release = manifest.split("[profile.release]").nth(1).unwrap().split("\n[").next().unwrap();
    assert!(release.lines().any(|l| l.trim() == "panic = \"unwind\""), "{release}");
}

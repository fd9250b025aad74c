//! Builds a workbook of several sheets from CSV files, every record (title rows too) as read, for
//! test fixtures such as tests/batch/township-workbook.xlsx:
//! `cargo run --example csv_to_workbook -- OUT.xlsx 说明=tests/batch/notes.csv 台账=tests/batch/scattered.csv …`
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((output, sheets)) = args.split_first() else { return Err("usage: csv_to_workbook OUT.xlsx NAME=IN.csv …".into()) };
    let mut wb = Workbook::new();
    for spec in sheets {
        let (name, path) = spec.split_once('=').ok_or("each sheet is NAME=IN.csv")?;
        let ws = wb.add_worksheet().set_name(name)?;
        let text = std::fs::read_to_string(path)?;
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        for (r, record) in reader.records().enumerate() {
            for (c, v) in record?.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, v)?;
                }
            }
        }
    }
    wb.save(output)?;
    Ok(())
}

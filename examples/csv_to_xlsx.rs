//! Converts a CSV sheet to a plain xlsx (text cells as text, numbers stored as text kept as text),
//! for the browser benchmark of opening an xlsx: `cargo run --release --example csv_to_xlsx -- IN.csv OUT.xlsx`.
use jingning_policy::batch::cell::Cell;
use jingning_policy::batch::read::read_csv;
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match args.as_slice() {
        [_, i, o] => (i, o),
        _ => return Err("usage: csv_to_xlsx IN.csv OUT.xlsx".into()),
    };
    let sheet = read_csv(&std::fs::read(input)?).map_err(|f| f.describe())?;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string(0, c as u16, h)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if let Cell::Text(s) = cell {
                match s.parse::<f64>() {
                    Ok(x) if !s.starts_with('0') || s == "0" => ws.write_number(r as u32 + 1, c as u16, x)?,
                    _ => ws.write_string(r as u32 + 1, c as u16, s.as_str())?,
                };
            }
        }
    }
    wb.save(output)?;
    Ok(())
}

//! The ceiling the batch CSV path cannot pass on this machine: the `csv` crate reading a ledger
//! and writing it back with sixteen decision columns per row, and no evaluation at all. A batch
//! run does this and also decodes, evaluates and formats every household, so the figure bounds
//! `jingning batch` from above (docs/batch.md). Run:
//! `python3 scripts/gen-batch-csv.py 1000000 > /tmp/b1m.csv`
//! `CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo run --release --example csv_roofline -- /tmp/b1m.csv /tmp/roof-out.csv`
//! (pin to one core with `taskset -c 0` for the one-core figure). `OUT` = `-` reads only: the
//! ceiling of the page's path, which reads a file into a results table and writes no CSV.
use std::io::{BufWriter, Write};
use std::time::Instant;

/// As many columns as `jingning batch` adds, with texts of typical length.
const DECISIONS: [&str; 16] = [
    "已核查（信息不全）",
    "符合：边缘易致贫户",
    "不符合",
    "符合（¥583.33 元/月）",
    "不符合",
    "不符合",
    "无法判断",
    "不符合",
    "无法判断",
    "符合：重点对象（优先）",
    "不符合",
    "不符合",
    "符合：开发帮扶型",
    "3750",
    "3250",
    "",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match args.as_slice() {
        [_, i, o] => (i, o),
        _ => return Err("usage: csv_roofline IN.csv OUT.csv".into()),
    };
    let start = Instant::now();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(input)?));
    let sink: Box<dyn Write> = if output == "-" { Box::new(std::io::sink()) } else { Box::new(std::fs::File::create(output)?) };
    let write = output != "-";
    let mut writer = csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, sink));
    let mut header = reader.byte_headers()?.clone();
    for d in DECISIONS {
        header.push_field(d.as_bytes());
    }
    writer.write_byte_record(&header)?;
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut households) = (0u64, 0u64);
    let mut last_key: Vec<u8> = Vec::new();
    while reader.read_byte_record(&mut record)? {
        rows += 1;
        // Households are the runs of rows with one 户编号 (first column).
        let key = record.get(0).unwrap_or_default();
        if key != last_key.as_slice() {
            households += 1;
            last_key.clear();
            last_key.extend_from_slice(key);
        }
        if write {
            for d in DECISIONS {
                record.push_field(d.as_bytes());
            }
            writer.write_byte_record(&record)?;
        }
    }
    writer.flush()?;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{households} households ({rows} rows) read and written in {secs:.2} s: {:.0} households/s, {:.0} MB/s in",
        households as f64 / secs,
        std::fs::metadata(input)?.len() as f64 / secs / 1e6
    );
    std::io::stdout().flush()?;
    Ok(())
}

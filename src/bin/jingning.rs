//! `jingning`: the rule engine on the command line, for batch work, scripts and checking a case.
//!
//! Every subcommand reads a JSON file (or `-` for standard input) and prints the result as JSON;
//! on bad input it prints every problem with its field path and exits with status 2.

use clap::{Parser, Subcommand};
use jingning_policy::batch::output::{refuse_overwriting_input, AtomicFile};
use jingning_policy::household::dibao_income;
use jingning_policy::village;
use jingning_policy::Failure;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A batch run allocates per household on several threads and frees on another: mimalloc does
/// that about a third faster than the system allocator (docs/batch.md).
#[global_allocator]
static ALLOCATOR: jingning_policy::native_alloc::Allocator = jingning_policy::native_alloc::Allocator;

#[derive(Parser)]
#[command(name = "jingning", version, about = "静宁县有效衔接政策规则引擎（命令行）")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 低保收入速算：人均低保计算收入及是否低于低保标准
    DibaoIncome {
        /// 输入 JSON 文件（- 为标准输入）
        input: PathBuf,
        /// 选项 JSON 文件：{ region?, overrides?, params? }
        #[arg(long)]
        options: Option<PathBuf>,
    },
    /// 村级考核：一个村的总分、维度得分、等级、否决项、三类村庄建议与失分清单
    Village {
        /// 村庄输入 JSON 文件（- 为标准输入），见 docs/village-assessment.md
        input: PathBuf,
        /// 选项 JSON 文件：{ indicator_system?, county_averages? }
        #[arg(long)]
        options: Option<PathBuf>,
    },
    /// 村级排名：多个村（JSON 数组或 {"villages": [...]}）的名次、各维度领先与落后村
    RankVillages {
        /// 村庄列表 JSON 文件（- 为标准输入）
        input: PathBuf,
        /// 选项 JSON 文件：{ indicator_system?, county_averages?, include_assessments? }
        #[arg(long)]
        options: Option<PathBuf>,
    },
    /// 输出内置默认指标体系（JSON，可修改后作为 indicator_system 传入）
    IndicatorSystem,
    /// 输出农户信息字段目录（JSON）：路径、中文名、说明、类型、单位、表格列名、读取它的政策措施
    Fields,
    /// 输出政策措施登记表（JSON）：代码、名称、依据条款、读取的字段、依赖的其他措施
    Measures,
    /// 农户政策核对：一户一案，输出各项政策的判断、依据和差距
    Household {
        /// 农户信息 JSON 文件（格式 jingning.household/1；- 为标准输入）
        case: PathBuf,
        /// 选项 JSON 文件：{ region?, overrides?, params?, detail? }
        #[arg(long)]
        options: Option<PathBuf>,
        /// 结果详略：compact（默认，条款、参数来源等按编号引用 `jingning catalogue`）或 full（全部文字内联）
        #[arg(long, value_parser = ["compact", "full"])]
        detail: Option<String>,
    },
    /// 输出结果所引用的目录（JSON）：文件、条款摘录、内置参数、政策措施、字段、结论名称；精简结果按编号引用它
    Catalogue,
    /// 批量核查：读取乡镇台账（.csv 或 .xlsx，每行一名成员），逐户核查，结果写入 --out
    Batch {
        /// 台账文件（.csv 按行流式读取，内存不随文件增大；.xlsx 整表读取，最大 50 MB）
        file: PathBuf,
        /// 结果文件：.csv 或 .xlsx（原有各列不变，追加【核查】各列）
        #[arg(long)]
        out: Option<PathBuf>,
        /// 选项 JSON 文件：{ assessment_date?, region?, overrides?, params? }
        #[arg(long)]
        options: Option<PathBuf>,
        /// 核查日期 YYYY-MM-DD（表中没有「核查日期」列时使用；优先于选项文件）
        #[arg(long)]
        date: Option<String>,
        /// 对比：用第二份选项文件再核查一遍，列出结论有变化的户
        #[arg(long)]
        compare: Option<PathBuf>,
        /// 对比用的第二个核查日期（如下一年度）
        #[arg(long)]
        compare_date: Option<String>,
        /// .xlsx 中要读取的工作表（名称或序号，从 1 起）；默认为第一个表头可识别的农户工作表
        #[arg(long)]
        sheet: Option<String>,
        /// 并行核查的线程数（.csv 流式读取时）：1 到 256；默认为本机 CPU 核数，1 为单线程
        #[arg(long, value_parser = parse_jobs)]
        jobs: Option<usize>,
    },
    /// 村级考核批量评分：读取乡镇的村级指标表（每行一个村，表头为指标名称），打分、定级、排名；
    /// --households 另读农户台账，按所在村算出监测帮扶、两不愁三保障、控辍保学、应保尽保等指标填入各村
    BatchVillages {
        /// 村级指标表（.csv 或 .xlsx）；只用 --households 时可省略
        file: Option<PathBuf>,
        /// 乡镇农户台账（.csv 或 .xlsx，每行一名成员，须有「所在村」列）：逐户核查后按村汇总
        #[arg(long)]
        households: Option<PathBuf>,
        /// 核查日期 YYYY-MM-DD（台账没有「核查日期」列时用于 --households）
        #[arg(long)]
        date: Option<String>,
        /// 结果文件：.csv 或 .xlsx（原有各列不变，追加【考核】各列）
        #[arg(long)]
        out: Option<PathBuf>,
        /// 选项 JSON 文件：{ indicator_system?, county_averages?, county_statistics? }
        #[arg(long)]
        options: Option<PathBuf>,
        /// .xlsx 中要读取的工作表（名称或序号，从 1 起）；默认为第一个表头可识别的村级指标工作表
        #[arg(long)]
        sheet: Option<String>,
    },
    /// 输出批量核查模板（.xlsx，中文表头和填写说明）：默认为农户台账，--villages 为村级指标表
    BatchTemplate {
        /// 写入的文件
        out: PathBuf,
        /// 输出村级指标表模板（表头为指标体系中的指标名称）
        #[arg(long)]
        villages: bool,
        /// 村级模板用的选项 JSON 文件：{ indicator_system? }（默认内置指标体系）
        #[arg(long)]
        options: Option<PathBuf>,
    },
    /// 输出农户信息各选项字段的代码和中文名（表单下拉框用）
    HouseholdChoices,
    /// 输出某一条款的原文及其所属文件（标题、发文机关、文号、日期、网址），如 "五(十二)"
    Clause {
        /// 条款编号（实施意见，如 "五(十二)"）或摘录段落名（如 "未成年人"）
        id: String,
        /// 所属文件的编号（见 documents 命令，如 mca-2021-43）；默认为实施意见
        #[arg(long)]
        document: Option<String>,
    },
    /// 列出规则引用的全部文件：标题、发文机关、文号、日期、网址，是否只存摘录、是否二手来源
    Documents,
}

/// Most threads `--jobs` may ask for: each holds a few chunks of households, and a number in the
/// thousands once made thread creation fail and the process abort.
const MAX_JOBS: usize = 256;

fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        _ => Err(format!("--jobs 应为 1 到 {MAX_JOBS} 之间的整数（线程数），收到“{s}”")),
    }
}

fn read(path: &PathBuf) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if path.as_os_str() == "-" { std::io::stdin().read_to_string(&mut text).map(|_| text) } else { std::fs::read_to_string(path) };
    result.map_err(|e| Failure::invalid(vec![jingning_policy::FieldError::new("$", format!("无法读取文件 {}：{e}", path.display()))]))
}

fn read_text(path: &PathBuf) -> Result<String, Failure> {
    read(path)
}

/// Village options from a JSON file: `{ indicator_system?, county_averages? }`.
fn village_options(path: &Option<PathBuf>) -> Result<jingning_policy::village::input::VillageOptions, Failure> {
    let text = path.as_ref().map(read_text).transpose()?.unwrap_or_default();
    if text.trim().is_empty() {
        return Ok(Default::default());
    }
    jingning_policy::village::input::VillageOptions::from_json(&jingning_policy::decode::parse_json(&text)?)
}

fn run(cli: Cli) -> Result<String, Failure> {
    match cli.command {
        Command::DibaoIncome { input, options } => {
            let opts = options.as_ref().map(read).transpose()?.unwrap_or_default();
            let result = dibao_income::check_json(&read(&input)?, &opts)?;
            Ok(serde_json::to_string_pretty(&result).expect("result serialises"))
        }
        Command::Village { input, options } => {
            let opts = options.as_ref().map(read).transpose()?.unwrap_or_default();
            let result = village::assess_json(&read(&input)?, &opts)?;
            Ok(serde_json::to_string_pretty(&result).expect("result serialises"))
        }
        Command::RankVillages { input, options } => {
            let opts = options.as_ref().map(read).transpose()?.unwrap_or_default();
            let result = village::rank_json(&read(&input)?, &opts)?;
            Ok(serde_json::to_string_pretty(&result).expect("result serialises"))
        }
        Command::IndicatorSystem => Ok(serde_json::to_string_pretty(village::IndicatorSystem::builtin()?).expect("system serialises")),
        Command::Household { case, options, detail } => {
            use jingning_policy::household::{compact, Detail};
            let text = options.as_ref().map(read).transpose()?.unwrap_or_default();
            let mut opts = if text.trim().is_empty() { serde_json::Value::Null } else { jingning_policy::decode::parse_json(&text)? };
            // The flag wins over the options file's `detail`.
            let in_file = Detail::take_from(&mut opts)?;
            let detail = if detail.is_some() { Detail::parse(detail.as_deref())? } else { in_file };
            let opts = jingning_policy::params::Options::from_json(&opts)?;
            let result = jingning_policy::household::evaluate(&jingning_policy::case::from_json(&read(&case)?)?, &opts)?;
            Ok(match detail {
                Detail::Full => serde_json::to_string_pretty(&result),
                Detail::Compact => serde_json::to_string_pretty(&compact::Compact(&result)),
            }
            .expect("result serialises"))
        }
        Command::Catalogue => Ok(serde_json::to_string_pretty(&jingning_policy::catalogue::catalogue()?).expect("catalogue serialises")),
        Command::Batch { file, out, options, date, compare, compare_date, sheet, jobs } => {
            use jingning_policy::batch::{run, BatchOptions};
            let with_date = |text: &str, date: &Option<String>| -> Result<BatchOptions, Failure> {
                let mut o = BatchOptions::from_text(text)?;
                if let Some(d) = date {
                    o.assessment_date = BatchOptions::from_text(&serde_json::json!({ "assessment_date": d }).to_string())?.assessment_date;
                }
                Ok(o)
            };
            let text = options.as_ref().map(read).transpose()?.unwrap_or_default();
            let first = with_date(&text, &date)?;
            let second = match (&compare, &compare_date) {
                (None, None) => None,
                (c, d) => {
                    let t = c.as_ref().map(read).transpose()?.unwrap_or_else(|| text.clone());
                    let mut o = with_date(&t, &d.clone().or(date.clone()))?;
                    // --compare-date is the comparison: it wins over the sheet's 核查日期 column.
                    o.date_wins = d.is_some();
                    Some(o)
                }
            };
            let report = run::run_file(run::RunArgs {
                input: file,
                out,
                options: first,
                compare: second,
                sheet,
                jobs: jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1),
            })?;
            Ok(serde_json::to_string_pretty(&report).expect("report serialises"))
        }
        Command::BatchVillages { file, households: Some(ledger), date, out, options, sheet } => {
            use jingning_policy::batch::read::{read_file_pick, Pick, SheetKind};
            use jingning_policy::batch::{village_households, write, BatchOptions};
            let fail = |m: String| Failure::invalid(vec![jingning_policy::FieldError::new("$", m)]);
            let opts = village_options(&options)?;
            let read_sheet = |path: &PathBuf, kind: SheetKind, sheet: Option<String>| {
                let bytes = std::fs::read(path).map_err(|e| fail(format!("无法读取文件 {}：{e}", path.display())))?;
                read_file_pick(&bytes, &path.display().to_string(), &Pick { sheet, kind: Some(kind), system: Some(opts.system()?) })
            };
            let mut batch = BatchOptions::default();
            if let Some(d) = &date {
                batch = BatchOptions::from_text(&serde_json::json!({ "assessment_date": d }).to_string())?;
            }
            let ledger_sheet = read_sheet(&ledger, SheetKind::Household, None)?;
            let village_sheet = file.as_ref().map(|f| read_sheet(f, SheetKind::Village, sheet)).transpose()?;
            let r = village_households::evaluate(
                &ledger_sheet.headers,
                &ledger_sheet.rows,
                &batch,
                &opts,
                village_sheet.as_ref().map(|s| (s.headers.as_slice(), s.rows.as_slice())),
            )?;
            if let (Some(p), Some(vs), Some(b)) = (&out, &village_sheet, &r.sheet) {
                let xlsx = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
                let bytes = write::table(&vs.headers, &vs.preamble, &vs.rows, &b.result_headers, &b.results, xlsx)?;
                std::fs::write(p, bytes).map_err(|e| fail(format!("无法写入 {}：{e}", p.display())))?;
            } else if let Some(p) = &out {
                std::fs::write(p, serde_json::to_string_pretty(&r).expect("result serialises")).map_err(|e| fail(format!("无法写入 {}：{e}", p.display())))?;
            }
            Ok(serde_json::to_string_pretty(&r).expect("result serialises"))
        }
        Command::BatchVillages { file: None, .. } => {
            Err(Failure::invalid(vec![jingning_policy::FieldError::new("$", "请给出村级指标表文件，或用 --households 给出农户台账（也可两者都给）")]))
        }
        Command::BatchVillages { file: Some(file), households: None, date: _, out, options, sheet } => {
            use jingning_policy::batch::read::{read_file_pick, Pick, SheetKind};
            use jingning_policy::batch::{village, write};
            let fail = |m: String| Failure::invalid(vec![jingning_policy::FieldError::new("$", m)]);
            if let Some(p) = &out {
                refuse_overwriting_input(p, &[&file])?;
            }
            let opts = village_options(&options)?;
            let bytes = std::fs::read(&file).map_err(|e| fail(format!("无法读取文件 {}：{e}", file.display())))?;
            let pick = Pick { sheet, kind: Some(SheetKind::Village), system: Some(opts.system()?) };
            let sheet = read_file_pick(&bytes, &file.display().to_string(), &pick)?;
            let b = village::evaluate(&sheet.headers, &sheet.rows, &opts)?;
            if let Some(p) = &out {
                let xlsx = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
                let bytes = write::table(&sheet.headers, &sheet.preamble, &sheet.rows, &b.result_headers, &b.results, xlsx)?;
                AtomicFile::create(p, &[&file])?.write_all(&bytes)?;
            }
            #[derive(serde::Serialize)]
            struct Report<'a> {
                file: String,
                sheet_name: &'a Option<String>,
                sheet_names: &'a [String],
                header_row: usize,
                notes: &'a [String],
                out: Option<String>,
                #[serde(flatten)]
                batch: &'a village::VillageBatch,
            }
            let report = Report {
                file: file.display().to_string(),
                sheet_name: &sheet.sheet_name,
                sheet_names: &sheet.sheet_names,
                header_row: sheet.header_row,
                notes: &sheet.notes,
                out: out.map(|p| p.display().to_string()),
                batch: &b,
            };
            Ok(serde_json::to_string_pretty(&report).expect("result serialises"))
        }
        Command::BatchTemplate { out, villages, options } => {
            let inputs: Vec<&std::path::Path> = options.iter().map(PathBuf::as_path).collect();
            refuse_overwriting_input(&out, &inputs)?;
            let bytes = if villages {
                jingning_policy::batch::write::village_template(village_options(&options)?.system()?)?
            } else {
                jingning_policy::batch::write::template()?
            };
            AtomicFile::create(&out, &inputs)?.write_all(&bytes)?;
            Ok(format!("模板已写入 {}", out.display()))
        }
        Command::Fields => Ok(serde_json::to_string_pretty(&jingning_policy::case::fields::catalogue()).expect("catalogue serialises")),
        Command::Measures => Ok(serde_json::to_string_pretty(&jingning_policy::household::measures::catalogue()).expect("registry serialises")),
        Command::HouseholdChoices => Ok(serde_json::to_string_pretty(&jingning_policy::case::choices_with_outcomes()).expect("choices serialise")),
        Command::Clause { id, document } => {
            use jingning_policy::policy;
            let doc = match document.as_deref() {
                None => policy::seed(),
                Some(d) => policy::document(d).ok_or_else(|| {
                    let known: Vec<_> = policy::DOCUMENTS.iter().map(|d| d.id).collect();
                    Failure::invalid(vec![jingning_policy::FieldError::new("document", format!("没有文件「{d}」，可选：{}", known.join("、")))])
                })?,
            };
            match policy::clause_in(doc.id, &id) {
                Some(c) => Ok(serde_json::to_string_pretty(c).expect("clause serialises")),
                None => Err(Failure::invalid(vec![jingning_policy::FieldError::new("id", format!("{} 中没有条款「{id}」", doc.cite_as))])),
            }
        }
        Command::Documents => Ok(serde_json::to_string_pretty(jingning_policy::policy::DOCUMENTS).expect("documents serialise")),
    }
}

/// Prints the result; a reader that has gone away (`jingning … | head`) ends the run quietly.
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("无法输出结果：{e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A bug must not reach staff as a Rust backtrace: the panic is caught here (release builds
    // unwind natively, see Cargo.toml) and said in Chinese; any result file started is removed
    // by its guard while unwinding.
    std::panic::set_hook(Box::new(|_| {}));
    match jingning_policy::batch::output::guard(move || run(cli)) {
        Ok(Ok(out)) => print(&out),
        Ok(Err(f)) => {
            eprintln!("{}", f.describe());
            ExitCode::from(2)
        }
        Err(panic) => {
            eprintln!("内部错误：{panic}。这是本程序的缺陷，不是输入有误；没有写出不完整的结果文件。请把输入文件（去掉个人信息后）和这条信息报给维护者");
            ExitCode::from(3)
        }
    }
}

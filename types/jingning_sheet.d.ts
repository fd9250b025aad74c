/* tslint:disable */
/* eslint-disable */

/** Options of a batch run. */
export interface BatchOptions {
    /** 核查日期 YYYY-MM-DD，表中没有「核查日期」列时使用（农户台账） */
    assessment_date?: string;
    region?: string;
    overrides?: Record<string, string | number>;
    params?: unknown;
    /** .xlsx 的工作表：名称或序号（从 1 起）；默认为第一个表头可识别的工作表 */
    sheet?: string | number;
    /** 农户台账或村级指标表；默认按表头自动识别 */
    kind?: "auto" | BatchKind;
    /** 村级指标表：指标体系（默认内置） */
    indicator_system?: unknown;
    /** 村级指标表：全县平均值 { 指标编号: 数值 } */
    county_averages?: Record<string, string | number>;
}
export type BatchKind = "household" | "village";
export interface BatchMappedColumn { header: string; template_header: string; field: string; }
export interface BatchInfo {
    kind: BatchKind;
    format: "csv" | "xlsx";
    sheet_name: string | null;
    /** 工作簿中全部工作表（CSV 为空） */
    sheet_names: string[];
    header_row: number;
    notes: string[];
    mapped: BatchMappedColumn[];
    unmapped: string[];
    duplicates: string[];
    result_headers: string[];
    total_rows: number;
    /** 农户台账：户数；村级指标表：村数 */
    households: number;
}
/** What `BatchSession.evaluateRange` returns, as JSON text. */
export interface BatchRange { households: BatchHousehold[]; summary: BatchSummary; rows_done: number; }
export interface BatchProgress { done: boolean; rows_done: number; total_rows: number; households: number; }
export interface BatchRowError { row: number; column: string; message: string; }
export interface BatchHousehold {
    first_row: number;
    last_row: number;
    key: string | null;
    head_name: string | null;
    village: string | null;
    members: number;
    ok: boolean;
    /** The result columns (result_headers without the last, 错误) */
    values: string[];
    errors: BatchRowError[];
}
export interface BatchMeasureCount {
    measure: string; title: string; applies: number;
    /** 待认定：认定（如纳入低保）后才符合的户数 */
    once_recognised: number;
    does_not_apply: number; cannot_decide: number;
    categories: { label: string; count: number }[];
}
export interface BatchSummary {
    rows: number; households: number; evaluated: number; with_errors: number;
    single_member: number; incomplete: number;
    measures: BatchMeasureCount[];
    unverified: string[];
}
export interface BatchVillageShortfall { name: string; /** 可得回的分 */ regain: string; }
export interface BatchVillageRow {
    row: number;
    id: string | null;
    name: string | null;
    township: string | null;
    ok: boolean;
    rank: number | null;
    total: string | null;
    grade: string | null;
    vetoes: string[];
    class_label: string | null;
    shortfalls: BatchVillageShortfall[];
    missing: number;
    errors: BatchRowError[];
}
export interface BatchCount { key: string; label: string; count: number; }
export interface BatchVillages {
    mapped: string[];
    unmapped: string[];
    result_headers: string[];
    results: string[][];
    villages: BatchVillageRow[];
    errors: BatchRowError[];
    /** The village engine's ranking (rankVillages) of the villages read without error */
    ranking: {
        count: number;
        ranking_rule: string;
        system: { id: string; name: string; year: number; builtin: boolean };
        grades: BatchCount[];
        classes: BatchCount[];
    } | null;
}
export interface BatchDerivedValue {
    indicator: string; name: string;
    /** 填入考核的值（十进制文本）；台账中没有可计的户时为 null（未评） */
    value: string | null;
    numerator: number; denominator: number;
    /** 如何计得，中文 */
    working: string;
    /** 计入的户（户编号） */
    households: string[];
    /** 造成差距的户（未落实帮扶、有缺口、辍学、未纳入低保特困） */
    gaps: string[];
    /** 无法判断的户 */
    unknown: string[];
    filled: boolean;
}
export interface BatchDerivedVillage {
    village: string; households: number; with_errors: string[];
    values: BatchDerivedValue[];
    /** 核查认定为监测对象但尚未纳入监测的户 */
    monitoring_gaps: string[];
}
export interface BatchHouseholdVillages {
    households: number;
    villages: BatchDerivedVillage[];
    unassigned: string[];
    notes: string[];
    /** rankVillages 的结果（含每村完整考核结果与全县视图）；类型见 jingning_policy.d.ts 的 Ranking */
    ranking: unknown;
    sheet: BatchVillages | null;
}
export interface BatchChange {
    first_row: number; key: string | null; head_name: string | null; village: string | null;
    changes: { column: string; before: string; after: string }[];
}



/**
 * One spreadsheet opened for batch evaluation: a household 台账 (evaluated a slice at a time) or
 * a village indicator sheet (scored and ranked when opened).
 */
export class BatchSession {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Evaluates the same rows under other options (another assessment date, which replaces the
     * sheet's 核查日期 column, or overrides) and lists the households whose result columns change.
     */
    compare(other: BatchOptions | string): BatchChange[];
    /**
     * Evaluates households `[from, to)` and returns them as JSON text,
     * `{"households": BatchHousehold[], "summary": BatchSummary, "rows_done": number}`: one string
     * crosses to JS however many households, and the page parses it once (100,000 result rows as
     * JS objects cost ≈ 1.7 s of CPU to build and post, as JSON text ≈ 0.5 s). The page gives each Web Worker a
     * contiguous range of the same sheet and joins ranges and summaries in order; the range that
     * continues this session's own progress is also kept here, for exports.
     */
    evaluateRange(from: number, to: number): string;
    /**
     * The results as CSV (UTF-8 with BOM): original columns unchanged, result columns
     * (【核查】 or 【考核】) added.
     */
    exportCsv(): Uint8Array;
    /**
     * The results as xlsx (households: with a 汇总 sheet).
     */
    exportXlsx(): Uint8Array;
    /**
     * Result rows `[from, to)` evaluated so far (one per household).
     */
    households(from: number, to: number): BatchHousehold[];
    info(): BatchInfo;
    /**
     * Reads the file (xlsx or CSV, by content), picks the sheet (`options.sheet`, else the first
     * whose header row is recognised), decides household or village sheet (`options.kind`, else
     * from the headers) and matches its header row.
     */
    constructor(bytes: Uint8Array, file_name: string, opts: BatchOptions | string | undefined);
    /**
     * Evaluates up to `max_households` more households (a village sheet is done when opened).
     */
    step(max_households: number): BatchProgress;
    summary(): BatchSummary;
    /**
     * A household 台账's villages: each village's household-derived indicators (监测帮扶,
     * 两不愁三保障, 控辍保学, 应保尽保, with the 户编号 behind every number) filled into its
     * scorecard, the villages ranked, and the county view.
     */
    villageScores(): BatchHouseholdVillages;
    /**
     * A village sheet's results: every village row (rank, total, grade, vetoes, 三类村庄
     * suggestion, first shortfalls, errors) and the ranking.
     */
    villages(): BatchVillages;
}

/**
 * Refuses a file over the size limit before its bytes are read (the limit is data:
 * `batch::limits::MAX_FILE_BYTES`).
 */
export function checkFileSize(bytes: number): void;

/**
 * The blank household template (.xlsx, Chinese headers and a 填写说明 sheet).
 */
export function templateXlsx(): Uint8Array;

/**
 * The blank village indicator sheet (.xlsx): 村庄编号, 村名, 乡镇, 考核年度 and one column per
 * indicator of the system in use, with a 填写说明 sheet.
 */
export function villageTemplateXlsx(opts: BatchOptions | string | undefined): Uint8Array;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_batchsession_free: (a: number, b: number) => void;
    readonly batchsession_compare: (a: number, b: any) => [number, number, number];
    readonly batchsession_evaluateRange: (a: number, b: number, c: number) => [number, number, number, number];
    readonly batchsession_exportCsv: (a: number) => [number, number, number, number];
    readonly batchsession_exportXlsx: (a: number) => [number, number, number, number];
    readonly batchsession_households: (a: number, b: number, c: number) => [number, number, number];
    readonly batchsession_info: (a: number) => [number, number, number];
    readonly batchsession_new: (a: any, b: any, c: any) => [number, number, number];
    readonly batchsession_step: (a: number, b: number) => [number, number, number];
    readonly batchsession_summary: (a: number) => [number, number, number];
    readonly batchsession_villageScores: (a: number) => [number, number, number];
    readonly batchsession_villages: (a: number) => [number, number, number];
    readonly checkFileSize: (a: number) => [number, number];
    readonly templateXlsx: () => [number, number, number, number];
    readonly villageTemplateXlsx: (a: any) => [number, number, number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h69e168bdecbcdb63: (a: number, b: number, c: any, d: any) => any;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;

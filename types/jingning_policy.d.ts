/* tslint:disable */
/* eslint-disable */

/** Options accepted by every evaluation. */
export interface EvaluationOptions {
    /** 地区，默认 静宁县 */
    region?: string;
    /** 参数覆盖：参数编号 → 值（十进制文本或数字） */
    overrides?: Record<string, string | number>;
    /** 用户参数文件（与 params/*.toml 同结构的 JSON） */
    params?: unknown;
}

/** Input of checkDibaoIncome. Money in 元 as decimal strings or numbers. */
export interface DibaoIncomeInput {
    /** 核查日期 YYYY-MM-DD：决定适用哪一年的参数 */
    assessment_date: string;
    /** 家庭人口数 */
    household_size: number;
    incomes: Partial<Record<IncomeItem, string | number>>;
    /** 必要的就业成本（交通、通讯、食宿） */
    employment_costs?: string | number;
}

/** One income item of the ledger, as returned by incomeItems(). */
export interface IncomeItemInfo {
    code: IncomeItem;
    label: string;
    kind: string;
    excluded_from_dibao: boolean;
}

/** What a failed call throws. */
export interface EngineError extends Error {
    kind: "invalid" | "calculation";
    errors: FieldError[];
}


/**
 * A complete set of parameters and the region tree they are resolved in.
 */
export interface ParamSet {
    params: Record<string, ParamDef>;
    /**
     * Region → its parent (静宁县 → 平凉市 → 甘肃省 → 全国).
     */
    regions: Record<string, string | null>;
}

/**
 * A parameter value an evaluation actually used.
 */
export interface ParamUse {
    id: string;
    label: string;
    unit: string;
    value: string;
    /**
     * Effective date of the value used; absent for an override.
     */
    from: string | null;
    region: string | null;
    source: string;
    verified: boolean;
    /**
     * Set by the caller for this evaluation instead of taken from the parameter set.
     */
    overridden: boolean;
}

/**
 * A parameter with its history of values.
 */
export interface ParamDef {
    id: string;
    label: string;
    unit: string;
    /**
     * Which file (domain) it came from, e.g. `dibao.toml`.
     */
    file: string;
    /**
     * The seed clause the parameter serves, if any.
     */
    clause: string | null;
    description: string | null;
    values: DatedValue[];
}

/**
 * An input the rule needs and did not get, so a form can ask for exactly it.
 */
export interface Missing {
    /**
     * JSON path of the field, e.g. `$.members[1].labour_capacity`.
     */
    path: string;
    /**
     * Its Chinese label.
     */
    label: string;
}

/**
 * Both income totals with the lines that make them up.
 */
export interface IncomeLedger {
    lines: LedgerLine[];
    household_size: number;
    /**
     * Whole household net income, all items (元/年).
     */
    total_net: string;
    /**
     * Per-capita net income for monitoring, rounded to fen (元/人·年).
     */
    per_capita_net: string;
    /**
     * Household income as counted for 低保: excluded items left out, employment costs deducted.
     */
    total_dibao: string;
    /**
     * Per-capita income counted for 低保, rounded to fen (元/人·年).
     */
    per_capita_dibao: string;
    /**
     * Employment costs actually deducted (capped at wage income).
     */
    employment_cost_deducted: string;
}

/**
 * How far a value is from a threshold, and the value at which the decision flips.
 */
export interface Threshold {
    /**
     * What is compared, e.g. `低保计算人均收入`.
     */
    quantity: string;
    unit: string;
    value: string;
    threshold: string;
    comparison: Comparison;
    /**
     * Whether the rule's condition holds now.
     */
    holds: boolean;
    /**
     * The value at which the outcome flips (to fen).
     */
    flip_at: string;
    /**
     * How much the value must change to flip it (always ≥ 0).
     */
    change_to_flip: string;
    /**
     * e.g. `人均收入再增加 ¥312 将不再符合`.
     */
    explanation: string;
}

/**
 * Income items over the last 12 months, by the statistical kinds of 农村居民收入 with each
 * item that 五(十二) excludes from the 低保 count as its own field.
 */
export type IncomeItem = "wage" | "business_net" | "property_net" | "transfer_net" | "basic_pension" | "special_care" | "family_planning" | "scholarship" | "heroism_award" | "social_assistance";

/**
 * One dated value of a parameter.
 */
export interface DatedValue {
    region: string;
    from: string;
    value: string;
    verified: boolean;
    /**
     * Document and number, or URL; for placeholders, why no confirmed figure exists.
     */
    source: string;
}

/**
 * One line of the ledger.
 */
export interface LedgerLine {
    /**
     * Item code (an [`IncomeItem`] code, or `employment_cost` for the deduction).
     */
    item: string;
    label: string;
    /**
     * 工资性收入 / 经营净收入 / 财产净收入 / 转移净收入 / 扣除.
     */
    kind: string;
    /**
     * Amount in 元; a deduction is shown as a positive amount with `counted_for_dibao` true.
     */
    amount: string;
    /**
     * Counted in the whole net income used for monitoring.
     */
    counted_for_monitoring: boolean;
    /**
     * Counted (or, for the deduction, deducted) in the 低保 household income.
     */
    counted_for_dibao: boolean;
    /**
     * Why, in Chinese.
     */
    note: string;
    citation: Citation | null;
}

/**
 * One numbered clause of the seed, e.g. `五(十二)`.
 */
export interface Clause {
    /**
     * Part and clause number, e.g. `五(十二)`.
     */
    id: string;
    /**
     * The part's heading, e.g. `五、强化低收入人口监测帮扶,切实兜牢民生保障底线`.
     */
    part: string;
    /**
     * Short title, e.g. `分层分类实施社会救助`.
     */
    title: string;
    /**
     * The whole clause, verbatim.
     */
    text: string;
}

/**
 * One parameter with its whole history and the value in force.
 */
export interface ParamStatus {
    id: string;
    label: string;
    unit: string;
    /**
     * Which file (domain) it came from, e.g. `dibao.toml`.
     */
    file: string;
    clause: string | null;
    description: string | null;
    values: DatedValue[];
    /**
     * The value an evaluation on this date in this region would use (an override if one is set);
     * absent when the parameter has no value yet on that date.
     */
    in_force: ParamUse | null;
}

/**
 * One problem with one input field.
 */
export interface FieldError {
    /**
     * JSON path of the field, e.g. `$.members[2].id_number`.
     */
    path: string;
    /**
     * What is wrong, in Chinese, naming the field by its label.
     */
    message: string;
}

/**
 * The result of the quick check.
 */
export interface DibaoIncomeCheck {
    assessment_date: string;
    ledger: IncomeLedger;
    /**
     * 农村低保标准 in force (元/人·年).
     */
    standard: string;
    /**
     * Per-capita counted income is strictly below the standard.
     */
    below_standard: boolean;
    /**
     * The verdict in one Chinese sentence.
     */
    reason: string;
    threshold: Threshold;
    citations: Citation[];
    params_used: ParamUse[];
    /**
     * Labels of parameter values used that are not verified (placeholders or overrides).
     */
    unverified: string[];
}

/**
 * The three answers a rule can give.
 */
export type Outcome = "applies" | "does_not_apply" | "cannot_decide";

/**
 * What a decision rests on: the clause, its title and the words relied on.
 */
export interface Citation {
    /**
     * Clause id, e.g. `五(十二)`; [`clause`] gives its full text.
     */
    clause: string;
    title: string;
    /**
     * The sentence relied on, verbatim from the seed.
     */
    excerpt: string;
}

/**
 * Which side of a threshold counts as "below".
 */
export type Comparison = "below" | "above";

/**
 * Why an evaluation could not produce a result.
 */
export type Failure = { kind: "invalid"; errors: FieldError[] } | { kind: "calculation"; message: string };


/**
 * The built-in parameter set (every value with date, region, source and verified flag).
 */
export function builtinParams(): ParamSet;

/**
 * Per-capita income counted for 农村低保 and whether it is below the standard (五(十二)).
 */
export function checkDibaoIncome(input: DibaoIncomeInput | string, opts: EvaluationOptions | undefined): DibaoIncomeCheck;

/**
 * One clause of the policy by id (e.g. `五(十二)`), or `undefined`.
 */
export function clause(id: string): Clause | undefined;

/**
 * Every clause of the policy, in order.
 */
export function clauses(): Clause[];

/**
 * The engine's version.
 */
export function engineVersion(): string;

/**
 * The income items of the ledger in form order: code, Chinese label, statistical kind and whether
 * 五(十二) leaves it out of the 低保 count.
 */
export function incomeItems(): IncomeItemInfo[];

/**
 * Every parameter with its history and the value in force on `date` (YYYY-MM-DD) for the options'
 * region, overrides and parameter set — what the page's parameters panel shows. Throws like an
 * evaluation on an unknown region, a bad override or a bad parameter file, so it also validates
 * options before they are kept.
 */
export function paramsInForce(date: string, opts: EvaluationOptions | undefined): ParamStatus[];

/**
 * Validates a user-supplied parameter file (JSON) and returns it as a set.
 */
export function validateParams(docs: unknown): ParamSet;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly builtinParams: () => [number, number, number];
    readonly checkDibaoIncome: (a: any, b: any) => [number, number, number];
    readonly clause: (a: number, b: number) => [number, number, number];
    readonly clauses: () => [number, number, number];
    readonly engineVersion: () => [number, number];
    readonly incomeItems: () => [number, number, number];
    readonly paramsInForce: (a: number, b: number, c: any) => [number, number, number];
    readonly validateParams: (a: any) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
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

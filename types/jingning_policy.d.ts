/* tslint:disable */
/* eslint-disable */

/** Input of assessVillage / one element of rankVillages (schemas/village-input.schema.json). */
export interface VillageInput {
    /** 格式版本，固定为 "jingning.village-input/1" */
    schema: "jingning.village-input/1";
    /** 村庄编号（如行政区划代码），排名时不可重复 */
    id: string;
    /** 村名 */
    name: string;
    /** 乡镇 */
    township?: string;
    /** 考核年度 */
    year?: number;
    /** 指标值：指标编号 → 是/否（boolean）或数值（十进制文本或数字）；未填即缺失 */
    values: Record<string, boolean | string | number>;
    /** 全县平均值（与全县平均之比计分的指标）：指标编号 → 数值 */
    county_averages?: Record<string, string | number>;
}

/** Options of assessVillage / rankVillages. */
export interface VillageOptions {
    /** 用户指标体系（与 defaultIndicatorSystem() 同结构），替换默认体系 */
    indicator_system?: unknown;
    /** 全县平均值，适用于所有村（村内 county_averages 优先） */
    county_averages?: Record<string, string | number>;
    /** rankVillages 同时返回每村完整结果 */
    include_assessments?: boolean;
}



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
 * A grade and the lowest total that earns it.
 */
export interface Grade {
    grade: string;
    min: string;
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
 * A scoring method and its parameters.
 */
export interface Method {
    kind: MethodKind;
    /**
     * Value (or ratio) scoring 0 (`linear`, `ratio_to_county_average`).
     */
    floor: string | null;
    /**
     * Thresholds in order of improvement (`steps`); the last is the target and scores 1.
     */
    steps: Step[] | null;
}

/**
 * A test in a 三类村庄 rule.
 */
export type ConditionKind = "veto" | "total_below" | "total_at_least" | "dimension_rate_below" | "dimension_rate_at_least" | "all_dimensions_rate_at_least";

/**
 * An indicator losing points, and what reaching its target would win back.
 */
export interface Shortfall {
    indicator: string;
    name: string;
    dimension: string;
    points: string;
    max_points: string;
    regain: string;
    /**
     * The value has not been supplied (it lost points by the zero rule).
     */
    missing: boolean;
    advice: string;
}

/**
 * An indicator without a value, and what the missing-value rule did with it.
 */
export interface MissingValue extends Missing {
    indicator: string;
    rule: MissingRule;
    effect: string;
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
 * How a value becomes a score between 0 and 1.
 */
export type MethodKind = "linear" | "steps" | "yes_no" | "ratio_to_county_average" | "veto";

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
 * One dimension across all villages: who leads and who lags (all villages tied at the best and
 * at the worst rate).
 */
export interface DimensionStanding {
    id: string;
    name: string;
    leaders: VillageRate[];
    laggards: VillageRate[];
}

/**
 * One indicator, value → score → weighted points.
 */
export interface IndicatorResult {
    id: string;
    name: string;
    dimension: string;
    unit: string;
    method: MethodKind;
    /**
     * The method in Chinese.
     */
    method_label: string;
    value: boolean | string | null;
    target: boolean | string;
    /**
     * County average used (ratio indicators).
     */
    county_average: string | null;
    /**
     * Value ÷ county average, 4 places (ratio indicators).
     */
    ratio: string | null;
    /**
     * 0–1, 4 places; null when missing.
     */
    score: string | null;
    /**
     * Target met; null when missing.
     */
    reached: boolean | null;
    /**
     * Weight in the system (points out of 100).
     */
    weight: string;
    /**
     * Weight actually applied (differs from `weight` only under the exclude rule).
     */
    effective_weight: string;
    points: string;
    /**
     * `effective_weight − points`: what reaching the target would win back.
     */
    lost: string;
    status: IndicatorStatus;
    veto: boolean;
    /**
     * Value → score → points in one Chinese sentence.
     */
    explanation: string;
    basis: Basis;
    source: Source;
    year: number;
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
 * One step of a step-threshold method: reaching `at` earns `score` (0–1).
 */
export interface Step {
    at: string;
    score: string;
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
 * The suggested class and the criterion that decided it.
 */
export interface ClassSuggestion {
    class: VillageClass;
    /**
     * 巩固村 / 拓展村 / 先行村
     */
    label: string;
    /**
     * The rule's criterion, or why the default applies.
     */
    criterion: string;
    /**
     * Index of the rule that decided, null for the default class.
     */
    rule: number | null;
    /**
     * The conditions that held, in Chinese.
     */
    met: string[];
    source: Source;
}

/**
 * The three answers a rule can give.
 */
export type Outcome = "applies" | "does_not_apply" | "cannot_decide";

/**
 * The 三类村庄 of 四(八).
 */
export type VillageClass = "consolidate" | "expand" | "lead";

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
 * What a missing indicator value does to the total.
 */
export type MissingRule = "zero" | "exclude";

/**
 * What happened to one indicator.
 */
export type IndicatorStatus = "scored" | "checked" | "missing_zero" | "missing_excluded";

/**
 * Where an indicator, grade line or criterion comes from.
 */
export type SourceKind = "seed" | "national_plan" | "design_assumption";

/**
 * Where something comes from.
 */
export interface Source {
    kind: SourceKind;
    /**
     * Seed clause, e.g. `四(九)` (kind `seed`).
     */
    clause: string | null;
    /**
     * The words relied on, verbatim from the clause (kind `seed`).
     */
    excerpt: string | null;
    /**
     * The document and item (kind `national_plan`).
     */
    document: string | null;
    /**
     * Why, or what is assumed.
     */
    note: string | null;
}

/**
 * Whether a rule needs any or all of its conditions.
 */
export type Match = "any" | "all";

/**
 * Which side of a threshold counts as "below".
 */
export type Comparison = "below" | "above";

/**
 * Which way an indicator improves.
 */
export type Direction = "higher" | "lower";

/**
 * Whose target an indicator's target is.
 */
export type Basis = "county" | "national" | "design_assumption";

/**
 * Why an evaluation could not produce a result.
 */
export type Failure = { kind: "invalid"; errors: FieldError[] } | { kind: "calculation"; message: string };

/**
 * 三类村庄 criteria: rules tried in order, the first that holds decides; else `default_class`.
 */
export interface Classification {
    default_class: VillageClass;
    source: Source;
    rules: ClassRule[];
}

export interface ClassRule {
    class: VillageClass;
    match: Match;
    conditions: Condition[];
    /**
     * The criterion in one Chinese sentence.
     */
    note: string;
}

export interface Condition {
    kind: ConditionKind;
    dimension: string | null;
    /**
     * Points for totals, percent for dimension rates.
     */
    value: string | null;
}

export interface Count {
    /**
     * Grade name, or class code.
     */
    key: string;
    label: string;
    count: number;
}

export interface Dimension {
    id: string;
    name: string;
}

export interface DimensionScore {
    id: string;
    name: string;
    /**
     * Sum of its indicators' points.
     */
    points: string;
    /**
     * Sum of its indicators' effective weights.
     */
    max_points: string;
    /**
     * points ÷ max_points × 100, truncated to 0.01; null when every indicator was excluded.
     */
    rate: string | null;
}

export interface Indicator {
    id: string;
    /**
     * Chinese name shown to staff.
     */
    name: string;
    /**
     * Id of its dimension.
     */
    dimension: string;
    unit: string;
    direction: Direction;
    target: boolean | string;
    /**
     * Points out of 100.
     */
    weight: string;
    method: Method;
    /**
     * Missing the target fixes the grade (see [`IndicatorSystem::veto_grade`]).
     */
    veto: boolean;
    /**
     * Year of the target.
     */
    year: number;
    basis: Basis;
    source: Source;
    note: string | null;
}

export interface IndicatorSystem {
    /**
     * Always `jingning.indicator-system/1`.
     */
    schema: string;
    id: string;
    name: string;
    year: number;
    description: string | null;
    missing_rule: MissingRule;
    /**
     * The grade a veto fixes.
     */
    veto_grade: string;
    /**
     * Highest first; the last has `min` 0.
     */
    grades: Grade[];
    grading_source: Source;
    dimensions: Dimension[];
    classification: Classification;
    indicators: Indicator[];
}

export interface RankRow {
    /**
     * Competition rank: ties share the rank, the next rank skips (1, 2, 2, 4).
     */
    rank: number;
    village_id: string;
    village_name: string;
    township: string | null;
    total: string;
    grade: string;
    vetoed: boolean;
    class: VillageClass;
    class_label: string;
    dimensions: DimensionScore[];
    /**
     * How many indicator values were missing.
     */
    missing_count: number;
}

export interface Ranking {
    engine_version: string;
    system: SystemRef;
    count: number;
    /**
     * The ordering rule in Chinese.
     */
    ranking_rule: string;
    rows: RankRow[];
    dimensions: DimensionStanding[];
    grades: Count[];
    classes: Count[];
    /**
     * Every village's full assessment, in input order (only with `include_assessments`).
     */
    assessments: VillageAssessment[] | null;
}

export interface SystemRef {
    id: string;
    name: string;
    year: number;
    /**
     * Whether this is the built-in default or a user-supplied system.
     */
    builtin: boolean;
}

export interface VetoReason {
    indicator: string;
    name: string;
    reason: string;
    source: Source;
}

export interface VillageAssessment {
    engine_version: string;
    system: SystemRef;
    village_id: string;
    village_name: string;
    township: string | null;
    year: number | null;
    /**
     * 0–100, exactly the sum of `indicators[].points` (and of `dimensions[].points`).
     */
    total: string;
    grade: string;
    /**
     * Why this grade, in one sentence.
     */
    grade_reason: string;
    vetoed: boolean;
    vetoes: VetoReason[];
    dimensions: DimensionScore[];
    indicators: IndicatorResult[];
    /**
     * Indicators losing points, most points to win back first.
     */
    shortfalls: Shortfall[];
    missing_rule: MissingRule;
    /**
     * The missing-value rule in Chinese, always shown.
     */
    missing_rule_label: string;
    missing: MissingValue[];
    classification: ClassSuggestion;
    citations: Citation[];
}

export interface VillageRate {
    village_id: string;
    village_name: string;
    rate: string;
}


/**
 * One village's assessment: total, dimension scores, grade, vetoes, 三类村庄 suggestion,
 * shortfalls and missing values, every number explained (八(二十六), 四(八)).
 */
export function assessVillage(village: VillageInput | string, opts: VillageOptions | undefined): VillageAssessment;

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
 * The built-in default indicator system (the shape a user system must have).
 */
export function defaultIndicatorSystem(): IndicatorSystem;

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
 * Ranks villages (an array, or `{ villages: [...] }`): competition ranks with ties, per-dimension
 * leaders and laggards, counts by grade and class.
 */
export function rankVillages(villages: VillageInput[] | { villages: VillageInput[] } | string, opts: VillageOptions | undefined): Ranking;

/**
 * Validates a user-supplied indicator system (object or JSON text); throws every problem with
 * its JSON path, else returns the system as read.
 */
export function validateIndicatorSystem(json: unknown): IndicatorSystem;

/**
 * Validates a user-supplied parameter file (JSON) and returns it as a set.
 */
export function validateParams(docs: unknown): ParamSet;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly assessVillage: (a: any, b: any) => [number, number, number];
    readonly builtinParams: () => [number, number, number];
    readonly checkDibaoIncome: (a: any, b: any) => [number, number, number];
    readonly clause: (a: number, b: number) => [number, number, number];
    readonly clauses: () => [number, number, number];
    readonly defaultIndicatorSystem: () => [number, number, number];
    readonly engineVersion: () => [number, number];
    readonly incomeItems: () => [number, number, number];
    readonly paramsInForce: (a: number, b: number, c: any) => [number, number, number];
    readonly rankVillages: (a: any, b: any) => [number, number, number];
    readonly validateIndicatorSystem: (a: any) => [number, number, number];
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

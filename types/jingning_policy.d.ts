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
    /** 全县平均值（与全县平均比较计分的指标：比值或百分点之差）：指标编号 → 数值 */
    county_averages?: Record<string, string | number>;
    /** 五类村庄（县里村庄布局规划确定，记录显示）：代码或中文名，如 "特色保护型" */
    five_type?: "agglomeration" | "suburban" | "heritage" | "relocation" | "undetermined" | string;
    /** 乡村振兴示范村级别 */
    demonstration?: "province" | "city" | "county" | string;
    /** 已创建省级清洁村庄 */
    provincial_clean_village?: boolean | "是" | "否";
}

/** Options of assessVillage / rankVillages. */
export interface VillageOptions {
    /** 用户指标体系（与 defaultIndicatorSystem() 同结构），替换默认体系 */
    indicator_system?: unknown;
    /** 全县平均值，适用于所有村（村内 county_averages 优先） */
    county_averages?: Record<string, string | number>;
    /** rankVillages 同时返回每村完整结果 */
    include_assessments?: boolean;
    /** 全县统计数（恩格尔系数等县级指标）：指标编号 → 数值，用于全县视图 */
    county_statistics?: Record<string, string | number>;
}



/** Options accepted by every evaluation. */
export interface EvaluationOptions {
    /** 地区，默认 静宁县 */
    region?: string;
    /** 参数覆盖：参数编号 → 值（十进制文本或数字） */
    overrides?: Record<string, string | number>;
    /** 覆盖值的依据文件：参数编号 → 文号或名称（只对有覆盖值的参数；结果的 local_figures 与 params_used 据此注明） */
    override_sources?: Record<string, string>;
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
    /** A net item (经营、财产、转移净收入): a loss is entered as a negative amount. */
    may_be_negative: boolean;
}

/** What a failed call throws. */
export interface EngineError extends Error {
    kind: "invalid" | "calculation";
    errors: FieldError[];
}



export interface HouseholdFailure {
    error: { kind: "invalid" | "calculation"; message: string; errors: FieldError[] };
}


/**
 * A [`super::Threshold`] as JSON: its fields and the three written from them when shown. Named
 * `Threshold` so the TypeScript declaration generated from it is the one results refer to.
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
     * e.g. `人均收入：临界值 ¥5,000，本户 ¥4,688（低于 ¥312）`.
     */
    explanation: string;
}

/**
 * A citation as the catalogue lists it: the document by id rather than inline.
 */
export interface CatalogueCitation {
    id: string;
    /**
     * `documents[].id`.
     */
    document: string;
    clause: string;
    title: string;
    label: string;
    excerpt: string;
    verbatim: boolean;
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
 * A county-level target of the seed (户厕 95 %, 80 省级清洁村庄, 示范村 2/15/30, 333 villages
 * classed …), set against what the villages of a file show (the county view).
 */
export interface CountyTarget {
    id: string;
    name: string;
    metric: Metric;
    /**
     * The indicator averaged or counted (`mean_value`, `share_yes`, `county_statistic`).
     */
    indicator: string | null;
    /**
     * The 示范村 level counted (`count_demonstration`).
     */
    level: DemonstrationLevel | null;
    target: string;
    unit: string;
    year: number;
    source: Source;
    note: string | null;
}

/**
 * A decision that read locally entered figures (overrides).
 */
export interface LocalFigures {
    /**
     * The decision's `measure`.
     */
    measure: string;
    params: LocalFigure[];
}

/**
 * A decision that read unverified parameter values.
 */
export interface Provisional {
    /**
     * The decision's `measure`.
     */
    measure: string;
    params: ProvisionalParam[];
}

/**
 * A document rules cite. Fields the sources did not give say “未找到” rather than a guess.
 */
export interface PolicyDocument {
    /**
     * Stable id, e.g. `seed-2021`, `mca-2021-43`.
     */
    id: string;
    /**
     * Short name shown beside a citation, e.g. `实施意见`.
     */
    short: string;
    /**
     * Full title without book-title marks, or “未找到…”.
     */
    title: string;
    issuer: string;
    /**
     * 文号, e.g. `民发〔2021〕43号`, or “未找到…”.
     */
    number: string;
    /**
     * Date issued or in force, as the sources give it.
     */
    date: string;
    /**
     * Where the text was found, or “未找到…”.
     */
    url: string;
    /**
     * The words were seen only on a mirror, a repost or a local restatement.
     */
    secondary: boolean;
    /**
     * The repository holds excerpts of it, not the whole text.
     */
    excerpts_only: boolean;
    note: string;
    /**
     * Title, issuer, 文号 and date as shown wherever a citation is, e.g.
     * `《特困人员认定办法》（民政部，民发〔2021〕43号，2021-07-01 起施行（印发日期未找到），二手来源）`.
     */
    cite_as: string;
}

/**
 * A field as the catalogue export describes it: its definition and the measures that read it.
 */
export interface FieldInfo extends FieldDef {
    /**
     * JSON path (`$.status.dibao`, `$.members[].labour_capacity`).
     */
    json_path: string;
    /**
     * Codes of the measures that read it (`household::measures::MEASURES`).
     */
    read_by: string[];
}

/**
 * A figure used in a decision.
 */
export interface Figure {
    label: string;
    /**
     * Kept exact in Rust; rounded to fen (0.01 元) in JSON.
     */
    value: string;
    unit: string;
}

/**
 * A grade and the lowest total that earns it.
 */
export interface Grade {
    grade: string;
    min: string;
}

/**
 * A measure as the catalogue export describes it (`householdMeasures()`, `jingning measures`).
 */
export interface MeasureInfo {
    code: string;
    title: string;
    per_member: boolean;
    /**
     * Clause ids it rests on (`五(十二)`).
     */
    clauses: string[];
    /**
     * The same as citation ids (`catalogue().citations[].id`): what a decision cites unless its
     * compact form lists others.
     */
    citations: string[];
    /**
     * Catalogue paths of the inputs it reads.
     */
    reads: string[];
    /**
     * Measures whose decisions it reads.
     */
    after: string[];
}

/**
 * A measure's finding for one member.
 */
export interface MemberFinding {
    /**
     * Index in `members` of the case.
     */
    index: number;
    name: string | null;
    outcome: Outcome;
    /**
     * Grounds in Chinese (e.g. `重度残疾人（肢体残疾一级）`).
     */
    grounds: string[];
    amount: string | null;
    reason: string;
    /**
     * 认定后: what would apply to this member once recognised (see [`Decision::once_recognised`]).
     */
    once_recognised: string | null;
    /**
     * The member's conditions as checked (for measures decided person by person).
     */
    conditions: Finding[];
    missing: Missing[];
}

/**
 * A member a compact decision concerns (`index` into the case's `members`).
 */
export interface CompactMember {
    index: number;
    outcome: Outcome;
    amount?: string;
    once_recognised?: string;
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
    /**
     * What values it can take (`kind`, `min`, `max` in params/*.toml); every built-in parameter
     * has one, and a user file's parameter of a built-in id takes the built-in one.
     */
    domain: Domain | null;
    values: DatedValue[];
}

/**
 * A parameter's kind and range.
 */
export interface Domain {
    kind: Kind;
    min: string;
    /**
     * Whether `min` itself is allowed (an amount must be more than 0).
     */
    min_inclusive: boolean;
    max: string;
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
 * Everything the engine says about one household.
 */
export interface HouseholdResult {
    /**
     * The case format read (`jingning.household/1`).
     */
    schema: string;
    /**
     * Always `full`: this is the whole result, every text inline; `detail: "compact"` writes
     * [`super::compact::Compact`] instead.
     */
    detail: "full";
    engine_version: string;
    assessment_date: string;
    head_name: string | null;
    village: string | null;
    household_size: number;
    /**
     * One decision per measure, in a fixed order (see docs/household-case.md).
     */
    decisions: Decision[];
    /**
     * The income ledger (absent when no incomes were given).
     */
    ledger: IncomeLedger | null;
    /**
     * 家庭年人均纯收入 for monitoring (to fen).
     */
    per_capita_net: string | null;
    /**
     * 低保计算人均收入 (to fen).
     */
    per_capita_dibao: string | null;
    /**
     * 刚性支出合计 over 12 months.
     */
    rigid_expenses: string;
    params_used: ParamUse[];
    /**
     * Labels of unverified (placeholder or overridden) values used.
     */
    unverified: string[];
    /**
     * Union of the inputs every decision still needs.
     */
    missing: Missing[];
    /**
     * The decisions that read an unverified value (a placeholder, not a local override), each
     * with those values: their cards and the print sheet say the result is provisional.
     */
    provisional: Provisional[];
    /**
     * The decisions that read a county figure entered locally (an override), each with those
     * values and the document each comes from: their cards and the print sheet show the figure
     * and its document where a placeholder would say 暂定.
     */
    local_figures: LocalFigures[];
    /**
     * First 12 hex digits of XXH3-64 over the case as read, the parameter values used and the
     * engine version: the same sheet gives the same fingerprint (module `crate::fingerprint`).
     */
    fingerprint: string;
}

/**
 * How a value becomes a score between 0 and 1.
 */
export type MethodKind = "linear" | "steps" | "yes_no" | "ratio_to_county_average" | "difference_to_county_average" | "veto";

/**
 * How much of the village-level weight was assessed ("已评 82/100 权重").
 */
export interface Coverage {
    /**
     * Weight of the indicators with a value (system weights, out of 100).
     */
    assessed: string;
    /**
     * Weight not due this year (`due_year` later, not reached).
     */
    not_due: string;
    /**
     * assessed ÷ (100 − not_due) × 100, truncated to 0.01.
     */
    rate: string;
    /**
     * The system's threshold for a grade.
     */
    min: string;
    /**
     * "已评 82/100 权重".
     */
    label: string;
}

/**
 * Income items over the last 12 months, by the statistical kinds of 农村居民收入 with each
 * item that 五(十二) excludes from the 低保 count as its own field.
 */
export type IncomeItem = "wage" | "business_net" | "property_net" | "transfer_net" | "basic_pension" | "special_care" | "family_planning" | "scholarship" | "heroism_award" | "social_assistance";

/**
 * Level of a 乡村振兴示范村 (六(十六): 2 省级, 15 市级, 30 县级 in 2021).
 */
export type DemonstrationLevel = "province" | "city" | "county";

/**
 * One condition, risk or suggestion: met, not met, or unknown.
 */
export interface Finding {
    code: string;
    label: string;
    /**
     * `true` met / present, `false` not, `null` unknown.
     */
    met: boolean | null;
    note: string;
}

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
 * One decision of a compact result: empty lists and absent values are left out; texts that are the
 * same for every household are in `catalogue()`.
 */
export interface CompactDecision {
    measure: string;
    outcome: Outcome;
    category?: string;
    category_label?: string;
    reason: string;
    once_recognised?: string;
    amount?: string;
    amount_unit?: string;
    /**
     * Citation ids (`catalogue().citations[i].id`); absent when they are the measure's own
     * (`catalogue().measures[i].citations`), as for most decisions.
     */
    citations?: string[];
    /**
     * Members the decision applies to, will apply to once recognised, or cannot decide yet.
     */
    members?: CompactMember[];
    missing?: Missing[];
    /**
     * It read an unverified (placeholder) value: say the result is provisional (暂定); which ones:
     * the top-level `unverified`, per decision in the full result's `provisional`.
     */
    provisional?: true;
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
 * One figure: a target measured over some villages.
 */
export interface Measured {
    /**
     * Null when no village (or no county statistic) supplies it.
     */
    value: string | null;
    /**
     * Villages the figure rests on.
     */
    counted: number;
    /**
     * Their ids (for counts: the villages counted), to go back to them.
     */
    village_ids: string[];
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
    /**
     * The target is due by this year.
     */
    due_year: number | null;
    scope: Scope;
    /**
     * The target in words ("不低于全县平均", "不低于 95%").
     */
    target_words: string;
}

/**
 * One input field of the household case.
 */
export interface FieldDef {
    /**
     * Catalogue path: `housing`, `status.dibao`, `members[].disability.grade`.
     */
    path: string;
    /**
     * Whether the field belongs to each member.
     */
    member: boolean;
    /**
     * 中文名, as the form, the prompts and the error messages show it.
     */
    label: string;
    /**
     * `key` | `group` | `text` | `id_number` | `date` | `money` | `net_money` | `int` | `bool` | `choice` | `list`.
     */
    kind: string;
    /**
     * For `choice` and `list`: the option list (`householdChoices()[choices]`).
     */
    choices: string;
    unit: string;
    /**
     * A short explanation in the policy's terms (the form shows it).
     */
    hint: string;
    /**
     * What the field means for the rules (docs/household-case.md shows it).
     */
    note: string;
    /**
     * The column's header in the batch template (empty: not a sheet column).
     */
    header: string;
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
 * One locally entered figure a decision read, with the document it was entered from.
 */
export interface LocalFigure {
    id: string;
    label: string;
    value: string;
    unit: string;
    /**
     * 文号 and/or title as entered; `null` when none was given.
     */
    document: string | null;
}

/**
 * One measure along the range: consecutive segments of one outcome each.
 */
export interface SweepMeasure {
    measure: string;
    title: string;
    segments: Segment[];
}

/**
 * One measure's decision for the household.
 */
export interface Decision {
    /**
     * Stable code, e.g. `dibao`, `monitoring` (the registry's, `household::measures::MEASURES`).
     */
    measure: string;
    /**
     * Chinese name, e.g. `农村低保（整户）`.
     */
    title: string;
    outcome: Outcome;
    /**
     * Sub-kind when the measure has one (e.g. monitoring `edge`, housing `priority`).
     */
    category: string | null;
    category_label: string | null;
    /**
     * 条件清单: the measure's conditions, in the order its clause states them, each met, not
     * met or unknown for this household.
     */
    conditions: Finding[];
    /**
     * 认定后: what would apply once a recognition the engine finds the household eligible for is
     * made (e.g. `认定为低保对象后为危房改造重点对象`), beside what applies now; the whole
     * outcome is `once_recognised` when nothing applies before it.
     */
    once_recognised: string | null;
    /**
     * Per-member findings (for per-member measures).
     */
    members: MemberFinding[];
    /**
     * Itemised risks or help measures found.
     */
    findings: Finding[];
    /**
     * Figures the decision used.
     */
    figures: Figure[];
    /**
     * An amount (e.g. monthly 补差, yearly 资助) when the measure has one.
     */
    amount: string | null;
    amount_unit: string | null;
    /**
     * Distance to every threshold the decision turned on.
     */
    thresholds: Threshold[];
    /**
     * The reason in Chinese.
     */
    reason: string;
    citations: Citation[];
    /**
     * Inputs still needed (outcome `cannot_decide`), or that would refine it.
     */
    missing: Missing[];
}

/**
 * One numbered clause of the seed, e.g. `五(十二)`, or one passage of an excerpt file.
 */
export interface Clause {
    /**
     * The document it belongs to.
     */
    document: PolicyDocument;
    /**
     * Part and clause number of the seed, e.g. `五(十二)`; for an excerpt, the passage's name
     * (e.g. `无劳动能力`: the article numbers were not found, so none is made up).
     */
    id: string;
    /**
     * The seed part's heading, e.g. `五、强化低收入人口监测帮扶,切实兜牢民生保障底线`; for an
     * excerpt, whether it is the source's words or a summary.
     */
    part: string;
    /**
     * Short title, e.g. `分层分类实施社会救助`.
     */
    title: string;
    /**
     * The whole clause or passage, as stored.
     */
    text: string;
    /**
     * For an excerpt, where the words were seen (address, date, whether second-hand).
     */
    source: string | null;
    /**
     * The document's own words (false: a summary in docs/policy-reference.md).
     */
    verbatim: boolean;
}

/**
 * One option of a select.
 */
export interface ChoiceInfo {
    code: string;
    label: string;
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
 * One unverified value a decision read: the parameter's id (to set it in the options) and label.
 */
export interface ProvisionalParam {
    id: string;
    label: string;
}

/**
 * One 三类村庄 rule as staff read it.
 */
export interface Criterion {
    class: VillageClass;
    label: string;
    note: string;
    /**
     * This rule decided the class.
     */
    decided: boolean;
}

/**
 * Outcomes of every measure along the range.
 */
export interface Sweep {
    /**
     * The JSON path of the amount moved, e.g. `$.incomes.wage`.
     */
    path: string;
    from: string;
    to: string;
    /**
     * How many evenly spaced points were evaluated before bisecting.
     */
    samples: number;
    /**
     * One row per measure, in the result's order.
     */
    measures: SweepMeasure[];
}

/**
 * See the module docs.
 */
export interface Catalogue {
    engine_version: string;
    /**
     * Every document cited (title, issuer, 文号, date, URL), the seed first.
     */
    documents: PolicyDocument[];
    /**
     * Every citable excerpt: `id` (what a compact decision's `citations` list), its document,
     * clause, title, label and the words relied on. `clause(id, document)` gives a clause's whole text.
     */
    citations: CatalogueCitation[];
    /**
     * The built-in parameters: every value with its date, region, source and verified flag.
     */
    params: ParamSet;
    /**
     * The measure registry, in the order results list decisions.
     */
    measures: MeasureInfo[];
    /**
     * The field catalogue (labels of the paths a result's `missing` names).
     */
    fields: FieldInfo[];
    /**
     * The Chinese label of each outcome code.
     */
    outcomes: ChoiceInfo[];
}

/**
 * The answers a rule can give.
 */
export type Outcome = "applies" | "once_recognised" | "does_not_apply" | "cannot_decide";

/**
 * The kinds of parameter, each with a default range.
 */
export type Kind = "amount" | "multiplier" | "ratio" | "age" | "grade" | "months" | "count";

/**
 * The result of [`parse`] for the page's auto-fill.
 */
export interface IdCheck {
    valid: boolean;
    birth_date: string | null;
    sex: Sex | null;
    /**
     * Age on the given date (if one was given and is not before the birth date).
     */
    age: number | null;
    /**
     * What is wrong, in Chinese.
     */
    error: string | null;
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
    /**
     * Every criterion of the system, in the order tried, and whether it decided.
     */
    criteria: Criterion[];
    /**
     * Whose criteria these are ("由县里确定 …"; the default's are a design assumption).
     */
    set_by: string;
    source: Source;
}

/**
 * The 三类村庄 of 四(八).
 */
export type VillageClass = "consolidate" | "expand" | "lead";

/**
 * The 五类村庄 of 四(八): a recorded input (the seed leaves the classing to the county's
 * planning), shown on the card and in rankings, never computed.
 */
export type FiveType = "agglomeration" | "suburban" | "heritage" | "relocation" | "undetermined";

/**
 * What a county target counts or averages over the villages of a file (the county view).
 */
export type Metric = "mean_value" | "share_yes" | "count_clean_village" | "count_demonstration" | "count_five_type" | "county_statistic";

/**
 * What a decision rests on: the document, the clause, its title and the words relied on.
 */
export interface Citation {
    /**
     * The excerpt's key in policy/clauses.toml (`dibao.identify`): what a compact result lists
     * and `catalogue().citations` is keyed by.
     */
    id: string;
    /**
     * The document: title, issuer, 文号, date, URL.
     */
    document: PolicyDocument;
    /**
     * Clause id, e.g. `五(十二)`, or passage name; [`clause_in`] gives its full text.
     */
    clause: string;
    title: string;
    /**
     * How the citation is shown: document, clause and title, e.g. `实施意见 五(十二) 分层分类实施社会救助`.
     */
    label: string;
    /**
     * The words relied on, verbatim from the stored text of the document.
     */
    excerpt: string;
    /**
     * The excerpt is the document's own words (false: a summary in docs/policy-reference.md).
     */
    verbatim: boolean;
}

/**
 * What a missing indicator value does to the total.
 */
export type MissingRule = "zero" | "exclude";

/**
 * What happened to one indicator.
 */
export type IndicatorStatus = "scored" | "checked" | "missing_zero" | "missing_excluded" | "not_due" | "not_village_level";

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
 * Who can supply an indicator's value: only village-level indicators are scored on a
 * village's card; township and county statistics go to the county view.
 */
export type Scope = "village" | "township" | "county";

/**
 * Whose target an indicator's target is.
 */
export type Basis = "county" | "national" | "design_assumption";

/**
 * Why an evaluation could not produce a result.
 */
export type Failure = { kind: "invalid"; errors: FieldError[] } | { kind: "calculation"; message: string };

/**
 * `[from, to]` (both to the fen, inclusive) where the measure's outcome is `outcome`; the next
 * segment starts one fen after `to`, which is where the outcome flips.
 */
export interface Segment {
    from: string;
    to: string;
    outcome: Outcome;
}

/**
 * `evaluateHousehold`'s result with `detail: "compact"` (the default): the verdicts, with texts that
 * are the same for every household left to `catalogue()` and named by id.
 */
export interface CompactHouseholdResult {
    schema: string;
    detail: "compact";
    engine_version: string;
    /**
     * 核查日期 YYYY-MM-DD.
     */
    assessment_date: string;
    household_size: number;
    decisions: CompactDecision[];
    per_capita_net: string | null;
    per_capita_dibao: string | null;
    rigid_expenses: string;
    /**
     * Parameter id → value used; label, unit, source and verified flag in `catalogue().params`.
     */
    params_used: Record<string, string>;
    /**
     * Ids of the parameters set by the options' overrides (absent when none).
     */
    overridden?: string[];
    /**
     * Ids of the unverified (placeholder or overridden) values used.
     */
    unverified: string[];
    missing: Missing[];
    fingerprint: string;
}

/**
 * 三类村庄 criteria: rules tried in order, the first that holds decides; else `default_class`.
 */
export interface Classification {
    default_class: VillageClass;
    source: Source;
    rules: ClassRule[];
}

/**
 * 与户主关系
 */
export type Relation = "head" | "spouse" | "child" | "child_in_law" | "grandchild" | "parent" | "grandparent" | "sibling" | "other";

/**
 * 低保类别（甘肃 一至四类）
 */
export type DibaoClass = "class1" | "class2" | "class3" | "class4";

/**
 * 住房安全
 */
export type Housing = "safe" | "grade_c" | "grade_d";

/**
 * 农户类型
 */
export type HouseholdType = "poverty_exited" | "ordinary";

/**
 * 劳动能力
 */
export type Labour = "full" | "half" | "weak" | "none";

/**
 * 在校情况 / 学段
 */
export type Schooling = "not_school_age" | "preschool" | "primary" | "junior" | "senior" | "vocational" | "higher_vocational" | "university" | "higher" | "out_of_school" | "finished";

/**
 * 已落实的帮扶措施
 */
export type Measure = "industry" | "employment" | "public_welfare_job" | "finance" | "education" | "health" | "housing" | "water" | "social_security" | "temporary_aid" | "other";

/**
 * 性别
 */
export type Sex = "male" | "female";

/**
 * 未入学/辍学原因
 */
export type OutOfSchoolReason = "health" | "work" | "weariness" | "family" | "other";

/**
 * 残疾类别
 */
export type DisabilityKind = "visual" | "hearing" | "speech" | "physical" | "intellectual" | "mental" | "multiple";

/**
 * 法定赡养、抚养、扶养义务人情况（特困认定）
 */
export type Supporter = "none" | "unable" | "able";

/**
 * 监测对象类型（二(二)）
 */
export type MonitoringType = "unstable" | "edge" | "sudden";

/**
 * 返贫致贫风险类型
 */
export type Risk = "illness" | "disability" | "schooling" | "disaster" | "accident" | "industry_failure" | "unstable_job" | "labour_shortage" | "other" | "none";

/**
 * 饮水安全
 */
export type Water = "safe" | "quality" | "quantity" | "access" | "supply";

// Generated by build.rs from data/household-fields.toml.
/** Money in 元: a decimal string ("1234.56") or a number; null/absent = unknown. */
export type Money = string | number | null;
/** 是/否: true/false or "是"/"否"; null/absent = unknown. */
export type YesNo = boolean | "是" | "否" | null;

/** One household member (家庭成员). Every field may be absent (= unknown). */
export interface HouseholdMember {
    /** 姓名 */
    name?: string | null;
    /** 与户主关系 */
    relation?: Relation | string | null;
    /** 身份证号：18 位；输入后自动得出出生日期、性别和年龄 */
    id_number?: string | null;
    /** 出生日期 */
    birth_date?: string | null;
    /** 性别 */
    sex?: Sex | string | null;
    /** 劳动能力：全劳力、半劳力、弱劳力或无劳力 */
    labour_capacity?: Labour | string | null;
    /** 是否残疾 */
    has_disability?: YesNo;
    /** 患重病（大病） */
    serious_illness?: YesNo;
    /** 患慢性病 */
    chronic_illness?: YesNo;
    /** 在校情况 */
    schooling?: Schooling | string | null;
    /** 失学辍学原因 */
    out_of_school_reason?: OutOfSchoolReason | string | null;
    /** 参加城乡居民医保 */
    medical_insurance?: YesNo;
    /** 参加城乡居民养老保险 */
    pension_insurance?: YesNo;
    /** 计划生育“两证户” */
    family_planning_two_certificates?: YesNo;
    /** 外出务工 */
    working_away?: YesNo;
    /** 孤儿或事实无人抚养儿童 */
    orphan?: YesNo;
    /** 法定义务人情况：特困认定用 */
    supporter?: Supporter | string | null;
    /** 医疗自付费用 */
    medical_out_of_pocket?: Money;
    /** 本人年收入：近12个月本人收入，不含基础养老金、基本医保等社会保险、优待抚恤金、高龄津贴（特困“无生活来源”看本人收入） */
    own_income?: Money;
    /** 残疾情况 */
    disability?: {
        /** 残疾类别 */
        kind?: DisabilityKind | string | null;
        /** 残疾等级：一、二级为重度 */
        grade?: number | null;
    } | null;
}

/** A household case, format "jingning.household/1" (docs/household-case.md). */
export interface HouseholdCase {
    /** 格式版本：固定为 "jingning.household/1" */
    schema: "jingning.household/1";
    /** 所在村 */
    village?: string | null;
    /** 户主姓名 */
    head_name?: string | null;
    /** 核查日期：决定适用哪一年的参数，并据此计算年龄 */
    assessment_date: string;
    /** 农户类型：脱贫户即原建档立卡贫困户 */
    household_type?: HouseholdType | string | null;
    /** 必要的就业成本：交通、通讯、食宿等，计算低保收入时扣减 */
    employment_costs?: Money;
    /** 上年度家庭总收入：与医疗自付费用比较（单人户施保） */
    last_year_total_income?: Money;
    /** 上年度家庭纯收入：与本年纯收入比较，判断收入是否大幅缩减（突发严重困难） */
    last_year_net_income?: Money;
    /** 住房安全：按住房安全性鉴定结果 */
    housing?: Housing | string | null;
    /** 享受过农村住房保障：是否享受过危房改造等农村住房保障政策；未享受过的脱贫户住C、D级危房属危房改造重点对象 */
    housing_support_received?: YesNo;
    /** 饮水安全 */
    drinking_water?: Water | string | null;
    /** 不愁吃、不愁穿：“两不愁”是否稳定实现 */
    food_clothing_secure?: YesNo;
    /** 返贫致贫风险：入户核实后确无风险的，选“已核实无风险”（不能与风险类型同选）；不填表示未核实 */
    risks?: (Risk | string)[] | null;
    /** 家庭成员 */
    members: HouseholdMember[];
    /** 当前身份 */
    status?: {
        /** 低保户 */
        dibao?: YesNo;
        /** 低保类别 */
        dibao_class?: DibaoClass | string | null;
        /** 特困供养户 */
        tekun?: YesNo;
        /** 分散供养 */
        tekun_dispersed?: YesNo;
        /** 监测对象：已纳入防止返贫动态监测 */
        monitored?: YesNo;
        /** 纳入监测日期 */
        monitored_since?: string | null;
        /** 监测对象类型 */
        monitoring_type?: MonitoringType | string | null;
        /** 已落实帮扶措施 */
        measures_taken?: (Measure | string)[] | null;
        /** 返贫致贫人口 */
        returned_to_poverty?: YesNo;
        /** 收入持续稳定月数：风险消除须收入持续稳定 */
        income_stable_months?: number | null;
        /** 原有风险已稳定消除 */
        original_risk_eliminated?: YesNo;
        /** 出现新的风险 */
        new_risk?: YesNo;
        /** 易地扶贫搬迁户：易地扶贫搬迁安置的农户（集中或分散安置） */
        relocated?: YesNo;
    } | null;
    /** 收入（近12个月） */
    incomes?: Partial<Record<IncomeItem, Money>> | null;
    /** 刚性支出 */
    expenses?: {
        /** 教育支出 */
        education?: Money;
        /** 残疾康复支出 */
        disability_rehab?: Money;
        /** 自然灾害损失 */
        disaster_loss?: Money;
        /** 意外事故损失 */
        accident_loss?: Money;
    } | null;
    /** 家庭财产 */
    assets?: {
        /** 存款及金融资产 */
        deposits?: Money;
        /** 机动车辆数 */
        vehicles?: number | null;
        /** 另有商品房/非必需住房 */
        other_houses?: YesNo;
        /** 财产状况符合低保规定：由经办人按甘肃省低保财产规定认定 */
        within_dibao_rules?: YesNo;
    } | null;
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

export interface CountyView {
    /**
     * Villages in the file.
     */
    villages: number;
    /**
     * What the file covers, in one sentence ("本文件 20 个村，全县 333 个村 …").
     */
    coverage_note: string;
    targets: TargetView[];
    townships: TownshipView[];
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
    /**
     * The target is due by this year ("力争3年内" → 2024): assessed before it only when reached.
     */
    due_year: number | null;
    /**
     * Who can supply the value (absent in a county's file: village).
     */
    scope: Scope;
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
     * Share of the weight (percent) that must be assessed before a grade is given; below it the
     * grade is withheld (absent: 0, always graded).
     */
    min_coverage: string;
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
    /**
     * The seed's county-level targets, for the county view.
     */
    county_targets: CountyTarget[];
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
    graded: boolean;
    /**
     * "已评 82/100 权重".
     */
    coverage: string;
    vetoed: boolean;
    class: VillageClass;
    class_label: string;
    /**
     * 五类村庄 as recorded, or null.
     */
    five_type_label: string | null;
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
     * 五类村庄 as recorded, and how many villages have none.
     */
    five_types: Count[];
    /**
     * The seed's county targets against what these villages show, per township and overall.
     */
    county: CountyView;
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

export interface TargetView extends Measured {
    id: string;
    name: string;
    metric: Metric;
    metric_label: string;
    target: string;
    direction: Direction;
    unit: string;
    year: number;
    /**
     * Whether the data meets the target; null when there is no figure.
     */
    reached: boolean | null;
    /**
     * The comparison in one Chinese sentence.
     */
    status: string;
    source: Source;
    note: string | null;
}

export interface TownshipFigure extends Measured {
    target: string;
}

export interface TownshipView {
    township: string;
    villages: number;
    /**
     * Mean total of its graded villages, 2 places; null when none is graded.
     */
    mean_total: string | null;
    /**
     * One per county target, in the system's order (`id` → figure).
     */
    figures: TownshipFigure[];
}

export interface VetoReason {
    indicator: string;
    name: string;
    reason: string;
    /**
     * Why this is a veto, in one sentence: the clause, or "设计假设：…".
     */
    basis: string;
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
    /**
     * The grade, or `未定级` when too little weight was assessed (`graded` false).
     */
    grade: string;
    graded: boolean;
    /**
     * Why this grade, in one sentence.
     */
    grade_reason: string;
    coverage: Coverage;
    /**
     * The year the village is assessed for (its `year`, else the system's), which decides
     * whether a target with a `due_year` is due.
     */
    assessment_year: number;
    five_type: FiveType | null;
    /**
     * 五类村庄 in Chinese (recorded by the county, not computed), or null.
     */
    five_type_label: string | null;
    demonstration: DemonstrationLevel | null;
    provincial_clean_village: boolean | null;
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
 * Everything results refer to by id: documents, citations (with excerpts), built-in parameters,
 * measures, fields and outcome labels. The same for every household; fetch it once.
 */
export function catalogue(): Catalogue;

/**
 * Per-capita income counted for 农村低保 and whether it is below the standard (五(十二)).
 */
export function checkDibaoIncome(input: DibaoIncomeInput | string, opts: EvaluationOptions | undefined): DibaoIncomeCheck;

/**
 * One clause by id, or `undefined`: of the seed (e.g. `五(十二)`) when `document` is absent,
 * otherwise of that document (the `document.id` of a citation, e.g. `mca-2021-43`).
 */
export function clause(id: string, document: string | undefined): Clause | undefined;

/**
 * Every clause of the seed and every passage of the other documents' excerpts, document by
 * document.
 */
export function clauses(): Clause[];

/**
 * The built-in default indicator system (the shape a user system must have).
 */
export function defaultIndicatorSystem(): IndicatorSystem;

/**
 * Every document rules cite (title, issuer, 文号, date, URL), the seed first.
 */
export function documents(): PolicyDocument[];

/**
 * The engine's version.
 */
export function engineVersion(): string;

/**
 * Every measure for one household (`jingning.household/1` case; see docs/household-case.md).
 * `options.detail`: `"compact"` (default: texts that are the same for every household are left to
 * `catalogue()` and named by id) or `"full"` (everything inline, as the page shows it).
 *
 * The result is built as a JS object property by property (serde-wasm-bindgen): measured against
 * JSON text parsed by `JSON.parse` (`evaluateHouseholdViaJsonText`), it was 5–30 % faster for one
 * household (docs/benchmarks.md “JS 接口”); the texts every result repeats cross once
 * (`crate::intern`).
 */
export function evaluateHousehold(input: HouseholdCase | string, opts: EvaluationOptions & { detail?: "compact" | "full" } | undefined): CompactHouseholdResult | HouseholdResult;

/**
 * Many households at once, for a portal or the batch worker: one call, the options read and the
 * parameters resolved once. `many` is an
 * array of cases (or its JSON text); the result has one item per case, in order: a result, or
 * `{ error: { kind, message, errors } }` for a case that could not be evaluated (the others are
 * still evaluated). A `many` that is not an array, or bad options, throw as `evaluateHousehold`.
 * Compact results cross as one JSON text for the whole list, full results as objects (each way the
 * faster one measured, docs/benchmarks.md “JS 接口”); the objects are the same either way.
 */
export function evaluateHouseholds(many: HouseholdCase[] | string, opts: EvaluationOptions & { detail?: "compact" | "full" } | undefined): Array<CompactHouseholdResult | HouseholdResult | HouseholdFailure>;

/**
 * Every option list of the case format (`{code, label}`), keyed by field: relation,
 * labour_capacity, disability_kind, schooling, household_type, risk, measure, housing, …, and
 * `outcome`: the Chinese label of each decision outcome (符合 / 不符合 / 需补充).
 */
export function householdChoices(): Record<string, ChoiceInfo[]>;

/**
 * The field catalogue: every input field of the case with its JSON path, Chinese label, hint,
 * kind, unit, option list, sheet column and the measures that read it (data/household-fields.toml).
 */
export function householdFields(): FieldInfo[];

/**
 * The measure registry: code, title, clauses, the inputs each reads and the measures it depends
 * on, in the order results list them.
 */
export function householdMeasures(): MeasureInfo[];

/**
 * What-if along one amount (the trainer's income slider): the money field at `path` of the case
 * (e.g. `$.incomes.wage`) is moved from `from` to `to` (元, decimal text, to the fen) and every
 * measure's outcome is given as segments whose ends are exact to the fen (engine evaluations and
 * bisection, no float arithmetic; see `household::sweep`).
 */
export function householdSweep(input: HouseholdCase | string, path: string, from: string, to: string, opts: EvaluationOptions | undefined): Sweep;

/**
 * The income items of the ledger in form order: code, Chinese label, statistical kind and whether
 * 五(十二) leaves it out of the 低保 count, and whether it is a net figure that may be negative.
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
 * Checks a 身份证号 (or 20/22-character 残疾人证号) and derives birth date, sex and, given
 * an assessment date (YYYY-MM-DD), age. Never throws: an invalid number — or a number given as
 * a JS number, whose last digits are already lost — gives `valid: false` and a Chinese `error`.
 * Both arguments are taken as any JS value: a typed `&str` parameter made the generated glue
 * trap on a number.
 */
export function parseIdNumber(id: string, assessment_date: string | undefined | null): IdCheck;

/**
 * Ranks villages (an array, or `{ villages: [...] }`): competition ranks with ties, per-dimension
 * leaders and laggards, counts by grade, class and 五类村庄, and the county view (the seed's
 * county targets against these villages, per township).
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
    readonly catalogue: () => [number, number, number];
    readonly checkDibaoIncome: (a: any, b: any) => [number, number, number];
    readonly clause: (a: any, b: any) => [number, number, number];
    readonly clauses: () => [number, number, number];
    readonly defaultIndicatorSystem: () => [number, number, number];
    readonly documents: () => [number, number, number];
    readonly engineVersion: () => [number, number];
    readonly evaluateHousehold: (a: any, b: any) => [number, number, number];
    readonly evaluateHouseholdViaJsonText: (a: any, b: any) => [number, number, number];
    readonly evaluateHouseholds: (a: any, b: any) => [number, number, number];
    readonly householdChoices: () => [number, number, number];
    readonly householdFields: () => [number, number, number];
    readonly householdMeasures: () => [number, number, number];
    readonly householdSweep: (a: any, b: any, c: any, d: any, e: any) => [number, number, number];
    readonly incomeItems: () => [number, number, number];
    readonly paramsInForce: (a: any, b: any) => [number, number, number];
    readonly parseIdNumber: (a: any, b: any) => [number, number, number];
    readonly rankVillages: (a: any, b: any) => [number, number, number];
    readonly validateIndicatorSystem: (a: any) => [number, number, number];
    readonly validateParams: (a: any) => [number, number, number];
    readonly wasm_bindgen__convert__closures_____invoke__hc02075281187f6b2: (a: number, b: number, c: any, d: any) => any;
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

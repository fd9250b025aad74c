// Types of the portal-facing parts (docs/portal.md): the custom elements of www/js/elements.js and
// the iframe messages of www/js/embed.js. Written by hand (they are JS modules, not wasm-bindgen
// output); types/example-embed.ts type-checks a portal's use of them. In the npm package this
// file is embed.d.ts.
import type {
  DibaoIncomeInput,
  DibaoIncomeCheck,
  EvaluationOptions,
  HouseholdCase,
  HouseholdResult,
  VillageAssessment,
  VillageInput,
  VillageOptions,
} from "./jingning_policy.js";

/** One problem with the input: where (a JSON path, or `@attribute`) and what, in Chinese. */
export interface JnFieldError {
  path: string;
  message: string;
}

/** `jn-result`: after each evaluation, the engine's full result and the case and options it is of. */
export interface JnResultDetail<Case, Result, Options> {
  result: Result;
  case: Case;
  options: Options;
}

/** `jn-error`: the case or the options are wrong (or the engine could not load). */
export interface JnErrorDetail<Case> {
  errors: JnFieldError[];
  case: Case | null;
}

/** What every element has; `Case` is what `value` takes and gives. */
interface JnElementBase<Case, Result, Options> extends HTMLElement {
  /** The case shown (an object; the `value` attribute takes it as JSON text). */
  value: Case | null;
  /** The engine's result for the case shown; null while loading or when the input is wrong. */
  readonly result: Result | null;
  /** The engine's options, overlaid by the `region` and `overrides` attributes. */
  options: Options;
  /** 核查日期 of a new form and of a case that gives none (attribute `date`). */
  date: string | null;
  /** The form cannot be edited (attribute `readonly`). */
  readOnly: boolean;
  /** Resolves once the engine is loaded and the form shown. */
  readonly ready: Promise<unknown>;
  /** An empty form. */
  reset(): void;
  addEventListener<K extends keyof JnEventMap<Case, Result, Options>>(
    type: K,
    listener: (this: this, ev: JnEventMap<Case, Result, Options>[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface JnEventMap<Case, Result, Options> extends HTMLElementEventMap {
  "jn-ready": CustomEvent<{ element: HTMLElement }>;
  "jn-result": CustomEvent<JnResultDetail<Case, Result, Options>>;
  "jn-error": CustomEvent<JnErrorDetail<Case>>;
}

/** `<jn-household-check>`: a jingning.household/1 case → evaluateHousehold. */
export interface JnHouseholdCheck extends JnElementBase<HouseholdCase, HouseholdResult, EvaluationOptions> {
  region: string | null;
  overrides: Record<string, string> | null;
}

/** `<jn-village-scorecard>`: a village input → assessVillage (`date` gives the 考核年度 when the input has none). */
export interface JnVillageScorecard extends JnElementBase<VillageInput, VillageAssessment, VillageOptions> {}

/** `<jn-dibao-quick>`: a DibaoIncomeInput → checkDibaoIncome. */
export interface JnDibaoQuick extends JnElementBase<DibaoIncomeInput, DibaoIncomeCheck, EvaluationOptions> {
  region: string | null;
  overrides: Record<string, string> | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "jn-household-check": JnHouseholdCheck;
    "jn-village-scorecard": JnVillageScorecard;
    "jn-dibao-quick": JnDibaoQuick;
  }
}

// ---- Iframe mode: index.html?embed=1&origins=https://portal.example[,…][&view=household|village|dibao]

/** Which part of the page a case is for. */
export type JnView = "household" | "village" | "dibao";

/** page → portal, once the engine is loaded (sent to each allowed origin; only the framing one receives it). */
export interface JnReadyMessage {
  type: "jn:ready";
  /** The engine's version (engineVersion()). */
  version: string;
  /** The parts this build can evaluate. */
  views: JnView[];
}

/** portal → page: show this case and evaluate it. `view` may be left out when the case has a `schema`
 *  (household, village) or is a 低保速算 input (household_size / incomes). */
export type JnEvaluateMessage =
  | { type: "jn:evaluate"; id?: string | number; view?: "household"; case: HouseholdCase; options?: EvaluationOptions }
  | { type: "jn:evaluate"; id?: string | number; view?: "village"; case: VillageInput; options?: VillageOptions }
  | { type: "jn:evaluate"; id?: string | number; view?: "dibao"; case: DibaoIncomeInput; options?: EvaluationOptions };

/** page → portal: the result of a request (`source: "request"`, its `id`), or after the user changed
 *  the case in the frame (`source: "user"`, id null). */
export type JnResultMessage = { type: "jn:result"; id: string | number | null; source: "request" | "user" } & (
  | { view: "household"; case: HouseholdCase; options: EvaluationOptions; result: HouseholdResult }
  | { view: "village"; case: VillageInput; options: VillageOptions; result: VillageAssessment }
  | { view: "dibao"; case: DibaoIncomeInput; options: EvaluationOptions; result: DibaoIncomeCheck }
);

/** page → portal: the case or options were refused; every problem with its path. */
export interface JnErrorMessage {
  type: "jn:error";
  id: string | number | null;
  view: JnView | null;
  errors: JnFieldError[];
}

/** Everything the page posts to the portal. */
export type JnPageMessage = JnReadyMessage | JnResultMessage | JnErrorMessage;

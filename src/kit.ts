import * as z from 'zod/v4';
import type { CheckIn } from './model/check-in.js';
import { invalidArgument } from './messages/okrkit-error.js';
import { keyResultProgressIn, type KeyResultProgress, type KeyResultProgressOptions } from './measure/progress.js';
import { forecastKeyResultIn, type Forecast, type ForecastOptions } from './time/forecast.js';
import type { Cycle } from './model/cycle.js';
import { KeyResult, keyResultCommon } from './model/key-result.js';
import { isBuiltInKind } from './measure/kinds.js';
import { describeValue } from './model/plugins.js';
import { lintPlan, type LintFinding, type LintOptions } from './lint/lint.js';
import { safeParsePlanIn, type ParsePlanOptions, type SafeParsePlanResult } from './model/parse.js';
import { Plan } from './model/plan.js';
import { evaluateIn, type EvaluateOptions, type Evaluation } from './evaluate/evaluate.js';
import { evaluateColumnsIn, type EvaluationColumns } from './evaluate/columns.js';
import { createLiveEvaluationIn, type LiveEvaluation } from './evaluate/live.js';
import { evaluateShardIn, mergeShardsIn, type EvaluationShard } from './evaluate/shard.js';
import type { Context } from './model/context.js';
import type { DeepReadonly } from './model/deep-readonly.js';
import type { OkrState } from './model/process.js';
import { advanceIn, checkTransitionIn, type TransitionCheck, type TransitionOptions } from './process/advance.js';
import type { KeyResultKindContext, KindPlugin, ScoringPlugin } from './model/context.js';


/** The fields every key result has, as a type. */
type CommonFields = z.infer<z.ZodObject<typeof keyResultCommon>>;

/**
 * A key result of a plug-in kind: the common fields, `kind`, and the plug-in's own fields.
 *
 * @category Plug-ins
 */
export type PluginKeyResult<K extends string, S extends z.ZodRawShape> = CommonFields & { kind: K } & z.infer<z.ZodObject<S>>;

/**
 * A key-result kind defined by a plug-in.
 *
 * @category Plug-ins
 */
export interface KeyResultKindPlugin<K extends string = string, S extends z.ZodRawShape = z.ZodRawShape> {
  /** The kind's name, used as `kind` in plans; not one of the built-in kinds. */
  readonly kind: K;
  /**
   * The kind's own fields, as a zod object (the common fields are added). Made with the
   * application's own zod — `import * as z from 'zod'` with zod 4, `from 'zod/v4'` with
   * zod 3.25 or later — which is the zod okrkit uses too (a peer dependency), so the
   * schema and okrkit's compose both ways. A zod 3 schema is refused with an error
   * that says to import from `'zod/v4'`.
   */
  readonly schema: z.ZodObject<S>;
  /** Raw progress from the key result and its check-ins; clamped to [0, cap] by okrkit like any kind's. */
  progress(keyResult: PluginKeyResult<K, S>, context: KeyResultKindContext): number;
  /** The range progress must fall in; a value outside it is reported as an error naming the plug-in. */
  readonly range?: readonly [number, number];
}

/**
 * A scoring rule defined by a plug-in, chosen on a key result with
 * `scoring: { type: 'plugin', id }`.
 *
 * @category Plug-ins
 */
export interface ScoringRule<I extends string = string> {
  readonly id: I;
  /** The score for a progress; must be a finite number of zero or more. */
  score(progress: number, keyResult: CommonFields & { readonly kind: string }): number;
}

/**
 * Defines a key-result kind. Pass it to {@link createOkrkit}: there is no global
 * registry, so two parts of an application can use different plug-ins side by side.
 *
 * @param kind - The kind's name, fields (a zod object), progress rule and optional range.
 * @returns The same definition, checked and frozen, with its types kept.
 * @throws {OkrkitError} `invalid_argument` for a name that is empty or a built-in kind, a schema that
 *   redefines a common key-result field (`id`, `weight`, `finalScore`…), or a range that is not `[min, max]`.
 * @example
 * const nps = defineKeyResultKind({
 *   kind: 'nps',
 *   schema: z.object({ from: z.number().min(-100).max(100), to: z.number().min(-100).max(100) }),
 *   progress: (kr, { value }) => ((value ?? kr.from) - kr.from) / (kr.to - kr.from),
 * });
 * @category Plug-ins
 */
export function defineKeyResultKind<const K extends string, S extends z.ZodRawShape>(kind: KeyResultKindPlugin<K, S>): KeyResultKindPlugin<K, S> {
  checkKind(kind, 'kind');
  return Object.freeze({ ...kind });
}

/** The common key-result fields and `kind`, which a plug-in's schema may not redefine. */
const COMMON_FIELDS: ReadonlySet<string> = /*@__PURE__*/ new Set([...Object.keys(keyResultCommon), 'kind']);

/** Checks a kind definition given as `name` (an argument, or `plugins.kinds[i]`). */
function checkKind(kind: unknown, name: string): asserts kind is AnyKind {
  if (typeof kind !== 'object' || kind === null || Array.isArray(kind)) invalidArgument('arg.object', { name });
  const k: { kind?: unknown; schema?: unknown; progress?: unknown; range?: unknown } = kind;
  if (k.kind === undefined) invalidArgument('arg.required', { name: `${name}.kind` });
  if (typeof k.kind !== 'string' || k.kind === '' || isBuiltInKind(k.kind)) invalidArgument('arg.pluginKind', { kind: describeValue(k.kind) });
  if (isZod3Schema(k.schema)) invalidArgument('arg.pluginZod3', { kind: k.kind });
  if (!(k.schema instanceof z.ZodObject)) invalidArgument('arg.object', { name: `${k.kind}.schema (a zod object)` });
  const field = Object.keys(k.schema.shape).find((f) => COMMON_FIELDS.has(f));
  if (field !== undefined) invalidArgument('arg.pluginField', { kind: k.kind, field });
  if (typeof k.progress !== 'function') invalidArgument('arg.required', { name: `${k.kind}.progress` });
  checkRange(k.range, `${k.kind}.range`);
}

/**
 * A zod 3 schema (zod 3's classes have `_def` and no `_zod`): with zod 3.25+, an app's
 * plain `'zod'` import is zod 3, while okrkit and plug-ins use zod 4 from `'zod/v4'`.
 */
const isZod3Schema = (schema: unknown): boolean => typeof schema === 'object' && schema !== null && '_def' in schema && !('_zod' in schema);

/** A kind's optional range: two numbers (not NaN), the first at most the second. */
function checkRange(range: unknown, name: string): void {
  if (range === undefined) return;
  if (!Array.isArray(range) || range.length !== 2) invalidArgument('arg.pluginRange', { name, value: describeValue(range) });
  const min: unknown = range[0];
  const max: unknown = range[1];
  if (typeof min !== 'number' || typeof max !== 'number' || Number.isNaN(min) || Number.isNaN(max)) {
    invalidArgument('arg.pluginRange', { name, value: `[${describeValue(min)}, ${describeValue(max)}]` });
  }
  if (min > max) invalidArgument('arg.atMost', { name: `${name}[0]`, value: String(min), other: `${name}[1]`, otherValue: String(max) });
}

/**
 * Defines a scoring rule. Pass it to {@link createOkrkit} and choose it on a key result
 * with `scoring: { type: 'plugin', id }`.
 *
 * @param rule - The rule's id and score function.
 * @returns The same definition, checked and frozen.
 * @throws {OkrkitError} `invalid_argument` for an empty id or a missing function.
 * @example
 * const strict = defineScoring({ id: 'all-or-nothing', score: (progress) => (progress >= 1 ? 1 : 0) });
 * @category Plug-ins
 */
export function defineScoring<const I extends string>(rule: ScoringRule<I>): ScoringRule<I> {
  checkScoring(rule, 'rule');
  return Object.freeze({ ...rule });
}

/** Checks a scoring rule given as `name` (an argument, or `plugins.scorings[i]`). */
function checkScoring(rule: unknown, name: string): asserts rule is ScoringRule {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) invalidArgument('arg.object', { name });
  const r: { id?: unknown; score?: unknown } = rule;
  if (typeof r.id !== 'string' || r.id === '') invalidArgument('arg.required', { name: `${name}.id` });
  if (typeof r.score !== 'function') invalidArgument('arg.required', { name: `${r.id}.score` });
}

/** A list argument of createOkrkit: absent, or an array. */
function listOf(plugins: object, key: 'kinds' | 'scorings'): readonly unknown[] {
  const list: unknown = Reflect.get(plugins, key);
  if (list === undefined) return [];
  if (!Array.isArray(list)) invalidArgument('arg.array', { name: `plugins.${key}` });
  return list;
}

/** createOkrkit's plug-ins, checked, by name. */
function pluginsOf(plugins: unknown): { kinds: Map<string, KindPlugin>; scorings: Map<string, ScoringPlugin> } {
  if (typeof plugins !== 'object' || plugins === null || Array.isArray(plugins)) invalidArgument('arg.object', { name: 'plugins' });
  const kinds = new Map<string, KindPlugin>();
  listOf(plugins, 'kinds').forEach((k, i) => {
    checkKind(k, `plugins.kinds[${i}]`);
    if (kinds.has(k.kind)) invalidArgument('arg.pluginDuplicate', { name: k.kind });
    kinds.set(k.kind, Object.freeze({ ...k }));
  });
  const scorings = new Map<string, ScoringPlugin>();
  listOf(plugins, 'scorings').forEach((s, i) => {
    checkScoring(s, `plugins.scorings[${i}]`);
    if (scorings.has(s.id)) invalidArgument('arg.pluginDuplicate', { name: s.id });
    scorings.set(s.id, Object.freeze({ ...s }));
  });
  return { kinds, scorings };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKind = KeyResultKindPlugin<string, any>;

/** The key results of a plug-in kind list. */
type KeyResultOf<Kinds extends readonly AnyKind[]> =
  | KeyResult
  | { [I in keyof Kinds]: Kinds[I] extends KeyResultKindPlugin<infer K, infer S> ? PluginKeyResult<K, S> : never }[number];

/**
 * A plan whose key results may also be of the plug-in kinds.
 *
 * @category Plug-ins
 */
export type PlanWith<Kinds extends readonly AnyKind[]> = Omit<Plan, 'keyResults'> & { keyResults: KeyResultOf<Kinds>[] };

/**
 * okrkit bound to a set of plug-ins: the schemas and the functions that read plans,
 * each accepting the plug-in kinds and scorings.
 *
 * @category Plug-ins
 */
export interface Okrkit<Kinds extends readonly AnyKind[]> {
  /** The KeyResult schema with the plug-in kinds. */
  readonly KeyResult: z.ZodType<KeyResultOf<Kinds>>;
  /** The Plan schema with the plug-in kinds. */
  readonly Plan: z.ZodType<PlanWith<Kinds>>;
  /** {@link parsePlan}, accepting the plug-in kinds and scorings. */
  parsePlan(input: unknown, options?: ParsePlanOptions): PlanWith<Kinds>;
  /** {@link safeParsePlan}, accepting the plug-in kinds and scorings. */
  safeParsePlan(input: unknown, options?: ParsePlanOptions): { success: true; data: PlanWith<Kinds> } | { success: false; error: NonNullable<SafeParsePlanResult['error']> };
  /** {@link evaluate}, measuring plug-in key results with their own rules. */
  evaluate(plan: DeepReadonly<PlanWith<Kinds>>, options?: EvaluateOptions): Evaluation;
  /** {@link keyResultProgress} for built-in and plug-in key results. */
  keyResultProgress(keyResult: DeepReadonly<KeyResultOf<Kinds>>, checkIns?: readonly DeepReadonly<CheckIn>[], options?: KeyResultProgressOptions): KeyResultProgress;
  /** {@link forecastKeyResult} with the kit's scoring rules. */
  forecastKeyResult(keyResult: DeepReadonly<KeyResultOf<Kinds>>, checkIns: readonly DeepReadonly<CheckIn>[], cycle: DeepReadonly<Cycle>, options?: ForecastOptions): Forecast | null;
  /** {@link lintPlan} over a plan with plug-in key results. */
  lintPlan(plan: DeepReadonly<PlanWith<Kinds>>, options?: LintOptions): LintFinding[];
  /** {@link createLiveEvaluation}, measuring plug-in key results with their own rules. */
  createLiveEvaluation(plan: DeepReadonly<PlanWith<Kinds>>, options?: EvaluateOptions): LiveEvaluation;
  /** {@link evaluateColumns}, measuring plug-in key results with their own rules. */
  evaluateColumns(plan: DeepReadonly<PlanWith<Kinds>>, options?: EvaluateOptions): EvaluationColumns;
  /** {@link evaluateShard}, measuring plug-in key results with their own rules. */
  evaluateShard(part: DeepReadonly<PlanWith<Kinds>>, options?: EvaluateOptions): EvaluationShard;
  /** {@link mergeShards} for a plan with plug-in key results. */
  mergeShards(plan: DeepReadonly<PlanWith<Kinds>>, shards: readonly EvaluationShard[], options?: EvaluateOptions): Evaluation;
  /** {@link checkObjectiveTransition} over a plan with plug-in key results (a closing scores them by their own rules). */
  checkObjectiveTransition(plan: DeepReadonly<PlanWith<Kinds>>, objectiveId: string, to: OkrState, options: TransitionOptions): TransitionCheck;
  /** {@link checkKeyResultTransition} over a plan with plug-in key results. */
  checkKeyResultTransition(plan: DeepReadonly<PlanWith<Kinds>>, keyResultId: string, to: OkrState, options: TransitionOptions): TransitionCheck;
  /** {@link advanceObjective} over a plan with plug-in key results; the new plan keeps them. */
  advanceObjective(plan: DeepReadonly<PlanWith<Kinds>>, objectiveId: string, to: OkrState, options: TransitionOptions): PlanWith<Kinds>;
  /** {@link advanceKeyResult} over a plan with plug-in key results; the new plan keeps them. */
  advanceKeyResult(plan: DeepReadonly<PlanWith<Kinds>>, keyResultId: string, to: OkrState, options: TransitionOptions): PlanWith<Kinds>;
}

/**
 * Creates okrkit bound to plug-in key-result kinds and scoring rules. Plug-in key results
 * are validated, measured, rolled up and linted like built-in ones; a plug-in that throws,
 * returns NaN or leaves its declared range is reported as an {@link OkrkitError} with code
 * `plugin_failed` that names it, never as a silent NaN in a rollup.
 *
 * @param plugins - `kinds` from {@link defineKeyResultKind} and `scorings` from {@link defineScoring}.
 * @returns The bound schemas and functions.
 * @throws {OkrkitError} `invalid_argument` when `plugins`, a list or a plug-in is not what it must be, a
 *   kind's schema redefines a common key-result field, or two plug-ins share a name.
 * @example
 * const okr = createOkrkit({ kinds: [nps] });
 * const plan = okr.parsePlan(json); // accepts { kind: 'nps', from: 10, to: 40, … }
 * okr.evaluate(plan).keyResults['kr-nps'].progress
 * //=> 0.5
 * @category Plug-ins
 */
export function createOkrkit<const Kinds extends readonly AnyKind[] = []>(plugins: {
  readonly kinds?: Kinds;
  readonly scorings?: readonly ScoringRule[];
} = {}): Okrkit<Kinds> {
  const { kinds, scorings } = pluginsOf(plugins);
  const extra = [...kinds.values()].map((k) => z.strictObject({ ...keyResultCommon, ...k.schema.shape, kind: z.literal(k.kind) }));
  const keyResultSchema = extra.length === 0 ? KeyResult : z.discriminatedUnion('kind', [...KeyResult.options, ...extra]);
  const planSchema = extra.length === 0 ? Plan : Plan.extend({ keyResults: z.array(keyResultSchema).default([]) });

  // The plug-in kinds exist only in the types: the schemas and the engine are the same
  // objects whatever `Kinds` is, and the engine reads plug-in key results through the
  // context. So the kit states their types here, once, where no check could prove them.
  /* eslint-disable @typescript-eslint/consistent-type-assertions */
  const cx: Context = { kinds, scorings, schemas: { plan: planSchema as z.ZodType<Plan>, keyResult: keyResultSchema as z.ZodType<KeyResult> } };
  const safeParsePlan = (input: unknown, options: ParsePlanOptions = {}) => safeParsePlanIn(cx, input, options);
  return {
    KeyResult: keyResultSchema as z.ZodType<KeyResultOf<Kinds>>,
    Plan: planSchema as z.ZodType<PlanWith<Kinds>>,
    parsePlan(input, options = {}) {
      const result = safeParsePlan(input, options);
      if (!result.success) throw result.error;
      return result.data;
    },
    safeParsePlan,
    evaluate: (plan, options = {}) => evaluateIn(cx, plan as never, options),
    keyResultProgress: (keyResult, checkIns = [], options = {}) => keyResultProgressIn(cx, keyResult, checkIns, options),
    forecastKeyResult: (keyResult, checkIns, cycle, options = {}) => forecastKeyResultIn(cx, keyResult, checkIns, cycle, options),
    lintPlan: (plan, options = {}) => lintPlan(plan as never, options),
    createLiveEvaluation: (plan, options = {}) => createLiveEvaluationIn(cx, plan as never, options),
    evaluateColumns: (plan, options = {}) => evaluateColumnsIn(cx, plan as never, options),
    evaluateShard: (part, options = {}) => evaluateShardIn(cx, part as never, options),
    mergeShards: (plan, shards, options = {}) => mergeShardsIn(cx, plan as never, shards, options),
    checkObjectiveTransition: (plan, id, to, options) => checkTransitionIn(cx, 'objective', plan as never, id, to, options),
    checkKeyResultTransition: (plan, id, to, options) => checkTransitionIn(cx, 'keyResult', plan as never, id, to, options),
    // A step copies plug-in key results as they are (copyPlan), so the plan keeps its kinds.
    advanceObjective: (plan, id, to, options) => advanceIn(cx, 'objective', plan as never, id, to, options),
    advanceKeyResult: (plan, id, to, options) => advanceIn(cx, 'keyResult', plan as never, id, to, options),
  };
  /* eslint-enable @typescript-eslint/consistent-type-assertions */
}

// Every lint rule, in the order they run and report. Adding a rule means adding its file
// and one line here; LINT_RULES and LintCode follow from this list. The imports keep the
// list's order too: the published type of LINT_RULES lists the codes in the order it meets them.
import { severityTable } from '../rule.js';
import { objectivesPerOwner } from './objectives-per-owner.js';
import { keyResultsPerObjective } from './key-results-per-objective.js';
import { cycleTooLong } from './cycle-too-long.js';
import { childOutsideParentCycle } from './child-outside-parent-cycle.js';
import { kpiIncomplete } from './kpi-incomplete.js';
import { kpiFrequency } from './kpi-frequency.js';
import { kpiStale } from './kpi-stale.js';
import { weightsSum } from './weights-sum.js';
import { allWeightsZero } from './all-weights-zero.js';
import { objectiveHasNumber } from './objective-has-number.js';
import { keyResultIsTask } from './key-result-is-task.js';
import { metricWithoutUnit } from './metric-without-unit.js';
import { unaligned } from './unaligned.js';
import { emptyObjective } from './empty-objective.js';
import { staleKeyResult } from './stale-key-result.js';
import { checkInOutsideCycle } from './check-in-outside-cycle.js';
import { processNextStep } from './process-next-step.js';
import { aggregateWithoutContributors } from './aggregate-without-contributors.js';

/** The rules in the order they run: findings come rule by rule, each rule's in plan order. */
export const RULES = [
  objectivesPerOwner,
  keyResultsPerObjective,
  cycleTooLong,
  childOutsideParentCycle,
  kpiIncomplete,
  kpiFrequency,
  kpiStale,
  weightsSum,
  allWeightsZero,
  objectiveHasNumber,
  keyResultIsTask,
  metricWithoutUnit,
  unaligned,
  emptyObjective,
  staleKeyResult,
  checkInOutsideCycle,
  processNextStep,
  aggregateWithoutContributors,
] as const;

/**
 * Every lint rule's stable code with its default severity, in the order the rules run.
 *
 * @example
 * Object.keys(LINT_RULES).length
 * //=> 18
 * LINT_RULES['kpi-incomplete']
 * //=> 'error'
 * @category Lint
 */
export const LINT_RULES = /*@__PURE__*/ severityTable(RULES);

/**
 * The stable code of a lint rule.
 *
 * @category Lint
 */
export type LintCode = keyof typeof LINT_RULES;

import { msg, type Message } from './message.js';

/**
 * Builders for the messages okrkit produces. Each returns a {@link Message} — a key of
 * the catalogues in `src/i18n` and its values — so errors and issues can be shown in
 * English or Vietnamese.
 */
export const messages = {
  invalidPlan: (count: number): Message => msg(count === 1 ? 'error.invalidPlan.one' : 'error.invalidPlan.other', { count }),
  invalidArgument: (detail: Message): Message => msg('error.invalidArgument', { detail }),
  cascadeLoopError: (loop: readonly string[]): Message => msg('error.cascadeLoop', { loop: loop.join(' → ') }),
  unknownReferenceError: (what: Message, id: string): Message => msg('error.unknownReference', { what, id: String(id) }),

  duplicateId: (collection: string, id: string, first: string): Message => msg('issue.duplicateId', { collection, id, first }),
  sharedAlignmentId: (id: string, first: string): Message => msg('issue.sharedAlignmentId', { id, first }),
  unknownReference: (what: Message, id: string): Message => msg('issue.unknownReference', { what, id: String(id) }),
  cycleEndsBeforeStart: (start: string, end: string): Message => msg('issue.cycleEndsBeforeStart', { start, end }),
  cycleOutsideParent: (id: string, parent: string): Message => msg('issue.cycleOutsideParent', { id, parent }),
  targetEqualsStart: (value: string): Message => msg('issue.targetEqualsStart', { value }),
  rangeMinAboveMax: (min: string, max: string): Message => msg('issue.rangeMinAboveMax', { min, max }),
  negativeWeight: msg('issue.negativeWeight'),
  negativeTolerance: msg('issue.negativeTolerance'),
  numberOutOfRange: (value: string): Message => msg('issue.numberOutOfRange', { value }),
  invalidNumber: msg('issue.invalidNumber'),
  invalidDate: msg('issue.invalidDate'),
  invalidTimestamp: msg('issue.invalidTimestamp'),
  initiativeTarget: msg('issue.initiativeTarget'),
  duplicateStep: (min: string): Message => msg('issue.duplicateStep', { min }),
  cascadeLoop: (loop: readonly string[]): Message => msg('issue.cascadeLoop', { loop: loop.join(' → ') }),
  parentLoop: (what: Message, loop: readonly string[]): Message => msg('issue.parentLoop', { what, loop: loop.join(' → ') }),
  selfLink: (id: string): Message => msg('issue.selfLink', { id }),
  phaseOutOfOrder: (at: string): Message => msg('issue.phaseOutOfOrder', { at }),
  phaseDuplicate: (at: string): Message => msg('issue.phaseDuplicate', { at }),
  kpiZeroTarget: (polarity: string): Message => msg('issue.kpiZeroTarget', { polarity }),
  kpiTargetEqualsBaseline: msg('issue.kpiTargetEqualsBaseline'),
  kpiEmptyTimeframe: (start: string, end: string): Message => msg('issue.kpiEmptyTimeframe', { start, end }),
  scaleGoalEqualsRedFlag: msg('issue.scaleGoalEqualsRedFlag'),
} as const;

/** Nouns used inside messages. */
export const nouns = {
  cycle: msg('noun.cycle'),
  unit: msg('noun.unit'),
  objective: msg('noun.objective'),
  keyResult: msg('noun.keyResult'),
  objectiveOrKeyResult: msg('noun.objectiveOrKeyResult'),
  kpi: msg('noun.kpi'),
} as const;

/** Where an argument problem is. */
export const where = {
  keyResult: (id: string): Message => msg('where.keyResult', { id }),
  keyResultField: (id: string, field: string): Message => msg('where.keyResultField', { id, field }),
  checkInValue: (id: string): Message => msg('where.checkInValue', { id }),
  milestoneWeight: (id: string): Message => msg('where.milestoneWeight', { id }),
  objectiveField: (id: string, field: string): Message => msg('where.objectiveField', { id, field }),
  kpi: (id: string): Message => msg('where.kpi', { id }),
  kpiField: (id: string, field: string): Message => msg('where.kpiField', { id, field }),
  measurement: (id: string): Message => msg('where.measurement', { id }),
} as const;

/** A problem at a place: "key result "kr1": …". */
export function at(place: Message, detail: Message): Message {
  return msg('arg.at', { where: place, detail });
}

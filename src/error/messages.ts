/**
 * Every message okrkit produces, in one place. Each starts with the library's name
 * when it heads an error, and each issue message reads as a sentence about the input.
 */
export const messages = {
  invalidPlan: (count: number) =>
    `okrkit: the plan is invalid (${count} ${count === 1 ? 'problem' : 'problems'})`,
  invalidArgument: (what: string) => `okrkit: invalid argument: ${what}`,
  cascadeLoopError: (loop: readonly string[]) =>
    `okrkit: the cascade contains a loop: ${loop.join(' → ')}`,
  unknownReferenceError: (what: string, id: string) =>
    `okrkit: the plan refers to an unknown ${what} "${id}"; parse it with parsePlan first`,

  duplicateId: (collection: string, id: string, firstPath: string) =>
    `Duplicate id "${id}" in ${collection}: it is already used at ${firstPath}.`,
  sharedAlignmentId: (id: string, firstPath: string) =>
    `Id "${id}" is used by both an objective and a key result (${firstPath}); links could not tell them apart.`,
  unknownReference: (what: string, id: string) => `Unknown ${what} "${id}".`,
  cycleEndsBeforeStart: (start: string, end: string) =>
    `The cycle ends (${end}) before it starts (${start}).`,
  cycleOutsideParent: (id: string, parentId: string) =>
    `Cycle "${id}" does not lie inside its parent cycle "${parentId}".`,
  targetEqualsStart: (value: string) =>
    `The target equals the start (${value}), so progress cannot be measured; use a "threshold" key result to keep a value at a level.`,
  rangeMinAboveMax: (min: string, max: string) => `The range minimum ${min} is above its maximum ${max}.`,
  negativeWeight: 'A weight must be a number of zero or more: 0 excludes an item, larger numbers weigh more.',
  numberOutOfRange: (value: string) =>
    `The number ${value} is outside the supported range (zero, or a magnitude from 1e-30 to 1e30).`,
  invalidNumber:
    'Expected a finite number or a decimal string such as "1234.56" (a dot for decimals, no thousands separators).',
  invalidDate: 'Expected a calendar date written as YYYY-MM-DD, such as "2026-07-01".',
  invalidTimestamp:
    'Expected a calendar date (YYYY-MM-DD) or a date-time with an offset, such as "2026-07-01T09:30:00+07:00".',
  initiativeTarget: 'An initiative must name exactly one of keyResultId or objectiveId.',
  duplicateStep: (min: string) => `Two scoring steps start at the same progress ${min}.`,
  cascadeLoop: (loop: readonly string[]) => `The cascade contains a loop: ${loop.join(' → ')}.`,
  parentLoop: (what: string, loop: readonly string[]) =>
    `The ${what} hierarchy contains a loop: ${loop.join(' → ')}.`,
  selfLink: (id: string) => `Objective "${id}" links to itself.`,
  phaseOutOfOrder: (at: string) =>
    `The phase target on ${at} does not lie between the previous target and the final target: phases must move steadily from the start to the target.`,
  phaseDuplicate: (at: string) => `Two phase targets fall on ${at}.`,
  kpiMissingPart: (part: string) =>
    `A KPI needs all four parts — a measurable target, a timeframe, a data source and a tracking frequency — and this one has no ${part}.`,
  kpiZeroTarget: (polarity: string) =>
    `A ${polarity} KPI with a target of 0 and no baseline cannot be measured as a ratio; give it a baseline to measure from.`,
  kpiTargetEqualsBaseline: 'The target equals the baseline, so attainment cannot be measured.',
  scaleGoalEqualsRedFlag: 'The goal equals the red flag, so the 0–10 scale has no length.',
  kpiEmptyTimeframe: (start: string, end: string) => `The timeframe ends (${end}) before it starts (${start}).`,
} as const;

import type { PlanInput } from '../../src/index.js';

/**
 * A plan whose every text the reports show is `text(i)`, with the same shape whatever the
 * text: a proposed objective, and an aggregated key result (`text(22)`, titled `text(21)`)
 * summed from key result `text(9)`.
 */
export function planWith(text: (i: number) => string): PlanInput {
  return {
    name: text(0),
    cycles: [{ id: 'q3', name: text(1), start: '2026-07-01', end: '2026-09-30' }],
    units: [{ id: text(2), name: text(3), level: 'team' }],
    objectives: [
      { id: text(4), title: text(5), cycleId: 'q3', unitId: text(2), ownerId: text(6) },
      { id: text(7), title: text(8), cycleId: 'q3', parentId: text(4), state: 'proposed' },
    ],
    keyResults: [
      { id: text(9), objectiveId: text(4), title: text(10), kind: 'metric', start: 0, target: 10, unit: text(11), ownerId: text(12), links: [{ to: text(22), contributes: true }] },
      // An aggregated key result: its contributor's title is shown again in its "= sum of" line.
      { id: text(22), objectiveId: text(4), title: text(21), kind: 'metric', start: 0, target: 20, unit: text(11), aggregate: 'sum' },
      { id: text(13), objectiveId: text(7), title: text(14), kind: 'threshold', comparator: 'atMost', value: 5, unit: text(15) },
    ],
    checkIns: [
      { keyResultId: text(9), at: '2026-08-01', value: 4, note: text(16) },
      { keyResultId: text(13), at: '2026-08-01', value: 3 },
    ],
    kpis: [
      { id: text(17), name: text(18), unit: text(19), unitId: text(2), target: { polarity: 'higher', value: 100 }, timeframe: { cycleId: 'q3' }, dataSource: { name: text(20) }, frequency: 'monthly' },
    ],
    measurements: [{ kpiId: text(17), at: '2026-08-01', value: 80 }],
  };
}

/** The slots of planWith that are ids (the rest is text shown in reports). */
export const ID_SLOTS: ReadonlySet<number> = new Set([2, 4, 7, 9, 13, 17, 22]);

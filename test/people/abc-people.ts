// The worked example of docs/people.md: the ABC company of examples/plans/abc-kpis.json
// (company → Sales, Marketing, Projects; Sales → Lan, Minh, with their KPI sheets) given
// objectives at each level of the tree, as the seeds' progress report has them.
import { parsePlan, type Plan, type PlanInput } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';

const metric = (id: string, objectiveId: string, target: number, extra: object = {}) => ({
  id, objectiveId, title: id, kind: 'metric' as const, start: 0, target, ...extra,
});

export const ABC_PEOPLE_INPUT: PlanInput = (() => {
  const abc = loadPlan('abc-kpis');
  return {
    ...abc,
    objectives: [
      ...(abc.objectives ?? []),
      { id: 'o-abc', title: 'Tăng trưởng doanh thu', cycleId: 'q4-2026', unitId: 'abc', ownerId: 'an', rollup: 'keyResults' },
      { id: 'o-sales', title: 'Mở rộng tập khách hàng', cycleId: 'q4-2026', unitId: 'sales', ownerId: 'lan', parentId: 'o-abc', rollup: 'keyResults' },
      { id: 'o-lan', title: 'Chăm sóc khách hàng lớn', cycleId: 'q4-2026', unitId: 'lan', ownerId: 'lan', parentId: 'o-sales', weight: 2 },
      { id: 'o-minh', title: 'Mở thị trường miền Trung', cycleId: 'q4-2026', unitId: 'minh', ownerId: 'minh', parentId: 'o-sales' },
    ],
    keyResults: [
      ...(abc.keyResults ?? []),
      metric('kr-abc-revenue', 'o-abc', 10, { unit: 'tỷ đồng' }),
      metric('kr-sales-deals', 'o-sales', 40, { ownerId: 'minh' }),
      { ...metric('kr-sales-nps', 'o-sales', 50), start: 30 },
      metric('kr-lan-visits', 'o-lan', 100),
      metric('kr-minh-demos', 'o-minh', 20),
    ],
    checkIns: [
      ...(abc.checkIns ?? []),
      { keyResultId: 'kr-abc-revenue', at: '2026-12-15', value: 7 },
      { keyResultId: 'kr-sales-deals', at: '2026-12-15', value: 30 },
      { keyResultId: 'kr-sales-nps', at: '2026-12-15', value: 40 },
      { keyResultId: 'kr-lan-visits', at: '2026-12-15', value: 90 },
      { keyResultId: 'kr-minh-demos', at: '2026-12-15', value: 12 },
    ],
  };
})();

export const ABC_PEOPLE: Plan = parsePlan(ABC_PEOPLE_INPUT);

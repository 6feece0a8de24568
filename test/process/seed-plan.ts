// A plan in the shape of seed 004's process: the company's objective and the sales
// team's, aligned to it, each with key results, in Q3 2026, all still drafts.
import { parsePlan, type Plan, type PlanInput } from '../../src/index.js';

export const SEED_004: PlanInput = {
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  units: [
    { id: 'company', name: 'Nhất Corp', level: 'company' },
    { id: 'sales', name: 'Sales team', level: 'team', parentId: 'company' },
  ],
  objectives: [
    { id: 'o-company', title: 'Trở thành lựa chọn số 1 của khách hàng', cycleId: 'q3', unitId: 'company', state: 'draft' },
    { id: 'o-sales', title: 'Win the customers who matter', cycleId: 'q3', unitId: 'sales', parentId: 'o-company', state: 'draft' },
  ],
  keyResults: [
    { id: 'kr-revenue', objectiveId: 'o-company', title: 'Revenue', kind: 'metric', start: 0, target: 121000, unit: 'USD', state: 'draft' },
    { id: 'kr-nps', objectiveId: 'o-company', title: 'NPS at least 40', kind: 'threshold', comparator: 'atLeast', value: 40, state: 'draft' },
    { id: 'kr-leads', objectiveId: 'o-sales', title: 'Qualified leads', kind: 'metric', start: 0, target: 200, state: 'draft' },
    { id: 'kr-deals', objectiveId: 'o-sales', title: 'Deals closed', kind: 'metric', start: 0, target: 40, state: 'draft' },
    { id: 'kr-calls', objectiveId: 'o-sales', title: 'Calls today', kind: 'baseline', state: 'draft' },
  ],
  checkIns: [
    { keyResultId: 'kr-revenue', at: '2026-09-25', value: 96800 },
    { keyResultId: 'kr-nps', at: '2026-09-25', value: 42 },
    { keyResultId: 'kr-leads', at: '2026-09-25', value: 160 },
    { keyResultId: 'kr-deals', at: '2026-09-25', value: 24 },
  ],
};

export const seedPlan = (): Plan => parsePlan(SEED_004);

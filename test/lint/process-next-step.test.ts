import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lintPlan, parsePlan } from '../../src/index.js';
import { planArb } from '../arbitraries.js';
import { loadPlan } from '../fixtures.js';
import { SEED_004 } from '../process/seed-plan.js';

const steps = (input: typeof SEED_004, asOf = '2026-06-22', locale: 'en' | 'vi' = 'en') =>
  lintPlan(parsePlan(input), { asOf, locale }).filter((f) => f.code === 'process-next-step').map((f) => [f.id, f.severity, f.message]);

describe('process-next-step: the step each OKR is in and what the next one needs (seed 004)', () => {
  it('names drafts, and what a proposed objective lacks to be approved, in English and Vietnamese', () => {
    const input = {
      ...SEED_004,
      objectives: SEED_004.objectives!.map((o) => ({ ...o, state: o.id === 'o-sales' ? ('proposed' as const) : ('draft' as const), parentId: undefined })),
      keyResults: SEED_004.keyResults!.filter((k) => k.id !== 'kr-deals').map(({ state: _s, ...k }) => k),
      checkIns: [],
    };
    expect(steps(input)).toEqual([
      ['o-company', 'info', 'Objective "o-company" is a draft (step 1 of 6: draft); the next step is to propose it, so it can be aligned with the OKRs above and beside it.'],
      ['o-sales', 'warning', 'Objective "o-sales" is proposed; the next step is approved. It needs 2 to 5 key results with a target (baseline key results do not count): it has 1.'],
      ['o-sales', 'warning', 'Objective "o-sales" is proposed; the next step is approved. As a team objective it needs an aligned parent: a parentId or a link to what it supports.'],
    ]);
    expect(steps(input, '2026-06-22', 'vi').map((f) => f[2])).toEqual([
      'Mục tiêu "o-company" đang là bản nháp (bước 1/6: dự thảo); bước tiếp theo là đề xuất để liên kết và căn chỉnh với các OKR cấp trên và ngang cấp.',
      'Mục tiêu "o-sales" đang ở trạng thái đề xuất; bước tiếp theo là đã duyệt. Cần từ 2 đến 5 kết quả then chốt có chỉ tiêu (kết quả then chốt dạng baseline không được tính): hiện có 1.',
      'Mục tiêu "o-sales" đang ở trạng thái đề xuất; bước tiếp theo là đã duyệt. Là mục tiêu cấp nhóm, mục tiêu này cần được liên kết với cấp trên: một parentId hoặc một liên kết tới mục tiêu mà nó hỗ trợ.',
    ]);
  });

  it('says when a step is ready, when key results lag their objective, and when an active OKR is due for review', () => {
    const input = {
      ...SEED_004,
      objectives: SEED_004.objectives!.map((o) => ({ ...o, state: o.id === 'o-sales' ? ('approved' as const) : ('active' as const) })),
      keyResults: SEED_004.keyResults!.map((k) => ({ ...k, state: k.id === 'kr-leads' ? ('proposed' as const) : ('active' as const) })),
    };
    const found = steps(input, '2026-10-02');
    expect(found).toContainEqual(['o-sales', 'info', 'Objective "o-sales" is approved and ready for the next step: active.']);
    expect(found).toContainEqual(['o-company', 'info', 'Objective "o-company" is active but its cycle "q3" ended on 2026-09-30: review it and close it with a final score (step 6 of 6: review).']);
    expect(found).toContainEqual(['kr-leads', 'warning', 'Key result "kr-leads" is still proposed: it is left out of the score until it is approved.']);
    // kr-leads is proposed and its objective approved: ready to be approved itself
    expect(found).toContainEqual(['kr-leads', 'info', 'Key result "kr-leads" is proposed and ready for the next step: approved.']);
    // before the cycle ends, nothing is due
    expect(steps(input, '2026-09-30').filter((f) => String(f[2]).includes('review'))).toEqual([]);
  });

  it('finds nothing in the example plans, which do not use states', () => {
    for (const name of ['xyz-corp', 'saas-cascade', 'abc-kpis'] as const) {
      expect(lintPlan(parsePlan(loadPlan(name)), { asOf: '2026-10-15' }).filter((f) => f.code === 'process-next-step')).toEqual([]);
    }
  });

  test.prop([planArb, fc.constantFrom('2026-07-01', '2026-10-15')], { numRuns: 100 })('never speaks about a plan without states', (input, asOf) => {
    expect(lintPlan(parsePlan(input), { asOf }).filter((f) => f.code === 'process-next-step')).toEqual([]);
  });
});

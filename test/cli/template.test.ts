import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../src/cli/template.js';
import { lintPlan, parsePlan } from '../../src/index.js';
import { run, temp } from './helpers.js';

/** First, middle and last days of quarters, and a leap day: the template is made for the quarter that holds the day. */
const DAYS = ['2026-07-01', '2026-08-15', '2026-09-30', '2026-11-30', '2027-01-01', '2028-02-29', '2026-05-31', '2026-12-31'];

function written(locale: 'en' | 'vi', today: string): string {
  const dir = temp();
  for (const [name, text] of Object.entries(templateFiles(locale, today))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('okrkit template passes its own lint', () => {
  it.each(DAYS.flatMap((day) => (['en', 'vi'] as const).map((locale) => [locale, day] as const)))('%s on %s: plan.json, the tables and the sheet get no finding', async (locale, today) => {
    const dir = written(locale, today);
    for (const plan of ['plan.json', 'tables', 'sheet.csv']) {
      const result = await run(['lint', join(dir, plan), '--as-of', today, '--locale', locale]);
      expect([plan, result.code, result.stdout, result.stderr]).toEqual([plan, 0, expect.stringMatching(locale === 'en' ? /^0 findings, 0 errors\n$/ : /^0 /), '']);
      expect(result.stdout).not.toMatch(/warning|cảnh báo/i);
    }
  });

  it.each(['en', 'vi'] as const)('%s: three objectives with two to five key results each, in the chosen language, no lint warning from the library either', (locale) => {
    const plan = parsePlan(JSON.parse(templateFiles(locale, '2026-08-15')['plan.json']!));
    expect(plan.objectives).toHaveLength(3);
    for (const o of plan.objectives) {
      const count = plan.keyResults.filter((k) => k.objectiveId === o.id).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(5);
    }
    expect(lintPlan(plan, { asOf: '2026-08-15' })).toEqual([]);
    expect(plan.objectives[0]!.title).toBe(locale === 'en' ? 'Grow sales this quarter' : 'Tăng doanh số bán hàng trong quý');
    expect(templateFiles(locale, '2026-08-15')['sheet.csv']).toMatch(locale === 'en' ? /^\uFEFFobjective,key result,/ : /^\uFEFFmục tiêu;kết quả then chốt;/);
  });

  it('the sheet holds the same objectives and key results as plan.json', async () => {
    const dir = written('vi', '2026-08-15');
    const sheet = JSON.parse((await run(['report', join(dir, 'sheet.csv'), '--format', 'json', '--as-of', '2026-08-15'])).stdout) as { objectives: { title: string; keyResults: { title: string; target: unknown }[] }[] };
    const json = JSON.parse((await run(['report', join(dir, 'plan.json'), '--format', 'json', '--as-of', '2026-08-15'])).stdout) as typeof sheet;
    const shape = (r: typeof sheet) => r.objectives.map((o) => [o.title, o.keyResults.map((k) => [k.title, k.target])]);
    expect(shape(sheet)).toEqual(shape(json));
  });
});

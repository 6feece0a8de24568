import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parsePlan, performance } from '../../src/index.js';
import { ABC_PEOPLE_INPUT } from '../people/abc-people.js';
import { rawControl, run, temp } from './helpers.js';

function planFile(plan: unknown = ABC_PEOPLE_INPUT): string {
  const file = join(temp(), 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

describe('okrkit people', () => {
  const file = planFile();

  it('prints the unit tree and the owners, OKR scores beside KPI scorecards', async () => {
    const { code, stdout, stderr } = await run(['people', file, '--as-of', '2026-12-31']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'People and departments — 2026-12-31',
      '   79  Công ty ABC — company  Off track  (own OKRs 70 · objectives 5 · KPI scorecard 86 B)',
      '     76  Phòng Kinh doanh (Sales) — department  Off track  (own OKRs 63 · objectives 3 · KPI scorecard 87 B)',
      '       90  Nguyễn Thị Lan — individual  At risk  (own OKRs 90 · objectives 1 · KPI scorecard 92 A)',
    ]);
    expect(stdout).toContain('\nOwners\n   70  an  Off track  (objectives 1)\n   81  lan  Off track  (objectives 2 · KPI scorecard 92 A)\n');
  });

  it('speaks Vietnamese, scores key results with --of keyResults and takes one --cycle', async () => {
    const vi = await run(['people', file, '--as-of', '2026-12-31', '--locale', 'vi', '--of', 'keyResults', '--cycle', 'q4-2026']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Nhân sự và phòng ban — 2026-12-31');
    expect(vi.stdout).toContain('   68  minh  Chậm tiến độ  (mục tiêu 1 · thẻ điểm KPI 82 B)'); // (0.75 + 0.6) / 2
  });

  it('writes what performance returns as JSON, to a file when asked', async () => {
    const plan = parsePlan(ABC_PEOPLE_INPUT);
    const expected = performance(plan, evaluate(plan, { asOf: '2026-12-31' }));
    expect(JSON.parse((await run(['people', file, '--as-of', '2026-12-31', '--format', 'json'])).stdout)).toEqual(expected);
    const out = join(temp(), 'people.json');
    expect(await run(['people', file, '--as-of', '2026-12-31', '--format', 'json', '--out', out])).toMatchObject({ code: 0, stderr: `okrkit: wrote ${out}\n` });
    expect((await run(['people', file, '--format', 'json', '--out', out])).code).toBe(2);
  });

  it('refuses bad options with exit code 2 and a clear message', async () => {
    expect(await run(['people', file, '--of', 'teams'])).toEqual({ code: 2, stdout: '', stderr: 'okrkit: --of must be objectives or keyResults, got "teams"\n' });
    expect(await run(['people', file, '--format', 'html'])).toEqual({ code: 2, stdout: '', stderr: 'okrkit: --format must be text or json, got "html"\n' });
    expect(await run(['people', file, '--cycle', 'q9'])).toEqual({ code: 2, stdout: '', stderr: 'okrkit: --cycle: the plan has no cycle "q9"\n' });
    // A plan that is not valid is no usage error: exit 1, its problems on stderr.
    expect(await run(['people', planFile({ objectives: [{ id: 'o' }] })])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('(objectives[0].title)') });
  });

  it('shows a plan without units or owners, and never writes the plan’s control characters raw', async () => {
    expect((await run(['people', planFile({}), '--as-of', '2026-12-31'])).stdout).toBe('People and departments — 2026-12-31\n  No units and no owners in this plan.\n');
    const hostile = {
      cycles: [{ id: 'q', name: 'Q', start: '2026-01-01', end: '2026-03-31' }],
      units: [{ id: 'u', name: 'A\u001b[2J\u202eB', level: 'team' }],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q', unitId: 'u', ownerId: 'x\u0007y', finalScore: 0.5 }],
    };
    const { code, stdout } = await run(['people', planFile(hostile), '--as-of', '2026-03-31']);
    expect(code).toBe(0);
    expect(rawControl(stdout)).toBeNull();
    expect(stdout).toContain('A\\u001b[2J\\u202eB');
    expect(rawControl((await run(['people', planFile(hostile), '--format', 'json'])).stdout)).toBeNull();
  });
});

describe('okrkit report --people', () => {
  it('shows the section for a plan whose OKRs have no owner only when asked', async () => {
    const file = planFile({ ...ABC_PEOPLE_INPUT, objectives: ABC_PEOPLE_INPUT.objectives?.map(({ ownerId: _o, ...o }) => o), keyResults: ABC_PEOPLE_INPUT.keyResults?.map(({ ownerId: _o, ...k }) => k) });
    expect((await run(['report', file, '--as-of', '2026-12-31'])).stdout).not.toContain('People and departments');
    const shown = await run(['report', file, '--as-of', '2026-12-31', '--people', '--format', 'md']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('## People and departments');
    expect(shown.stdout).toContain('| Công ty ABC | company | 79 | 70 | Off track | 5 | 86 | B · Good |');
  });
});

describe('okrkit people on a flat sheet, whose owners own key results', () => {
  it('scores owners by their key results without --of, and by objectives when asked', async () => {
    const sheet = join(temp(), 'okr.csv');
    writeFileSync(sheet, 'objective,key result,start,target,current,owner,cycle\nGrow,Revenue,0,100,50,lan,Q4 2026\nGrow,Clients,0,10,10,minh,Q4 2026\n');
    const byDefault = await run(['people', sheet, '--as-of', '2026-12-31', '--format', 'json']);
    expect(byDefault.code).toBe(0);
    const result: unknown = JSON.parse(byDefault.stdout);
    expect(result).toMatchObject({ of: 'keyResults', owners: { lan: { score: 0.5 }, minh: { score: 1 } } });
    const asked = JSON.parse((await run(['people', sheet, '--as-of', '2026-12-31', '--format', 'json', '--of', 'objectives'])).stdout);
    expect(asked).toMatchObject({ of: 'objectives', owners: { lan: { score: null } } });
  });

  it('scores by key results a flat sheet whose Department column puts each objective in a unit', async () => {
    const sheet = join(temp(), 'okr.csv');
    writeFileSync(sheet, 'objective,key result,start,target,current,owner,cycle,department\nGrow,Revenue,0,100,50,lan,Q4 2026,Sales\n');
    const result = JSON.parse((await run(['people', sheet, '--as-of', '2026-12-31', '--format', 'json'])).stdout);
    expect(result).toMatchObject({ of: 'keyResults', owners: { lan: { score: 0.5 } } });
  });

  it('takes the format from --out when --format is not given', async () => {
    const out = join(temp(), 'people.json');
    expect((await run(['people', planFile(), '--as-of', '2026-12-31', '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ asOf: '2026-12-31' });
  });
});

import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The in-process switch of TZ (test/time-zones.test.ts) is checked here against Node
// processes started in each zone, as a user's server would be: the calendar's edges of
// issue 14 give the same, right answers.
const run = promisify(execFile);
const entry = pathToFileURL(fileURLToPath(new URL('../../src/index.ts', import.meta.url))).href;
const SCRIPT = `
const { yearCycle, quarterCycles, kpiSeries, elapsed } = await import(${JSON.stringify(entry)});
const kpi = { id: 'k', name: 'k', target: { polarity: 'higher', value: 1 }, dataSource: { name: 'x' }, frequency: 'daily', timeframe: { start: '2011-12-28', end: '2012-01-01' } };
console.log(JSON.stringify({
  offset: new Date(2026, 0, 15).getTimezoneOffset(),
  y1994: yearCycle(1994),
  q0050: quarterCycles(50)[0],
  y9999: yearCycle(9999),
  samoa: kpiSeries(kpi, []).buckets.map((b) => b.start + '..' + b.end),
  elapsed: elapsed({ id: 'd', name: 'd', start: '2011-12-28', end: '2012-01-01' }, '2011-12-31'),
}));
`;

async function inProcess(zone: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  const parsed: unknown = JSON.parse(stdout);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`no result from TZ=${zone}`);
  return { ...parsed };
}

describe('processes started in far-apart zones', () => {
  it('agree on the year 1994, 0050, 9999 and Samoa’s skipped day', async () => {
    const results = await Promise.all(['Pacific/Kiritimati', 'Pacific/Apia'].map(inProcess));
    expect(results.map((r) => r['offset'])).toEqual([-840, -780]);
    for (const { offset: _offset, ...rest } of results) {
      expect(rest).toEqual({
        y1994: { id: '1994', name: '1994', start: '1994-01-01', end: '1994-12-31' },
        q0050: { id: '0050-q1', name: 'Q1 0050', start: '0050-01-01', end: '0050-03-31', parentId: '0050' },
        y9999: { id: '9999', name: '9999', start: '9999-01-01', end: '9999-12-31' },
        samoa: ['2011-12-28..2011-12-28', '2011-12-29..2011-12-29', '2011-12-30..2011-12-30', '2011-12-31..2011-12-31', '2012-01-01..2012-01-01'],
        elapsed: 0.75,
      });
    }
  });
});

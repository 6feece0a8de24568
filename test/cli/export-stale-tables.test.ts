import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// Exporting CSV tables over an earlier export: a table the new plan does not write would
// be read back as part of it (a mixed plan that passes validate), so it is refused or,
// with --force, removed.
const plan = (name: string) => join('examples/plans', `${name}.json`);
const listing = (dir: string) => readdirSync(dir).sort();
const contents = (dir: string) => Object.fromEntries(listing(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('okrkit export --out folder over an earlier export', () => {
  it('refuses while a table of the earlier plan would stay, and replaces the folder whole with --force', async () => {
    const [earlier, fresh] = [temp(), temp()];
    expect((await run(['export', plan('abc-kpis'), '--out', earlier, '--force'])).code).toBe(0);
    expect((await run(['export', plan('xyz-corp'), '--out', fresh, '--force'])).code).toBe(0);
    const stale = listing(earlier).filter((f) => !listing(fresh).includes(f));
    expect(stale.length).toBeGreaterThan(0);
    const before = contents(earlier);

    const refused = await run(['export', plan('xyz-corp'), '--out', earlier]);
    expect(refused.code).toBe(2);
    expect(contents(earlier)).toEqual(before);

    const withForce = await run(['export', plan('xyz-corp'), '--out', earlier, '--force']);
    expect(withForce.code).toBe(0);
    expect(contents(earlier)).toEqual(contents(fresh));
    const back = await run(['export', earlier, '--out', join(temp(), 'back.json')]);
    expect(back.code).toBe(0);
  });

  it('names the stale tables, in Vietnamese too', async () => {
    const dir = temp();
    await run(['export', plan('abc-kpis'), '--out', dir]);
    const en = await run(['export', plan('xyz-corp'), '--out', dir]);
    expect(en.stderr).toMatch(/kpis\.csv.*earlier export/);
    const vi = await run(['export', plan('xyz-corp'), '--out', dir, '--locale', 'vi']);
    expect(vi.stderr).toMatch(/kpis\.csv.*lần xuất trước/);
  });
});

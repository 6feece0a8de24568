import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

const PLANS = join(import.meta.dirname, '../../examples/plans');
const XYZ = readFileSync(join(PLANS, 'xyz-corp.json'), 'utf8');

/** A folder with plan.json and, from export, tables/ (the plan as CSV tables). */
async function workspace() {
  const dir = temp();
  writeFileSync(join(dir, 'plan.json'), XYZ);
  expect((await run(['export', join(dir, 'plan.json'), '--out', join(dir, 'tables')])).code).toBe(0);
  return dir;
}

describe('no command writes over one of its inputs', () => {
  it.each([[[]], [['--force']]])('report --out <its own plan> %j exits 2 and leaves the plan as it was', async (force) => {
    const dir = await workspace();
    const plan = join(dir, 'plan.json');
    const result = await run(['report', plan, '--out', plan, ...force]);
    expect(result.code).toBe(2);
    expect(readFileSync(plan, 'utf8')).toBe(XYZ);
    if (force.length > 0) expect(result.stderr).toContain('never writes over its input');
    // The same file under another name: a relative path, a hard link, a CSV file of a plan folder.
    const link = join(dir, 'hard.json');
    linkSync(plan, link);
    // Under --format json the refusal is a JSON object on stdout, nothing on stderr.
    const refused = await run(['report', plan, '--out', link, '--force', '--format', 'json']);
    expect([refused.code, refused.stderr]).toEqual([2, '']);
    expect(JSON.parse(refused.stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('never writes over its input') } });
    expect(await run(['export', plan, '--out', join(dir, 'plan.json'), '--force'])).toMatchObject({ code: 2 });
    const tables = join(dir, 'tables');
    const before = readFileSync(join(tables, 'objectives.csv'), 'utf8');
    expect((await run(['report', tables, '--out', join(tables, 'objectives.csv'), '--force'])).stderr).toContain('never writes over its input');
    expect((await run(['export', tables, '--out', join(dir, 'tables', '..', 'tables'), '--force'])).stderr).toContain('never writes over its input');
    expect(readFileSync(join(tables, 'objectives.csv'), 'utf8')).toBe(before);
    expect(readFileSync(plan, 'utf8')).toBe(XYZ);
  });

  it('never writes through a symbolic link, dangling or not', async () => {
    const dir = await workspace();
    const plan = join(dir, 'plan.json');
    // Names ending in .json: a format both report and schema write.
    symlinkSync(plan, join(dir, 'to-plan.json'));
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'dangling.json'));
    writeFileSync(join(dir, 'target.txt'), 'kept');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'to-target.json'));
    for (const out of ['to-plan.json', 'dangling.json', 'to-target.json']) {
      for (const args of [['report', plan], ['schema']]) {
        const result = await run([...args, '--out', join(dir, out), '--force']);
        expect([out, result.code]).toEqual([out, 2]);
        expect(result.stderr).toContain('symbolic link');
      }
    }
    expect(existsSync(join(dir, 'elsewhere.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('kept');
    expect(readFileSync(plan, 'utf8')).toBe(XYZ);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
  });

  it.each(['report', 'export', 'schema', 'template'])('%s: an empty --out is a usage error', async (command) => {
    const args = command === 'report' || command === 'export' ? [command, join(PLANS, 'xyz-corp.json')] : [command];
    const dir = temp();
    const result = await run([...args, '--out', '']);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('--out needs a file or folder name') });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out naming a folder is an error for report and schema, a file for export and template', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'folder.json'));
    expect((await run(['report', join(PLANS, 'xyz-corp.json'), '--out', join(dir, 'folder.json')])).stderr).toContain('is a folder');
    expect((await run(['schema', '--out', join(dir, 'folder.json'), '--force'])).stderr).toContain('is a folder');
    writeFileSync(join(dir, 'file'), 'x');
    expect((await run(['export', join(PLANS, 'xyz-corp.json'), '--out', join(dir, 'file')])).stderr).toContain('is not a folder');
    expect((await run(['template', '--out', join(dir, 'file')])).stderr).toContain('is not a folder');
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('x');
  });

  it('report, schema, export and template all refuse an existing file, and replace it with --force', async () => {
    const dir = temp();
    const plan = join(PLANS, 'xyz-corp.json');
    for (const [args, out] of [[['report', plan], 'r.txt'], [['schema'], 's.json'], [['export', plan], 'e.json']] as const) {
      writeFileSync(join(dir, out), 'mine');
      const refused = await run([...args, '--out', join(dir, out)]);
      expect([out, refused.code]).toEqual([out, 2]);
      expect(refused.stderr).toContain('already exists; choose another --out, or add --force to replace it');
      expect(readFileSync(join(dir, out), 'utf8')).toBe('mine');
      expect((await run([...args, '--out', join(dir, out), '--force'])).code).toBe(0);
      expect(readFileSync(join(dir, out), 'utf8')).not.toBe('mine');
    }
    expect((await run(['template', '--out', join(dir, 't')])).code).toBe(0);
    writeFileSync(join(dir, 't', 'plan.json'), 'mine');
    expect((await run(['template', '--out', join(dir, 't')])).code).toBe(2);
    expect(readFileSync(join(dir, 't', 'plan.json'), 'utf8')).toBe('mine');
    expect((await run(['template', '--out', join(dir, 't'), '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 't', 'plan.json'), 'utf8')).not.toBe('mine');
  });
});

import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { main, type Io } from '../../src/cli/main.js';
import { run, temp } from './helpers.js';
import { zip } from '../xlsx/helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = join(root, 'test/fixtures/xlsx/vi-excel.xlsx');
const TWIN = join(root, 'test/fixtures/xlsx/vi-excel.json');
const PLAN = join(root, 'examples/plans/xyz-corp.json');
const AS_OF = '2026-11-15';

/** Runs `okrkit` in-process, keeping the bytes written to standard output (a workbook to a pipe). */
async function runBytes(args: string[], tty = false) {
  const chunks: Buffer[] = [];
  let stderr = '';
  const io: Io = {
    stdout: { write: (t: string | Uint8Array) => chunks.push(Buffer.from(t)), isTTY: tty },
    stderr: { write: (t: string | Uint8Array) => (stderr += String(t)), isTTY: tty },
    env: {},
    today: '2026-08-15',
  };
  const code = await main(args, io);
  return { code, stdout: Buffer.concat(chunks), stderr };
}

/** A JSON result with the plan's path taken out (the workbook and its JSON twin have different names). */
// A lint finding of a plan read from a workbook also has its `where` (file, sheet and row), which a JSON plan's lacks.
const json = (text: string, plan: string): unknown => JSON.parse(text.split(JSON.stringify(plan).slice(1, -1)).join('<plan>'), (key, value: unknown) => (key === 'where' ? undefined : value));

describe('every command reads an .xlsx plan as its JSON twin', () => {
  const read = ['--decimal', ',', '--as-of', AS_OF];
  it.each([
    [['validate', '--format', 'json']],
    [['lint', '--format', 'json']],
    [['report', '--format', 'json']],
    [['report', '--format', 'csv']],
    [['people', '--format', 'json']],
  ])('%j', async (command) => {
    const [name, ...rest] = command;
    const options = name === 'validate' ? read.slice(0, 2) : read;
    const xlsx = await run([name!, FIXTURE, ...rest, ...options]);
    const twin = await run([name!, TWIN, ...rest, ...options]);
    expect([xlsx.code, xlsx.stderr]).toEqual([0, '']);
    expect(xlsx.stdout.length).toBeGreaterThan(100);
    if (rest.includes('csv')) expect(xlsx.stdout).toBe(twin.stdout);
    else expect(json(xlsx.stdout, FIXTURE)).toEqual(json(twin.stdout, TWIN));
  });

  it('validate in text: the same summary', async () => {
    const xlsx = await run(['validate', FIXTURE, '--decimal', ',', '--locale', 'vi']);
    const twin = await run(['validate', TWIN, '--locale', 'vi']);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout.replace(FIXTURE, '<plan>')).toBe(twin.stdout.replace(TWIN, '<plan>'));
  });

  it('export to JSON writes the plan of the JSON twin', async () => {
    const dir = temp();
    expect((await run(['export', FIXTURE, '--decimal', ',', '--out', join(dir, 'a.json')])).code).toBe(0);
    expect((await run(['export', TWIN, '--out', join(dir, 'b.json')])).code).toBe(0);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });
});

describe('a workbook with bad cells is an invalid plan, exit 1, each problem at its sheet, row and column', () => {
  it.each([
    ['en', 'row 4, column "Chỉ tiêu (Target)": Cannot tell whether "1.500,5" has a decimal comma'],
    ['vi', 'hàng 4, cột "Chỉ tiêu (Target)": Không biết "1.500,5" dùng dấu phẩy'],
  ])('--locale %s', async (locale, text) => {
    const validate = await run(['validate', FIXTURE, '--locale', locale]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`${FIXTURE} › OKR Quý IV, ${text}`);
    for (const name of ['report', 'lint', 'people', 'export']) {
      const other = await run([name, FIXTURE, '--locale', locale, '--format', 'json', ...(name === 'export' ? ['--out', join(temp(), 'x.json')] : [])]);
      expect(other.code).toBe(1);
      const { valid, problems } = JSON.parse(other.stdout) as { valid: boolean; problems: { where: string; message: string }[] };
      expect(valid).toBe(false);
      expect(`${problems[0]!.where}: ${problems[0]!.message}`).toContain(text);
    }
  });
});

describe('export --out plan.xlsx', () => {
  it('writes a workbook that validates and reports as the JSON plan', async () => {
    const dir = temp();
    const out = join(dir, 'p.xlsx');
    const exported = await run(['export', PLAN, '--out', out, '--format', 'json']);
    expect([exported.code, JSON.parse(exported.stdout)]).toEqual([0, { written: [out] }]);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const a = await run(['validate', out]);
    const b = await run(['validate', PLAN]);
    expect([a.code, a.stdout.replace(out, '<plan>')]).toEqual([0, b.stdout.replace(PLAN, '<plan>')]);
    const ra = await run(['report', out, '--format', 'json', '--as-of', AS_OF]);
    const rb = await run(['report', PLAN, '--format', 'json', '--as-of', AS_OF]);
    expect(ra.code).toBe(0);
    expect(JSON.parse(ra.stdout)).toEqual(JSON.parse(rb.stdout));
  });

  it('writes the flat sheet in the chosen language', async () => {
    const out = join(temp(), 'p.xlsx');
    expect((await run(['export', TWIN, '--out', out, '--locale', 'vi'])).code).toBe(0);
    expect(XLSX.read(readFileSync(out)).SheetNames).toContain('Bảng OKR');
  });

  it('turns a CSV sheet with decimal commas into a workbook: --decimal is how the input is read, so it is taken', async () => {
    const csv = join(root, 'test/fixtures/local-formats/vi-excel.csv');
    const out = join(temp(), 'p.xlsx');
    expect((await run(['export', csv, '--out', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect((await run(['export', csv, '--decimal', ',', '--out', out])).code).toBe(0);
    const fromXlsx = await run(['report', out, '--format', 'json', '--as-of', AS_OF]);
    const fromJson = await run(['report', join(root, 'test/fixtures/local-formats/vi-excel.json'), '--format', 'json', '--as-of', AS_OF]);
    expect(JSON.parse(fromXlsx.stdout)).toEqual(JSON.parse(fromJson.stdout));
  });

  it('refuses --separator, and an existing file without --force', async () => {
    const out = join(temp(), 'p.xlsx');
    const sep = await run(['export', PLAN, '--out', out, '--separator', ';']);
    expect([sep.code, sep.stderr]).toEqual([2, expect.stringContaining('--separator is for CSV tables; --out names a .xlsx file')]);
    expect(existsSync(out)).toBe(false);
    expect((await run(['export', PLAN, '--out', out])).code).toBe(0);
    const again = await run(['export', PLAN, '--out', out]);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('already exists')]);
    expect((await run(['export', PLAN, '--out', out, '--force'])).code).toBe(0);
  });
});

describe('report --format xlsx', () => {
  it('--out r.xlsx holds the rows of --format csv, as SheetJS reads them', async () => {
    const out = join(temp(), 'r.xlsx');
    const written = await run(['report', PLAN, '--out', out, '--as-of', AS_OF]);
    expect([written.code, written.stderr]).toEqual([0, `okrkit: wrote ${out}\n`]);
    const csv = parse((await run(['report', PLAN, '--format', 'csv', '--as-of', AS_OF])).stdout, { bom: true }) as string[][];
    const book = XLSX.read(readFileSync(out));
    const ids = book.SheetNames.flatMap((name) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1 }).slice(1).map((r) => `${String(r[0])} ${String(r[1])}`));
    expect(ids.sort()).toEqual(csv.slice(1).map((r) => `${r[0]} ${r[1]}`).sort());
  });

  it('is refused on a terminal without --out, and written to a pipe', async () => {
    const tty = await runBytes(['report', PLAN, '--format', 'xlsx', '--as-of', AS_OF], true);
    expect([tty.code, tty.stdout.length]).toEqual([2, 0]);
    expect(tty.stderr).toContain('--format xlsx writes a binary workbook');
    const pipe = await runBytes(['report', PLAN, '--format', 'xlsx', '--as-of', AS_OF]);
    expect([pipe.code, pipe.stderr]).toEqual([0, '']);
    expect(XLSX.read(pipe.stdout).SheetNames.length).toBeGreaterThan(0);
  });

  it('--out with another extension than the format is refused', async () => {
    const dir = temp();
    const bad = await run(['report', PLAN, '--format', 'xlsx', '--out', join(dir, 'r.csv')]);
    expect([bad.code, readdirSync(dir)]).toEqual([2, []]);
    expect(bad.stderr).toContain('does not end in .xlsx');
  });
});

describe('template writes start.xlsx', () => {
  it.each(['en', 'vi'])('--locale %s: the starter workbook passes lint with no finding', async (locale) => {
    const dir = join(temp(), 't');
    const made = await run(['template', '--out', dir, '--locale', locale, '--format', 'json']);
    expect(made.code).toBe(0);
    expect((JSON.parse(made.stdout) as { written: string[] }).written).toContain(join(dir, 'start.xlsx'));
    const lint = await run(['lint', join(dir, 'start.xlsx'), '--format', 'json']);
    expect([lint.code, (JSON.parse(lint.stdout) as { findings: unknown[] }).findings]).toEqual([0, []]);
    const fromJson = await run(['report', join(dir, 'plan.json'), '--format', 'json']);
    expect(JSON.parse((await run(['report', join(dir, 'start.xlsx'), '--format', 'json'])).stdout)).toEqual(JSON.parse(fromJson.stdout));
    expect(XLSX.read(readFileSync(join(dir, 'start.xlsx'))).SheetNames).toContain(locale === 'vi' ? 'Bảng OKR' : 'OKRs');
  });
});

/** A zip of one deflated workbook part that declares 100 bytes and unzips to 64 MB: a zip bomb. */
const zipBomb = (): Uint8Array =>
  zip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 << 20), size: 100 },
  ]);

describe('hostile workbooks: unreadable input, exit 2, the file named', () => {
  it.each([
    ['random bytes', () => Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)), 'Not an Excel workbook (.xlsx)', 'Không phải sổ làm việc Excel'],
    ['a CSV file renamed .xlsx', () => readFileSync(join(root, 'test/fixtures/encodings/vi-utf8.csv')), 'Not an Excel workbook (.xlsx)', 'Không phải sổ làm việc Excel'],
    ['a zip bomb', zipBomb, 'The workbook cannot be read (the part xl/worksheets/sheet1.xml does not unzip to its size)', '(the part xl/worksheets/sheet1.xml does not unzip to its size)'],
  ])('%s', async (_, bytes, en, vi) => {
    const file = join(temp(), 'okr.xlsx');
    writeFileSync(file, bytes());
    for (const name of ['validate', 'lint', 'report', 'people']) {
      const result = await run([name, file]);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toBe(`okrkit: ${file}: ${en}${result.stderr.slice(`okrkit: ${file}: ${en}`.length)}`);
    }
    expect((await run(['validate', file, '--locale', 'vi'])).stderr).toContain(vi);
    const asJson = await run(['validate', file, '--format', 'json']);
    expect([asJson.code, (JSON.parse(asJson.stdout) as { error: { code: string } }).error.code]).toEqual([2, 'input']);
  });

  it('--out over the input workbook is refused, even with --force, and the workbook is left as it was', async () => {
    const dir = temp();
    const file = join(dir, 'okr.xlsx');
    copyFileSync(FIXTURE, file);
    const before = readFileSync(file);
    for (const args of [
      ['export', file, '--decimal', ',', '--out', file, '--force'],
      ['report', file, '--decimal', ',', '--out', file, '--force'],
    ]) {
      const result = await run(args);
      expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('is the plan being read')]);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('okrkit/xlsx is loaded only when a workbook is read or written', () => {
  const SPECIFIER = /(?:^|[^\w$.])(?:import|export)\s*(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]/g;
  it('no module of src/cli imports exceljs or src/xlsx statically; the workbook paths import src/xlsx/index.js dynamically', () => {
    const files = readdirSync(join(root, 'src/cli'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    let dynamic = 0;
    for (const file of files) {
      const text = readFileSync(join(root, 'src/cli', file), 'utf8');
      for (const m of text.matchAll(SPECIFIER)) expect([file, m[1]]).not.toEqual([file, expect.stringMatching(/exceljs|xlsx\//)]);
      dynamic += [...text.matchAll(/await import\('(?:\.\.\/)+xlsx\/index\.js'\)/g)].length;
    }
    expect(dynamic).toBeGreaterThanOrEqual(4);
  });

  const bin = join(root, 'dist/bin.js');
  // A probe run before the built command: at exit, it says whether exceljs was loaded (node loads it as CommonJS).
  const PROBE = `import { createRequire } from 'node:module'; const r = createRequire(process.cwd() + '/probe.js'); process.on('exit', () => process.stderr.write('exceljs:' + Object.keys(r.cache).some((k) => k.includes('exceljs'))));`;
  it.skipIf(!existsSync(bin))('the built command: validate plan.json never loads exceljs, validate plan.xlsx does', () => {
    const probe = `data:text/javascript,${encodeURIComponent(PROBE)}`;
    const runBin = (plan: string) => spawnSync(process.execPath, ['--import', probe, bin, 'validate', plan, '--decimal', ','], { encoding: 'utf8' });
    const plain = runBin(TWIN);
    expect([plain.status, plain.stderr]).toEqual([0, 'exceljs:false']);
    const workbook = runBin(FIXTURE);
    expect([workbook.status, workbook.stderr]).toEqual([0, 'exceljs:true']);
  });
});

import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toWindows1258 } from '../fixtures/encodings/make.js';
import { run, temp } from './helpers.js';

const DIR = join(import.meta.dirname, '../fixtures/encodings');
const reportOf = async (file: string) => await run(['report', file, '--format', 'json', '--as-of', '2026-10-01']);

const utf8 = await reportOf(join(DIR, 'vi-utf8.csv'));

describe('the command reads CSV files in the encodings Excel saves', () => {

  it.each(['vi-utf8-bom.csv', 'vi-utf16le.csv', 'vi-windows-1258.csv', 'vi-nfd.csv'])('%s: validate, lint and report as the UTF-8 sheet', async (name) => {
    const file = join(DIR, name);
    expect(utf8.code).toBe(0);
    expect(await run(['validate', file])).toMatchObject({ code: 0, stdout: expect.stringContaining('3 key results') });
    expect((await run(['lint', file, '--as-of', '2026-10-01'])).code).toBe((await run(['lint', join(DIR, 'vi-utf8.csv'), '--as-of', '2026-10-01'])).code);
    expect(await reportOf(file)).toEqual(utf8);
    const text = (await run(['report', file, '--as-of', '2026-10-01'])).stdout;
    expect(text).toContain('Tổng doanh thu tăng trưởng mạnh');
    expect(text).not.toContain('\uFFFD');
  });

  it('a Windows-1252 sheet reports as its UTF-8 copy', async () => {
    const report = await reportOf(join(DIR, 'western-windows-1252.csv'));
    expect(report).toEqual(await reportOf(join(DIR, 'western-utf8.csv')));
    expect(report.stdout).toContain('Expansão em São Paulo');
  });

  it('a folder of CSV tables saved in Windows-1258 reads as the tables in UTF-8', async () => {
    const dir = temp();
    expect((await run(['export', join(DIR, 'vi-utf8.csv'), '--out', join(dir, 'utf8'), '--as-of', '2026-10-01'])).code).toBe(0);
    mkdirSync(join(dir, 'ansi'));
    for (const name of readdirSync(join(dir, 'utf8'))) {
      writeFileSync(join(dir, 'ansi', name), toWindows1258(readFileSync(join(dir, 'utf8', name), 'utf8').replace(/^\uFEFF/, '')));
    }
    expect(await reportOf(join(dir, 'ansi'))).toEqual(await reportOf(join(dir, 'utf8')));
  });

  it('an Excel workbook or a binary file is refused, naming the file and saying to save it as CSV UTF-8', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'okr.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]));
    const xlsx = await run(['validate', join(dir, 'okr.csv')]);
    expect(xlsx.code).not.toBe(0);
    expect(xlsx.stderr).toContain(`${join(dir, 'okr.csv')}: An Excel workbook (.xlsx), not CSV text; okrkit reads workbooks: pass the .xlsx file itself (named .xlsx), or save it as CSV UTF-8`);
    expect((await run(['validate', join(dir, 'okr.csv'), '--locale', 'vi'])).stderr).toContain('hãy lưu dưới dạng CSV UTF-8');
    mkdirSync(join(dir, 'tables'));
    copyFileSync(join(DIR, 'vi-utf8.csv'), join(dir, 'tables', 'objectives.csv'));
    writeFileSync(join(dir, 'tables', 'key-results.csv'), Buffer.from('id\0title\r\n'));
    expect((await run(['report', join(dir, 'tables')])).stderr).toContain(`${join(dir, 'tables', 'key-results.csv')}: NUL bytes: not CSV text`);
  });

  it('a JSON plan is still read as UTF-8, not guessed', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.json'), Buffer.concat([Buffer.from('{"name": "'), toWindows1258('Kế hoạch'), Buffer.from('"}')]));
    expect((await run(['validate', join(dir, 'plan.json')])).stdout + (await run(['validate', join(dir, 'plan.json')])).stderr).not.toContain('Kế hoạch');
  });
});

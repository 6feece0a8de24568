import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// A plan saved by Excel as "Unicode Text" (.txt: UTF-16 LE with a byte-order mark, tab
// separated) or as tab-separated text (.tsv) is read as a flat sheet.
const SHEET = join(import.meta.dirname, '../fixtures/encodings/vi-utf8.csv');
const rows: string[][] = parse(readFileSync(SHEET, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' });
const tabbedOf = (table: readonly (readonly string[])[]) => `${table.map((r) => r.join('\t')).join('\r\n')}\r\n`;
const tabbed = tabbedOf(rows);

const reportOf = async (file: string) => run(['report', file, '--format', 'json', '--as-of', '2026-10-01']);

describe('text-file plans: .txt and .tsv', () => {
  it('Unicode Text (.txt, UTF-16 LE with BOM, tabs) and a UTF-8 .tsv report as the CSV sheet', async () => {
    expect(tabbed).toContain('\t');
    const dir = temp();
    const unicode = join(dir, 'okr.txt');
    writeFileSync(unicode, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tabbed, 'utf-16le')]));
    const tsv = join(dir, 'okr.tsv');
    writeFileSync(tsv, tabbed);
    const expected = await reportOf(SHEET);
    expect(expected.code).toBe(0);
    for (const file of [unicode, tsv]) {
      const got = await reportOf(file);
      expect([file, got.code, got.stderr]).toEqual([file, 0, '']);
      expect(JSON.parse(got.stdout)).toEqual(JSON.parse(expected.stdout));
      expect(await run(['validate', file])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid — ') });
    }
  });

  it('a problem in a .txt sheet is told by file, row and column; bytes that are no text are unreadable (exit 2)', async () => {
    const dir = temp();
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tabbedOf(rows.map((r, i) => (i === 1 ? r.map((cell, j) => (j === 4 ? 'abc' : cell)) : r))), 'utf-16le')]));
    const result = await run(['validate', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${bad}, row 2, column "Chỉ tiêu": `);
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]));
    expect((await run(['validate', binary])).code).toBe(2);
  });
});

import { readFileSync } from 'node:fs';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { expect } from 'vitest';
import XLSX from 'xlsx';
import { OkrkitError } from '../../src/index.js';
import { readPlanXlsx } from '../../src/xlsx/index.js';

const compressed = new Uint8Array(readFileSync(new URL('../fixtures/xlsx/vi-excel.xlsx', import.meta.url)));
// The same workbook with its parts stored, not deflated: a changed byte then changes the XML exceljs parses.
const stored = new Uint8Array(XLSX.write(XLSX.read(compressed), { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer);
const fixture = compressed.length > stored.length ? compressed : stored;

test.prop([fc.constantFrom(compressed, stored), fc.array(fc.tuple(fc.nat({ max: fixture.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat({ max: fixture.length })], {
  numRuns: Number(process.env.FUZZ_RUNS ?? 80),
})('a damaged or cut workbook is read or refused with an OkrkitError, never another error', async (original, changes, cut) => {
  const bytes = original.slice(0, cut < original.length / 4 || cut > original.length ? original.length : cut);
  for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
  try {
    await readPlanXlsx(bytes, { decimal: ',' });
  } catch (error) {
    expect(error).toBeInstanceOf(OkrkitError);
    expect((error as OkrkitError).code).toBe('invalid_csv');
  }
});

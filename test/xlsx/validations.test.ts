import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { writePlanXlsx } from '../../src/xlsx/index.js';
import { entriesOf, unzipped } from '../../src/xlsx/zip.js';
import { loadPlan } from '../fixtures.js';

/** Each sheet part's XML of a workbook, read straight from its zip. */
function sheetXml(bytes: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const e of entriesOf(bytes) ?? []) {
    const data = unzipped(bytes, e);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) && data !== null) parts.set(e.name, Buffer.from(data).toString('utf8'));
  }
  return parts;
}

/** A range `A2:B9` (or a cell) as its columns and rows. */
function rangeOf(ref: string): { c0: number; c1: number; r0: number; r1: number } {
  const [a, b] = ref.split(':').map((x) => XLSX.utils.decode_cell(x));
  return { c0: a!.c, r0: a!.r, c1: (b ?? a)!.c, r1: (b ?? a)!.r };
}

const overlap = (x: ReturnType<typeof rangeOf>, y: ReturnType<typeof rangeOf>): boolean => x.c0 <= y.c1 && y.c0 <= x.c1 && x.r0 <= y.r1 && y.r0 <= x.r1;

describe('writePlanXlsx: drop-down lists', () => {
  it.each(['xyz-corp', 'saas-cascade', 'abc-kpis'] as const)('%s: no two validation ranges of a sheet overlap, one per column', async (name) => {
    const bytes = await writePlanXlsx(parsePlan(loadPlan(name)), { locale: 'vi' });
    let validations = 0;
    for (const [part, xml] of sheetXml(bytes)) {
      const refs = [...xml.matchAll(/<dataValidation\b[^>]*\ssqref="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/));
      validations += refs.length;
      const ranges = refs.map(rangeOf);
      ranges.forEach((r, i) => ranges.slice(i + 1).forEach((s) => expect(overlap(r, s), `${part}: ${refs.join(' ')}`).toBe(false)));
      expect(ranges.every((r) => r.c0 === r.c1)).toBe(true);
    }
    expect(validations).toBeGreaterThan(0);
  });

  it('adds no blank rows: each sheet as SheetJS reads it ends at its data', async () => {
    const plan = parsePlan(loadPlan('saas-cascade'));
    const book = XLSX.read(await writePlanXlsx(plan), { type: 'buffer' });
    const keyResults = book.Sheets['key-results']!;
    expect(XLSX.utils.decode_range(keyResults['!ref']!).e.r).toBe(plan.keyResults.length);
    expect(XLSX.utils.sheet_to_json(keyResults)).toHaveLength(plan.keyResults.length);
  });

  it('writes no all-blank column (check-ins without ids) and no sheet for an empty table', async () => {
    const plan = parsePlan(loadPlan('xyz-corp'));
    expect(plan.checkIns.every((c) => c.id === undefined)).toBe(true);
    const book = XLSX.read(await writePlanXlsx(plan), { type: 'buffer' });
    const header = XLSX.utils.sheet_to_json<string[]>(book.Sheets['check-ins']!, { header: 1 })[0];
    expect(header).not.toContain('id');
    expect(header).toContain('keyResultId');
    expect(book.SheetNames).not.toContain('kpis');
    expect(book.SheetNames).not.toContain('measurements');
  });
});

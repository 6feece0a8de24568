import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SPECIFIER = /(?:^|[^\w$.])(?:import|export)\s*(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every package a source module reaches through its imports (type-only imports too, to be strict), and the modules on the way. */
function reach(entry: string): { packages: Set<string>; modules: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(join(root, entry));
  return { packages, modules };
}

describe('exceljs is loaded only by okrkit/xlsx', () => {
  it.each(['src/index.ts', 'src/csv/index.ts', 'src/report/index.ts'])('%s reaches no exceljs and no src/xlsx module', (entry) => {
    const { packages, modules } = reach(entry);
    expect(modules.size).toBeGreaterThan(5);
    expect([...packages]).not.toContain('exceljs');
    expect([...modules].filter((m) => m.includes('/src/xlsx/'))).toEqual([]);
  });

  it('okrkit/xlsx does reach exceljs (the walk finds it when it is there)', () => {
    expect([...reach('src/xlsx/index.ts').packages]).toContain('exceljs');
  });

  it.skipIf(!existsSync(join(root, 'dist/xlsx.js')))('the built entries: only dist/xlsx.js and its own chunks import exceljs, which stays external', () => {
    const chunks = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const m of readFileSync(join(root, 'dist', file), 'utf8').matchAll(/(?:from|import)\s*["'](\.\/[^"']+)["']/g)) chunks(m[1]!.slice(2), seen);
      return seen;
    };
    const imports = (file: string) => /from\s*["']exceljs["']|import\(["']exceljs["']\)|require\(["']exceljs["']\)/.test(readFileSync(join(root, 'dist', file), 'utf8'));
    for (const entry of ['index.js', 'csv.js', 'report.js']) expect([...chunks(entry)].filter(imports)).toEqual([]);
    expect([...chunks('xlsx.js')].some(imports)).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a spreadsheet would run: a cell starting with =, +, -, @, tab or CR (OWASP), unless it is a plain number. */
export const FORMULA_START = /^[=+\-@\t\r]/;
export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const python = spawnSync('python3', ['--version']).status === 0;

/** The cells of CSV files as Python's csv module reads them (the reader a spreadsheet user's script would use), with `delimiter` between cells. */
export function readWithPython(files: Readonly<Record<string, string>>, delimiter = ','): Record<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'okrkit-csv-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const script = [
    'import csv, json, os, sys',
    'd = sys.argv[1]',
    'out = {}',
    'for n in sorted(os.listdir(d)):',
    '    with open(os.path.join(d, n), newline="", encoding="utf-8-sig") as f:',
    '        out[n] = list(csv.reader(f, delimiter=sys.argv[2]))',
    'print(json.dumps(out))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, dir, delimiter], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string[][]>;
}

/** Every cell that a spreadsheet would take as a formula. */
export const formulaCells = (tables: Record<string, string[][]>): string[] =>
  Object.values(tables).flatMap((rows) => rows.flat().filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell)));


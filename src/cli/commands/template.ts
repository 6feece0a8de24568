import { join } from 'node:path';
import type { Command } from '../command.js';
import { checkOutFolder, writeFiles } from '../files.js';
import { templateFiles, templatePlan } from '../template.js';
import { parsePlan, type Locale } from '../../index.js';
import { EXIT, written } from '../exit.js';
import { textOrJson } from '../options.js';

const HELP = `Usage: okrkit template [options]

Writes a starter plan for this quarter: plan.json, the same plan as CSV tables under
tables/, a flat sheet.csv in the layout of the usual OKR spreadsheet templates, and
start.xlsx, an Excel workbook with a sheet per table and the flat sheet, ready to open
in Excel and fill in.

Options:
  --locale LOCALE   en or vi: the language of the sample text and sheet headers (default: en)
  --out DIR         the folder to write to (default: okrkit-template); must not hold these files
  --format FORMAT   text (default: "wrote FILE" lines on standard error) or json (one JSON
                    object on standard output: { "written": [files] })
  --force           replace these files when the folder holds them
  -h, --help        show this help
`;

/** The starter plan as a workbook (okrkit/xlsx, loaded only here): every sheet, headers in `locale`. */
async function starterWorkbook(locale: Locale, today: string): Promise<Uint8Array> {
  const { writePlanXlsx } = await import('../../xlsx/index.js');
  return writePlanXlsx(parsePlan(templatePlan(locale, today)), { locale, sheets: 'all' });
}

export const template: Command = {
  name: 'template',
  summary: 'write a starter plan and spreadsheet templates to fill in',
  help: HELP,
  options: ['locale', 'out', 'force', 'format', 'help'],
  takesPlan: false,
  async run({ values, locale }, io) {
    const format = textOrJson(values.format);
    const dir = values.out ?? 'okrkit-template';
    const files: Record<string, string | Uint8Array> = Object.fromEntries(Object.entries(templateFiles(locale, io.today)).map(([file, text]) => [join(dir, file), text]));
    files[join(dir, 'start.xlsx')] = await starterWorkbook(locale, io.today);
    checkOutFolder(dir);
    writeFiles(files, { force: values.force === true, inputs: [], hint: 'choose another folder with --out' });
    written(io, locale, format, Object.keys(files));
    return EXIT.ok;
  },
};

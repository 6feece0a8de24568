import { extname, join } from 'node:path';
import type { Command } from '../command.js';
import { checkOutFolder, writeFiles } from '../files.js';
import { templateFiles, templatePlan } from '../template.js';
import { parsePlan, type Locale } from '../../index.js';
import { EXIT, written } from '../exit.js';
import { textOrJson } from '../options.js';
import { msg } from '../say.js';
import { UsageError } from '../usage-error.js';
import { escapeControls } from '../terminal.js';

const HELP = `Usage: okrkit template [options]

Writes a starter plan for this quarter: plan.json, the same plan as CSV tables under
tables/, a flat sheet.csv in the layout of the usual OKR spreadsheet templates, and
start.xlsx, an Excel workbook with a sheet per table and the flat sheet, ready to open
in Excel and fill in. With --out naming one .xlsx, .csv or .json file, writes that file only.

Options:
  --locale LOCALE   en or vi: the language of the sample text and sheet headers (default: en)
  --out DIR|FILE    a folder (a name without an extension; default: okrkit-template) for all
                    the files, which must not hold them; or one file: FILE.xlsx (a workbook
                    with the flat sheet to fill in), FILE.csv (the flat sheet) or FILE.json
                    (the plan); any other extension is refused
  --format FORMAT   text (default: "wrote FILE" lines on standard error) or json (one JSON
                    object on standard output: { "written": [files] })
  --force           replace these files when they exist
  -h, --help        show this help
`;

const HELP_VI = `Cách dùng: okrkit template [tùy chọn]

Ghi một kế hoạch mẫu cho quý này: plan.json, cùng kế hoạch đó dưới dạng các bảng CSV trong
tables/, một bảng tính phẳng sheet.csv theo bố cục của các mẫu bảng tính OKR thông dụng, và
start.xlsx, một sổ làm việc Excel gồm mỗi bảng một trang tính cùng bảng tính phẳng, sẵn sàng
để mở trong Excel và điền vào. Khi --out là tên một tệp .xlsx, .csv hoặc .json, chỉ ghi tệp đó.

Tùy chọn:
  --locale LOCALE   en hoặc vi: ngôn ngữ của nội dung mẫu và tiêu đề cột (mặc định: en)
  --out DIR|FILE    một thư mục (tên không có đuôi; mặc định: okrkit-template) cho tất cả các
                    tệp, thư mục này không được chứa sẵn các tệp đó; hoặc một tệp: FILE.xlsx (sổ
                    làm việc có bảng tính phẳng để điền), FILE.csv (bảng tính phẳng) hoặc
                    FILE.json (kế hoạch); mọi đuôi khác đều bị từ chối
  --format FORMAT   text (mặc định: các dòng "đã ghi FILE" trên đầu ra lỗi chuẩn) hoặc json
                    (một đối tượng JSON trên đầu ra chuẩn: { "written": [các tệp] })
  --force           thay thế các tệp này nếu đã có
  -h, --help        hiện trợ giúp này
`;

/** The starter plan as a workbook (okrkit/xlsx, loaded only here), headers in `locale`. */
async function starterWorkbook(locale: Locale, today: string, sheets: 'all' | 'flat'): Promise<Uint8Array> {
  const { writePlanXlsx } = await import('../../xlsx/index.js');
  return writePlanXlsx(parsePlan(templatePlan(locale, today)), { locale, sheets });
}

/** The files of `--out`: every file in a folder, or the one file its extension names. */
async function templateOut(out: string, locale: Locale, today: string): Promise<Record<string, string | Uint8Array>> {
  const ext = extname(out).toLowerCase();
  if (ext === '.xlsx') return { [out]: await starterWorkbook(locale, today, 'flat') };
  if (ext === '.csv' || ext === '.json') return { [out]: templateFiles(locale, today)[ext === '.csv' ? 'sheet.csv' : 'plan.json'] ?? '' };
  if (ext !== '') throw new UsageError(msg('cli.usage.templateOut', { out: escapeControls(out), ext: escapeControls(ext) }));
  checkOutFolder(out);
  const files: Record<string, string | Uint8Array> = Object.fromEntries(Object.entries(templateFiles(locale, today)).map(([file, text]) => [join(out, file), text]));
  files[join(out, 'start.xlsx')] = await starterWorkbook(locale, today, 'all');
  return files;
}

export const template: Command = {
  name: 'template',
  summary: 'write a starter plan and spreadsheet templates to fill in',
  help: HELP,
  translated: { vi: { summary: 'ghi một kế hoạch mẫu và các mẫu bảng tính để điền vào', help: HELP_VI } },
  options: ['locale', 'out', 'force', 'format', 'help'],
  takesPlan: false,
  async run({ values, locale }, io) {
    const format = textOrJson(values.format);
    const files = await templateOut(values.out ?? 'okrkit-template', locale, io.today);
    writeFiles(files, { force: values.force === true, inputs: [] });
    written(io, locale, format, Object.keys(files));
    return EXIT.ok;
  },
};

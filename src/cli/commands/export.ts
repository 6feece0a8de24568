import { extname, join } from 'node:path';
import { CSV_TABLE_FILES, writePlanCsv } from '../../csv/index.js';
import type { Locale, Plan } from '../../index.js';
import type { Command } from '../command.js';
import { checkOutFolder, inputFiles, isFolder, writeFiles, writeTables } from '../files.js';
import { msg } from '../say.js';
import { UsageError } from '../usage-error.js';
import { escapeControls, safeJson } from '../terminal.js';
import { dateOption, separatorOption, textOrJson, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';
import { loadPlanArg } from '../plan-arg.js';
import { EXIT, invalidPlan, written } from '../exit.js';

const HELP = `Usage: okrkit export <plan> --out DIR|FILE.json|FILE.xlsx [options]

Writes a valid plan in another form: as CSV tables (objectives.csv, key-results.csv, …,
each with a UTF-8 byte-order mark for Excel) into the folder DIR, as one JSON file when
the name ends in .json, or as an Excel workbook when it ends in .xlsx (a sheet per table
and the flat sheet, in --locale's language). Use it to hand a JSON plan to a client as
spreadsheets, and to turn their edited sheets back into JSON.

Options:
  --out DIR|FILE    where to write (required): a folder for the CSV tables (a name without
                    an extension), a .json file or a .xlsx workbook; existing files are
                    never overwritten
  --force           replace existing files (never the plan's own files, a folder or a link)
  --separator SEP   , (default; ; under --locale vi) or ; between the cells of the CSV
                    tables (write it ";" or semicolon in a shell); cells with a comma, ;,
                    quote or line break are quoted
  --as-of DATE      the date given to "current" values of a flat sheet (default: today)
  --format FORMAT   text (default: "wrote FILE" lines on standard error) or json (one JSON
                    object on standard output: { "written": [files] })
  --locale LOCALE   en or vi, for messages and a workbook's flat sheet (default: en)
${PLAN_READING_HELP.en}  -h, --help        show this help

--decimal and --date-format describe the plan read, not the files written. The separator
chooses the decimal mark of the CSV tables: a comma with ; (0,5, as Excel with Vietnamese
settings reads it), a dot with , (0.5); numbers are never grouped and dates are YYYY-MM-DD,
so the tables read back without --decimal (read them with --decimal , after Excel has
saved numbers such as 1.500 in them).
`;

const HELP_VI = `Cách dùng: okrkit export <plan> --out DIR|FILE.json|FILE.xlsx [tùy chọn]

Ghi một kế hoạch hợp lệ ra dạng khác: thành các bảng CSV (objectives.csv, key-results.csv, …,
mỗi bảng có dấu thứ tự byte UTF-8 để Excel đọc đúng) trong thư mục DIR, thành một tệp JSON
khi tên kết thúc bằng .json, hoặc thành một sổ làm việc Excel khi tên kết thúc bằng .xlsx
(mỗi bảng một trang tính, thêm bảng tính phẳng, bằng ngôn ngữ của --locale). Dùng lệnh này để
gửi một kế hoạch JSON cho khách hàng dưới dạng bảng tính, và để chuyển các bảng tính họ đã
sửa trở lại thành JSON.

Tùy chọn:
  --out DIR|FILE    nơi ghi (bắt buộc): một thư mục cho các bảng CSV (tên không có đuôi),
                    một tệp .json hoặc một sổ làm việc .xlsx; không bao giờ ghi đè lên
                    tệp đã có
  --force           thay thế các tệp đã có (không bao giờ thay các tệp của chính kế hoạch,
                    một thư mục hay một liên kết)
  --separator SEP   , (mặc định; ; khi --locale vi) hoặc ; giữa các ô của bảng CSV (trong
                    shell hãy viết ";" hoặc semicolon); ô có dấu phẩy, dấu ;, dấu ngoặc kép
                    hoặc dấu xuống dòng được đặt trong ngoặc kép
  --as-of DATE      ngày gán cho các giá trị "hiện tại" của bảng tính phẳng (mặc định: hôm nay)
  --format FORMAT   text (mặc định: các dòng "đã ghi FILE" trên đầu ra lỗi chuẩn) hoặc json
                    (một đối tượng JSON trên đầu ra chuẩn: { "written": [các tệp] })
  --locale LOCALE   en hoặc vi, cho các thông báo và bảng tính phẳng của sổ làm việc
                    (mặc định: en)
${PLAN_READING_HELP.vi}  -h, --help        hiện trợ giúp này

--decimal và --date-format mô tả kế hoạch được đọc, không phải các tệp được ghi. Dấu phân
cách quyết định dấu thập phân của các bảng CSV: dấu phẩy khi dùng ; (0,5, như Excel với thiết
lập tiếng Việt đọc), dấu chấm khi dùng , (0.5); số không bao giờ được nhóm hàng nghìn và ngày
có dạng YYYY-MM-DD, nên các bảng đọc lại được mà không cần --decimal (hãy đọc chúng với
--decimal , sau khi Excel đã lưu các số như 1.500 vào đó).
`;

/** What export writes at `--out`: CSV tables into a folder, or one file of a format. */
type Target = 'tables' | 'json' | 'xlsx';

/**
 * The one place `--out` is matched to what export writes: a name ending in `.json` is one
 * JSON file, in `.xlsx` one workbook; any other name with an extension (`flat.csv`,
 * `plan.txt`) is refused unless it is an existing folder; the rest are folders for CSV tables.
 */
function targetOf(out: string): Target {
  const ext = extname(out).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xlsx') return 'xlsx';
  if (ext !== '' && !isFolder(out)) {
    throw new UsageError(msg('cli.usage.exportOut', { out: escapeControls(out), ext: escapeControls(ext) }));
  }
  return 'tables';
}

/**
 * The files that hold `plan` at `out`, by path: one JSON file, one workbook (every sheet,
 * by okrkit/xlsx, loaded only here), or a CSV file per table in the folder `out`.
 */
async function planFiles(plan: Plan, out: string, target: Target, separator: ',' | ';', locale: Locale): Promise<Record<string, string | Uint8Array>> {
  if (target === 'xlsx') {
    const { writePlanXlsx } = await import('../../xlsx/index.js');
    return { [out]: await writePlanXlsx(plan, { locale, sheets: 'all' }) };
  }
  if (target === 'json') return { [out]: safeJson(`${JSON.stringify(plan, null, 2)}\n`) };
  return Object.fromEntries(Object.entries(writePlanCsv(plan, { separator })).map(([name, text]) => [join(out, name), text]));
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the plan as CSV tables (a folder), one JSON file or a workbook',
  help: HELP,
  translated: { vi: { summary: 'ghi kế hoạch thành các bảng CSV (một thư mục), một tệp JSON hoặc một sổ làm việc', help: HELP_VI } },
  options: ['as-of', 'format', 'locale', 'out', 'force', 'separator', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const format = textOrJson(args.values.format);
    const out = args.values.out;
    if (out === undefined) throw new UsageError(msg('cli.usage.exportNeedsOut'));
    const target = targetOf(out);
    // Under --locale vi the tables are laid out as Excel with Vietnamese settings opens them: `;`, and so a decimal comma.
    const separator = args.values.separator === undefined && args.locale === 'vi' ? ';' : separatorOption(args.values.separator);
    if (args.values.separator !== undefined && target !== 'tables') throw new UsageError(msg('cli.usage.separatorTables', { target }));
    const loaded = await loadPlanArg(args, dateOption(args.values['as-of'], io.today), io);
    if (loaded.plan === null) return invalidPlan(args.plan, loaded, io, format === 'json' ? 'json' : 'stderr');
    if (target === 'tables') checkOutFolder(out);
    const files = await planFiles(loaded.plan, out, target, separator, args.locale);
    const options = { force: args.values.force === true, inputs: inputFiles(args.plan) };
    if (target === 'tables') writeTables(out, files, CSV_TABLE_FILES, options);
    else writeFiles(files, options);
    written(io, args.locale, format, Object.keys(files));
    return EXIT.ok;
  },
};

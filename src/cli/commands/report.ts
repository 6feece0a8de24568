import { buildReport, renderCsv, renderHtml, renderMarkdown, renderText, type Report } from '../../report/index.js';
import type { Command } from '../command.js';
import { inputFiles, writeFiles } from '../files.js';
import { colorOn, countIn, progress, wrote } from '../io.js';
import { EXIT, invalidPlan } from '../exit.js';
import { checkOutFor, dateOption, decimalOption, formatOption, separatorOption, type Format, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';
import type { Locale } from '../../index.js';
import { msg, translate } from '../say.js';
import { UsageError } from '../usage-error.js';
import { loadPlanArg } from '../plan-arg.js';
import { escapeStrings, safeJson, terminalText } from '../terminal.js';

const HELP = `Usage: okrkit report <plan> [options]

Options:
  --as-of DATE      the date to report at, YYYY-MM-DD (default: today)
  --format FORMAT   text, md, html, json, csv or xlsx (default: from --out's extension, else
                    text). xlsx is an Excel workbook, binary: written to --out or to a pipe,
                    never to a terminal
  --locale LOCALE   en or vi (default: en)
${PLAN_READING_HELP.en}  --separator SEP   with --format csv: , or ; between cells (write it ";" or semicolon in a
                    shell); cells with a comma, ;, quote or line break are quoted. Default: ,
                    and under --locale vi ; with decimal commas (--decimal sets the mark of
                    the CSV written too; --decimal , needs ;)
  --out FILE        write to FILE instead of standard output; its extension must fit the
                    format; never over an existing file
  --force           replace FILE when it exists (never the plan itself, a folder or a link)
  --no-color        never colour the text (colour is on only on a terminal, and off with NO_COLOR)
  --people          show the "People and departments" section even when no objective or key
                    result has an owner (it is shown when one has)
  --include-drafts  count draft and proposed objectives and key results in every rollup
                    (by default they are shown, marked "not counted", and left out)
  -h, --help        show this help
`;

const HELP_VI = `Cách dùng: okrkit report <plan> [tùy chọn]

Tùy chọn:
  --as-of DATE      ngày lập báo cáo, YYYY-MM-DD (mặc định: hôm nay)
  --format FORMAT   text, md, html, json, csv hoặc xlsx (mặc định: theo đuôi của --out, nếu
                    không có thì text). xlsx là sổ làm việc Excel, dạng nhị phân: được ghi vào
                    --out hoặc vào một đường ống (pipe), không bao giờ ra màn hình terminal
  --locale LOCALE   en hoặc vi (mặc định: en)
${PLAN_READING_HELP.vi}  --separator SEP   với --format csv: , hoặc ; giữa các ô (trong shell hãy viết ";" hoặc
                    semicolon); ô có dấu phẩy, dấu ;, dấu ngoặc kép hoặc dấu xuống dòng được
                    đặt trong ngoặc kép. Mặc định là , còn với --locale vi là ; kèm dấu phẩy
                    thập phân (--decimal cũng đặt dấu thập phân cho tệp CSV được ghi;
                    --decimal , cần ;)
  --out FILE        ghi vào FILE thay vì đầu ra chuẩn; đuôi tệp phải hợp với định dạng;
                    không bao giờ ghi đè lên tệp đã có
  --force           thay thế FILE nếu tệp đã có (không bao giờ thay chính kế hoạch, một thư
                    mục hay một liên kết)
  --no-color        không bao giờ tô màu văn bản (chỉ tô màu khi in ra terminal, và không tô
                    khi có biến môi trường NO_COLOR)
  --people          hiện phần "Nhân sự và phòng ban" ngay cả khi không có mục tiêu hay kết
                    quả then chốt nào có người phụ trách (phần này luôn hiện khi có)
  --include-drafts  tính cả các mục tiêu và kết quả then chốt ở dạng bản nháp hoặc đề xuất
                    vào mọi phép tổng hợp (mặc định chúng vẫn được hiện, đánh dấu "chưa tính",
                    nhưng không được tính)
  -h, --help        hiện trợ giúp này
`;

/**
 * The report in a format; `color` only matters for text. The data formats (JSON, CSV)
 * keep the plan's text exact (JSON writes control characters as `\u` escapes); the
 * others show them escaped, as on a terminal.
 */
/** How a CSV report writes its cells. */
interface CsvLayout {
  readonly separator: ',' | ';';
  readonly decimal: '.' | ',';
}

/**
 * The CSV report's separator and decimal mark: as given, else what the locale's
 * spreadsheets expect (Vietnamese: `;` and decimal commas). A `,` decimal mark needs `;`
 * between cells: given both as `,` is bad usage; a `,` separator given alone keeps the dot.
 */
function csvLayout(separator: string | undefined, decimal: string | undefined, locale: Locale): CsvLayout {
  const sep = separator === undefined ? undefined : separatorOption(separator);
  const mark = decimalOption(decimal);
  if (sep === ',' && mark === ',') throw new UsageError(msg('cli.usage.decimalComma'));
  const chosen = mark ?? (sep === ',' || locale === 'en' ? '.' : ',');
  return { decimal: chosen, separator: sep ?? (chosen === ',' ? ';' : ',') };
}

function render(report: Report, format: Exclude<Format, 'xlsx'>, color: boolean, csv: CsvLayout): string {
  switch (format) {
    case 'json':
      return safeJson(`${JSON.stringify(report, null, 2)}\n`);
    case 'csv':
      return renderCsv(report, csv);
    case 'html':
      return terminalText(renderHtml(escapeStrings(report)), false);
    case 'md':
      return terminalText(renderMarkdown(escapeStrings(report)), false);
    case 'text':
      return terminalText(`${renderText(escapeStrings(report), { color })}\n`, color);
  }
}

/**
 * The report as an Excel workbook (okrkit/xlsx, loaded only here). Bytes are refused on a
 * terminal: they are for a file (`--out`) or a pipe.
 */
async function workbook(built: Report): Promise<Uint8Array> {
  const { renderXlsx } = await import('../../xlsx/index.js');
  return renderXlsx(built);
}

/** The report's bytes or text for `--out` or standard output. */
async function output(built: Report, format: Format, color: boolean, csv: CsvLayout): Promise<string | Uint8Array> {
  return format === 'xlsx' ? workbook(built) : render(built, format, color, csv);
}

export const report: Command = {
  name: 'report',
  summary: 'the evaluated plan: objectives, key results, KPIs, scorecards, findings',
  help: HELP,
  translated: { vi: { summary: 'kế hoạch đã đánh giá: mục tiêu, kết quả then chốt, KPI, thẻ điểm, góp ý', help: HELP_VI } },
  options: ['as-of', 'format', 'locale', 'out', 'force', 'no-color', 'people', 'include-drafts', 'separator', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const { values, locale } = args;
    const asOf = dateOption(values['as-of'], io.today);
    const format = formatOption(values.format, values.out);
    const csv = csvLayout(values.separator, values.decimal, locale);
    if (values.separator !== undefined && format !== 'csv') throw new UsageError(msg('cli.usage.separatorCsv', { format }));
    checkOutFor(values.out, format);
    if (format === 'xlsx' && values.out === undefined && io.stdout.isTTY === true) {
      throw new UsageError(msg('cli.usage.xlsxTerminal'));
    }
    const loaded = await loadPlanArg(args, asOf, io);
    if (loaded.plan === null) return invalidPlan(args.plan, loaded, io, format === 'json' ? 'json' : 'stderr');
    if (loaded.rows > 100_000) progress(io, translate('cli.progress.evaluating', locale, { count: countIn(locale, loaded.plan.keyResults.length, 'keyResults') }));
    const built = buildReport(loaded.plan, { asOf, locale, ...(values.people === true ? { people: true } : {}), ...(values['include-drafts'] === true ? { includeDrafts: true } : {}), ...(loaded.kit === null ? {} : { kit: loaded.kit }) });
    const out = values.out;
    if (out === undefined) {
      io.stdout.write(await output(built, format, colorOn(io, io.stdout, values['no-color'] === true), csv));
      return EXIT.ok;
    }
    writeFiles({ [out]: await output(built, format, false, csv) }, { force: values.force === true, inputs: inputFiles(args.plan) });
    wrote(io, locale, out);
    return EXIT.ok;
  },
};

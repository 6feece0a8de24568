import { lintPlan, type Locale, type Severity } from '../../index.js';
import { translate } from '../say.js';
import type { Command } from '../command.js';
import { colorOn, countIn } from '../io.js';
import { dateOption, textOrJson, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';
import { escapeControls } from '../terminal.js';
import { EXIT, invalidPlan, printJson } from '../exit.js';
import { loadPlanArg } from '../plan-arg.js';

const HELP = `Usage: okrkit lint <plan> [options]

Prints the coach's findings (3–5 objectives, 2–5 key results, stale check-ins, KPIs
missing a part…) on standard output and exits 1 when any has severity "error" (or the
plan is not valid: its problems are printed instead).

Options:
  --as-of DATE      the date to judge staleness at (default: today)
  --format FORMAT   text (default) or json: one JSON object on standard output with the
                    findings (code, severity, id, path, message) and the number of errors
  --locale LOCALE   en or vi (default: en)
${PLAN_READING_HELP.en}  --no-color        never colour the text
  -h, --help        show this help
`;

const HELP_VI = `Cách dùng: okrkit lint <plan> [tùy chọn]

In ra các góp ý của huấn luyện viên (3–5 mục tiêu, 2–5 kết quả then chốt, lần cập nhật tiến
độ đã cũ, KPI thiếu thành phần…) trên đầu ra chuẩn và thoát với mã 1 khi có góp ý ở mức lỗi
(severity "error"), hoặc khi kế hoạch không hợp lệ: khi đó các vấn đề của kế hoạch được in ra.

Tùy chọn:
  --as-of DATE      ngày dùng để xét dữ liệu đã cũ hay chưa (mặc định: hôm nay)
  --format FORMAT   text (mặc định) hoặc json: một đối tượng JSON trên đầu ra chuẩn gồm các
                    góp ý (code, severity, id, path, message) và số lỗi
  --locale LOCALE   en hoặc vi (mặc định: en)
${PLAN_READING_HELP.vi}  --no-color        không bao giờ tô màu văn bản
  -h, --help        hiện trợ giúp này
`;

/** A severity as the text names it: error, warning, info; in Vietnamese lỗi, cảnh báo, gợi ý. */
const severityIn = (locale: Locale, severity: Severity): string => (locale === 'en' ? severity : translate(`severity.${severity}`, locale).toLowerCase());

/** The terminal colour of each severity: red, yellow, dim. */
const TONE = { error: 31, warning: 33, info: 2 } as const;

export const lint: Command = {
  name: 'lint',
  summary: "the coach's findings; exits 1 when one is an error",
  help: HELP,
  translated: { vi: { summary: 'góp ý của huấn luyện viên; thoát với mã 1 khi có góp ý ở mức lỗi', help: HELP_VI } },
  options: ['as-of', 'format', 'locale', 'no-color', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const asOf = dateOption(args.values['as-of'], io.today);
    const format = textOrJson(args.values.format);
    const loaded = await loadPlanArg(args, asOf, io);
    if (loaded.plan === null) return invalidPlan(args.plan, loaded, io, format === 'json' ? 'json' : 'stdout');
    const findings = loaded.kit === null ? lintPlan(loaded.plan, { asOf, locale: args.locale }) : loaded.kit.lintPlan(loaded.plan, { asOf, locale: args.locale });
    // A plan read from spreadsheets has ids okrkit made up (o2-kr3): each finding also names its file and row.
    const wheres = loaded.cells?.(findings.map((f) => f.path)) ?? null;
    if (format === 'json') {
      const errors = findings.filter((f) => f.severity === 'error').length;
      printJson(io, { plan: args.plan, valid: true, findings: wheres === null ? findings : findings.map((f, i) => ({ ...f, where: wheres[i] ?? args.plan })), errors });
      return errors > 0 ? EXIT.findings : EXIT.ok;
    }
    const paint = colorOn(io, io.stdout, args.values['no-color'] === true);
    findings.forEach((f, i) => {
      const named = severityIn(args.locale, f.severity);
      const severity = paint ? `\u001b[${TONE[f.severity]}m${named}\u001b[0m` : named;
      const where = wheres?.[i] === undefined ? '' : `${wheres[i]}: `;
      io.stdout.write(`${severity} ${escapeControls(`${where}${f.code}${f.id === null ? '' : ` (${f.id})`}: ${f.message}`)}\n`);
    });
    const errors = findings.filter((f) => f.severity === 'error').length;
    io.stdout.write(`${countIn(args.locale, findings.length, 'findings')}, ${countIn(args.locale, errors, 'errors')}\n`);
    return errors > 0 ? EXIT.findings : EXIT.ok;
  },
};

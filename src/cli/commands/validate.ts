import type { Locale, Plan } from '../../index.js';
import { translate } from '../say.js';
import type { Command } from '../command.js';
import { countIn } from '../io.js';
import { EXIT, invalidJson, invalidPlan, printJson } from '../exit.js';
import { loadPlanArg } from '../plan-arg.js';
import { escapeControls } from '../terminal.js';
import { dateOption, textOrJson, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';

const HELP = `Usage: okrkit validate <plan> [options]

Checks the plan and prints every problem with its path (for spreadsheets: file, row
and column) on standard output, then a summary. Exits 0 when valid, 1 when it has
problems, 2 when it cannot be read at all.

Options:
  --format FORMAT   text (default) or json: one JSON object on standard output with "valid",
                    "problems" (each with "where" and "message") and the plan's "contents"
  --locale LOCALE   en or vi (default: en)
  --as-of DATE      the date given to "current" values of a flat sheet (default: today), as
                    export, report and lint read them
${PLAN_READING_HELP.en}  -h, --help        show this help
`;

const HELP_VI = `Cách dùng: okrkit validate <plan> [tùy chọn]

Kiểm tra kế hoạch và in ra từng vấn đề kèm vị trí của nó (với bảng tính: tệp, hàng và cột)
trên đầu ra chuẩn, rồi một dòng tóm tắt. Thoát với mã 0 khi kế hoạch hợp lệ, 1 khi có vấn đề,
2 khi hoàn toàn không đọc được.

Tùy chọn:
  --format FORMAT   text (mặc định) hoặc json: một đối tượng JSON trên đầu ra chuẩn gồm "valid",
                    "problems" (mỗi vấn đề có "where" và "message") và "contents" (những gì kế
                    hoạch chứa)
  --locale LOCALE   en hoặc vi (mặc định: en)
  --as-of DATE      ngày gán cho các giá trị "hiện tại" của bảng tính phẳng (mặc định: hôm
                    nay), giống như các lệnh export, report và lint đọc chúng
${PLAN_READING_HELP.vi}  -h, --help        hiện trợ giúp này
`;

/** What a valid plan holds, by collection. */
const tally = (p: Plan) => ({
  objectives: p.objectives.length,
  keyResults: p.keyResults.length,
  kpis: p.kpis.length,
  checkIns: p.checkIns.length,
  measurements: p.measurements.length,
});

/** "3 objectives, 6 key results, …": what a valid plan holds, in the user's language. */
const contents = (p: Plan, locale: Locale) => {
  const t = tally(p);
  return (['objectives', 'keyResults', 'kpis', 'checkIns', 'measurements'] as const).map((what) => countIn(locale, t[what], what)).join(', ');
};

export const validate: Command = {
  name: 'validate',
  summary: 'every problem of the plan with its file, row and column',
  help: HELP,
  translated: { vi: { summary: 'mọi vấn đề của kế hoạch, kèm tệp, hàng và cột', help: HELP_VI } },
  options: ['format', 'locale', 'as-of', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const format = textOrJson(args.values.format);
    const loaded = await loadPlanArg(args, dateOption(args.values['as-of'], io.today), io);
    if (format === 'json') {
      printJson(io, loaded.plan === null ? { ...invalidJson(args.plan, loaded), contents: null } : { plan: args.plan, valid: true, problems: [], contents: tally(loaded.plan) });
      return loaded.plan === null ? EXIT.findings : EXIT.ok;
    }
    if (loaded.plan === null) {
      invalidPlan(args.plan, loaded, io, 'stdout');
      io.stdout.write(`${escapeControls(args.plan)}: ${countIn(args.locale, loaded.problems.length, 'problems')}\n`);
      return EXIT.findings;
    }
    io.stdout.write(`${escapeControls(args.plan)}: ${translate('cli.valid', args.locale, { contents: contents(loaded.plan, args.locale) })}\n`);
    return EXIT.ok;
  },
};

import { evaluate, formatScore, formatValue, label, performance, type Locale, type Performance, type PerformanceOf, type Plan, type Status } from '../../index.js';
import type { Command } from '../command.js';
import { inputFiles, writeFiles } from '../files.js';
import { checkOutFor, dateOption, textOrJson, PLAN_READING_HELP, PLAN_READING_OPTIONS } from '../options.js';
import { EXIT, invalidPlan } from '../exit.js';
import { wrote } from '../io.js';
import { loadPlanArg } from '../plan-arg.js';
import { escapeControls, safeJson, terminalText } from '../terminal.js';
import { msg } from '../say.js';
import { UsageError } from '../usage-error.js';

const HELP = `Usage: okrkit people <plan> [options]

The performance of every unit (company → department → team → person) and every owner:
the weighted mean of the objectives they own (or of their key results, --of keyResults),
the unit's score over the units below it, and their KPI scorecard beside it.

Options:
  --as-of DATE      the date to evaluate at, YYYY-MM-DD (default: today)
  --of WHAT         objectives or keyResults: what the scores are means of (default:
                    objectives, or keyResults when only key results have owners, as in
                    a flat sheet)
  --cycle ID        only the objectives of this cycle (default: every cycle)
  --include-drafts  count draft and proposed objectives and key results (left out by default)
  --format FORMAT   text or json (default: json when --out ends in .json, else text)
  --locale LOCALE   en or vi (default: en)
${PLAN_READING_HELP.en}  --out FILE        write to FILE instead of standard output; its extension must fit the
                    format; never over an existing file
  --force           replace FILE when it exists (never the plan itself, a folder or a link)
  -h, --help        show this help
`;

const HELP_VI = `Cách dùng: okrkit people <plan> [tùy chọn]

Hiệu suất của từng đơn vị (công ty → phòng ban → nhóm → cá nhân) và từng người phụ trách:
trung bình có trọng số của các mục tiêu họ phụ trách (hoặc của các kết quả then chốt của họ,
với --of keyResults), điểm của đơn vị tổng hợp từ các đơn vị cấp dưới, và thẻ điểm KPI của
họ đặt bên cạnh.

Tùy chọn:
  --as-of DATE      ngày đánh giá, YYYY-MM-DD (mặc định: hôm nay)
  --of WHAT         objectives hoặc keyResults: điểm là trung bình của các mục tiêu
                    hay của các kết quả then chốt (mặc định: objectives, hoặc keyResults
                    khi chỉ các kết quả then chốt có người phụ trách, như trong bảng phẳng)
  --cycle ID        chỉ các mục tiêu của chu kỳ này (mặc định: mọi chu kỳ)
  --include-drafts  tính cả các mục tiêu và kết quả then chốt ở dạng bản nháp hoặc đề xuất
                    (mặc định không tính)
  --format FORMAT   text hoặc json (mặc định: json khi --out có đuôi .json, nếu không thì text)
  --locale LOCALE   en hoặc vi (mặc định: en)
${PLAN_READING_HELP.vi}  --out FILE        ghi vào FILE thay vì đầu ra chuẩn; đuôi tệp phải hợp với định dạng;
                    không bao giờ ghi đè lên tệp đã có
  --force           thay thế FILE nếu tệp đã có (không bao giờ thay chính kế hoạch, một thư
                    mục hay một liên kết)
  -h, --help        hiện trợ giúp này
`;

const WORDS: Readonly<Record<Locale, { readonly title: string; readonly owners: string; readonly own: string; readonly objectives: string; readonly kpis: string; readonly none: string }>> = {
  en: { title: 'People and departments', owners: 'Owners', own: 'own OKRs', objectives: 'objectives', kpis: 'KPI scorecard', none: 'No units and no owners in this plan.' },
  vi: { title: 'Nhân sự và phòng ban', owners: 'Người phụ trách', own: 'OKR riêng', objectives: 'mục tiêu', kpis: 'thẻ điểm KPI', none: 'Kế hoạch không có đơn vị và người phụ trách.' },
};

function ofOption(value: string | undefined): PerformanceOf | undefined {
  if (value === undefined || value === 'objectives' || value === 'keyResults') return value;
  throw new UsageError(msg('cli.usage.of', { value: escapeControls(value) }));
}

/**
 * What the scores are means of without --of: objectives, unless no objective has an owner
 * while key results have owners (a flat sheet's owner column is its key results').
 */
function defaultOf(plan: Plan): PerformanceOf {
  const objectivesOwned = plan.objectives.some((o) => o.ownerId !== undefined);
  return !objectivesOwned && plan.keyResults.some((k) => k.ownerId !== undefined) ? 'keyResults' : 'objectives';
}

/** The lines of the text output: the unit tree, indented, then the owners. */
function textOf(p: Performance, locale: Locale): string {
  const w = WORDS[locale];
  const score = (s: number | null) => formatScore(s, { locale }).padStart(3);
  const status = (s: Status | null) => (s === null ? '–' : label(`status.${s}`, locale));
  const kpi = (total: number | null, rating: string | null) =>
    total === null ? '' : ` · ${w.kpis} ${formatValue(total, { locale, digits: 0 })}${rating === null ? '' : ` ${escapeControls(rating)}`}`;
  const lines = [`${w.title}${p.asOf === null ? '' : ` — ${p.asOf}`}`];
  if (p.roots.length === 0 && p.ownerIds.length === 0) lines.push(`  ${w.none}`);
  const stack = [...p.roots].reverse().map((id) => ({ id, depth: 0 }));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const u = p.units[next.id];
    if (u === undefined) continue;
    const pad = '  '.repeat(Math.min(next.depth, 12) + 1);
    const counts = `${w.own} ${formatScore(u.score, { locale })} · ${w.objectives} ${u.rolledUp.objectives}${kpi(u.kpis.total, u.kpis.rating)}`;
    lines.push(`${pad}${score(u.rolledUp.score)}  ${escapeControls(u.name)} — ${label(`level.${u.level}`, locale)}  ${status(u.rolledUp.worst)}  (${counts})`);
    for (let i = u.childIds.length - 1; i >= 0; i--) {
      const child = u.childIds[i];
      if (child !== undefined) stack.push({ id: child, depth: next.depth + 1 });
    }
  }
  if (p.ownerIds.length > 0) lines.push(w.owners);
  for (const id of p.ownerIds) {
    const o = p.owners[id];
    if (o === undefined) continue;
    lines.push(`  ${score(o.score)}  ${escapeControls(id)}  ${status(o.worst)}  (${w.objectives} ${o.objectives}${kpi(o.kpis.total, o.kpis.rating)})`);
  }
  return terminalText(`${lines.join('\n')}\n`, false);
}

export const people: Command = {
  name: 'people',
  summary: "each unit's and owner's OKR score beside their KPI scorecard",
  help: HELP,
  translated: { vi: { summary: 'điểm OKR của từng đơn vị và người phụ trách, bên cạnh thẻ điểm KPI của họ', help: HELP_VI } },
  options: ['as-of', 'of', 'cycle', 'include-drafts', 'format', 'locale', 'out', 'force', ...PLAN_READING_OPTIONS, 'help'],
  takesPlan: true,
  async run(args, io) {
    const { values, locale } = args;
    const asOf = dateOption(values['as-of'], io.today);
    const of = ofOption(values.of);
    const format = textOrJson(values.format, values.out);
    checkOutFor(values.out, format);
    const loaded = await loadPlanArg(args, asOf, io);
    if (loaded.plan === null) return invalidPlan(args.plan, loaded, io, format === 'json' ? 'json' : 'stderr');
    const cycle = values.cycle;
    if (cycle !== undefined && !loaded.plan.cycles.some((c) => c.id === cycle)) throw new UsageError(msg('cli.usage.cycle', { cycle: escapeControls(cycle) }));
    const includeDrafts = values['include-drafts'] === true;
    const evaluation = loaded.kit === null ? evaluate(loaded.plan, { asOf, includeDrafts }) : loaded.kit.evaluate(loaded.plan, { asOf, includeDrafts });
    const result = performance(loaded.plan, evaluation, { of: of ?? defaultOf(loaded.plan), includeDrafts, ...(cycle === undefined ? {} : { cycleId: cycle }) });
    const text = format === 'json' ? safeJson(`${JSON.stringify(result, null, 2)}\n`) : textOf(result, locale);
    const out = values.out;
    if (out === undefined) {
      io.stdout.write(text);
      return EXIT.ok;
    }
    writeFiles({ [out]: text }, { force: values.force === true, inputs: inputFiles(args.plan) });
    wrote(io, locale, out);
    return EXIT.ok;
  },
};

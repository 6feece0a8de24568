import type { ReportAggregate, ReportState } from './model.js';
import { formatScore, formatValue, label, translate, type DeepReadonly, type Grade, type KpiTarget, type LabelKey, type Locale, type Rag, type ValueFrom, type Severity, type Status, type UnitLevel } from '../index.js';

/** The report's own words, in each language okrkit speaks. */
const WORDS = {
  en: {
    report: 'OKR report',
    asOf: 'as of',
    wholeCycle: 'whole cycle',
    companyScore: 'Overall score',
    objectives: 'Objectives',
    keyResults: 'Key results',
    kpis: 'KPIs',
    scorecards: 'Scorecards',
    findings: 'Coach findings',
    noFindings: 'No findings: the plan follows every rule.',
    noKpis: 'No KPIs in this plan.',
    noObjectives: 'No objectives in this plan.',
    unit: 'Unit',
    linked: 'Linked to a key result',
    notLinked: 'No key result on it',
    yes: 'yes',
    no: 'no',
    checkIns: 'check-ins',
    expectedLine: 'expected',
    actualLine: 'progress',
    generated: 'Made with okrkit',
    kind: 'Kind',
    value: 'Value',
    what: 'Item',
    depth: 'Level',
    parent: 'Parent',
    rule: 'Rule',
    where: 'Where',
    message: 'Message',
    people: 'People and departments',
    owners: 'Owners',
    ownScore: 'Own OKRs',
    withBelow: 'With units below',
    unitLevel: 'Kind',
    kpiScorecard: 'KPI scorecard',
    noPeople: 'No units and no owners in this plan.',
    notCounted: 'not counted',
    state: 'State',
    noContributors: 'no key result yet',
    checkInColumn: 'Check-in',
  },
  vi: {
    report: 'Báo cáo OKR',
    asOf: 'tính đến',
    wholeCycle: 'cả chu kỳ',
    companyScore: 'Điểm tổng',
    objectives: 'Mục tiêu',
    keyResults: 'Kết quả then chốt',
    kpis: 'KPI',
    scorecards: 'Thẻ điểm',
    findings: 'Góp ý của huấn luyện viên',
    noFindings: 'Không có góp ý: kế hoạch tuân thủ mọi quy tắc.',
    noKpis: 'Kế hoạch không có KPI.',
    noObjectives: 'Kế hoạch không có mục tiêu.',
    unit: 'Đơn vị',
    linked: 'Gắn với kết quả then chốt',
    notLinked: 'Chưa có kết quả then chốt',
    yes: 'có',
    no: 'không',
    checkIns: 'lần cập nhật',
    expectedLine: 'kỳ vọng',
    actualLine: 'tiến độ',
    generated: 'Tạo bằng okrkit',
    kind: 'Loại',
    value: 'Giá trị',
    what: 'Mục',
    depth: 'Cấp',
    parent: 'Cấp trên',
    rule: 'Quy tắc',
    where: 'Vị trí',
    message: 'Nội dung',
    people: 'Nhân sự và phòng ban',
    owners: 'Người phụ trách',
    ownScore: 'OKR của riêng đơn vị',
    withBelow: 'Gồm các cấp dưới',
    unitLevel: 'Cấp tổ chức',
    kpiScorecard: 'Thẻ điểm KPI',
    noPeople: 'Kế hoạch không có đơn vị và người phụ trách.',
    notCounted: 'chưa tính',
    state: 'Giai đoạn',
    noContributors: 'chưa có kết quả then chốt nào',
    checkInColumn: 'Các lần cập nhật',
  },
} as const;

type Term<K> = K extends `term.${infer T}` ? T : never;

type Word = keyof (typeof WORDS)['en'];

/** The renderers' vocabulary in one locale: report words, okrkit's labels and number formats. */
export interface Words {
  readonly locale: Locale;
  word(key: Word): string;
  status(status: Status | null): string;
  rag(rag: Rag | null): string;
  grade(grade: Grade | null): string;
  severity(severity: Severity): string;
  /** A unit's level: company, department, team, individual. */
  level(level: UnitLevel): string;
  /** One of okrkit's terms: `term('confidence')`. */
  term(key: Term<LabelKey>): string;
  /** Points on 0–100 (scorecard totals), whole numbers. */
  points(points: number | null): string;
  /** A rating band with its name when it is one of okrkit's (A–D). */
  rating(rating: string | null): string;
  /** A KPI's target: `≥ 500.000.000 ₫`, `≤ 3 days`, `80–90%`. */
  target(target: DeepReadonly<KpiTarget>, unit: string | null): string;
  /** A score on 0–100, `–` when missing. */
  score(score: number | null): string;
  /** Confidence on 0–1 with one digit. */
  confidence(confidence: number | null): string;
  value(value: number | string | null, unit: string | null): string;
  /** The sentence that says how many check-ins dated outside their cycle the scores left out. */
  leftOut(count: number): string;
  /** A record's state beside its title: `[proposed — not counted]`, `[closed]`; empty when it has none or is active. */
  state(state: ReportState | null): string;
  /** How an aggregated key result got its value: `= sum of Product A $52,000.00 + Product B $9,500.00`. Plain text: escape it for the format. */
  aggregate(aggregate: ReportAggregate, unit: string | null): string;
}

/** The words before an aggregate's contributors and between them, by language. */
const AGGREGATE: Readonly<Record<Locale, Readonly<Record<ValueFrom, string>>>> = {
  en: { sum: 'sum of', average: 'average of', min: 'lowest of', max: 'highest of', latest: 'latest of' },
  vi: { sum: 'tổng của', average: 'trung bình của', min: 'thấp nhất trong', max: 'cao nhất trong', latest: 'mới nhất trong' },
};

/** The sentence for check-ins dated outside their cycle, by language. */
const LEFT_OUT: Readonly<Record<Locale, (count: number, n: string) => string>> = {
  en: (count, n) => (count === 1 ? '1 check-in is dated outside its cycle and was left out of the scores.' : `${n} check-ins are dated outside their cycle and were left out of the scores.`),
  vi: (_count, n) => `${n} lần cập nhật có ngày nằm ngoài chu kỳ nên không được tính vào điểm.`,
};

type Rating = 'A' | 'B' | 'C' | 'D';
const RATINGS: ReadonlySet<string> = new Set<Rating>(['A', 'B', 'C', 'D']);
/** Whether a scorecard's rating is one of the default bands, which have a label. */
const isRating = (rating: string): rating is Rating => RATINGS.has(rating);

/**
 * A formatter remembered by its input: formatting a number builds an Intl formatter
 * (microseconds), and a report formats the same few scores again and again. At most
 * 10,000 entries are kept.
 */
function remembered<K, V>(format: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const value = format(key);
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, value);
    return value;
  };
}

export function wordsFor(locale: Locale): Words {
  const table = WORDS[locale];
  return {
    locale,
    word: (key) => table[key],
    status: remembered((status: Status | null) => (status === null ? '–' : label(`status.${status}`, locale))),
    rag: (rag) => (rag === null ? '–' : label(`rag.${rag}`, locale)),
    severity: (severity) => label(`severity.${severity}`, locale),
    level: (level) => label(`level.${level}`, locale),
    grade: remembered((grade: Grade | null) => (grade === null ? '–' : label(`grade.${grade}`, locale))),
    term: (key) => label(`term.${key}`, locale),
    points: (points) => (points === null ? '–' : formatValue(points, { locale, digits: 0 })),
    rating: (rating) => (rating === null ? '–' : isRating(rating) ? `${rating} · ${label(`rating.${rating}`, locale)}` : rating),
    target: (target, unit) => {
      const v = (x: number | string) => formatValue(x, unit === null ? { locale } : { locale, unit });
      return target.polarity === 'range' ? `${v(target.min)} – ${v(target.max)}` : `${target.polarity === 'higher' ? '≥' : '≤'} ${v(target.value)}`;
    },
    score: remembered((score: number | null) => formatScore(score, { locale })),
    confidence: remembered((confidence: number | null) => formatScore(confidence, { scale: 'fraction', digits: 1, locale })),
    value: (value, unit) => (value === null ? '–' : formatValue(value, unit === null ? { locale } : { locale, unit })),
    leftOut: (count) => LEFT_OUT[locale](count, formatValue(count, { locale, digits: 0 })),
    state: (state) => (state === null || state.name === 'active' ? '' : `[${translate(`state.${state.name}`, locale)}${state.counted ? '' : ` — ${table.notCounted}`}]`),
    aggregate: ({ how, from }, unit) => {
      const value = (v: number | null) => (v === null ? '–' : formatValue(v, unit === null ? { locale } : { locale, unit }));
      const parts = from.map((c) => `${c.title} ${value(c.value)}`);
      return `= ${AGGREGATE[locale][how]} ${parts.length === 0 ? table.noContributors : parts.join(how === 'sum' ? ' + ' : ', ')}`;
    },
  };
}

import { describe, expect, it } from 'vitest';
import {
  evaluate,
  formatScore,
  formatValue,
  label,
  lintPlan,
  localizeError,
  localizeIssue,
  OkrkitError,
  parsePlan,
  safeParsePlan,
  translate,
  type LabelKey,
} from '../../src/index.js';
import { en } from '../../src/messages/en.js';
import { vi } from '../../src/messages/vi.js';
import { cliEn } from '../../src/cli/catalog/en.js';
import { cliVi } from '../../src/cli/catalog/vi.js';
import { loadPlan } from '../fixtures.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  // The library's catalogue, and the command's own (kept apart so applications do not carry it).
  const pairs: [string, Readonly<Record<string, string>>, Readonly<Record<string, string>>][] = [
    ['library', en, vi],
    ['command', cliEn, cliVi],
  ];

  it.each(pairs)('have exactly the same keys in English and Vietnamese (%s)', (_, english, vietnamese) => {
    expect(Object.keys(vietnamese).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(pairs)('use the same placeholders for every key (%s)', (_, english, vietnamese) => {
    for (const [key, text] of Object.entries(english)) {
      expect([key, placeholders(vietnamese[key] ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it('keep the command\'s words out of the library\'s catalogue, and no key in both', () => {
    expect(Object.keys(en).filter((k) => k.startsWith('cli.'))).toEqual([]);
    expect(Object.keys(cliEn).filter((k) => Object.hasOwn(en, k))).toEqual([]);
  });

  it('have a Vietnamese text for every sentence of the command', () => {
    const same = Object.entries(cliEn).filter(([k, text]) => cliVi[k as keyof typeof cliVi] === text && /[a-z]{4,}/.test(text.replace(/\{\w+\}|--[\w-]+|okrkit|docs\/cli\.md/g, '')));
    expect(same.map(([k]) => k)).toEqual([]);
  });

  it('have a Vietnamese text that differs from the English one for every sentence', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === vi[k] && /[a-z]{4,}/.test(en[k]));
    // Only texts made of placeholders, and "Check-in", which Vietnamese teams say as is.
    expect(same.sort()).toEqual(['arg.at', 'error.plugin', 'error.text', 'term.checkIn', 'where.name']);
  });

  it('fill every placeholder of the errors, issues and findings okrkit produces, in both languages', () => {
    const bad = safeParsePlan({
      cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-06-30' }, { id: 'q3', name: 'dup', start: '2026-01-01', end: '2026-01-02', parentId: 'q3' }],
      units: [{ id: 'u', name: 'U', level: 'team', parentId: 'u' }],
      objectives: [{ id: 'o', title: 7, cycleId: 'q9', commitment: 'maybe', weight: -1, links: [{ to: 'o' }, { to: 'ghost' }] }, { id: 'x', title: 'x', cycleId: 'q3', parentId: 'y' }, { id: 'y', title: 'y', cycleId: 'q3', parentId: 'x' }],
      keyResults: [
        { id: 'k', objectiveId: 'x', title: 'k', kind: 'metric', start: 5, target: '5.0', phases: [{ at: '2026-07-10', target: 9 }, { at: '2026-07-10', target: 1 }] },
        { id: 'r', objectiveId: 'x', title: 'r', kind: 'range', min: 9, max: 1, tolerance: '-1' },
        { id: 'g', objectiveId: 'x', title: 'g', kind: 'guess' },
        { id: 's', objectiveId: 'x', title: 's', kind: 'binary', scoring: { type: 'steps', steps: [{ min: 1, score: 1 }, { min: 1, score: 0 }] }, weight: '1e40' },
        { id: 'x', objectiveId: 'x', title: 'x', kind: 'binary' },
      ],
      initiatives: [{ id: 'i', title: 'i', status: 'done' }],
      checkIns: [{ keyResultId: 'k', at: '2026-13-01', value: '12,5' }],
      kpis: [{ id: 'kp', name: 'kp' }, { id: 'kz', name: 'z', target: { polarity: 'lower', value: 0 }, timeframe: { start: '2026-02-01', end: '2026-01-01' }, dataSource: { name: 'x' }, frequency: 'weekly', scoring: { type: 'scale', goal: 1, redFlag: 1 } }],
      measurements: [{ kpiId: 'nope', at: '2026-01-01', value: 1 }],
    });
    expect(bad.success).toBe(false);
    const error = bad.error!;
    expect(error.issues.length).toBeGreaterThan(20);
    const lint = lintPlan(parsePlan(loadPlan('saas-cascade')), { asOf: '2026-08-20' });
    for (const locale of ['en', 'vi'] as const) {
      expect(localizeError(error, locale)).not.toMatch(/\{\w+\}/);
      for (const issue of error.issues) expect(localizeIssue(issue, locale).message).not.toMatch(/\{\w+\}/);
      for (const f of lint) expect(translate({ key: f.messageKey, params: f.params }, locale)).not.toMatch(/\{\w+\}/);
    }
    expect(localizeError(error, 'vi')).toContain('kế hoạch không hợp lệ');
  });

  it('localize argument errors from every function', () => {
    const caught: OkrkitError[] = [];
    const attempt = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof OkrkitError) caught.push(e);
      }
    };
    attempt(() => evaluate(parsePlan({}), { cap: 0 }));
    attempt(() => formatScore(Number.NaN));
    attempt(() => evaluate(null as never));
    attempt(() => formatValue('12,5'));
    expect(caught).toHaveLength(4);
    for (const e of caught) expect(localizeError(e, 'vi')).toMatch(/^okrkit: tham số không hợp lệ: /);
    expect(localizeError(caught[0]!, 'vi')).toBe('okrkit: tham số không hợp lệ: cap phải là số không nhỏ hơn 1 (hoặc Infinity), nhận được 0');
  });
});

describe('labels and formatting', () => {
  it('name statuses, grades, kinds, KPI parts and rating bands in both languages', () => {
    const keys: LabelKey[] = ['status.onTrack', 'grade.green', 'kind.milestones', 'kpiPart.dataSource', 'rating.A', 'term.keyResult', 'term.initiative'];
    expect(keys.map((k) => label(k))).toEqual(['On track', 'Green', 'Milestones', 'Data source', 'Excellent', 'Key result', 'Initiative']);
    expect(keys.map((k) => label(k, 'vi'))).toEqual(['Đúng tiến độ', 'Xanh', 'Cột mốc', 'Nguồn dữ liệu', 'Xuất sắc', 'Kết quả then chốt', 'Sáng kiến']);
  });

  it('formats numbers the Vietnamese way: a decimal comma, dots for thousands, VND without minor units', () => {
    expect(formatValue('1234567.5', { locale: 'vi' })).toBe('1.234.567,5');
    expect(formatValue(1234567.5)).toBe('1,234,567.5');
    expect(formatValue(520000000, { locale: 'vi', unit: 'VND' })).toBe('520.000.000\u00a0₫'); // Intl puts a no-break space before ₫
    expect(formatValue('0.1', { unit: 'USD' })).toBe('$0.10');
    expect(formatValue(12.5, { locale: 'vi', unit: '%' })).toBe('12,5%');
    expect(formatValue(3, { locale: 'vi', unit: 'khách hàng' })).toBe('3 khách hàng');
    expect(formatScore(0.725, { digits: 1, locale: 'vi' })).toBe('72,5');
    expect(formatScore(0.725, { scale: 'fraction', locale: 'vi' })).toBe('0,73');
  });

  it('formats decimal strings exactly', () => {
    expect(formatValue('12345678901234567.89', { digits: 2 })).toBe('12,345,678,901,234,567.89');
  });
});

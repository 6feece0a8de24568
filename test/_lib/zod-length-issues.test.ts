import * as z from 'zod/v4';
import { describe, expect, it } from 'vitest';
import { checkWith } from '../../src/_lib/zod-issues.js';
import { localizeIssue, safeParsePlan, type Locale } from '../../src/index.js';

// A bound on a length says what is counted — an array's items, a string's characters — and
// says one in the singular: "at least 1 item", "at most 200 characters", never "item(s) or
// character(s)" (issue 16).
function said(schema: z.ZodType, value: unknown, locale: Locale): string {
  const checked = checkWith(schema, value);
  if (checked.success) throw new Error('expected a problem');
  const [issue] = checked.issues;
  if (issue === undefined) throw new Error('expected an issue');
  return localizeIssue(issue, locale).message;
}

describe('length bounds: items or characters, one or more', () => {
  it.each([
    [z.array(z.number()).min(1), [], 'Needs at least 1 item.', 'Cần ít nhất 1 phần tử.'],
    [z.array(z.number()).min(2), [1], 'Needs at least 2 items.', 'Cần ít nhất 2 phần tử.'],
    [z.array(z.number()).max(1), [1, 2], 'Allows at most 1 item.', 'Chỉ cho phép tối đa 1 phần tử.'],
    [z.array(z.number()).max(3), [1, 2, 3, 4], 'Allows at most 3 items.', 'Chỉ cho phép tối đa 3 phần tử.'],
    [z.string().min(1), '', 'Needs at least 1 character.', 'Cần ít nhất 1 ký tự.'],
    [z.string().min(3), 'ab', 'Needs at least 3 characters.', 'Cần ít nhất 3 ký tự.'],
    [z.string().max(1), 'ab', 'Allows at most 1 character.', 'Chỉ cho phép tối đa 1 ký tự.'],
    [z.string().max(200), 'x'.repeat(201), 'Allows at most 200 characters.', 'Chỉ cho phép tối đa 200 ký tự.'],
  ] as const)('%#: %j gives %s', (schema, value, en, vi) => {
    expect(said(schema, value, 'en')).toBe(en);
    expect(said(schema, value, 'vi')).toBe(vi);
  });

  it('a bound on a number keeps its own message', () => {
    expect(said(z.number().min(1), 0, 'en')).toBe('Must be at least 1.');
    expect(said(z.number().max(1), 2, 'en')).toBe('Must be at most 1.');
  });

  it('a plan says it too: a KPI scale with one anchor', () => {
    const result = safeParsePlan({
      cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
      kpis: [{ id: 'k', name: '', unit: 'VND', direction: 'increase', target: 10, frequency: 'monthly', dataSource: 'CRM', cycleId: 'q3', scoring: { type: 'anchors', anchors: [{ value: 1, points: 0 }] } }],
    });
    const messages = result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message, localizeIssue(i, 'vi').message]);
    expect(messages).toContainEqual(['kpis.0.scoring.anchors', 'Needs at least 2 items.', 'Cần ít nhất 2 phần tử.']);
  });
});

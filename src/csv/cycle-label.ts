import { firstOfMonth, lastOfMonth } from '../_lib/calendar.js';

/** A cycle named the way a spreadsheet writes it. */
export interface LabelledCycle {
  /** The same for every spelling of one period: `2026-q4` for `Q4 2026` and `Quý IV/2026`. */
  readonly id: string;
  /** The label as the sheet writes it, trimmed: `Quý IV/2026` stays `Quý IV/2026`. */
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function span(year: number, firstMonth: number, months: number): { start: string; end: string } {
  return { start: firstOfMonth(year, firstMonth), end: lastOfMonth(year, firstMonth + months - 1) };
}

// Four digits, 0001 to 9999 (as the cycle generators): `Q1 0050` is the year 50, never 1950.
const YEAR = '(?!0000)(\\d{4})';

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** The number of a quarter, half or month, written in digits or (a quarter) in Roman numerals: `IV` is 4. */
const quarterNumber = (text: string): number => ROMAN[text] ?? Number(text);

// Each pattern gives the cycle's kind and number; the text is matched case-insensitively
// after spaces are collapsed. Vietnamese: "Quý 3/2026", "Quý IV/2026", "Quý 4 năm 2026",
// "Tháng 7/2026", "Năm 2026".
const PATTERNS: readonly { readonly re: RegExp; readonly kind: 'Q' | 'H' | 'M' | 'Y'; readonly year: number; readonly n: number }[] = [
  { re: new RegExp(`^q([1-4])[\\s/-]*${YEAR}$`), kind: 'Q', n: 1, year: 2 },
  { re: new RegExp(`^${YEAR}[\\s/-]*q([1-4])$`), kind: 'Q', year: 1, n: 2 },
  { re: new RegExp(`^(?:quý|quy)\\s*([1-4]|i{1,3}|iv)[\\s/-]*(?:(?:năm|nam)\\s*)?${YEAR}$`), kind: 'Q', n: 1, year: 2 },
  { re: new RegExp(`^h([12])[\\s/-]*${YEAR}$`), kind: 'H', n: 1, year: 2 },
  { re: new RegExp(`^${YEAR}[\\s/-]*h([12])$`), kind: 'H', year: 1, n: 2 },
  { re: new RegExp(`^${YEAR}-(0[1-9]|1[0-2])$`), kind: 'M', year: 1, n: 2 },
  { re: new RegExp(`^(?:tháng|thang)\\s*(0?[1-9]|1[0-2])[\\s/-]*${YEAR}$`), kind: 'M', n: 1, year: 2 },
  { re: new RegExp(`^(?:fy|năm|nam)?\\s*${YEAR}$`), kind: 'Y', year: 1, n: 0 },
];

/**
 * Reads a cycle label such as `Q3 2026`, `Q4/2026`, `2026-Q3`, `Quý 3/2026`, `Quý IV/2026`,
 * `Quý 4 năm 2026`, `H1 2026`, `2026-07`,
 * `Tháng 7/2026` or `2026` into a cycle with dates, or null when it is none of these. The
 * cycle's name is the label as written (composed, trimmed); its id names the period, so two
 * spellings of one quarter are one cycle.
 */
export function cycleFromLabel(text: string): LabelledCycle | null {
  const name = text.normalize('NFC').trim();
  const s = name.toLowerCase().replace(/\s+/g, ' ');
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (m === null) continue;
    const digits = m[p.year] ?? '';
    const year = Number(digits);
    const n = p.n === 0 ? 0 : quarterNumber(m[p.n] ?? '');
    switch (p.kind) {
      case 'Q':
        return { id: `${digits}-q${n}`, name, ...span(year, 3 * n - 2, 3) };
      case 'H':
        return { id: `${digits}-h${n}`, name, ...span(year, 6 * n - 5, 6) };
      case 'M':
        return { id: `${digits}-${pad(n)}`, name, ...span(year, n, 1) };
      case 'Y':
        return { id: digits, name, ...span(year, 1, 12) };
    }
  }
  return null;
}

import { test } from '@fast-check/vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, readPlanCsv, readPlanSheet, writePlanCsv } from '../../src/csv/index.js';
import { OkrkitError, parsePlan } from '../../src/index.js';
import { thrown } from '../builders.js';
import { toWindows1258 } from '../fixtures/encodings/make.js';
import { python } from './python-csv.js';

const DIR = join(import.meta.dirname, '../fixtures/encodings');
const bytes = (name: string) => readFileSync(join(DIR, name));
const planOf = (text: string) => parsePlan(readPlanSheet(text, { file: 'sheet.csv' }).input);

describe('decodeCsv on files as Excel saves them', () => {
  const utf8 = planOf(bytes('vi-utf8.csv').toString('utf8'));

  it.each([
    ['vi-utf8.csv', 'utf-8'],
    ['vi-utf8-bom.csv', 'utf-8'],
    ['vi-utf16le.csv', 'utf-16le'],
    ['vi-windows-1258.csv', 'windows-1258'],
    ['vi-nfd.csv', 'utf-8'],
  ])('%s gives the same plan as the UTF-8 sheet', (name, encoding) => {
    const decoded = decodeCsv(bytes(name), { file: name });
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(decoded.text.normalize('NFC'));
    expect(decoded.text.startsWith('\uFEFF')).toBe(false);
    const plan = planOf(decoded.text);
    expect(plan).toEqual(utf8);
    expect(plan.objectives[0]?.title).toBe('Tổng doanh thu tăng trưởng mạnh');
  });

  it('a Windows-1252 sheet gives the same plan as its UTF-8 copy', () => {
    const decoded = decodeCsv(bytes('western-windows-1252.csv'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(planOf(decoded.text)).toEqual(planOf(bytes('western-utf8.csv').toString('utf8')));
    expect(planOf(decoded.text).keyResults[1]?.title).toBe('Expansão em São Paulo');
  });

  it('UTF-16 BE with a byte-order mark', () => {
    const text = bytes('vi-utf8.csv').toString('utf8');
    const decoded = decodeCsv(iconv.encode(text, 'utf-16be', { addBOM: true }));
    expect(decoded).toEqual({ text, encoding: 'utf-16be' });
  });

  it('the Windows-1258 fixture holds combining tone marks, which the text has composed', () => {
    const raw = bytes('vi-windows-1258.csv');
    expect(raw.includes(0xd2)).toBe(true); // hook above, as in "Tổng"
    expect(iconv.decode(raw, 'windows-1258')).not.toBe(iconv.decode(raw, 'windows-1258').normalize('NFC'));
    expect(decodeCsv(raw).text).toBe(bytes('vi-utf8.csv').toString('utf8'));
  });

  it('does not change its input', () => {
    const raw = bytes('vi-windows-1258.csv');
    const copy = Uint8Array.from(raw);
    decodeCsv(raw);
    expect(Uint8Array.from(raw)).toEqual(copy);
  });

  it.skipIf(!python)(python ? 'agrees with Python’s codecs on every fixture' : 'agrees with Python’s codecs (skipped: python3 is not installed, so no second decoder checks the fixtures)', () => {
    const codecs: Record<string, string> = {
      'vi-utf8-bom.csv': 'utf-8-sig',
      'vi-utf16le.csv': 'utf-16',
      'vi-windows-1258.csv': 'cp1258',
      'vi-nfd.csv': 'utf-8',
      'western-windows-1252.csv': 'cp1252',
    };
    // One process for every file: python3 decodes each with its own codec and composes it to NFC.
    const script = 'import json, sys, unicodedata; a = sys.argv[1:]; print(json.dumps([unicodedata.normalize("NFC", open(a[i], "rb").read().decode(a[i + 1])) for i in range(0, len(a), 2)]))';
    const names = Object.keys(codecs);
    const run = spawnSync('python3', ['-c', script, ...names.flatMap((name) => [join(DIR, name), codecs[name] ?? ''])], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const theirs: unknown = JSON.parse(run.stdout);
    expect(names.map((name) => decodeCsv(bytes(name)).text)).toEqual(theirs);
  });
});

describe('decodeCsv refuses what is not CSV text, saying to save as CSV UTF-8', () => {
  const issueOf = (raw: Uint8Array) => {
    const error = thrown(() => decodeCsv(raw, { file: 'okr.csv' }));
    expect(error.code).toBe('invalid_csv');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toEqual(['okr.csv', 0]);
    expect(error.issues[0]?.message).toContain('save it as CSV UTF-8');
    return error.issues[0]?.message ?? '';
  };

  it('an Excel workbook: .xlsx is not read yet', () => {
    expect(issueOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toContain('.xlsx');
  });

  it('binary bytes, and UTF-16 without a byte-order mark', () => {
    expect(issueOf(new Uint8Array([0x6f, 0x62, 0x00, 0x6a]))).toContain('NUL');
    expect(issueOf(iconv.encode('objective\ttarget\r\n', 'utf-16le'))).toContain('NUL');
  });

  it('bytes no code page defines, a broken UTF-8 byte-order-marked file and an odd UTF-16 length', () => {
    issueOf(new Uint8Array([0x61, 0x81, 0x62]));
    issueOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]));
    issueOf(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]));
  });

  it('in Vietnamese too', () => {
    const error = thrown(() => decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04])));
    expect(error.issues[0]?.messageKey).toBe('csv.xlsx');
  });

  it('a value that is not bytes is an invalid argument', () => {
    expect(thrown(() => decodeCsv('text' as unknown as Uint8Array)).code).toBe('invalid_argument');
  });
});

// Vietnamese and Western text, with the separators and line breaks a sheet holds.
const VIETNAMESE_LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ'].flatMap((c) => [c, ...['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => (c + t).normalize('NFC'))]);
const TONED = ['Tổng', 'Mục tiêu', 'quả', 'số', 'Dũng', 'kỳ', 'Bình', 'chốt', 'Người phụ trách'];
const vietnamese = fc.array(fc.constantFrom(...VIETNAMESE_LETTERS, ' ', ',', ';', '\t', '\r\n', '"', '0', '5', '%'), { maxLength: 80 }).map((a) => a.join(''));

describe('round trips', () => {
  test.prop([vietnamese, fc.constantFrom(...TONED)])('Vietnamese text with a tone → Windows-1258 (as Windows writes it) → decodeCsv is the same text', (text, toned) => {
    const decoded = decodeCsv(toWindows1258(text + toned));
    expect(decoded).toEqual({ text: text + toned, encoding: 'windows-1258' });
  });

  it('Vietnamese text without a single tone mark is read as Windows-1252, as documented', () => {
    expect(decodeCsv(toWindows1258('Tăng doanh thu'))).toEqual({ text: 'Tãng doanh thu', encoding: 'windows-1252' });
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('utf-16le', 'utf-16be', 'utf-8-bom', 'utf-8')])(
    'any text in UTF-8 or UTF-16 with a byte-order mark → decodeCsv is the text in NFC',
    (text, encoding) => {
      fc.pre(!text.includes('\0') && !text.startsWith('\uFEFF') && !text.startsWith('PK\x03\x04'));
      const raw = encoding === 'utf-8-bom' ? Buffer.from(`\uFEFF${text}`) : encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding, { addBOM: true });
      expect(decodeCsv(raw).text).toBe(text.normalize('NFC'));
    },
  );

  test.prop([fc.uint8Array({ maxLength: 64 })])('any bytes: text in NFC or an OkrkitError, never a raw error', (raw) => {
    try {
      const { text } = decodeCsv(raw);
      expect(text).toBe(text.normalize('NFC'));
    } catch (error) {
      expect(error).toBeInstanceOf(OkrkitError);
    }
  });

  it('plan tables → Windows-1258 → readPlanCsv is the same plan', () => {
    const plan = planOf(bytes('vi-utf8.csv').toString('utf8'));
    const files = writePlanCsv(plan, { bom: false });
    const decoded = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, decodeCsv(toWindows1258(text), { file: name }).text]));
    expect(parsePlan(readPlanCsv(decoded).input)).toEqual(plan);
  });
});

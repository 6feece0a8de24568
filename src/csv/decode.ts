import iconv from 'iconv-lite';
import { invalidArgument, issue, OkrkitError } from '../messages/okrkit-error.js';
import { msg } from '../messages/message.js';

/** The encodings {@link decodeCsv} reads. @category Spreadsheets */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

/** Options for {@link decodeCsv}. @category Spreadsheets */
export interface DecodeCsvOptions {
  /** The file name used in messages (default `sheet.csv`). */
  readonly file?: string;
}

/** CSV text decoded from a file's bytes, and the encoding it was read in. @category Spreadsheets */
export interface DecodedCsv {
  /** The text, normalised to NFC, without a byte-order mark. */
  readonly text: string;
  /** The encoding the bytes were read in. */
  readonly encoding: CsvEncoding;
}

/** In Windows-1258 these bytes are the combining tone marks: grave, hook above, tilde, acute, dot below. */
const TONE_MARKS = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);

/** Bytes that are a vowel in Windows-1258 (a e i o u y, â ê ô ă ơ ư and their capitals): a tone mark follows one. */
const VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xe2, 0xea, 0xf4, 0xe3, 0xf5, 0xfd, 0xc2, 0xca, 0xd4, 0xc3, 0xd5, 0xdd]));

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Vietnamese text in Windows-1258: a tone mark byte right after a vowel byte (in Windows-1252 these are Ì Ò Þ ì ò, which hardly ever follow a vowel). */
function looksVietnamese(bytes: Uint8Array): boolean {
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i];
    const before = bytes[i - 1];
    if (b !== undefined && before !== undefined && TONE_MARKS.has(b) && VOWELS.has(before)) return true;
  }
  return false;
}

/** The one problem of a file that cannot be read as CSV text, at `[file, 0]`. */
function fail(file: string, key: 'csv.encoding' | 'csv.xlsx' | 'csv.binary'): never {
  throw new OkrkitError('invalid_csv', msg('error.invalidCsv.one', { count: 1 }), [issue([file, 0], 'csv_syntax', msg(key))]);
}

/** The text of bytes with no byte-order mark: UTF-8 when valid, else Windows-1258 or Windows-1252. */
function decodeUnmarked(bytes: Uint8Array, file: string): DecodedCsv {
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel's plain "CSV" is the Windows ANSI code page.
  }
  const encoding = looksVietnamese(bytes) ? 'windows-1258' : 'windows-1252';
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  // A byte the code page leaves undefined: the file is in some other encoding.
  if (text.includes('\uFFFD')) fail(file, 'csv.encoding');
  return { text, encoding };
}

/** Reads UTF-16 text after its byte-order mark. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): DecodedCsv {
  if (bytes.length % 2 !== 0) fail(file, 'csv.encoding');
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.byteLength - 2), encoding, { stripBOM: false });
  return { text, encoding };
}

function decodeBytes(bytes: Uint8Array, file: string): DecodedCsv {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return { text: STRICT_UTF8.decode(bytes.subarray(3)), encoding: 'utf-8' };
    } catch {
      return fail(file, 'csv.encoding');
    }
  }
  // FF FE 00 00 is UTF-32, which Excel does not write.
  if (startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xff, 0xfe, 0, 0])) return decodeUtf16(bytes, 'utf-16le', file);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be', file);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) fail(file, 'csv.xlsx');
  if (bytes.includes(0)) fail(file, 'csv.binary');
  return decodeUnmarked(bytes, file);
}

/**
 * Decodes the bytes of a CSV file the way Excel may have saved it: UTF-8 with or without
 * a byte-order mark ("CSV UTF-8"), UTF-16 LE or BE with a byte-order mark ("Unicode
 * Text"), or, when the bytes are not valid UTF-8, the Windows ANSI code page of plain
 * "CSV": Windows-1258 (Vietnamese) when a tone mark byte of 1258 (0xCC, 0xD2, 0xDE, 0xEC,
 * 0xF2) follows a vowel byte — 1258 writes most Vietnamese tones as combining marks after
 * the vowel — else Windows-1252 (Western Europe). A Vietnamese file without a single tone
 * mark is read as Windows-1252. The text is normalised to NFC, so `Mục tiêu` written in
 * combining marks (1258, or NFD from a Mac) reads the same as the composed letters.
 *
 * @param bytes - The file's bytes (not changed).
 * @param options - `file`, the name used in messages.
 * @returns The text and the encoding it was read in.
 * @throws {OkrkitError} `invalid_csv` at `[file, 0]` when the bytes are an Excel workbook
 *   (`.xlsx` is not read yet), binary (NUL bytes outside UTF-16), UTF-16 without a
 *   byte-order mark, or in no encoding above: each says to save the file as CSV UTF-8;
 *   `invalid_argument` when `bytes` is not a Uint8Array.
 * @example
 * const bytes = new Uint8Array([0x4d, 0x75, 0xf2, 0x63, 0x20, 0x74, 0x69, 0xea, 0x75]); // "Mục tiêu" in Windows-1258
 * decodeCsv(bytes)
 * //=> { text: 'Mục tiêu', encoding: 'windows-1258' }
 * @category Spreadsheets
 */
export function decodeCsv(bytes: Uint8Array, options: DecodeCsvOptions = {}): DecodedCsv {
  if (!(bytes instanceof Uint8Array)) invalidArgument('arg.required', { name: 'bytes' });
  const file = options.file ?? 'sheet.csv';
  const { text, encoding } = decodeBytes(bytes, file);
  return { text: text.normalize('NFC'), encoding };
}

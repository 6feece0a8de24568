import type { Locale } from '../index.js';
import type { Command, HelpText } from './command.js';

/** A command's summary and help in `locale`. */
export const helpOf = (command: Command, locale: Locale): HelpText => (locale === 'en' ? command : command.translated[locale]);

/** What `okrkit --help` says around its list of commands, in each language. */
const MAIN: Readonly<Record<Locale, { readonly head: string; readonly tail: string }>> = {
  en: {
    head: `okrkit — score OKR and KPI plans from JSON or spreadsheets

Usage: okrkit <command> [options]

Commands:
`,
    tail: `
<plan> is a JSON file, a folder of CSV tables (objectives.csv, key-results.csv, …),
one flat CSV sheet (objective, key result, start, target, current, weight, owner, cycle)
or an Excel workbook (.xlsx) with the table sheets or the flat sheet.

Exit codes: 0 done, 1 findings or a plan that is not valid, 2 bad usage or input that
cannot be read, 3 internal error.
Run "okrkit <command> --help" for a command's options, "okrkit --version" for the version.
`,
  },
  vi: {
    head: `okrkit — chấm điểm kế hoạch OKR và KPI từ tệp JSON hoặc bảng tính

Cách dùng: okrkit <lệnh> [tùy chọn]

Các lệnh:
`,
    tail: `
<plan> là một tệp JSON, một thư mục chứa các bảng CSV (objectives.csv, key-results.csv, …),
một bảng tính phẳng dạng CSV (mục tiêu, kết quả then chốt, giá trị ban đầu, chỉ tiêu,
giá trị hiện tại, trọng số, người phụ trách, chu kỳ) hoặc một sổ làm việc Excel (.xlsx)
chứa các trang tính của từng bảng hoặc bảng tính phẳng.

Mã thoát: 0 hoàn tất, 1 có góp ý hoặc kế hoạch không hợp lệ, 2 dùng lệnh sai hoặc không
đọc được dữ liệu đầu vào, 3 lỗi nội bộ.
Chạy "okrkit <lệnh> --help" để xem các tùy chọn của một lệnh, "okrkit --version" để xem phiên bản.
`,
  },
};

/** The text of `okrkit --help` in `locale`: what okrkit does and a line per command. */
export function mainHelp(commands: readonly Command[], locale: Locale): string {
  const lines = commands.map((c) => `  ${(c.takesPlan ? `${c.name} <plan>` : c.name).padEnd(18)}${helpOf(c, locale).summary}\n`);
  return `${MAIN[locale].head}${lines.join('')}${MAIN[locale].tail}`;
}

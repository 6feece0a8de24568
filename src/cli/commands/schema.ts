import { planJsonSchema } from '../../index.js';
import type { Command } from '../command.js';
import { EXIT, written } from '../exit.js';
import { writeFiles } from '../files.js';
import { checkOutFor, textOrJson } from '../options.js';

const HELP = `Usage: okrkit schema [--out FILE [--force]]

Prints the JSON Schema of a plan (draft 2020-12), for editors and other languages.

Options:
  --format FORMAT   text or json (default: text): with --out, how the file written is told:
                    a "wrote FILE" line on standard error, or { "written": [FILE] } on
                    standard output (the schema itself is JSON either way)
  --locale LOCALE   en or vi, for messages (default: en)
  --out FILE        write to FILE instead of standard output; never over an existing file
  --force           replace FILE when it exists (never a folder or a link)
  -h, --help        show this help
`;

const HELP_VI = `Cách dùng: okrkit schema [--out FILE [--force]]

In ra JSON Schema của một kế hoạch (draft 2020-12), dùng cho trình soạn thảo và các ngôn ngữ
lập trình khác.

Tùy chọn:
  --format FORMAT   text hoặc json (mặc định: text): khi có --out, cách báo tệp đã ghi: một
                    dòng "đã ghi FILE" trên đầu ra lỗi chuẩn, hoặc { "written": [FILE] } trên
                    đầu ra chuẩn (bản thân schema luôn là JSON)
  --locale LOCALE   en hoặc vi, cho các thông báo (mặc định: en)
  --out FILE        ghi vào FILE thay vì đầu ra chuẩn; không bao giờ ghi đè lên tệp đã có
  --force           thay thế FILE nếu tệp đã có (không bao giờ thay một thư mục hay một
                    liên kết)
  -h, --help        hiện trợ giúp này
`;

export const schema: Command = {
  name: 'schema',
  summary: "print the plan's JSON Schema",
  help: HELP,
  translated: { vi: { summary: 'in ra JSON Schema của kế hoạch', help: HELP_VI } },
  options: ['out', 'force', 'format', 'locale', 'help'],
  takesPlan: false,
  run({ values, locale }, io) {
    const format = textOrJson(values.format);
    checkOutFor(values.out, 'json');
    const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
    if (values.out === undefined) io.stdout.write(text);
    else {
      writeFiles({ [values.out]: text }, { force: values.force === true, inputs: [] });
      written(io, locale, format, [values.out]);
    }
    return EXIT.ok;
  },
};

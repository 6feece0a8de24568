import { planJsonSchema } from '../../index.js';
import type { Command } from '../command.js';
import { writeFiles } from '../files.js';

const HELP = `Usage: okrkit schema [--out FILE [--force]]

Prints the JSON Schema of a plan (draft 2020-12), for editors and other languages.

Options:
  --out FILE        write to FILE instead of standard output; never over an existing file
  --force           replace FILE when it exists (never a folder or a link)
  -h, --help        show this help
`;

export const schema: Command = {
  name: 'schema',
  summary: "print the plan's JSON Schema",
  help: HELP,
  options: ['out', 'force', 'help'],
  takesPlan: false,
  run({ values }, io) {
    const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
    if (values.out === undefined) io.stdout.write(text);
    else writeFiles({ [values.out]: text }, { force: values.force === true, inputs: [], hint: 'choose another --out' });
    return 0;
  },
};

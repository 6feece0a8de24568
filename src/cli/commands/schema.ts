import { planJsonSchema } from '../../index.js';
import type { Command } from '../command.js';
import { writeFile } from '../files.js';

const HELP = `Usage: okrkit schema [--out FILE]

Prints the JSON Schema of a plan (draft 2020-12), for editors and other languages.
`;

export const schema: Command = {
  name: 'schema',
  summary: "print the plan's JSON Schema",
  help: HELP,
  options: ['out', 'help'],
  takesPlan: false,
  run({ values }, io) {
    const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
    if (values.out === undefined) io.stdout.write(text);
    else writeFile(values.out, text);
    return 0;
  },
};

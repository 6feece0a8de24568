// Every okrkit command, in the order `okrkit --help` lists them. A new command is a file
// in this folder and a line here.
import type { Command } from '../command.js';
import { exportCommand } from './export.js';
import { lint } from './lint.js';
import { people } from './people.js';
import { report } from './report.js';
import { schema } from './schema.js';
import { template } from './template.js';
import { validate } from './validate.js';

export const COMMANDS: readonly Command[] = [report, people, lint, validate, exportCommand, schema, template];

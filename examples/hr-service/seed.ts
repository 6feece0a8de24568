// The seed step: every plan in examples/plans/ becomes a tenant named after its file
// (examples/plans/xyz-corp.json → tenant "xyz-corp"). Re-running replaces them.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Service } from './service.js';

export const PLANS_DIR = new URL('../plans/', import.meta.url);

export async function seedPlans(service: Service, dir: URL | string = PLANS_DIR): Promise<string[]> {
  const folder = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) await service.seed(basename(file, '.json'), JSON.parse(readFileSync(join(folder, file), 'utf8')));
  return files.map((f) => basename(f, '.json'));
}

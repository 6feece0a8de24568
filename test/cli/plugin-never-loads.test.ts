import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'src/cli/bin.ts');

// Node ends a process whose event loop is empty even while a promise is pending; without a
// guard, a plug-in whose top-level await never settles made every command exit 0 with no
// output, which a CI gate reads as a pass.
describe('a --plugin module that never finishes loading', () => {
  it('ends the command with exit code 2 and a line that says why, never 0 in silence', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', bin, 'lint', join(root, 'examples/plans/xyz-corp.json'), '--plugin', join(root, 'test/fixtures/plugins/never-loads.mjs')],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('never finished loading');
  });

  it('says so in Vietnamese under --locale vi', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', bin, 'lint', join(root, 'examples/plans/xyz-corp.json'), '--locale', 'vi', '--plugin', join(root, 'test/fixtures/plugins/never-loads.mjs')],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe('okrkit: lệnh đã dừng trước khi xong: một mô-đun --plugin không bao giờ tải xong (một top-level await không bao giờ kết thúc?)\n');
  });
});

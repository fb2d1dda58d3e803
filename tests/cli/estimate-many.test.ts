import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** `estimate` over several files or a folder, in one process: --jsonl, input order, bad claims as error lines. */

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'assets', 'examples');
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'estimate', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const lines = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('outage-desk estimate, many claims per process', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'estimate-many-'));
  const folder = join(tmp, 'claims');
  mkdirSync(join(folder, 'b-sub'), { recursive: true });
  copyFileSync(join(EXAMPLES, 'taxi-franchise.claim.json'), join(folder, 'c-taxi.json'));
  copyFileSync(join(EXAMPLES, 'driver-2022.claim.json'), join(folder, 'a-driver.json'));
  copyFileSync(join(EXAMPLES, 'cafe-daily.claim.json'), join(folder, 'b-sub', 'cafe.json'));
  writeFileSync(join(folder, 'notes.txt'), 'not a claim, not read');
  const broken = join(folder, 'b-broken.json');
  writeFileSync(broken, '{ "format": "outage-loss-desk/claim", ');

  it('--jsonl over several files: one object per claim, in the order given, the same figures as one at a time', async () => {
    const files = ['restaurant-hourly.claim.json', 'driver-2022.claim.json', 'merchant-best-week.claim.json'].map((f) => join(EXAMPLES, f));
    const many = await cli(...files, '--jsonl');
    expect(many.stderr).toBe('');
    expect(many.code).toBe(0);
    const out = lines(many.stdout);
    expect(out.map((o) => o.file)).toEqual(files);
    for (const [i, file] of files.entries()) {
      const one = await cli(file, '--json');
      expect(out[i]).toEqual(JSON.parse(one.stdout));
    }
    expect(out[1]!.claimTotal).toBe(224_490);
  }, 60_000);

  it('a folder is read recursively in name order; a bad claim is an error line naming its file, the rest still computed, exit 2', async () => {
    const r = await cli(folder, '--jsonl', '--level', '0.95');
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    expect(out.map((o) => o.file)).toEqual(['a-driver.json', 'b-broken.json', 'b-sub/cafe.json', 'c-taxi.json'].map((f) => join(folder, f)));
    expect(Object.keys(out[1]!)).toEqual(['file', 'error']);
    const error = out[1]!.error as { message: string; issues: { path: string; message: string }[] };
    expect(out[1]!.file).toBe(broken);
    expect(error.message).toMatch(/^\(파일 \/ file\): JSON 형식이 아니에요 \/ not valid JSON/);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe('');
    expect(out[0]!.claimTotal).toBe(224_490);
    expect((out[0]!.lostProfitRange as { level: number }).level).toBe(0.95);
    for (const o of [out[2]!, out[3]!]) expect(o.claimTotal).toBe((o.directTotal as number) + (o.indirectTotal as number));
    expect(r.stderr).toContain('1 of 4 claims could not be estimated');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('without --jsonl, several claims print one readable breakdown each; bad ones go to stderr with the file and field', async () => {
    const missing = join(tmp, 'gone.json');
    const r = await cli(join(EXAMPLES, 'driver-2022.claim.json'), missing, broken);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('청구 합계 D + I                224,490원');
    expect(r.stderr).toContain(`${missing}: 파일을 읽을 수 없어요 / cannot read the file (ENOENT)`);
    expect(r.stderr).toContain(`${broken}: (파일 / file): JSON 형식이 아니에요`);
  }, 60_000);

  it('--json with several files asks for --jsonl; an empty folder is named', async () => {
    const two = await cli(join(EXAMPLES, 'driver-2022.claim.json'), join(EXAMPLES, 'cafe-daily.claim.json'), '--json');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--jsonl');
    expect(two.stdout).toBe('');
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    const none = await cli(empty, '--jsonl');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`${empty}: 폴더에 청구 파일(.json)이 없어요`);
  }, 60_000);

  it('one bad file with --jsonl is still an error line and exit 2; one good file stays as before', async () => {
    const bad = await cli(broken, '--jsonl');
    expect(bad.code).toBe(2);
    expect(lines(bad.stdout)).toHaveLength(1);
    expect(lines(bad.stdout)[0]!.file).toBe(broken);
    const good = await cli(join(EXAMPLES, 'driver-2022.claim.json'), '--jsonl');
    expect(good.code).toBe(0);
    expect(good.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(join(EXAMPLES, 'driver-2022.claim.json'), 'utf8')).toContain('"format"');
  }, 60_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file the unit tests make (theirs, and the CLI child processes' they start) goes under one
 * folder of this run, removed at the end: test files make their folders with mkdtemp and do not all remove
 * them, and on a shared CI machine those would pile up run after run.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'outage-desk-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}

/**
 * Batch figures: the CLI `synth` writes N seeded packets, the CLI `batch` verifies, deduplicates,
 * aggregates and exports them, timed as a child process with its peak RSS; the floor script does only
 * the unavoidable reading, unzipping, parsing and hashing of the same files.
 *
 * Batch mode is being built in parallel. Until `batch` and `synth` are registered in src/cli/main.ts,
 * these figures are reported as not yet available, never estimated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './report';
import { ROOT } from './inputs';

export function batchCommandsLanded(): boolean {
  const main = readFileSync(join(ROOT, 'src', 'cli', 'main.ts'), 'utf8');
  return /^\s*batch\s*:/m.test(main) && /^\s*synth\s*:/m.test(main);
}

const NOT_YET = 'not yet available: batch mode (src/core/batch, CLI `batch` and `synth`) has not landed on main yet';

export async function batchFigures(packets: number, _tmp: string, _log: (s: string) => void): Promise<Figure[]> {
  if (!batchCommandsLanded()) {
    const label = `${packets.toLocaleString('en-US')} synthetic packets through the batch CLI`;
    return [
      { key: 'batch10kMs', label, value: null, unit: 'ms', missing: NOT_YET },
      { key: 'batchFloorRatio', label: 'floor time / batch time', value: null, unit: 'ratio', missing: NOT_YET },
      { key: 'peakRssMb', label: 'peak RSS of the batch run', value: null, unit: 'MB', missing: NOT_YET },
    ];
  }
  throw new Error('batch and synth are registered in src/cli/main.ts but the bench does not drive them yet: update tests/bench/lib/batch.ts');
}

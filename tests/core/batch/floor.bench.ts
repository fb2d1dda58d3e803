/**
 * The floor for a batch measurement (run by hand, not by vitest):
 *   node --import tsx tests/core/batch/floor.bench.ts <folder of packets>
 * Reads, unzips, JSON-parses (claim.json and manifest.json) and hashes the same files as `batch` and does
 * nothing else, one file at a time, so floor / pipeline says how much of the batch is unavoidable work.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { sha256Hex } from '../../../src/core/packet/hash';

async function main(dir: string): Promise<void> {
  const started = performance.now();
  const names = (await readdir(dir)).filter((n) => n.endsWith('.zip')).sort();
  let bytesRead = 0;
  let parsed = 0;
  for (const name of names) {
    const bytes = new Uint8Array(await readFile(join(dir, name)));
    bytesRead += bytes.length;
    await sha256Hex(bytes);
    const files = unzipSync(bytes);
    for (const data of Object.values(files)) await sha256Hex(data);
    for (const inner of ['claim.json', 'manifest.json']) {
      const data = files[inner];
      if (data) {
        JSON.parse(new TextDecoder().decode(data));
        parsed++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`floor: ${names.length} zips, ${(bytesRead / 1024 / 1024).toFixed(1)} MB, ${parsed} JSON files, ${seconds.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB`);
}

void main(process.argv[2] ?? '.');

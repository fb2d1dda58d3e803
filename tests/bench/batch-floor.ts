/**
 * The batch floor: what any batch over these packets must do and nothing else — read every file, unzip
 * it, JSON-parse its JSON entries and SHA-256 the file and every entry (as verify does), with the same
 * hash the batch CLI uses (node:crypto, src/cli/hash.ts), so the floor never pays a cost the batch avoids.
 * Run as a child process the same way the batch CLI is, so both figures include the same Node start-up.
 *   node --import tsx tests/bench/batch-floor.ts <dir>
 * Prints one JSON line: files, entries, bytes (a check that it saw what the batch saw).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { nodeSha256Hex } from '../../src/cli/hash';

async function listZips(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listZips(path)));
    else if (entry.name.toLowerCase().endsWith('.zip')) out.push(path);
  }
  return out.sort();
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: batch-floor.ts <dir of packets>');
  process.exit(2);
}
const decoder = new TextDecoder();
let files = 0;
let entries = 0;
let bytes = 0;
let parsed = 0;
for (const path of await listZips(dir)) {
  const zip = new Uint8Array(await readFile(path));
  bytes += zip.length;
  files++;
  nodeSha256Hex(zip);
  for (const [name, content] of Object.entries(unzipSync(zip))) {
    entries++;
    nodeSha256Hex(content);
    if (name.endsWith('.json')) {
      JSON.parse(decoder.decode(content));
      parsed++;
    }
  }
}
console.log(JSON.stringify({ files, entries, parsedJson: parsed, bytes }));

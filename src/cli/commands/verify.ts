import { verifyPacket } from '../../core/packet/verify';
import { CliInputError } from '../errors.js';
import { openZipFile } from '../zip-file';

export const summary = '증빙 묶음(zip)이 바뀌지 않았는지 확인해요 / verify an evidence packet (zip)';

export async function run(args: string[]): Promise<number> {
  const [path, ...rest] = args;
  if (!path || rest.length) throw new CliInputError('사용법 / usage: outage-desk verify <packet.zip>');
  // Read in place (end record, directory, one entry at a time), never the whole file into memory.
  let file: ReturnType<typeof openZipFile>;
  try {
    file = openZipFile(path);
  } catch (err) {
    throw new CliInputError(`묶음 파일을 읽을 수 없어요: ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}) / cannot read ${path}`);
  }
  let result: Awaited<ReturnType<typeof verifyPacket>>;
  try {
    result = await verifyPacket(file);
  } finally {
    file.close();
  }
  if (result.ok) {
    const m = result.manifest!;
    console.log(`OK: ${path} (${m.channel}, 청구 ${m.claimId}, ${m.files.length}개 파일, ${m.madeAt})`);
    return 0;
  }
  console.log(`문제가 있어요 / problems found: ${path}`);
  for (const problem of result.problems) console.log(`- [${problem.code}] ${problem.message}`);
  return 2;
}

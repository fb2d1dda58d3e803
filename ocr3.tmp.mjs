import { createWorker } from 'tesseract.js';
import { readFileSync } from 'node:fs';
const worker = await createWorker(['kor'], 1, { langPath: '/work/wt-19/node_modules/@tesseract.js-data/kor/4.0.0_best_int', cacheMethod: 'none', gzip: true });
for (const f of process.argv.slice(2)) for (const psm of ['3', '4', '11']) {
  await worker.setParameters({ tessedit_pageseg_mode: psm });
  const t1 = Date.now();
  const r = await worker.recognize(readFileSync(f), {}, { blocks: true });
  const words = r.data.blocks.flatMap(b => b.paragraphs.flatMap(p => p.lines.flatMap(l => l.words)));
  const times = words.filter(w => /^\d{1,2}[:.]\d{2}/.test(w.text));
  const amts = words.filter(w => /^\d{1,3}(,\d{3})+$/.test(w.text));
  console.log(f, 'psm', psm, Date.now() - t1, 'ms', 'words', words.length, 'times', times.length, times.map(w=>w.text).join(' '), '\n   amts', amts.length, amts.map(w=>w.text).join(' '));
}
await worker.terminate();

import { createWorker } from 'tesseract.js';
import { readFileSync } from 'node:fs';
const worker = await createWorker(['kor'], 1, { langPath: '/work/wt-19/node_modules/@tesseract.js-data/kor/4.0.0_best_int', cacheMethod: 'none', gzip: true });
for (const f of process.argv.slice(2)) {
  const img = readFileSync(f);
  const t1 = Date.now();
  await worker.setParameters({ tessedit_pageseg_mode: '11' });
  const r = await worker.recognize(img, {}, { blocks: true });
  const words = r.data.blocks.flatMap(b => b.paragraphs.flatMap(p => p.lines.flatMap(l => l.words)));
  const amts = words.filter(w => /^\d{1,3}(,\d{3})+$/.test(w.text));
  const W = r.data.blocks[0] ? Math.max(...words.map(w => w.bbox.x1)) + 40 : 1000;
  await worker.setParameters({ tessedit_pageseg_mode: '7' });
  const out = [];
  for (const a of amts) {
    const h = a.bbox.y1 - a.bbox.y0;
    const rect = { left: 0, top: Math.max(0, a.bbox.y0 - Math.round(h * 0.6)), width: W, height: Math.round(h * 2.2) };
    const rr = await worker.recognize(img, { rectangle: rect }, { blocks: true, text: true });
    out.push(rr.data.text.trim() + ' @' + rr.data.confidence.toFixed(0));
  }
  console.log(f, Date.now() - t1, 'ms\n ' + out.join('\n '));
}
await worker.terminate();

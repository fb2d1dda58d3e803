import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('index.html and the renderer sources', () => {
  const html = readFileSync('index.html', 'utf8');

  it('carry the same Content-Security-Policy as the Electron shell', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('load nothing remote (no CDN, no web-font URL)', () => {
    const sources = [html, readFileSync('src/main.tsx', 'utf8'), ...files('src/ui', /\.(tsx?|css)$/).map((f) => readFileSync(f, 'utf8'))];
    for (const src of sources) {
      expect(src).not.toMatch(/(src|href)=["']https?:/);
      expect(src).not.toMatch(/url\(\s*['"]?https?:/);
      expect(src).not.toMatch(/fonts\.googleapis|cdn\.|unpkg|jsdelivr/);
    }
  });

  it('bundle the Korean web font and make form controls inherit it', () => {
    expect(readFileSync('src/main.tsx', 'utf8')).toContain("import '@fontsource-variable/noto-sans-kr/index.css'");
    const css = readFileSync('src/ui/styles.css', 'utf8');
    expect(css).toMatch(/button, input, select, textarea \{ font: inherit;/);
    expect(css).toContain("'Noto Sans KR Variable'");
  });

  it('have no Korean text written into components: every visible string comes from i18n', () => {
    const offenders = files('src/ui', /\.tsx$/).filter((f) => /[\uac00-\ud7a3]/.test(stripComments(readFileSync(f, 'utf8'))));
    expect(offenders).toEqual([]);
  });
});

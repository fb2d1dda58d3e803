import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17: the estimate is small named stages, so no function in src/core/estimate may grow past
 * ~120 lines again. Measured with the TypeScript compiler: every function, method and arrow function,
 * from its first line to its last.
 */
const LIMIT = 120;
const ROOT = join(__dirname, '..', '..', '..');
const DIR = join(ROOT, 'src', 'core', 'estimate');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface FunctionLength {
  file: string;
  name: string;
  lines: number;
}

function functionLengths(fileName: string, text: string): FunctionLength[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = (node as ts.FunctionDeclaration).name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
      out.push({ file: fileName, name: named ? named.getText(sf) : `(anonymous at line ${start + 1})`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('function length in src/core/estimate', () => {
  it(`measures a long function (the check can fail)`, () => {
    const body = Array.from({ length: 130 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    const [f] = functionLengths('x.ts', `export function long() {\n${body}\n}\n`);
    expect(f).toMatchObject({ name: 'long', lines: 132 });
  });

  it(`has no function over ${LIMIT} lines`, () => {
    const all = sourceFiles(DIR).flatMap((file) => functionLengths(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(all.length).toBeGreaterThan(50);
    const longest = [...all].sort((a, b) => b.lines - a.lines);
    const over = longest.filter((f) => f.lines > LIMIT).map((f) => `${f.file} ${f.name}: ${f.lines} lines`);
    expect(over).toEqual([]);
  });
});

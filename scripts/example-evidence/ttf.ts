/**
 * A minimal TrueType (glyf) reader: enough to draw Noto Sans KR text into the example screenshots without a
 * canvas library. Reads cmap (formats 4 and 12), advance widths and glyph outlines, simple and compound;
 * hinting, kerning and shaping are ignored (Hangul and Latin need none at screenshot sizes).
 */

export type Point = { x: number; y: number };
/** A closed outline in font units, y up: a list of line segments after flattening the quadratic curves. */
export type Contour = Point[];

export class TrueTypeFont {
  private readonly view: DataView;
  private readonly tables = new Map<string, number>();
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;
  private readonly cmap: (code: number) => number;
  private readonly outlines = new Map<number, Contour[]>();

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.view.getUint16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + 16 * i;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      this.tables.set(tag, this.view.getUint32(at + 8));
    }
    const head = this.table('head');
    this.unitsPerEm = this.view.getUint16(head + 18);
    this.longLoca = this.view.getInt16(head + 50) === 1;
    const hhea = this.table('hhea');
    this.ascender = this.view.getInt16(hhea + 4);
    this.descender = this.view.getInt16(hhea + 6);
    this.numberOfHMetrics = this.view.getUint16(hhea + 34);
    this.cmap = this.readCmap();
  }

  private table(tag: string): number {
    const at = this.tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  }

  private readCmap(): (code: number) => number {
    const v = this.view;
    const cmap = this.table('cmap');
    const n = v.getUint16(cmap + 2);
    let format4 = -1;
    for (let i = 0; i < n; i++) {
      const platform = v.getUint16(cmap + 4 + 8 * i);
      const encoding = v.getUint16(cmap + 6 + 8 * i);
      const at = cmap + v.getUint32(cmap + 8 + 8 * i);
      if (platform === 3 && encoding === 10 && v.getUint16(at) === 12) {
        const groups = v.getUint32(at + 12);
        return (code) => {
          for (let g = 0; g < groups; g++) {
            const start = v.getUint32(at + 16 + 12 * g);
            const end = v.getUint32(at + 20 + 12 * g);
            if (code >= start && code <= end) return v.getUint32(at + 24 + 12 * g) + code - start;
          }
          return 0;
        };
      }
      if (platform === 3 && encoding === 1 && v.getUint16(at) === 4) format4 = at;
    }
    if (format4 < 0) throw new Error('font has no Unicode cmap');
    const at = format4;
    const segs = v.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segs + 2;
    const deltas = starts + 2 * segs;
    const rangeOffsets = deltas + 2 * segs;
    return (code) => {
      for (let s = 0; s < segs; s++) {
        if (code > v.getUint16(ends + 2 * s)) continue;
        const start = v.getUint16(starts + 2 * s);
        if (code < start) return 0;
        const delta = v.getInt16(deltas + 2 * s);
        const ro = v.getUint16(rangeOffsets + 2 * s);
        if (ro === 0) return (code + delta) & 0xffff;
        const glyph = v.getUint16(rangeOffsets + 2 * s + ro + 2 * (code - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }

  glyphIndex(codePoint: number): number {
    return this.cmap(codePoint);
  }

  advanceWidth(glyph: number): number {
    const hmtx = this.table('hmtx');
    return this.view.getUint16(hmtx + 4 * Math.min(glyph, this.numberOfHMetrics - 1));
  }

  private glyphRange(glyph: number): [number, number] {
    const loca = this.table('loca');
    const glyf = this.table('glyf');
    const v = this.view;
    const [a, b] = this.longLoca
      ? [v.getUint32(loca + 4 * glyph), v.getUint32(loca + 4 * glyph + 4)]
      : [2 * v.getUint16(loca + 2 * glyph), 2 * v.getUint16(loca + 2 * glyph + 2)];
    return [glyf + a, glyf + b];
  }

  /** The glyph's outline in font units (y up), curves flattened. */
  outline(glyph: number): Contour[] {
    const cached = this.outlines.get(glyph);
    if (cached) return cached;
    const contours = this.readOutline(glyph, 0);
    this.outlines.set(glyph, contours);
    return contours;
  }

  private readOutline(glyph: number, depth: number): Contour[] {
    const v = this.view;
    const [start, end] = this.glyphRange(glyph);
    if (end <= start || depth > 8) return [];
    const contourCount = v.getInt16(start);
    if (contourCount >= 0) return this.simpleGlyph(start, contourCount);
    // Compound glyph: components placed by an offset and an optional scale or 2x2 matrix.
    const out: Contour[] = [];
    let p = start + 10;
    for (;;) {
      const flags = v.getUint16(p);
      const component = v.getUint16(p + 2);
      p += 4;
      let dx = 0;
      let dy = 0;
      if (flags & 0x0001) {
        if (flags & 0x0002) [dx, dy] = [v.getInt16(p), v.getInt16(p + 2)];
        p += 4;
      } else {
        if (flags & 0x0002) [dx, dy] = [v.getInt8(p), v.getInt8(p + 1)];
        p += 2;
      }
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (at: number) => v.getInt16(at) / 16384;
      if (flags & 0x0008) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & 0x0040) {
        [a, d] = [f2dot14(p), f2dot14(p + 2)];
        p += 4;
      } else if (flags & 0x0080) {
        [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
        p += 8;
      }
      for (const contour of this.readOutline(component, depth + 1)) {
        out.push(contour.map(({ x, y }) => ({ x: a * x + c * y + dx, y: b * x + d * y + dy })));
      }
      if (!(flags & 0x0020)) break;
    }
    return out;
  }

  private simpleGlyph(start: number, contourCount: number): Contour[] {
    const v = this.view;
    const endPoints: number[] = [];
    for (let i = 0; i < contourCount; i++) endPoints.push(v.getUint16(start + 10 + 2 * i));
    const pointCount = contourCount ? endPoints[contourCount - 1]! + 1 : 0;
    let p = start + 10 + 2 * contourCount;
    p += 2 + v.getUint16(p); // instructions
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const f = v.getUint8(p++);
      flags.push(f);
      if (f & 0x08) {
        let repeat = v.getUint8(p++);
        while (repeat-- > 0) flags.push(f);
      }
    }
    const coords = (short: number, same: number): number[] => {
      const out: number[] = [];
      let value = 0;
      for (const f of flags) {
        if (f & short) {
          const delta = v.getUint8(p++);
          value += f & same ? delta : -delta;
        } else if (!(f & same)) {
          value += v.getInt16(p);
          p += 2;
        }
        out.push(value);
      }
      return out;
    };
    const xs = coords(0x02, 0x10);
    const ys = coords(0x04, 0x20);
    const contours: Contour[] = [];
    let first = 0;
    for (const last of endPoints) {
      const pts = [];
      for (let i = first; i <= last; i++) pts.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 1) === 1 });
      first = last + 1;
      if (pts.length) contours.push(flattenQuadratic(pts));
    }
    return contours;
  }
}

/** TrueType contours are quadratic B-splines: two off-curve points in a row imply an on-curve midpoint. */
function flattenQuadratic(pts: { x: number; y: number; on: boolean }[]): Contour {
  const n = pts.length;
  const startIndex = pts.findIndex((q) => q.on);
  let start: Point;
  let order: { x: number; y: number; on: boolean }[];
  if (startIndex < 0) {
    start = { x: (pts[0]!.x + pts[n - 1]!.x) / 2, y: (pts[0]!.y + pts[n - 1]!.y) / 2 };
    order = pts;
  } else {
    start = pts[startIndex]!;
    order = [...pts.slice(startIndex + 1), ...pts.slice(0, startIndex)];
  }
  const out: Point[] = [{ x: start.x, y: start.y }];
  let current = start;
  let control: Point | null = null;
  const curveTo = (c: Point, to: Point) => {
    const steps = 6;
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      out.push({ x: u * u * current.x + 2 * u * t * c.x + t * t * to.x, y: u * u * current.y + 2 * u * t * c.y + t * t * to.y });
    }
    current = to;
  };
  for (const q of [...order, { ...start, on: true }]) {
    if (q.on) {
      if (control) curveTo(control, q);
      else out.push({ x: q.x, y: q.y });
      current = q;
      control = null;
    } else if (control) {
      const mid = { x: (control.x + q.x) / 2, y: (control.y + q.y) / 2 };
      curveTo(control, mid);
      control = q;
    } else {
      control = q;
    }
  }
  return out;
}

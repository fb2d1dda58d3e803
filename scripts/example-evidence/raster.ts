/**
 * A small RGB raster for the example screenshots: anti-aliased polygon fill (nonzero winding, exact horizontal
 * coverage, four sub-rows per pixel), rounded boxes, circles and Noto Sans KR text, encoded as PNG with fflate.
 * Only integer and IEEE arithmetic (no trigonometry, no system libraries), so the bytes are the same on every
 * machine and every run.
 */
import { zlibSync } from 'fflate';
import type { Point, TrueTypeFont } from './ttf';

export type Color = string; // #rrggbb
type Polygon = Point[];

const SUBROWS = 4;
/** tan(pi/8) and the quadratic control distance for an eighth of a circle, precomputed (no Math.sin/cos). */
const TAN_PI_8 = 0.41421356237309503;

function rgb(color: Color): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export type TextStyle = { font: TrueTypeFont; size: number; color: Color };

export class Raster {
  readonly pixels: Uint8Array;

  constructor(readonly width: number, readonly height: number, background: Color) {
    this.pixels = new Uint8Array(width * height * 3);
    const [r, g, b] = rgb(background);
    for (let i = 0; i < width * height; i++) this.pixels.set([r, g, b], 3 * i);
  }

  /** Fills polygons (pixel coordinates, y down) with the nonzero rule, blending by coverage. */
  fill(polygons: Polygon[], color: Color, opacity = 1): void {
    const edges: { x0: number; y0: number; x1: number; y1: number; dir: number }[] = [];
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    for (const poly of polygons) {
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i]!;
        const b = poly[(i + 1) % poly.length]!;
        left = Math.min(left, a.x);
        right = Math.max(right, a.x);
        if (a.y === b.y) continue;
        edges.push(a.y < b.y ? { x0: a.x, y0: a.y, x1: b.x, y1: b.y, dir: 1 } : { x0: b.x, y0: b.y, x1: a.x, y1: a.y, dir: -1 });
        top = Math.min(top, a.y, b.y);
        bottom = Math.max(bottom, a.y, b.y);
      }
    }
    if (!edges.length) return;
    const x0 = Math.max(0, Math.floor(left));
    const x1 = Math.min(this.width, Math.ceil(right) + 1);
    const y0 = Math.max(0, Math.floor(top));
    const y1 = Math.min(this.height, Math.ceil(bottom));
    if (x1 <= x0 || y1 <= y0) return;
    const cover = new Float64Array(x1 - x0);
    const [cr, cg, cb] = rgb(color);
    const crossings: { x: number; dir: number }[] = [];
    for (let py = y0; py < y1; py++) {
      cover.fill(0);
      for (let s = 0; s < SUBROWS; s++) {
        const sy = py + (s + 0.5) / SUBROWS;
        crossings.length = 0;
        for (const e of edges) {
          if (sy < e.y0 || sy >= e.y1) continue;
          crossings.push({ x: e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir });
        }
        crossings.sort((a, b) => a.x - b.x || a.dir - b.dir);
        let winding = 0;
        let spanStart = 0;
        for (const c of crossings) {
          const before = winding;
          winding += c.dir;
          if (before === 0 && winding !== 0) spanStart = c.x;
          else if (before !== 0 && winding === 0) this.addSpan(cover, x0, spanStart, c.x);
        }
      }
      for (let i = 0; i < cover.length; i++) {
        // Coverage in sixteenths: smooth enough for text, and few enough colours for a palette PNG.
        const a = (Math.round(Math.min(1, cover[i]!) * 16) / 16) * opacity;
        if (a <= 0) continue;
        const at = 3 * (py * this.width + x0 + i);
        const p = this.pixels;
        p[at] = Math.round(p[at]! * (1 - a) + cr * a);
        p[at + 1] = Math.round(p[at + 1]! * (1 - a) + cg * a);
        p[at + 2] = Math.round(p[at + 2]! * (1 - a) + cb * a);
      }
    }
  }

  private addSpan(cover: Float64Array, x0: number, from: number, to: number): void {
    const a = Math.max(from, x0);
    const b = Math.min(to, x0 + cover.length);
    for (let px = Math.floor(a); px < b; px++) {
      const overlap = Math.min(b, px + 1) - Math.max(a, px);
      if (overlap > 0) cover[px - x0]! += overlap / SUBROWS;
    }
  }

  rect(x: number, y: number, w: number, h: number, color: Color, radius = 0): void {
    this.fill([roundRect(x, y, w, h, radius)], color);
  }

  /** A box outline of the given stroke width (an outer rounded box minus an inner one). */
  strokeRect(x: number, y: number, w: number, h: number, color: Color, radius = 0, stroke = 1): void {
    const inner = roundRect(x + stroke, y + stroke, w - 2 * stroke, h - 2 * stroke, Math.max(0, radius - stroke)).reverse();
    this.fill([roundRect(x, y, w, h, radius), inner], color);
  }

  circle(cx: number, cy: number, r: number, color: Color): void {
    this.fill([circle(cx, cy, r)], color);
  }

  ring(cx: number, cy: number, r: number, stroke: number, color: Color): void {
    this.fill([circle(cx, cy, r), circle(cx, cy, r - stroke).reverse()], color);
  }

  /** Draws one line of text with its baseline at y; returns the advance in pixels. align moves the start. */
  text(value: string, x: number, y: number, style: TextStyle, align: 'left' | 'center' | 'right' = 'left'): number {
    const scale = style.size / style.font.unitsPerEm;
    const width = measure(value, style);
    let pen = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
    const polygons: Polygon[] = [];
    for (const ch of value) {
      const glyph = style.font.glyphIndex(ch.codePointAt(0)!);
      for (const contour of style.font.outline(glyph)) {
        const originX = pen;
        polygons.push(contour.map((p) => ({ x: originX + p.x * scale, y: y - p.y * scale })));
      }
      pen += style.font.advanceWidth(glyph) * scale;
    }
    this.fill(polygons, style.color);
    return width;
  }

  png(): Uint8Array {
    return encodePng(this.width, this.height, this.pixels);
  }
}

export function measure(value: string, style: TextStyle): number {
  let width = 0;
  for (const ch of value) width += style.font.advanceWidth(style.font.glyphIndex(ch.codePointAt(0)!));
  return (width * style.size) / style.font.unitsPerEm;
}

function quad(out: Point[], from: Point, control: Point, to: Point, steps = 6): void {
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push({ x: u * u * from.x + 2 * u * t * control.x + t * t * to.x, y: u * u * from.y + 2 * u * t * control.y + t * t * to.y });
  }
}

function roundRect(x: number, y: number, w: number, h: number, r: number): Polygon {
  r = Math.min(r, w / 2, h / 2);
  if (r <= 0) return [{ x, y }, { x: x + w, y }, { x: x + w, y: y + h }, { x, y: y + h }];
  const out: Point[] = [{ x: x + r, y }];
  const corner = (from: Point, c: Point, to: Point) => {
    out.push(from);
    quad(out, from, c, to);
  };
  corner({ x: x + w - r, y }, { x: x + w, y }, { x: x + w, y: y + r });
  corner({ x: x + w, y: y + h - r }, { x: x + w, y: y + h }, { x: x + w - r, y: y + h });
  corner({ x: x + r, y: y + h }, { x, y: y + h }, { x, y: y + h - r });
  corner({ x, y: y + r }, { x, y }, { x: x + r, y });
  return out;
}

/** A circle as eight quadratic arcs (control points at distance r / cos(pi/8) along each tangent). */
function circle(cx: number, cy: number, r: number): Polygon {
  const diagonal = 0.7071067811865476;
  const dirs: [number, number][] = [[1, 0], [diagonal, diagonal], [0, 1], [-diagonal, diagonal], [-1, 0], [-diagonal, -diagonal], [0, -1], [diagonal, -diagonal]];
  const out: Point[] = [];
  let from: Point = { x: cx + r, y: cy };
  out.push(from);
  for (let i = 0; i < 8; i++) {
    const [ax, ay] = dirs[i]!;
    const [bx, by] = dirs[(i + 1) % 8]!;
    const to = { x: cx + bx * r, y: cy + by * r };
    // The tangents at a and b meet at r along (a + b) / |a + b|, which is r * (1 + tan^2(pi/8))^(1/2) away.
    const k = r * Math.sqrt(1 + TAN_PI_8 * TAN_PI_8);
    const mx = ax + bx;
    const my = ay + by;
    const len = Math.sqrt(mx * mx + my * my);
    quad(out, from, { x: cx + (mx / len) * k, y: cy + (my / len) * k }, to, 4);
    from = to;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// PNG: a palette image when there are at most 256 colours (a third of the bytes to compress), else RGB with
// each row filtered by the filter giving the smallest sum (the usual heuristic).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function palettePng(width: number, height: number, rgbPixels: Uint8Array): { palette: Uint8Array; raw: Uint8Array } | null {
  const index = new Map<number, number>();
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter None: the usual choice for palette images
    for (let x = 0; x < width; x++) {
      const at = 3 * (y * width + x);
      const key = (rgbPixels[at]! << 16) | (rgbPixels[at + 1]! << 8) | rgbPixels[at + 2]!;
      let i = index.get(key);
      if (i === undefined) {
        if (index.size === 256) return null;
        i = index.size;
        index.set(key, i);
      }
      raw[y * (width + 1) + 1 + x] = i;
    }
  }
  const palette = new Uint8Array(3 * index.size);
  for (const [key, i] of index) palette.set([(key >> 16) & 255, (key >> 8) & 255, key & 255], 3 * i);
  return { palette, raw };
}

function rgbRows(width: number, height: number, rgbPixels: Uint8Array): Uint8Array {
  const stride = width * 3;
  const raw = new Uint8Array(height * (stride + 1));
  const candidate = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = rgbPixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgbPixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    let bestSum = Infinity;
    for (let filter = 0; filter < 5; filter++) {
      let sum = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= 3 ? row[i - 3]! : 0;
        const b = prev[i]!;
        const c = i >= 3 ? prev[i - 3]! : 0;
        const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (row[i]! - predicted) & 255;
        candidate[i] = v;
        sum += v < 128 ? v : 256 - v;
      }
      if (sum < bestSum) {
        bestSum = sum;
        raw[y * (stride + 1)] = filter;
        raw.set(candidate, y * (stride + 1) + 1);
      }
    }
  }
  return raw;
}

export function encodePng(width: number, height: number, rgbPixels: Uint8Array): Uint8Array {
  const indexed = palettePng(width, height, rgbPixels);
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, indexed ? 3 : 2, 0, 0, 0], 8);
  const raw = indexed ? indexed.raw : rgbRows(width, height, rgbPixels);
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const parts = [
    signature,
    chunk('IHDR', header),
    ...(indexed ? [chunk('PLTE', indexed.palette)] : []),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

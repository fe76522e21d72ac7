/**
 * Abstract cover illustrations for the demo articles (demo data, not CMS behaviour: the CMS's seed loads
 * this only while it seeds). The demo ships no photos (nothing to license),
 * so each article describes its cover as {motif, hue, seed} and this renders a flat SVG from it.
 * The output is self-contained (no text, fonts or external references) so sharp can rasterise it
 * anywhere, and deterministic so re-seeding yields byte-identical images.
 */
import { seededRandom } from '../random.ts';
import type { CoverArt } from './cover-motifs.ts';

type Rand = () => number;

interface Scene {
  w: number;
  h: number;
  /** Size unit: 1 at the default 675 px height, so details scale with the canvas. */
  u: number;
  rand: Rand;
  /** Colour relative to the base hue: hue shift in degrees, saturation and lightness in percent. */
  tone: (dh: number, s: number, l: number) => string;
  id: string;
}

/** Hex rather than hsl() so every SVG renderer (librsvg, browsers, viewers) agrees on colours. */
function hslHex(h: number, s: number, l: number): string {
  const hue = ((h % 360) + 360) % 360;
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (m: number): number => {
    const k = (m + hue / 30) % 12;
    return l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return `#${[0, 8, 4].map((m) => (Math.round(f(m) * 255) + 256).toString(16).slice(1)).join('')}`;
}

/** One decimal is plenty at cover sizes and keeps the markup short and stable. */
const n = (v: number): string => String(Math.round(v * 10) / 10);
const between = (rand: Rand, min: number, max: number): number => min + rand() * (max - min);
const peaks = (s: Scene, count: number): number[] => Array.from({ length: count + 1 }, () => s.rand());

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ''): string =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"${extra}/>`;
const circle = (cx: number, cy: number, r: number, fill: string, opacity = 1): string =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}" opacity="${opacity}"/>`;
const path = (d: string, fill: string, extra = ''): string => `<path d="${d}" fill="${fill}"${extra}/>`;
const stroke = (colour: string, width: number, opacity = 1): string =>
  ` stroke="${colour}" stroke-width="${n(width)}" opacity="${opacity}" stroke-linecap="round"`;
/** Closed polygon from flat x, y pairs. */
const poly = (xy: number[]): string => `M${xy.map((v, i) => n(v) + (i % 2 ? 'L' : ' ')).join('')}`.replace(/L$/, 'Z');

/** Open skyline from the left edge to the right edge; heights in 0..1 scale the amplitude. */
function ridgeLine(s: Scene, baseY: number, amp: number, hs: number[], pointed: boolean): string {
  const step = s.w / (hs.length - 1);
  let d = '';
  let [px, py] = [0, 0];
  hs.forEach((v, i) => {
    // Pointed ridges alternate peak and valley (with some drift) so they read as mountains, not noise.
    const x = pointed && i > 0 && i < hs.length - 1 ? (i + (v - 0.5) * 0.5) * step : i * step;
    const y = baseY - (pointed ? (i % 2 === 1 ? 0.55 + 0.45 * v : 0.3 * v) : v) * amp;
    if (i === 0) d = `M0 ${n(y)}`;
    else if (pointed) d += `L${n(x)} ${n(y)}`;
    else d += `C${n(px + step / 2)} ${n(py)} ${n(x - step / 2)} ${n(y)} ${n(x)} ${n(y)}`;
    [px, py] = [x, y];
  });
  return d;
}

const land = (s: Scene, line: string, fill: string, extra = ''): string =>
  path(`${line}L${s.w} ${s.h}L0 ${s.h}Z`, fill, extra);

/** Gradient sky plus, optionally, a pale warm sun: a sun tinted by the base hue looks wrong. */
function sky(s: Scene, top: string, bottom: string, sunRadius = 0): string {
  let out = `<defs><linearGradient id="${s.id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/>`;
  out += `<stop offset="1" stop-color="${bottom}"/></linearGradient></defs>${rect(0, 0, s.w, s.h, `url(#${s.id})`)}`;
  if (sunRadius === 0) return out;
  const [cx, cy] = [between(s.rand, 0.12, 0.88) * s.w, between(s.rand, 0.14, 0.28) * s.h];
  return out + circle(cx, cy, sunRadius * 1.7, hslHex(45, 90, 96), 0.5) + circle(cx, cy, sunRadius, hslHex(42, 85, 86));
}

function tree(s: Scene, x: number, y: number, r: number, fill: string): string {
  return rect(x - r * 0.12, y - r * 0.4, r * 0.24, r * 1.1, s.tone(-10, 20, 32)) + circle(x, y - r, r, fill);
}

function mountains(s: Scene): string {
  let out = sky(s, s.tone(0, 35, 94), s.tone(10, 40, 82), s.h * 0.08);
  for (let i = 0; i < 4; i++) {
    const line = ridgeLine(s, s.h * (0.5 + i * 0.13), s.h * (0.3 - i * 0.05), peaks(s, i < 2 ? 6 : 4), i < 2);
    out += land(s, line, s.tone(i * 5, 26 + i * 4, 74 - i * 13));
  }
  return out;
}

function terraces(s: Scene): string {
  let out = sky(s, s.tone(-20, 35, 94), s.tone(-10, 35, 85), s.h * 0.07);
  out += land(s, ridgeLine(s, s.h * 0.42, s.h * 0.18, peaks(s, 6), true), s.tone(0, 18, 75));
  // Bands share one contour, slightly perturbed, so they stack like paddy terraces.
  const base = peaks(s, 4);
  for (let i = 0; i < 10; i++) {
    const hs = base.map((v) => v * 0.8 + s.rand() * 0.2);
    const fill = s.tone(i % 2 ? 8 : 0, 30 + i, (i % 2 ? 58 : 64) - i * 2.2);
    const line = ridgeLine(s, s.h * (0.5 + i * 0.06), s.h * 0.12, hs, false);
    out += land(s, line, fill, stroke(s.tone(20, 40, 84), 3 * s.u));
  }
  return out;
}

function river(s: Scene): string {
  let out = sky(s, s.tone(0, 40, 94), s.tone(0, 40, 85), s.h * 0.07);
  out += land(s, ridgeLine(s, s.h * 0.48, s.h * 0.2, peaks(s, 6), true), s.tone(10, 22, 74));
  out += land(s, ridgeLine(s, s.h * 0.58, s.h * 0.06, peaks(s, 3), false), s.tone(-70, 28, 56));
  // Widening meander: left bank forwards, right bank backwards, one closed polygon.
  const phase = s.rand() * Math.PI * 2;
  const centre = (t: number): number => s.w * (0.5 + 0.2 * Math.sin(phase + t * 4.5) * t);
  const half = (t: number): number => 6 * s.u + t * t * s.w * 0.2;
  const ts = Array.from({ length: 25 }, (_, i) => i / 24);
  const yAt = (t: number): number => s.h * (0.56 + t * 0.46);
  const banks = ts.flatMap((t) => [centre(t) - half(t), yAt(t)]);
  banks.push(...[...ts].reverse().flatMap((t) => [centre(t) + half(t), yAt(t)]));
  out += path(poly(banks), s.tone(0, 50, 72));
  for (let i = 0; i < 6; i++) {
    const t = between(s.rand, 0.3, 0.85);
    const width = (30 + 80 * t) * s.u;
    out += rect(centre(t) - width / 2, yAt(t), width, 4 * s.u, s.tone(0, 60, 88), ` rx="${n(2 * s.u)}"`);
  }
  for (let i = 0; i < 7; i++) {
    const x = (i < 4 ? between(s.rand, 0.02, 0.18) : between(s.rand, 0.82, 0.98)) * s.w;
    out += tree(s, x, s.h * between(s.rand, 0.72, 0.98), s.h * between(s.rand, 0.035, 0.06), s.tone(-70, 30, 38));
  }
  return out;
}

function city(s: Scene): string {
  let out = sky(s, s.tone(0, 40, 94), s.tone(15, 40, 83), s.h * 0.08);
  const ground = s.h * 0.84;
  // Two rows of blocks, the far one paler; the near one gets window bands (calmer than single windows).
  for (const near of [false, true]) {
    for (let x = -20 * s.u; x < s.w;) {
      const bw = between(s.rand, 60, 140) * s.u;
      const bh = s.h * (near ? between(s.rand, 0.15, 0.42) : between(s.rand, 0.3, 0.55));
      out += rect(x, ground - bh, bw - 6 * s.u, bh, near ? s.tone(0, 26, 50) : s.tone(0, 18, 77));
      for (let y = ground - bh + 16 * s.u; near && y < ground - 14 * s.u; y += 22 * s.u) {
        out += rect(x + 10 * s.u, y, bw - 26 * s.u, 7 * s.u, s.tone(40, 70, 86), ' opacity="0.45"');
      }
      x += bw;
    }
  }
  out += rect(0, ground, s.w, s.h - ground, s.tone(0, 22, 32));
  const road = ground + (s.h - ground) / 2;
  const dash = ` stroke-dasharray="${n(40 * s.u)} ${n(30 * s.u)}"`;
  return out + path(`M0 ${n(road)}H${s.w}`, 'none', stroke(s.tone(0, 20, 72), 4 * s.u) + dash);
}

function network(s: Scene): string {
  let out = sky(s, s.tone(0, 45, 24), s.tone(15, 40, 36));
  for (let i = 0; i < 3; i++) {
    out += circle(s.rand() * s.w, s.rand() * s.h, s.h * between(s.rand, 0.3, 0.6), s.tone(15, 45, 48), 0.16);
  }
  const nodes: Array<[number, number]> = [];
  for (let gx = 0; gx < 7; gx++) {
    for (let gy = 0; gy < 4; gy++) {
      if (s.rand() < 0.25) continue;
      nodes.push([(gx + between(s.rand, 0.2, 0.8)) * (s.w / 7), (gy + between(s.rand, 0.2, 0.8)) * (s.h / 4)]);
    }
  }
  // Link each node to its two nearest neighbours: reads as a mesh without becoming a hairball.
  const dist = (p: [number, number], q: [number, number]): number => Math.hypot(p[0] - q[0], p[1] - q[1]);
  for (const p of nodes) {
    const byDistance = [...nodes].sort((a, b) => dist(a, p) - dist(b, p));
    for (const q of byDistance.slice(1, 3)) {
      out += path(`M${n(p[0])} ${n(p[1])}L${n(q[0])} ${n(q[1])}`, 'none', stroke(s.tone(10, 45, 72), 2 * s.u, 0.45));
    }
  }
  for (const [cx, cy] of nodes) {
    const r = between(s.rand, 5, 13) * s.u;
    const accent = s.rand() < 0.3;
    if (accent) out += circle(cx, cy, r * 3, hslHex(42, 80, 70), 0.18);
    out += circle(cx, cy, r, accent ? hslHex(42, 85, 72) : s.tone(10, 40, 84));
  }
  return out;
}

function documents(s: Scene): string {
  let out = sky(s, s.tone(0, 35, 94), s.tone(10, 35, 85));
  out += circle(s.w * between(s.rand, 0.1, 0.3), s.h * 0.3, s.h * 0.35, s.tone(0, 40, 80), 0.5);
  out += circle(s.w * between(s.rand, 0.7, 0.9), s.h * 0.75, s.h * 0.3, s.tone(30, 40, 82), 0.5);
  const [height, width] = [s.h * 0.66, s.h * 0.66 * 0.76];
  const [x, y] = [(s.w - width) / 2 + between(s.rand, -60, 60) * s.u, (s.h - height) / 2];
  const [mx, my, round] = [n(x + width / 2), n(y + height / 2), ` rx="${n(12 * s.u)}"`];
  const sheet = (d: number, rot: number, fill: string, opacity = 1): string =>
    rect(x + d, y + d, width, height, fill, `${round} opacity="${opacity}" transform="rotate(${rot} ${mx} ${my})"`);
  out += sheet(0, -9, s.tone(0, 28, 80)) + sheet(0, 6, s.tone(0, 28, 88));
  out += sheet(10 * s.u, 0, s.tone(0, 30, 40), 0.15) + sheet(0, 0, '#ffffff');
  // Text as grey bars: a heading, then two paragraphs whose last lines are short.
  const pad = height * 0.08;
  out += rect(x + pad, y + pad, width * 0.45, height * 0.04, s.tone(0, 45, 45), ` rx="${n(height * 0.02)}"`);
  for (let i = 0; i < 9; i++) {
    const lw = (width - 2 * pad) * (i % 4 === 3 ? between(s.rand, 0.35, 0.55) : between(s.rand, 0.8, 1));
    const ly = y + pad + height * (0.12 + i * 0.065 + (i > 3 ? 0.03 : 0));
    out += rect(x + pad, ly, lw, height * 0.022, s.tone(0, 18, 83), ` rx="${n(height * 0.011)}"`);
  }
  // Green seal with a tick reads as "approved" whatever the palette, without using any text.
  const [cx, cy, r] = [x + width - 20 * s.u, y + height - 30 * s.u, 44 * s.u];
  const tick = `M${n(cx - r * 0.45)} ${n(cy)}l${n(r * 0.32)} ${n(r * 0.32)}l${n(r * 0.6)} ${n(-r * 0.62)}`;
  return out + circle(cx, cy, r, hslHex(160, 45, 42)) + path(tick, 'none', stroke('#ffffff', r * 0.2));
}

function school(s: Scene): string {
  let out = sky(s, s.tone(0, 40, 94), s.tone(0, 40, 85), s.h * 0.07);
  out += land(s, ridgeLine(s, s.h * 0.62, s.h * 0.12, peaks(s, 4), false), s.tone(-80, 22, 72));
  const ground = s.h * 0.82;
  const [bw, bh, eave, door] = [s.w * 0.44, s.h * 0.3, 14 * s.u, 30 * s.u];
  const bx = (s.w - bw) / 2 + between(s.rand, -80, 80) * s.u;
  const [by, mid] = [ground - bh, bx + bw / 2];
  out += rect(0, ground, s.w, s.h - ground, s.tone(-80, 28, 54)) + rect(bx, by, bw, bh, s.tone(30, 50, 89));
  out += rect(bx - eave, by - eave, bw + 2 * eave, eave * 1.3, s.tone(0, 40, 42));
  out += path(poly([mid - bw * 0.22, by - eave, mid, by - bh * 0.55, mid + bw * 0.22, by - eave]), s.tone(0, 40, 48));
  out += rect(mid - 2 * s.u, by - bh * 1.05, 4 * s.u, bh * 0.5, s.tone(0, 10, 35));
  out += rect(mid + 2 * s.u, by - bh * 1.05, 58 * s.u, 36 * s.u, hslHex(8, 70, 55));
  const cell = (bw - 44 * s.u) / 8;
  for (let i = 0; i < 16; i++) {
    const [row, col] = [Math.floor(i / 8), i % 8];
    if (col === 3 || col === 4) continue; // the middle is for the door
    const [wx, wy] = [bx + 22 * s.u + col * cell, by + 24 * s.u + row * bh * 0.42];
    out += rect(wx, wy, cell - 18 * s.u, bh * 0.26, s.tone(0, 35, 62), ` rx="${n(4 * s.u)}"`);
  }
  const arch = `a${n(door)} ${n(door)} 0 0 1 ${n(2 * door)} 0`;
  out += path(`M${n(mid - door)} ${n(ground)}v${n(-bh * 0.5)}${arch}v${n(bh * 0.5)}Z`, s.tone(0, 35, 40));
  const walk = [mid - door, ground, mid + door, ground, mid + 3 * door, s.h, mid - 3 * door, s.h];
  out += path(poly(walk), s.tone(30, 25, 82));
  for (let i = 0; i < 6; i++) {
    const x = i % 2 ? between(s.rand, (bx + bw) / s.w + 0.05, 0.97) : between(s.rand, 0.03, bx / s.w - 0.05);
    const r = s.h * between(s.rand, 0.045, 0.075);
    out += tree(s, x * s.w, ground + between(s.rand, 0, 30) * s.u, r, s.tone(-80, 32, 36 + (i % 3) * 6));
  }
  return out;
}

function harvest(s: Scene): string {
  let out = sky(s, s.tone(0, 55, 94), s.tone(-10, 60, 84), s.h * 0.1);
  out += land(s, ridgeLine(s, s.h * 0.5, s.h * 0.12, peaks(s, 5), false), s.tone(60, 18, 68));
  // Back to front: each field's furrows are covered by the next, nearer field.
  for (let i = 0; i < 3; i++) {
    const line = ridgeLine(s, s.h * (0.6 + i * 0.14), s.h * 0.08, peaks(s, 3), false);
    out += land(s, line, s.tone(i * 6, 55 + i * 5, 66 - i * 9));
    const gap = (14 + i * 8) * s.u;
    for (let k = 1; k * gap < s.h * 0.45; k++) {
      const shift = ` transform="translate(0 ${n(k * gap)})"`;
      out += path(line, 'none', stroke(s.tone(i * 6 - 8, 50, 44 - i * 8), (2 + i) * s.u, 0.3) + shift);
    }
  }
  // Haystacks last so no field covers them, left to right.
  for (let k = 0; k < 4; k++) {
    const [x, y, r] = [s.w * (0.12 + k * 0.22 + s.rand() * 0.12), s.h * between(s.rand, 0.86, 0.93), 54 * s.u];
    out += path(`M${n(x - r)} ${n(y)}Q${n(x)} ${n(y - 3.2 * r)} ${n(x + r)} ${n(y)}Z`, s.tone(-6, 70, 74));
    out += rect(x - r * 0.64, y - r * 0.85, r * 1.28, r * 0.16, s.tone(0, 40, 38));
  }
  return out;
}

type Paint = (s: Scene) => string;
type Motif = CoverArt['motif'];
const MOTIFS: Record<Motif, Paint> = { mountains, terraces, river, city, network, documents, school, harvest };

/** Renders the cover described by `art` as a standalone SVG document of the given pixel size. */
export function renderCoverSvg(art: CoverArt, width = 1200, height = 675): string {
  const scene: Scene = {
    w: width,
    h: height,
    u: height / 675,
    // The portal's one seeded generator: the same seed always places the same shapes.
    rand: seededRandom(art.seed),
    tone: (dh, sat, lig) => hslHex(art.hue + dh, sat, lig),
    id: `cover-${art.motif}-${art.seed}`,
  };
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
  return `${open}${MOTIFS[art.motif](scene)}</svg>`;
}

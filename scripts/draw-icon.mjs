// Draws media/icon.png (128 x 128), the extension's icon: an equity curve that climbs in sample
// and sags out of sample (past a dashed line), underlined by a linter's wavy squiggle.
// `node scripts/draw-icon.mjs`; deterministic, no dependencies (PNG written with zlib).
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges

const background = [22, 34, 56];
const curveIn = [84, 214, 170];
const curveOut = [240, 112, 96];
const squiggle = [250, 200, 60];
const divider = [120, 140, 170];

// The curve: in sample (x 18..78) a tuned, steady climb; out of sample (78..110) it sags.
const points = [[18, 92], [30, 84], [40, 80], [50, 66], [60, 60], [70, 44], [78, 36], [86, 48], [94, 44], [102, 58], [110, 62]];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y) {
  const r = 22, lo = 4, hi = SIZE - 4;
  const cx = Math.max(lo + r, Math.min(hi - r, x));
  const cy = Math.max(lo + r, Math.min(hi - r, y));
  return x >= lo && x <= hi && y >= lo && y <= hi && Math.hypot(x - cx, y - cy) <= r;
}

/** Colour of one sample point, or undefined outside the icon (transparent). */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return undefined;
  let colour = background;
  if (Math.abs(x - 78) < 1 && Math.floor(y / 6) % 2 === 0 && y > 24 && y < 100) colour = divider;
  for (let i = 1; i < points.length; i++) {
    if (distanceToSegment(x, y, points[i - 1], points[i]) < 3.6) colour = points[i][0] <= 78 ? curveIn : curveOut;
  }
  const wave = 108 + 3.5 * Math.sin((x - 18) / 4);
  if (x > 16 && x < 112 && Math.abs(y - wave) < 2.2) colour = squiggle;
  return colour;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = (y * SIZE + x) * 4;
    if (a) { rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a); }
    rgba[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'media', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);

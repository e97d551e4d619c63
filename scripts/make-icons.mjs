#!/usr/bin/env node
/**
 * Generates the add-in icons (assets/icon-{16,32,64,80}.png) without any image library:
 * a Fluent-blue rounded square with a white three-bar chart glyph, anti-aliased by 8×8
 * supersampling, written as RGBA PNGs with node:zlib. Deterministic: the same input gives
 * byte-identical files, so the committed PNGs can be regenerated and diffed.
 *
 * Usage: node scripts/make-icons.mjs [outDir]   (default: assets/)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80];
const SAMPLES = 8; // supersampling per axis
const BLUE = [0x0f, 0x6c, 0xbd]; // Fluent UI brand blue (colorBrandBackground)
const WHITE = [0xff, 0xff, 0xff];

/** Bars of the chart glyph in unit coordinates (0..1, y down): [x0, x1, yTop, yBottom]. */
const BARS = [
  [0.2, 0.36, 0.54, 0.78],
  [0.42, 0.58, 0.38, 0.78],
  [0.64, 0.8, 0.22, 0.78],
];
const CORNER_RADIUS = 0.2;

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= r * r;
}

function insideBar(x, y) {
  return BARS.some(([x0, x1, y0, y1]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
}

/** RGBA pixels (non-premultiplied) of one icon. */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let square = 0;
      let bar = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (pxi + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (insideBar(x, y)) bar++;
          }
        }
      }
      const o = (py * size + pxi) * 4;
      const t = square === 0 ? 0 : bar / square; // share of white within the covered part
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(BLUE[c] * (1 - t) + WHITE[c] * t);
      px[o + 3] = Math.round((255 * square) / (SAMPLES * SAMPLES));
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); // width
  ihdr.writeUInt32BE(size, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(process.argv[2] ?? join(root, "assets"));
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  const png = encodePng(size, render(size));
  writeFileSync(file, png);
  console.log(`${file} (${size}×${size}, ${png.length} bytes)`);
}

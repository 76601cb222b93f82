// Draws images/icon.png (128x128): a log page with CMTrace-coloured rows and a lens.
// Plain Node (zlib + a hand-written PNG encoder) so the icon can be regenerated anywhere.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const W = 128, H = 128;
const px = new Uint8Array(W * H * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (y * W + x) * 4;
  const k = a / 255;
  px[i] = px[i] * (1 - k) + r * k; px[i + 1] = px[i + 1] * (1 - k) + g * k; px[i + 2] = px[i + 2] * (1 - k) + b * k;
  px[i + 3] = Math.max(px[i + 3], a);
};
const rect = (x0, y0, x1, y1, c) => { for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, c); };
rect(14, 8, 98, 120, [250, 250, 250]);
rect(14, 8, 98, 14, [0, 99, 177]);
const rows = [[200, 200, 200], [200, 200, 200], [230, 60, 60], [200, 200, 200], [240, 190, 40], [200, 200, 200], [200, 200, 200], [230, 60, 60], [200, 200, 200]];
rows.forEach((c, k) => rect(22, 22 + k * 10, 22 + 40 + ((k * 17) % 28), 27 + k * 10, c));
// Lens: ring and handle.
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  const d = Math.hypot(x - 82, y - 76);
  if (d >= 20 && d <= 27) set(x, y, [0, 99, 177]);
  else if (d < 20) set(x, y, [0, 99, 177, 40]);
}
for (let t = 0; t < 30; t++) for (let w = -5; w <= 5; w++) set(Math.round(100 + t * 0.7 + w * 0.7), Math.round(94 + t * 0.7 - w * 0.7), [0, 70, 130]);

const crc = (buf) => { let c = ~0; for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); } return ~c >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) { raw[y * (W * 4 + 1)] = 0; Buffer.from(px.buffer, y * W * 4, W * 4).copy(raw, y * (W * 4 + 1) + 1); }
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync(new URL('../images/icon.png', import.meta.url), Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));

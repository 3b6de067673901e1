import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/**
 * Writes the Teams app icons: a 192×192 colour icon and a 32×32 white-on-transparent outline icon, both showing
 * three rising bars (skills growing level by level). Run with `npx tsx scripts/make-icons.ts`.
 */
type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Three bars in the unit square: where (u, v) falls inside one of them. */
function onBar(u: number, v: number): boolean {
  const bars = [
    { left: 0.22, right: 0.36, top: 0.58 },
    { left: 0.43, right: 0.57, top: 0.42 },
    { left: 0.64, right: 0.78, top: 0.24 },
  ];
  return bars.some((bar) => u >= bar.left && u <= bar.right && v >= bar.top && v <= 0.78);
}

const BLUE: Rgba = [0x0f, 0x6c, 0xbd, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];

export function colorIcon(): Buffer {
  return png(192, (x, y) => (onBar((x + 0.5) / 192, (y + 0.5) / 192) ? WHITE : BLUE));
}

export function outlineIcon(): Buffer {
  return png(32, (x, y) => (onBar((x + 0.5) / 32, (y + 0.5) / 32) ? WHITE : CLEAR));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../appPackage/color.png', import.meta.url), colorIcon());
  writeFileSync(new URL('../appPackage/outline.png', import.meta.url), outlineIcon());
  console.log('wrote appPackage/color.png and appPackage/outline.png');
}

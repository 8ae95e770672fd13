// The selfie segmentation model the background effects ship: MediaPipe's `selfie_segmentation.tflite`
// from the npm package @mediapipe/selfie_segmentation (Apache-2.0), with the TFLite metadata that
// MediaPipe's tasks-vision `ImageSegmenter` requires and that file lacks: one RGB image input
// normalised from 0…255 to 0…1 (mean 0, std 255, as MediaPipe's own selfie segmentation graph feeds
// it) and one segmentation output. The model's graph and weights are unchanged. No npm package
// carries MediaPipe's newer `selfie_segmenter.tflite`, which has that metadata built in.
//
// How: a TFLite model is a FlatBuffer whose every offset points forward. The original file is
// kept byte for byte behind a new head: a new root `Model` table that refers forward to the
// original's operator codes, subgraphs and description, a `buffers` vector of the original
// buffers plus one holding the metadata (its own FlatBuffer, identifier `M001`,
// tensorflow/lite/schema/metadata_schema.fbs), and a `metadata` entry `TFLITE_METADATA` naming
// that buffer. The head is padded to 16 bytes so that the original keeps its alignment.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A FlatBuffer written front to back: a parent before its children, so every offset is forward. */
class Writer {
  bytes = [];
  /** [position of a uoffset, absolute target] for targets in the original file. */
  fixups = [];
  get pos() {
    return this.bytes.length;
  }
  align(n) {
    while (this.pos % n) this.bytes.push(0);
  }
  u8(v) {
    this.bytes.push(v & 255);
  }
  u16(v) {
    this.u8(v);
    this.u8(v >> 8);
  }
  u32(v) {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }
  f32(v) {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    for (const x of b) this.u8(x);
  }
  set32(at, v) {
    for (let k = 0; k < 4; k++) this.bytes[at + k] = (v >>> (8 * k)) & 255;
  }

  /**
   * Writes a node; returns its position. Nodes: `{str}`, `{f32s}`, `{bytes}` (a [ubyte], 16-aligned
   * data), `{vec: [nodes]}` (of tables), `{table: [[field id, 'u8' | 'u32' | 'ref', value]]}`,
   * `{abs}` (an object of the original file, at that position of the output).
   */
  write(node) {
    if (node.str !== undefined) {
      this.align(4);
      const p = this.pos;
      const b = Buffer.from(node.str);
      this.u32(b.length);
      for (const x of b) this.u8(x);
      this.u8(0);
      return p;
    }
    if (node.f32s) {
      this.align(4);
      const p = this.pos;
      this.u32(node.f32s.length);
      node.f32s.forEach((v) => this.f32(v));
      return p;
    }
    if (node.bytes) {
      while ((this.pos + 4) % 16) this.u8(0);
      const p = this.pos;
      this.u32(node.bytes.length);
      for (const x of node.bytes) this.u8(x);
      return p;
    }
    if (node.vec) {
      this.align(4);
      const p = this.pos;
      this.u32(node.vec.length);
      const slots = node.vec.map(() => {
        const at = this.pos;
        this.u32(0);
        return at;
      });
      node.vec.forEach((child, k) => this.#link(slots[k], child));
      return p;
    }
    if (node.table) {
      const fields = node.table;
      const maxId = Math.max(-1, ...fields.map(([id]) => id));
      this.align(4);
      const vtable = this.pos;
      this.u16(4 + 2 * (maxId + 1));
      this.u16(4 + 4 * fields.length);
      for (let k = 0; k <= maxId; k++) this.u16(0);
      this.align(4);
      const table = this.pos;
      this.u32(table - vtable); // soffset to the vtable, which sits just before
      const refs = [];
      fields.forEach(([id, kind, value], k) => {
        const at = table + 4 + 4 * k;
        this.bytes[vtable + 4 + 2 * id] = (at - table) & 255;
        this.bytes[vtable + 5 + 2 * id] = (at - table) >> 8;
        if (kind === 'u8') [value, 0, 0, 0].forEach((b) => this.u8(b));
        else if (kind === 'u32') this.u32(value);
        else {
          this.u32(0);
          refs.push([at, value]);
        }
      });
      for (const [at, child] of refs) this.#link(at, child);
      return table;
    }
    throw new Error('selfie-model: unknown node');
  }

  #link(at, child) {
    if (child.abs !== undefined) this.fixups.push([at, child.abs]);
    else this.set32(at, this.write(child) - at);
  }
}

/** The metadata FlatBuffer: RGB image in, normalised by mean 0 and std 255; one segmentation out. */
function metadata() {
  const w = new Writer();
  w.u32(0);
  for (const c of Buffer.from('M001')) w.u8(c);
  // ProcessUnitOptions.NormalizationOptions = 1; ContentProperties.ImageProperties = 2; ColorSpaceType.RGB = 1.
  const normalization = { table: [[0, 'u8', 1], [1, 'ref', { table: [[0, 'ref', { f32s: [0] }], [1, 'ref', { f32s: [255] }]] }]] };
  const image = { table: [[0, 'u8', 2], [1, 'ref', { table: [[0, 'u8', 1]] }]] };
  const root = w.write({
    table: [
      [0, 'ref', { str: 'selfie_segmentation' }],
      [5, 'ref', { str: 'Apache-2.0' }],
      [3, 'ref', { vec: [{ table: [
        [2, 'ref', { vec: [{ table: [[0, 'ref', { str: 'image' }], [3, 'ref', image], [4, 'ref', { vec: [normalization] }]] }] }],
        [3, 'ref', { vec: [{ table: [[0, 'ref', { str: 'segmentation' }]] }] }],
      ] }] }],
      [7, 'ref', { str: '1.0.0' }],
    ],
  });
  w.set32(0, root);
  return Buffer.from(w.bytes);
}

/** `model` (a TFLite file without metadata) with the segmenter metadata. */
export function withSegmenterMetadata(model) {
  const dv = new DataView(model.buffer, model.byteOffset, model.byteLength);
  const u32 = (p) => dv.getUint32(p, true);
  const root = u32(0);
  const vtable = root - dv.getInt32(root, true);
  const field = (i) => (4 + 2 * i < dv.getUint16(vtable, true) ? dv.getUint16(vtable + 4 + 2 * i, true) : 0);
  const ref = (i) => (field(i) ? root + field(i) + u32(root + field(i)) : 0);
  const elements = (p) => (p ? Array.from({ length: u32(p) }, (_, k) => p + 4 + 4 * k + u32(p + 4 + 4 * k)) : []);
  // Model: version 0, operator_codes 1, subgraphs 2, description 3, buffers 4, metadata 6, signature_defs 7.
  if (elements(ref(6)).length) throw new Error('selfie-model: the model has metadata already');
  const buffers = elements(ref(4));
  const head = (size) => {
    const w = new Writer();
    w.u32(0);
    for (const c of Buffer.from('TFL3')) w.u8(c);
    const original = (p) => ({ abs: p + size });
    const optional = (id) => (ref(id) ? [[id, 'ref', original(ref(id))]] : []);
    const r = w.write({
      table: [
        [0, 'u32', field(0) ? u32(root + field(0)) : 3],
        ...optional(1),
        ...optional(2),
        ...optional(3),
        [4, 'ref', { vec: [...buffers.map(original), { table: [[0, 'ref', { bytes: metadata() }]] }] }],
        [6, 'ref', { vec: [{ table: [[0, 'ref', { str: 'TFLITE_METADATA' }], [1, 'u32', buffers.length]] }] }],
        ...optional(7),
      ],
    });
    w.set32(0, r);
    return w;
  };
  const size = Math.ceil(head(0).pos / 16) * 16;
  const w = head(size);
  if (w.pos > size) throw new Error('selfie-model: the head grew');
  while (w.pos < size) w.u8(0);
  for (const [at, abs] of w.fixups) w.set32(at, abs - at);
  return Buffer.concat([Buffer.from(w.bytes), model]);
}

/** The shipped model: @mediapipe/selfie_segmentation's general (square, 256×256) model with metadata. */
export function selfieSegmenterModel() {
  const file = createRequire(import.meta.url).resolve('@mediapipe/selfie_segmentation/selfie_segmentation.tflite');
  return withSegmenterMetadata(readFileSync(file));
}

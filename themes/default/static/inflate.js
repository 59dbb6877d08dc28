// parcours search, for browsers without DecompressionStream: search.js loads this file the
// first time such a browser opens a compressed index file.
'use strict';

/** The bytes of a raw deflate stream (RFC 1951). */
window.parcoursInflate = function inflate(data) {
  let at = 0;
  let bit = 0;
  let out = new Uint8Array(data.length * 4);
  let size = 0;
  const bits = (n) => {
    let value = 0;
    for (let i = 0; i < n; i++) {
      value |= ((data[at] >> bit) & 1) << i;
      if (++bit === 8) { bit = 0; at++; }
    }
    return value;
  };
  const push = (byte) => {
    if (size === out.length) { const bigger = new Uint8Array(size * 2); bigger.set(out); out = bigger; }
    out[size++] = byte;
  };
  const code = (lengths) => {
    const count = new Uint16Array(16);
    const next = new Uint16Array(16);
    const symbol = new Uint16Array(lengths.length);
    lengths.forEach((l) => count[l]++);
    count[0] = 0;
    for (let l = 1; l < 16; l++) next[l] = next[l - 1] + count[l - 1];
    lengths.forEach((l, s) => { if (l) symbol[next[l]++] = s; });
    return { count, symbol };
  };
  const decode = ({ count, symbol }) => {
    for (let length = 1, first = 0, index = 0, c = 0; length < 16; length++) {
      c |= bits(1);
      if (c - count[length] < first) return symbol[index + c - first];
      index += count[length];
      first = (first + count[length]) << 1;
      c <<= 1;
    }
    throw new Error('bad deflate code');
  };
  const base = (n, extra) => {
    const bases = [];
    const extras = [];
    for (let i = 0, b = n === 29 ? 3 : 1; i < n; i++) {
      const e = extra(i);
      bases.push(b);
      extras.push(e);
      b += 1 << e;
    }
    return [bases, extras];
  };
  const [LENGTH, LENGTH_EXTRA] = base(29, (i) => (i < 8 ? 0 : (i - 4) >> 2));
  LENGTH[28] = 258;
  LENGTH_EXTRA[28] = 0;
  const [DISTANCE, DISTANCE_EXTRA] = base(30, (i) => (i < 4 ? 0 : (i - 2) >> 1));
  const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      if (bit) { bit = 0; at++; }
      const length = data[at] | (data[at + 1] << 8);
      at += 4;
      for (let i = 0; i < length; i++) push(data[at++]);
      continue;
    }
    let lengths;
    let distances;
    if (type === 1) {
      const fixed = Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8));
      lengths = code(fixed);
      distances = code(new Array(30).fill(5));
    } else {
      const literals = bits(5) + 257;
      const all = literals + bits(5) + 1;
      const heads = bits(4) + 4;
      const order = new Array(19).fill(0);
      for (let i = 0; i < heads; i++) order[ORDER[i]] = bits(3);
      const lengthCode = code(order);
      const read = [];
      while (read.length < all) {
        const s = decode(lengthCode);
        if (s < 16) read.push(s);
        else if (s === 16) read.push(...new Array(bits(2) + 3).fill(read[read.length - 1]));
        else read.push(...new Array(s === 17 ? bits(3) + 3 : bits(7) + 11).fill(0));
      }
      lengths = code(read.slice(0, literals));
      distances = code(read.slice(literals));
    }
    for (let s = decode(lengths); s !== 256; s = decode(lengths)) {
      if (s < 256) { push(s); continue; }
      const length = LENGTH[s - 257] + bits(LENGTH_EXTRA[s - 257]);
      const d = decode(distances);
      const from = size - DISTANCE[d] - bits(DISTANCE_EXTRA[d]);
      for (let i = 0; i < length; i++) push(out[from + i]);
    }
  }
  return out.subarray(0, size);
};

// A merge of up to 24 logs gives each its own swatch (colour and shape together).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SWATCHES, swatchClass } from '../../client/webview/sourceSwatch';

test('24 logs, 24 different swatches; the first 8 are the colours alone, as before', () => {
  const all = Array.from({ length: SWATCHES }, (_, k) => swatchClass(k));
  assert.equal(new Set(all).size, SWATCHES);
  for (let k = 0; k < 8; k++) assert.equal(swatchClass(k), `swatch src-${k} shape-0`);
  assert.equal(swatchClass(13), 'swatch src-5 shape-1');
  assert.equal(swatchClass(SWATCHES), swatchClass(0));
});

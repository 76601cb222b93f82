import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SCROLL_PX, scrollGeometry, toPhysical, toVirtual } from '../../client/webview/scrollScale';

test('scroll scaling: small tables scroll one to one', () => {
  const g = scrollGeometry(1000, 22, 440);
  assert.deepEqual(g, { virtualRange: 22000 - 440, physicalRange: 22000 - 440 });
  assert.equal(toVirtual(1234, g), 1234);
  assert.equal(toPhysical(1234, g), 1234);
  assert.deepEqual(scrollGeometry(5, 22, 440), { virtualRange: 0, physicalRange: 0 });
  assert.equal(toVirtual(100, scrollGeometry(5, 22, 440)), 0);
});

test('scroll scaling: 5,000,000 rows fit under the browser cap, end to end', () => {
  const rows = 5_000_000;
  const g = scrollGeometry(rows, 22, 660);
  assert.ok(rows * 22 > 33_000_000, 'the case that needs scaling');
  assert.equal(g.physicalRange, MAX_SCROLL_PX);
  assert.equal(toVirtual(0, g), 0);
  assert.equal(toVirtual(g.physicalRange, g), g.virtualRange, 'the scroll end shows the last row');
  assert.equal(Math.floor((toVirtual(g.physicalRange, g) + 660) / 22), rows);
  assert.equal(toVirtual(g.physicalRange + 500, g), g.virtualRange, 'clamped');
  for (const v of [0, 22, 1_000_000, 55_000_000, g.virtualRange]) assert.ok(Math.abs(toVirtual(toPhysical(v, g), g) - v) < 1e-6);
});

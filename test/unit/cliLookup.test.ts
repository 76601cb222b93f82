// `cmlog lookup` on codes written without `0x`: digits alone can be read two ways, and the command
// says so and shows both readings, saying which is which; hex with letters is plain hex.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupCommand } from '../../server/src/cli/lookup';
import { explainErrorCode } from '../../server/src/explain/errorCode';

async function lookup(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await lookupCommand.run(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('lookup 80070005: ambiguous, both readings shown, hexadecimal first as the likely one', async () => {
  const r = await lookup('80070005');
  assert.equal(r.code, 0);
  assert.match(r.out, /ambiguous/i);
  const hex = r.out.indexOf('As hexadecimal 0x80070005 (likely');
  const dec = r.out.indexOf('As decimal 80070005');
  assert.ok(hex >= 0 && dec > hex, r.out);
  assert.match(r.out.slice(hex, dec), /E_ACCESSDENIED/);
  assert.match(r.out.slice(dec), /Error code 0x04C5C575/);
});

test('lookup --format json 80070005: the likely reading at the top, the other among the alternatives', async () => {
  const json = JSON.parse((await lookup('--format', 'json', '80070005')).out);
  assert.equal(json.input, '80070005');
  assert.equal(json.ambiguous, true);
  assert.deepEqual([json.readAs, json.hex, json.name], ['hex', '0x80070005', 'E_ACCESSDENIED']);
  assert.deepEqual(json.alternatives.map((a: { readAs: string; hex: string }) => [a.readAs, a.hex]), [['decimal', '0x04C5C575']]);
});

test('short digit strings are ambiguous too, read as decimal first (Win32 codes such as 1603)', async () => {
  const json = JSON.parse((await lookup('--format', 'json', '1603')).out);
  assert.equal(json.ambiguous, true);
  assert.deepEqual([json.readAs, json.unsigned], ['decimal', 1603]);
  assert.deepEqual(json.alternatives.map((a: { readAs: string; unsigned: number }) => [a.readAs, a.unsigned]), [['hex', 0x1603]]);
  const text = (await lookup('1603')).out;
  assert.ok(text.indexOf('As decimal 1603 (likely') < text.indexOf('As hexadecimal 0x00001603'), text);
});

test('not ambiguous: 0x, a sign, more than 8 digits, one reading only, or hex letters', async () => {
  for (const [input, readAs, hex] of [
    ['0x80070005', 'hex', '0x80070005'], ['-2147024891', 'decimal', '0x80070005'], ['2147942405', 'decimal', '0x80070005'],
    ['5', 'decimal', '0x00000005'], ['+80070005', 'decimal', '0x04C5C575'], ['87D00215', 'hex', '0x87D00215'], ['c0000005', 'hex', '0xC0000005'],
  ]) {
    const json = JSON.parse((await lookup('--format', 'json', input)).out);
    assert.deepEqual([json.ambiguous, json.readAs, json.hex, json.alternatives], [false, readAs, hex, []], input);
    assert.doesNotMatch((await lookup(input)).out, /ambiguous/i, input);
  }
});

test('lookup: signed decimal as the console shows it, HRESULT_FROM_WIN32, and names without a written meaning', async () => {
  const signed = await lookup('-2016410844');
  assert.equal(signed.code, 0);
  assert.match(signed.out, /^Error code 0x87D00324/);
  assert.match(signed.out, /not detected after installation/);
  const wrapped = JSON.parse((await lookup('--format', 'json', 'HRESULT_FROM_WIN32(5)')).out);
  assert.deepEqual([wrapped.hex, wrapped.name, wrapped.known], ['0x80070005', 'E_ACCESSDENIED', true]);
  const nameOnly = JSON.parse((await lookup('--format', 'json', '0xC0000005')).out);
  assert.deepEqual([nameOnly.name, nameOnly.known, nameOnly.meaning], ['STATUS_ACCESS_VIOLATION', false, null]);
  assert.match(nameOnly.source, /MinGW-w64/);
  // The editor's lookup (the server's cmlog/lookupErrorCode) uses the same parser.
  assert.match(explainErrorCode('HRESULT_FROM_WIN32(1603)')!, /\*\*Error code 0x80070643\*\*/);
});

test('lookup --format json: a code of a described range carries its family as data (range, whose, described codes)', async () => {
  const family = JSON.parse((await lookup('--format', 'json', '0x87D00215')).out).family;
  assert.equal(family.range, '0x87D0xxxx');
  assert.match(family.name, /Configuration Manager client/);
  assert.deepEqual(family.described.slice(0, 2), ['0x87D0027E', '0x87D00324']);
  assert.equal(JSON.parse((await lookup('--format', 'json', '0x87D00324')).out).family, null, 'a described code has none');
});

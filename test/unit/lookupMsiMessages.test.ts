// `cmlog lookup 1722`: a number that is also a Windows Installer message (`Error 1722.` in an MSI
// log) gets both meanings, and says which applies where; a hex reading is never an MSI message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupCommand } from '../../server/src/cli/lookup';
import { describeMsiMessage } from '../../server/src/knowledge/msiMessages';

async function lookup(...argv: string[]) {
  const out: string[] = [];
  const code = await lookupCommand.run(argv, { out: (s) => out.push(s), err: () => {} });
  return { code, out: out.join('\n') };
}

for (const [n, win32] of [[1722, 'RPC_S_SERVER_UNAVAILABLE'], [1708, null]] as const) {
  test(`lookup ${n}: the Win32 reading and Windows Installer message ${n}, each said where it applies`, async () => {
    const msi = describeMsiMessage(n)!;
    for (const input of [String(n), `+${n}`]) {
      const r = await lookup(input);
      assert.equal(r.code, 0);
      if (win32) assert.match(r.out, new RegExp(win32));
      const at = r.out.indexOf(`In a Windows Installer (MSI) log, \`Error ${n}.\``);
      assert.ok(at >= 0, r.out);
      assert.ok(r.out.slice(at).includes(`Windows Installer message ${n}, not the code above`));
      assert.ok(r.out.slice(at).includes(msi.meaning));
    }
    const json = JSON.parse((await lookup('--format', 'json', String(n))).out);
    assert.deepEqual(json.msiMessage, { number: n, meaning: msi.meaning, source: msi.source });
    assert.equal(json.alternatives[0].readAs, 'hex');
    assert.equal(json.alternatives[0].msiMessage, null);
  });
}

test('a hex code, or a number no MSI message has, says nothing of Windows Installer messages', async () => {
  for (const input of ['0x6BA', '5', '0x80070643']) {
    assert.doesNotMatch((await lookup(input)).out, /Windows Installer message/, input);
    assert.equal(JSON.parse((await lookup('--format', 'json', input)).out).msiMessage, null, input);
  }
});

// The prompt of "Look Up Error Code" names what the lookup knows: every example it gives is read,
// and its ConfigMgr and Intune examples are codes of those families the lookup describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKUP_PROMPT } from '../../client/src/notifications';
import { codeFamily, lookupErrorCode, parseErrorCode } from '../../server/src/knowledge/errorCodes';

test('the lookup prompt says ConfigMgr and Intune codes too, with examples the lookup knows', () => {
  assert.match(LOOKUP_PROMPT, /ConfigMgr/);
  assert.match(LOOKUP_PROMPT, /Intune/);
  const examples = LOOKUP_PROMPT.slice(LOOKUP_PROMPT.indexOf(':') + 1).split(/,\s*|\s+or\s+/).map((x) => x.trim()).filter(Boolean);
  assert.ok(examples.length >= 5);
  for (const e of examples) assert.notEqual(parseErrorCode(e), undefined, e);
  const families = examples.map((e) => codeFamily(parseErrorCode(e)!)?.name).filter(Boolean);
  assert.ok(families.some((n) => /Configuration Manager/.test(n!)), 'a ConfigMgr example');
  assert.ok(families.some((n) => /Intune/.test(n!)), 'an Intune example');
  for (const e of examples.filter((x) => codeFamily(parseErrorCode(x)!))) assert.ok(lookupErrorCode(parseErrorCode(e)!), `${e} is described`);
});

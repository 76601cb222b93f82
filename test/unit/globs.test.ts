// Globs as in files.exclude / cmlog.include: VS Code's syntax, relative to the folder, matched in
// one pass whatever the glob (braces are never expanded) and whatever the file name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { globMatcher } from '../../server/src/workspace/globs';

const root = path.resolve('/ws');
const m = (globs: string[], fold = false) => globMatcher(globs, [root], fold);
const f = (rel: string) => path.join(root, ...rel.split('/'));

test('globs: files.exclude / cmlog.include style', () => {
  assert.ok(m(['**/*.lo_'])(f('SiteServer/CloudUserSync.lo_')));
  assert.ok(m(['**/*.lo_'])(f('CloudUserSync.lo_')));
  assert.ok(!m(['**/*.lo_'])(f('SiteServer/CloudUserSync.log')));
  assert.ok(m(['**/Archive'])(f('Logs/Archive/old/x.log')), 'a folder excludes what is under it');
  assert.ok(m(['Logs/*.log'])(f('Logs/x.log')));
  assert.ok(!m(['Logs/*.log'])(f('Logs/sub/x.log')), '* stays within a name');
  assert.ok(m(['Logs/**/x?.log'])(f('Logs/a/b/x1.log')));
  assert.ok(m(['Logs/**/x?.log'])(f('Logs/x1.log')), '**/ matches no folder too');
  assert.ok(m(['**/CCM/Logs/**'])(f('C/Windows/CCM/Logs/ccmexec.log')));
  assert.ok(!m(['**/*.log'])(path.resolve('/elsewhere/a.txt')));
  assert.ok(m(['**/.git'])(f('a/.git/x.log')), 'dot folders are not special');
});

test('globs: braces, nested, as alternatives', () => {
  assert.ok(m(['**/*.{log,lo_}'])(f('a/x.lo_')));
  assert.ok(m(['**/*.{log,lo_}'])(f('x.log')));
  assert.ok(!m(['**/*.{log,lo_}'])(f('x.txt')));
  const nested = m(['a{b,{c,d}}e']);
  for (const ok of ['abe', 'ace', 'ade']) assert.ok(nested(f(ok)), ok);
  for (const no of ['ae', 'abce', 'a{c,d}e']) assert.ok(!nested(f(no)), no);
  assert.ok(m(['{**/*.html,**/*.txt}'])(f('a/b.txt')), 'a globstar right after a brace');
  assert.ok(m(['{*a,b}'])(f('xa')) && !m(['{*a,b}'])(f('xb')), 'each alternative starts afresh');
  assert.ok(m(['a{b'])(f('a{b')), 'an unbalanced brace is literal');
  assert.ok(m(['a,b'])(f('a,b')), 'a comma outside braces is literal');
});

test('globs: character classes', () => {
  assert.ok(m(['example.[0-9]'])(f('example.0')));
  assert.ok(!m(['example.[0-9]'])(f('example.a')));
  assert.ok(m(['example.[!0-9]'])(f('example.a')));
  assert.ok(!m(['example.[!0-9]'])(f('example.5')));
  assert.ok(m(['x[{,}]'])(f('x,')), 'braces and commas inside a class are members');
  assert.ok(m(['[]]'])(f(']')), 'a leading ] is a member');
  assert.ok(m(['a[b'])(f('a[b')), 'an unclosed [ is literal');
  assert.ok(!m(['a[/]b'])(f('a/b')), 'a class never matches a separator');
});

test('globs: relative to the folder; case folded only where VS Code folds it', () => {
  assert.ok(m(['hex'])(f('hex/x.log')), 'a folder at the top');
  assert.ok(!m(['hex'])(f('a/hex/x.log')), 'a pattern without **/ is relative to the folder, not any depth');
  assert.ok(!m(['logs/*.log'])(f('Logs/x.log')), 'case-sensitive without folding');
  assert.ok(m(['logs/*.log'], true)(f('Logs/X.LOG')), 'folded');
  assert.ok(m(['[a-z].log'], true)(f('Q.log')), 'a folded class');
});

/**
 * Runs `body` (the source of a function of `globMatcher`, `root`) on a worker thread: a hanging
 * matcher blocks its thread, so the bound is kept from here and the worker terminated.
 */
async function onWorker(body: string, timeoutMs: number): Promise<string> {
  const globs = JSON.stringify(path.resolve(__dirname, '..', '..', 'server', 'src', 'workspace', 'globs.ts'));
  const script = `require('tsx/cjs'); const { parentPort } = require('node:worker_threads');
    const { globMatcher } = require(${globs});
    try { parentPort.postMessage(String((${body})(globMatcher, ${JSON.stringify(root)}))); } catch (e) { parentPort.postMessage('threw: ' + e.message); }`;
  const worker = new Worker(script, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      worker.on('message', (m: string) => { clearTimeout(timer); resolve(m); });
      worker.on('error', (e) => { clearTimeout(timer); reject(e); });
    });
  } finally {
    await worker.terminate();
  }
}

test('globs: 22 brace groups neither hang nor run out of memory', async () => {
  // 114 characters, 2^22 combinations if expanded.
  const glob = '**/' + Array.from({ length: 22 }, (_, i) => `{${String.fromCharCode(97 + i)},X}`).join('') + '*';
  assert.equal(glob.length, 114);
  const answer = await onWorker(`(globMatcher, root) => {
    const match = globMatcher([${JSON.stringify(glob)}], [root]);
    const f = (rel) => root + '/' + rel;
    return [match(f('d/abcdefghijklmnopqrstuv.log')), match(f('XXXXXXXXXXXXXXXXXXXXXX.log')), match(f('abcdefghijklmnopqrstuY.log'))].join();
  }`, 10_000);
  assert.equal(answer, 'true,true,false');
});

test('globs: linear in the path and the name, whatever the wildcards', async () => {
  // A backtracking regex takes minutes on the long name.
  const answer = await onWorker(`(globMatcher, root) => {
    const f = (rel) => root + '/' + rel;
    const stars = globMatcher(['**/*a*a*a*a*a*a*a*a*c'], [root]);
    return [stars(f('x/' + 'a'.repeat(250))), stars(f('a/'.repeat(5000) + 'b.txt')), globMatcher(['**/x/**/y/**/z'], [root])(f('x/y/'.repeat(2000) + 'q'))].join();
  }`, 10_000);
  assert.equal(answer, 'false,false,false');
});

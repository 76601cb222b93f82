// "Merge logs…" pick list: one separator per folder, folders and logs in a stable, natural order;
// the active log picked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupByFolder } from '../../client/src/table/pickList';

test('logs are grouped under their folder, folders and names sorted naturally, case-blind', () => {
  const f = (folder: string, name: string) => ({ uri: `file:///w/${folder}/${name}`, dir: `file:///w/${folder}`, folder, name });
  const rows = groupByFolder([
    f('SiteServer', 'mp_registrationmanager.log'), f('Client', 'ccmsetup.log'), f('SiteServer', 'CCM_STS.log'),
    f('Client', 'CcmExec-10.log'), f('Client', 'CcmExec-9.log'), f('client2', 'a.log'),
  ], new Set(['file:///w/SiteServer/CCM_STS.log']));
  assert.deepEqual(rows.map((r) => (r.kind === 'folder' ? `# ${r.label}` : `${r.label}${r.picked ? ' *' : ''}`)), [
    '# Client', 'CcmExec-9.log', 'CcmExec-10.log', 'ccmsetup.log',
    '# client2', 'a.log',
    '# SiteServer', 'CCM_STS.log *', 'mp_registrationmanager.log',
  ]);
  const log = rows.find((r) => r.kind === 'log' && r.label === 'a.log');
  assert.deepEqual(log, { kind: 'log', label: 'a.log', description: 'client2', uri: 'file:///w/client2/a.log', picked: false });
});

test('each log carries its folder, so typing a machine\'s folder keeps its logs (the separators do not match)', () => {
  const f = (folder: string, name: string) => ({ uri: `file:///w/${folder}/${name}`, dir: `file:///w/${folder}`, folder, name });
  const rows = groupByFolder([f('DEVICE1/logs', 'IntuneManagementExtension.log'), f('DEVICE2/logs', 'IntuneManagementExtension.log')], new Set());
  // VS Code's filter with matchOnDescription: label or description.
  const kept = rows.filter((r) => r.kind === 'log' && `${r.label} ${r.description}`.toLowerCase().includes('device1'));
  assert.deepEqual(kept.map((r) => r.kind === 'log' && r.uri), ['file:///w/DEVICE1/logs/IntuneManagementExtension.log']);
});

test('no logs, no rows', () => {
  assert.deepEqual(groupByFolder([], new Set()), []);
});

test('two folders of one label (a workspace folder PC01 and its subfolder PC01, or two workspace folders of one name) are two groups, each its own logs', () => {
  const f = (dir: string, folder: string, name: string) => ({ uri: `${dir}/${name}`, dir, folder, name });
  const rows = groupByFolder([
    f('file:///w/PC01/PC01', 'PC01', 'CcmExec.log'), f('file:///w/PC01', 'PC01', 'ccmsetup.log'),
    f('file:///x/PC01', 'PC01', 'AppEnforce.log'), f('file:///w/PC01/PC01', 'PC01', 'AppEnforce.log'),
  ], new Set());
  const groups: string[][] = [];
  for (const r of rows) {
    if (r.kind === 'folder') groups.push([r.label]);
    else groups.at(-1)!.push(r.uri);
  }
  // By label, then by the folder itself (its URI): the order stays the same from one list to the next.
  assert.deepEqual(groups, [
    ['PC01', 'file:///w/PC01/ccmsetup.log'],
    ['PC01', 'file:///w/PC01/PC01/AppEnforce.log', 'file:///w/PC01/PC01/CcmExec.log'],
    ['PC01', 'file:///x/PC01/AppEnforce.log'],
  ]);
});

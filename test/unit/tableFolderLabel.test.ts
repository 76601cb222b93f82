// The merge pick list's folder labels (client/src/table/folderLabel.ts), as VS Code names paths:
// relative to the workspace folder, after its name when the workspace has several; a workspace
// folder's root by its name (never an empty label, a trailing '/' or a whole path); a folder outside
// every workspace folder by its whole path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderLabel } from '../../client/src/table/folderLabel';

test('one workspace folder: its root by its name, a subfolder relative to it', () => {
  assert.equal(folderLabel({ relative: '', workspace: 'Logs' }, 1, '/home/u/Logs'), 'Logs');
  assert.equal(folderLabel({ relative: 'PC1/Windows', workspace: 'Logs' }, 1, '/home/u/Logs/PC1/Windows'), 'PC1/Windows');
});

test('several workspace folders: a root by its name, a subfolder after it', () => {
  assert.equal(folderLabel({ relative: '', workspace: 'SiteServer' }, 3, '/data/SiteServer'), 'SiteServer');
  assert.equal(folderLabel({ relative: 'PC1', workspace: 'Clients' }, 3, '/data/Clients/PC1'), 'Clients/PC1');
  assert.equal(folderLabel({ relative: 'PC1/', workspace: 'Clients' }, 3, '/data/Clients/PC1'), 'Clients/PC1', 'no trailing separator');
  assert.equal(folderLabel({ relative: '/', workspace: 'Clients' }, 3, '/data/Clients'), 'Clients');
});

test('a folder outside every workspace folder: its whole path', () => {
  assert.equal(folderLabel(undefined, 2, '/tmp/collected/PC9'), '/tmp/collected/PC9');
  assert.equal(folderLabel(undefined, 0, 'C:\\Windows\\CCM\\Logs'), 'C:\\Windows\\CCM\\Logs');
});

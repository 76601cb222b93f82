// cmlog.table.utcColumn is read as what the user wrote, not with its default (see userSetting.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { userSetting } from '../../client/src/table/userSetting';

test('a setting left at its default is null; the most specific written value wins, false included', () => {
  assert.equal(userSetting<boolean>(undefined), null);
  assert.equal(userSetting<boolean>({}), null);
  assert.equal(userSetting<boolean>({ globalValue: false }), false);
  assert.equal(userSetting<boolean>({ globalValue: true, workspaceValue: false }), false);
  assert.equal(userSetting<boolean>({ globalValue: false, workspaceValue: true, workspaceFolderValue: false }), false);
});

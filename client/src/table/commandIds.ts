// The table's command ids, as package.json declares them (test/unit/tableHostManifest.test.ts holds
// the two together). Pure: no vscode import.
import type { TableCommand } from './session';

export const TableCommands = {
  openTable: 'cmlog.openTable',
  showInTable: 'cmlog.showInTable',
  openInTextEditor: 'cmlog.table.openInTextEditor',
  openAsText: 'cmlog.table.openAsText',
} as const;

/** Commands whose only work is to tell the page (package.json binds their keys). */
export const FORWARDED: Record<string, TableCommand> = {
  'cmlog.table.nextError': 'nextError',
  'cmlog.table.previousError': 'previousError',
  'cmlog.table.nextWarning': 'nextWarning',
  'cmlog.table.previousWarning': 'previousWarning',
  'cmlog.table.find': 'find',
  'cmlog.table.gotoTime': 'gotoTime',
  'cmlog.table.focusFilter': 'focusFilter',
  'cmlog.table.copy': 'copy',
  'cmlog.table.copyRaw': 'copyRaw',
  'cmlog.table.togglePause': 'togglePause',
};

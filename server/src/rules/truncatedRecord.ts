// A CMTrace record cut off before `]LOG]!>`: usually a log copied while it was being written, or
// a component that crashed mid-write. Reported so nothing is hidden; it is no failure by itself.
import { EntryFlag } from '../model';
import type { Finding } from '../model';
import type { Rule } from './types';

export const truncatedRecord: Rule = {
  id: 'truncated-record',
  defaultSeverity: 'information',
  title: 'CMTrace record cut off',
  explanation:
    'This record has no `]LOG]!>` terminator: the next record (or the end of the file) starts before it closes. ' +
    'It usually means the file was copied while the component was writing it, or the component stopped mid-write. ' +
    'Its message is shown as far as it goes; it has no time, component or type.',
  sources: ['CMTrace log format (shared/DOMAIN.md, "Line formats")'],
  check(target) {
    const { log } = target;
    const out: Finding[] = [];
    const { flags, count } = log.table;
    for (let i = 0; i < count; i++) {
      if (!(flags[i] & EntryFlag.Truncated)) continue;
      out.push({
        ruleId: this.id, severity: this.defaultSeverity, file: target.key,
        line: log.line(i), endLine: log.endLine(i), entryIndex: i,
        message: 'Record cut off before its `]LOG]!>` terminator; it has no time, component or type.',
      });
    }
    return out;
  },
};

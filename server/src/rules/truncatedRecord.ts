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
    'This record has no `]LOG]!>` terminator, or its attributes after it (`<time=... date=... component=...>`) cannot be read: ' +
    'the next record, a run of NULs or the end of the file comes before it closes. ' +
    'It usually means the file was copied while the component was writing it, or the component stopped mid-write. ' +
    'Its message is shown as far as it goes; it has no time, component or type.',
  sources: ['CMTrace log format, as in the public sample logs of the CMTrace Open project (test/fixtures/corpus)'],
  check(target) {
    const { log } = target;
    const out: Finding[] = [];
    const { flags, count } = log.table;
    for (let i = nextTruncated(flags, 0, count); i >= 0; i = nextTruncated(flags, i + 1, count)) {
      out.push({
        ruleId: this.id, severity: this.defaultSeverity, file: target.key,
        line: log.line(i), endLine: log.endLine(i), entryIndex: i,
        message: flags[i]! & EntryFlag.Truncated
          ? 'Record cut off before its `]LOG]!>` terminator; it has no time, component or type.'
          : 'Record cut off in its attributes after `]LOG]!>` (overwritten by NULs or another writer); it has no time, component or type.',
      });
    }
    return out;
  },
};

/**
 * The first entry in [from, count) whose record was cut off (before its terminator or in its
 * attributes: a cut-off record's attributes are bad too), or -1. The scan over every entry is this
 * small loop alone: compiled once, it has feedback for all it does (a loop that also made findings was
 * compiled before its first finding and thrown away at it, once per check thread).
 */
function nextTruncated(flags: Uint8Array, from: number, count: number): number {
  for (let i = from; i < count; i++) if (flags[i]! & EntryFlag.BadAttributes) return i;
  return -1;
}

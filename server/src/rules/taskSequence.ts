// `task-sequence-failure`: a task sequence step failed (smsts.log). One problem per failed step,
// naming the step and its error; the aborted group and the engine's failure lines that follow are
// related locations of the same story, not separate errors.
import { codeSpan, escapeMarkdown } from '../explain/markdown';
import { formatHex, parseErrorCode } from '../knowledge/errorCodes';
import { isLogFileName } from '../parse/formats/logName';
import { codeText } from './codeText';
import type { Finding } from '../model';
import { messageHead } from './logSet';
import { RelatedList } from './stories';
import type { Rule } from './types';

export const TASK_SEQUENCE_FAILURE = 'task-sequence-failure';

/** smsts.log, smsts-<date>.log (rotated or renamed by phase), smsts.lo_: the folder varies with the phase. */
const SMSTS_STEM_RE = /^smsts(?:-[0-9A-Za-z_.-]{1,40})?\.[a-z_]{3,4}$/i;
const isSmstsName = (name: string) => isLogFileName(name) && SMSTS_STEM_RE.test(name);

const FAILED_ACTION_RE = /^\s{0,8}Failed\s{1,4}to\s{1,4}run\s{1,4}the\s{1,4}action:\s{0,4}([^\r\n]{1,300})/i;
const LAST_ACTION_RE = /^\s{0,8}Failed\s{1,4}to\s{1,4}run\s{1,4}the\s{1,4}last\s{1,4}action:\s{0,4}([^\r\n]{1,300}?)\.?\s{0,4}Execution\s{1,4}of\s{1,4}task\s{1,4}sequence\s{1,4}failed/i;
const GROUP_ABORTED_RE = /^\s{0,8}The\s{1,4}execution\s{1,4}of\s{1,4}the\s{1,4}group\s{1,4}\(([^\r\n)]{0,300})\)\s{1,4}has\s{1,4}failed\s{1,4}and\s{1,4}the\s{1,4}execution\s{1,4}has\s{1,4}been\s{1,4}aborted/i;
const ENGINE_FAILED_RE = /^\s{0,8}Task\s{1,4}Sequence\s{1,4}Engine\s{1,4}failed!\s{0,4}Code:\s{0,4}(\w{1,40})/i;
const EXECUTION_FAILED_RE = /^\s{0,8}Task\s{1,4}sequence\s{1,4}execution\s{1,4}failed\s{1,4}with\s{1,4}error\s{1,4}code\s{1,4}(?:0x)?([0-9A-Fa-f]{1,8})\b/i;
/** `<text> (Error: 80004005; Source: Windows)`: smsts writes the code as bare hex. */
const ERROR_SOURCE_RE = /\(Error:\s{0,4}(?:0x)?([0-9A-Fa-f]{1,8})\s{0,4};\s{0,4}Source:\s{0,4}([A-Za-z]{1,40})\s{0,4}\)/i;
/** Every line the rule reads starts with one of these words: a cheap test on the record's head. */
const HEAD_RE = /^\s{0,8}(?:Failed\s|The\s+execution|Task\s+Sequence)/i;

export interface TaskSequenceFailureData {
  /** The failed step, or null when the log shows only the engine's failure (the step line is missing). */
  step: string | null;
  /** `0x` + 8 hex digits, or null. */
  code: string | null;
  /** The group aborted because of it, if the log says so. */
  group: string | null;
}

const clean = (s: string) => s.trim().replace(/\.$/, '').slice(0, 200);

const SOURCES = [
  'Microsoft Learn: Troubleshoot task sequence failures (Configuration Manager OS deployment)',
  'Microsoft Learn: Log files reference, smsts.log (its location moves with the deployment phase)',
];

/** The hover: the failed step, its error decoded, the aborted group, and where the cause is written. */
function explain(f: Finding<TaskSequenceFailureData>): string {
  const d = f.data;
  const lines: string[] = [`**Task sequence step failed** (${TASK_SEQUENCE_FAILURE}, ${f.severity})`, ''];
  lines.push(typeof d?.step === 'string'
    ? `The step ${codeSpan(d.step, 200)} failed.`
    : 'The task sequence failed; the line naming the step is not in this log (an earlier smsts.log of the same run may have it).');
  const value = typeof d?.code === 'string' ? parseErrorCode(d.code) : undefined;
  if (value !== undefined) lines.push('', `Error: ${escapeMarkdown(codeText(value), 600)}.`);
  if (typeof d?.group === 'string') lines.push('', `Because of it the group ${codeSpan(d.group, 200)} was aborted, and with it the task sequence (unless a step or group is set to continue on error).`);
  lines.push('', '- The cause is in the lines just before the failed step, and in the log of what the step ran (setup, an application install, a driver package).',
    '- smsts.log moves with the phase: `X:\\Windows\\Temp\\SMSTSLog` in Windows PE, then `C:\\_SMSTaskSequence\\Logs`, then the client\'s Logs folder.');
  lines.push('', `*Source: ${SOURCES.join('; ')}.*`);
  return lines.join('\n');
}

interface Story {
  i: number;
  step: string | null;
  code: number | null;
  detail: string | null;
  group: string | null;
  related: RelatedList;
}

export const taskSequenceFailure: Rule<TaskSequenceFailureData> = {
  id: TASK_SEQUENCE_FAILURE,
  defaultSeverity: 'error',
  title: 'Task sequence step failed',
  explanation:
    'smsts.log says a task sequence step failed (`Failed to run the action: <step>.` with `(Error: <code>; Source: <source>)` ' +
    'in the same record). Unless the step continues on error, the group it is in is aborted (`The execution of the group (<group>) ' +
    'has failed and the execution has been aborted.`) and the task sequence ends (`Task Sequence Engine failed! Code: enExecutionFail`). ' +
    'Look at the lines just before the failed step in smsts.log (and the log of the component the step ran, e.g. the setup or ' +
    'application install log) for the cause; the error code names what went wrong.',
  sources: SOURCES,
  check(target) {
    if (!isSmstsName(target.name)) return [];
    const { log } = target;
    const stories: Story[] = [];
    let open: Story | null = null;
    const relate = (i: number, message: string) => {
      if (!open) {
        open = { i, step: null, code: null, detail: null, group: null, related: new RelatedList() };
        stories.push(open);
        return;
      }
      open.related.add({ file: target.key, line: log.line(i), message });
    };
    for (let i = 0; i < log.entryCount; i++) {
      if (!HEAD_RE.test(messageHead(log, i, 40))) continue;
      const message = log.message(i);
      let m = FAILED_ACTION_RE.exec(message);
      if (m && !LAST_ACTION_RE.test(message)) {
        const err = ERROR_SOURCE_RE.exec(message);
        const nl = message.search(/[\r\n]/);
        // The record's next line says what went wrong, in words, before the code.
        const detail = nl < 0 ? null : clean(message.slice(nl, nl + 304).replace(/^[\r\n]{1,4}/, '').split(/[\r\n]/)[0]!.replace(ERROR_SOURCE_RE, ''));
        open = { i, step: clean(m[1]!), code: err ? parseInt(err[1]!, 16) >>> 0 : null, detail: detail || null, group: null, related: new RelatedList() };
        stories.push(open);
        continue;
      }
      if ((m = GROUP_ABORTED_RE.exec(message))) {
        relate(i, `The group (${clean(m[1]!)}) was aborted`);
        open!.group ??= clean(m[1]!);
      } else if ((m = LAST_ACTION_RE.exec(message))) {
        relate(i, 'Execution of the task sequence failed');
        open!.step ??= clean(m[1]!);
      } else if ((m = ENGINE_FAILED_RE.exec(message))) {
        relate(i, `Task Sequence Engine failed (${m[1]})`);
      } else if ((m = EXECUTION_FAILED_RE.exec(message))) {
        relate(i, 'Task sequence execution failed');
        open!.code ??= parseInt(m[1]!, 16) >>> 0;
        // The engine's last word on this run: a later failure is a new story.
        open = null;
      }
    }
    return stories.map((s): Finding<TaskSequenceFailureData> => {
      const code = s.code === null ? '' : ` with ${codeText(s.code)}`;
      const what = s.step === null ? 'The task sequence failed' : `The task sequence step "${s.step}" failed`;
      const detail = s.detail ? ` The step said: ${s.detail}.` : '';
      const group = s.group ? ` The group (${s.group}) was aborted.` : '';
      const more = s.related.dropped ? ` ${s.related.dropped} more related lines are not listed.` : '';
      return {
        ruleId: TASK_SEQUENCE_FAILURE, severity: 'error', file: target.key,
        line: log.line(s.i), endLine: log.endLine(s.i), entryIndex: s.i,
        message: `${what}${code}.${detail}${group}${more} Look at the lines before it for the cause.`,
        data: { step: s.step, code: s.code === null ? null : formatHex(s.code), group: s.group },
        ...(s.related.items.length ? { related: s.related.items } : {}),
      };
    });
  },
  explain,
};

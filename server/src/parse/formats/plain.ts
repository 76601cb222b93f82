// Plain text: no records. Every line is an unparsed span; a file with no record of any other
// format is this one.
import type { LogFormat } from './format';

export const plain: LogFormat<'plain'> = {
  id: 'plain',
  name: 'plain text',
  scope: 'text.plain',
  recognise: () => false,
  messageText: (raw) => raw,
  parts: (r) => ({ message: [r.msgStart, r.msgEnd], body: [r.start, r.end], clock: [] }),
};

// Hover section for the Intune connector's cycle lines (CloudUserSync.log): what a line means, with
// its numbers. A line explainer, not a rule: it needs no finding. Pure.
import { SOURCE_INTUNE_CONNECTOR, TWENTY_FOUR_HOUR_RULE, type CloudUserSyncLine } from '../rules/cloudUserSync';
import { codeSpan } from './markdown';

export function cycleLineSection(line: CloudUserSyncLine): string {
  const title = '**Intune connector cycle** (CloudUserSync.log, every 5 minutes)';
  let body: string;
  switch (line.kind) {
    case 'start':
      body = 'Start of a 5-minute cycle of the Intune connector (a **delta** sync). `raise failure status messages = True` means failures in this ' +
        'cycle raise status messages; the word "failure" here is no error.';
      break;
    case 'notify':
      body = `The cycle lists ${codeSpan(line.user, 320)} as a user to add: discovered by ConfigMgr and not yet in the cloud. A user that failed ` +
        'with UserNotFound stays listed in every cycle, but the delta syncs do not try it again until its 24-hour full sync.';
      break;
    case 'failed':
      body = line.reason.toLowerCase() === 'usernotfound'
        ? `${codeSpan(line.user, 320)} was not found in Azure AD. ${TWENTY_FOUR_HOUR_RULE}`
        : `${codeSpan(line.user, 320)} could not be added (reason ${codeSpan(line.reason, 80)}). Only UserNotFound is governed by the 24-hour rule.`;
      break;
    case 'totals':
      body = `**${line.received}** user${line.received === 1 ? ' was' : 's were'} handed to the connector to add in this cycle, and **${line.added}** ` +
        `${line.added === 1 ? 'was' : 'were'} added to the cloud${line.received > line.added ? ` (${line.received - line.added} not added)` : ''}. ` +
        'A user waiting for its 24-hour full sync is listed in every cycle but counted here only in the cycle of its full sync ' +
        '(in the article\'s example: `= 0, ... = 0` for a day, then `= 1, ... = 1`).';
      break;
    case 'remove-total':
      body = `**${line.received}** user${line.received === 1 ? ' was' : 's were'} handed to the connector in this cycle to be removed from the cloud.`;
      break;
    case 'removed':
      body = `**${line.removed}** user${line.removed === 1 ? ' was' : 's were'} removed from the cloud in this cycle.`;
      break;
    case 'summary':
      body = `End of the cycle: **${line.added}** user${line.added === 1 ? '' : 's'} added and **${line.removed}** removed by this delta sync. ` +
        '`Users Added = 1` in the cycle after a user\'s 24-hour mark is its full sync succeeding.';
      break;
  }
  return `${title}\n\n${body}\n\n*Source: ${SOURCE_INTUNE_CONNECTOR}.*`;
}

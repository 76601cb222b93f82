// How a view names a log when it shows logs of several machines: `DEVICE1 › CloudUserSync.log`.
// Collected logs repeat the same file names on every device, so a bare name in a view that mixes
// devices reads like the wrong log (or like the log itself); a view of one machine keeps the bare
// name. The machine is the collection's (collections/machine.ts, table/machine.ts). Pure: the
// client's views use it too.

/** Between the machine and the file name. */
const MACHINE_MARK = ' › ';

/** `DEVICE1 › CloudUserSync.log`, or the bare name when the machine is not known (''). */
const withMachine = (machine: string, name: string): string => (machine ? `${machine}${MACHINE_MARK}${name}` : name);

/** Whether the machines of the logs a view shows are more than one (stops at the second). */
export function severalMachines(machines: Iterable<string>): boolean {
  let first: string | undefined;
  for (const m of machines) {
    if (first === undefined) first = m;
    else if (m !== first) return true;
  }
  return false;
}

/**
 * A folder of a log (`DEVICE1/Client`) named as a view of several machines names logs: `DEVICE1 ›
 * Client`; the machine's own folder, or a view of one machine, keeps its bare name.
 */
export const folderLabel = (several: boolean, machine: string, folder: string): string => (several && machine !== folder ? withMachine(machine, folder) : folder);

/** Each log's name as the view shows it: with its machine only when the logs span several machines. */
export function logLabels(logs: readonly { name: string; machine: string }[]): string[] {
  const several = severalMachines(logs.map((l) => l.machine));
  return logs.map((l) => (several ? withMachine(l.machine, l.name) : l.name));
}

/**
 * A log's name in a view anchored at another log (a lens and the list it opens): with its machine
 * when that is not the anchor's, so that the lens and its list name each log alike whatever else
 * they show (deciding by the set shown, the lens's few logs and the list's hundred could differ).
 */
export const anchoredLabel = (anchorMachine: string, machine: string, name: string): string => (machine !== anchorMachine ? withMachine(machine, name) : name);

/** Logs named in a one-line note at most; the rest are counted. */
export const NAMED_IN_NOTE = 2;

/**
 * Which logs were left out for want of an offset, in a few words: `count` logs, the first of them
 * `named` (at most NAMED_IN_NOTE are shown):
 * `3 logs without offset left out: IntuneManagementExtension.log, AgentExecutor.log and 1 more`.
 */
export function leftOutNote(count: number, named: readonly string[]): string {
  if (count <= 0) return '';
  const names = named.length ? `: ${namedAndMore(named, NAMED_IN_NOTE, count)}` : '';
  return `${count} log${count === 1 ? '' : 's'} without offset left out${names}`;
}

/**
 * `a, b, c and 2 more`: the first `max` of `names`, and how many of `total` (default: all of them) are
 * not named. Items that hold commas or colons themselves (`A.log: no such file`) are joined by `sep`
 * (`'; '`), which then comes before "and N more" too: after the last item's own words it would read
 * as part of them (`... no such file and 2 more`).
 */
export function namedAndMore(names: readonly string[], max: number, total = names.length, sep = ', '): string {
  const listed = names.slice(0, max);
  const more = total - listed.length;
  return `${listed.join(sep)}${more > 0 ? `${sep === ', ' ? ' ' : sep}and ${more} more` : ''}`;
}

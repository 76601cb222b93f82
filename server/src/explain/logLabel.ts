// How a view names a log when it shows logs of several machines: `DEVICE1 › CloudUserSync.log`.
// Collected logs repeat the same file names on every device, so a bare name in a view that mixes
// devices reads like the wrong log (or like the log itself); a view of one machine keeps the bare
// name. The machine is the collection's (collections/machine.ts, table/machine.ts). Pure: the
// client's views use it too.

/** Between the machine and the file name. */
export const MACHINE_MARK = ' › ';

/** `DEVICE1 › CloudUserSync.log`, or the bare name when the machine is not known (''). */
export const withMachine = (machine: string, name: string): string => (machine ? `${machine}${MACHINE_MARK}${name}` : name);

/** Whether the machines of the logs a view shows are more than one (stops at the second). */
export function severalMachines(machines: Iterable<string>): boolean {
  let first: string | undefined;
  for (const m of machines) {
    if (first === undefined) first = m;
    else if (m !== first) return true;
  }
  return false;
}

/** Each log's name as the view shows it: with its machine only when the logs span several machines. */
export function logLabels(logs: readonly { name: string; machine: string }[]): string[] {
  const several = severalMachines(logs.map((l) => l.machine));
  return logs.map((l) => (several ? withMachine(l.machine, l.name) : l.name));
}

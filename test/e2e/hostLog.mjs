// The extension host's own log (user-data/logs/<session>/exthost*/remoteexthost.log): an exception thrown by the
// extension (e.g. in resolveCustomEditor, which the workbench shows only as "The editor could not be opened")
// is written there as an `[error]` line. A failing UI check reports the lines logged during its run.
import fs from 'node:fs';
import path from 'node:path';

const MAX_READ = 1024 * 1024;   // per file and call: the log is small; never read an unbounded tail

/** A function that returns the `[error]` lines of every extension host log under `logsDir` added since its last call. */
export function hostLogErrors(logsDir) {
  const offsets = new Map();
  return () => {
    const out = [];
    for (const file of findLogs(logsDir)) {
      let fd;
      try {
        fd = fs.openSync(file, 'r');
        const size = fs.fstatSync(fd).size;
        const from = Math.max(offsets.get(file) ?? 0, size - MAX_READ);
        const buf = Buffer.alloc(size - from);
        fs.readSync(fd, buf, 0, buf.length, from);
        offsets.set(file, size);
        for (const line of buf.toString('utf8').split('\n')) if (line.includes('[error]')) out.push(line.slice(0, 400));
      } catch { /* a log being rotated or not there yet */ } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    }
    return out;
  };
}

function findLogs(logsDir) {
  const out = [];
  let sessions = [];
  try { sessions = fs.readdirSync(logsDir); } catch { return out; }
  for (const s of sessions) {
    let hosts = [];
    try { hosts = fs.readdirSync(path.join(logsDir, s)).filter((d) => d.startsWith('exthost')); } catch { continue; }
    for (const h of hosts) {
      const f = path.join(logsDir, s, h, 'remoteexthost.log');
      if (fs.existsSync(f)) out.push(f);
    }
  }
  return out;
}

// Start/stop code-server 4.99.4 (VS Code 1.99.3 server + web workbench) for the end-to-end tests.
// Everything it writes (XDG dirs, config, user data, extensions, logs) stays under <repo>/.cache/e2e-run/.
// The server runs in its own process group (setsid) and the whole group is killed on stop(), on process
// exit, SIGINT and SIGTERM: extension hosts, file watchers and language servers do not survive a run.
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = path.join(REPO, '.cache');
export const RUN_DIR = path.join(CACHE_DIR, 'e2e-run');
export const CODE_SERVER_BIN = path.join(CACHE_DIR, 'code-server/node_modules/.bin/code-server');

/** Settings that keep the workbench quiet and fast for tests; callers' `settings` are merged on top. */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.hover.delay': 100,
  'editor.hover.delay': 100,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  // Desktop VS Code's default theme (code-server would pick Light Modern in a headless browser): the colour
  // checks and the README pictures show what most users see.
  'workbench.colorTheme': 'Default Dark Modern',
};

/** Paths of one run's state. Everything lives under runDir. */
export function runPaths(runDir = RUN_DIR) {
  return {
    runDir,
    xdgConfig: path.join(runDir, 'xdg/config'),
    xdgData: path.join(runDir, 'xdg/data'),
    xdgCache: path.join(runDir, 'xdg/cache'),
    config: path.join(runDir, 'config.yaml'),
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    log: path.join(runDir, 'code-server.log'),
  };
}

function childEnv(p) {
  for (const d of [p.xdgConfig, p.xdgData, p.xdgCache]) fs.mkdirSync(d, { recursive: true });
  const env = { ...process.env, XDG_CONFIG_HOME: p.xdgConfig, XDG_DATA_HOME: p.xdgData, XDG_CACHE_HOME: p.xdgCache };
  // Never inherit a password or an alternate config from the caller's shell.
  delete env.PASSWORD; delete env.HASHED_PASSWORD; delete env.CODE_SERVER_CONFIG; delete env.VSCODE_PROXY_URI;
  return env;
}

function ensureConfig(p, port) {
  fs.mkdirSync(path.dirname(p.config), { recursive: true });
  // Written by us so code-server never generates one with a random password in $HOME.
  fs.writeFileSync(p.config, `bind-addr: 127.0.0.1:${port ?? 0}\nauth: none\ncert: false\n`);
}

function requireBinary() {
  if (!fs.existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}: run test/e2e/setup.sh`);
  }
}

/** Install a .vsix into the run's extensions dir with the code-server CLI. */
export async function installExtension(vsixPath, { runDir = RUN_DIR, userDataDir, extensionsDir } = {}) {
  requireBinary();
  const p = runPaths(runDir);
  if (!fs.existsSync(p.config)) ensureConfig(p);
  const args = ['--config', p.config, '--user-data-dir', userDataDir ?? p.userDataDir,
    '--extensions-dir', extensionsDir ?? p.extensionsDir, '--install-extension', path.resolve(vsixPath), '--force'];
  const { stdout, stderr } = await promisify(execFile)(CODE_SERVER_BIN, args, { env: childEnv(p), timeout: 120_000 });
  const out = `${stdout}${stderr}`;
  if (!/successfully installed|already installed/i.test(out)) {
    throw new Error(`installing ${vsixPath} failed:\n${out}`);
  }
  return out.trim();
}

/** Ask the OS for a free port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Process-group bookkeeping: every started group is killed when this process goes away.
const liveGroups = new Set();
let handlersInstalled = false;

function killGroupSync(pgid, signal) {
  try { process.kill(-pgid, signal); } catch { /* already gone */ }
}

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => { for (const g of liveGroups) killGroupSync(g, 'SIGKILL'); });
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => {
      for (const g of liveGroups) killGroupSync(g, 'SIGKILL');
      process.exit(code);
    });
  }
}

/** Live (non-zombie) members of process group pgid, read from /proc (zombies whose parent does not reap don't count). */
export function groupMembers(pgid) {
  let pids;
  try { pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)); } catch {
    try { process.kill(-pgid, 0); return [pgid]; } catch { return []; }
  }
  const members = [];
  for (const pid of pids) {
    let stat;
    try { stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');   // state ppid pgrp ...
    if (Number(rest[2]) === pgid && rest[0] !== 'Z' && rest[0] !== 'X') members.push(Number(pid));
  }
  return members;
}

async function waitUntil(pred, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await pred()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

/**
 * Start code-server. Returns { url, port, pid, pgid, log, stop() }.
 * `workspace` is the folder code-server opens by default (the tests still pass ?folder= in the URL).
 */
export async function startCodeServer({
  port, workspace, userDataDir, extensionsDir, settings = {}, runDir = RUN_DIR, startTimeoutMs = 60_000, extraArgs = [],
} = {}) {
  requireBinary();
  installExitHandlers();
  const p = runPaths(runDir);
  userDataDir ??= p.userDataDir;
  extensionsDir ??= p.extensionsDir;
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));

  const attempts = port ? 1 : 3;   // a probed port can be taken between probe and bind: retry
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const usePort = port ?? await freePort();
    try {
      return await startOnce({ p, port: usePort, workspace, userDataDir, extensionsDir, startTimeoutMs, extraArgs });
    } catch (e) {
      lastError = e;
      if (!/EADDRINUSE/.test(String(e.message))) break;
    }
  }
  throw lastError;
}

async function startOnce({ p, port, workspace, userDataDir, extensionsDir, startTimeoutMs, extraArgs }) {
  ensureConfig(p, port);
  const args = [
    '--config', p.config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    ...extraArgs,
    ...(workspace ? [workspace] : []),
  ];
  const logFd = fs.openSync(p.log, 'a');
  fs.writeSync(logFd, `\n=== ${new Date().toISOString()} ${CODE_SERVER_BIN} ${args.join(' ')}\n`);
  // detached: true makes the child call setsid(): it leads a new session and process group (pgid = pid).
  const child = spawn(CODE_SERVER_BIN, args, {
    env: childEnv(p), detached: true, stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const pgid = child.pid;
  if (!pgid) throw new Error('code-server failed to spawn');
  liveGroups.add(pgid);
  child.unref();
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  let stopped;
  const stop = async ({ termTimeoutMs = 5_000, killTimeoutMs = 3_000 } = {}) => {
    stopped ??= (async () => {
      killGroupSync(pgid, 'SIGTERM');
      let gone = await waitUntil(() => groupMembers(pgid).length === 0, termTimeoutMs);
      if (!gone) {
        killGroupSync(pgid, 'SIGKILL');
        gone = await waitUntil(() => groupMembers(pgid).length === 0, killTimeoutMs);
      }
      liveGroups.delete(pgid);
      if (!gone) throw new Error(`code-server process group ${pgid} survived SIGKILL: ${groupMembers(pgid).join(' ')}`);
    })();
    return stopped;
  };

  const url = `http://127.0.0.1:${port}`;
  const up = await waitUntil(async () => {
    if (exited) return true;
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      return res.ok;
    } catch { return false; }
  }, startTimeoutMs, 150);
  if (exited || !up) {
    await stop().catch(() => {});
    const why = exited ? `exited early (${JSON.stringify(exited)})` : `no /healthz within ${startTimeoutMs} ms`;
    throw new Error(`code-server ${why}; log tail:\n${tail(p.log)}`);
  }
  return { url, port, pid: child.pid, pgid, log: p.log, stop };
}

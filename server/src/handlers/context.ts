// What the handlers share: the connection, what the client said it supports, and the server's
// state, each in a named object (no module globals), plus the runtime the entry point chose.
import type { Connection } from 'vscode-languageserver';
import type { Rule } from '../rules';
import type { LogDocuments } from '../features/documents';
import type { SettingsState } from '../features/settings';
import type { UserRuleSets } from '../features/userRuleSets';
import type { Validator } from '../features/validation';
import type { WorkspaceLogs } from '../features/workspaceLogs';
import type { WorkerStart } from '../workspace/parseWorker';

/**
 * What differs between the shipped server (dist/server.js: all defaults) and the test entry
 * (test/support/testServer.ts): shipped code reads no test switch from the environment.
 */
export interface ServerRuntime {
  /** How to start the parse worker (default: parseWorker.js beside the bundle). */
  parseWorker?: WorkerStart;
  /** The rules to run (default: the catalog); tests add one that throws. */
  rules?: readonly Rule[];
  /** Runs before each hover is answered; tests make it throw. */
  beforeHover?: () => void;
  /** Called once every handler is registered; tests add requests that report the state. */
  extend?: (server: ServerContext) => void;
}

/** What the client declared at initialize, and the workspace folders it opened. */
export interface ClientFacts {
  configurationSupported: boolean;
  lensRefreshSupported: boolean;
  /** The client's foldingRange rangeLimit, if it gave one. */
  foldingLimit: number | undefined;
  /** Workspace folders on disk: their paths and URIs. */
  folders: { path: string; uri: string }[];
}

/** The workspace's index runs, as the other handlers see them (handlers/indexing.ts builds it). */
export interface Indexing {
  /** From initialize until the first index is built: lenses say they are waiting for it. */
  building: boolean;
  /** Indexes the workspace folders again, superseding a build under way. */
  indexWorkspace(): Promise<boolean>;
  /** The logs to validate: indexed and open ones. */
  validationTargets(): Set<string>;
  /** Starts following the folders on disk. */
  watch(): void;
  /** Asks the client to ask for lenses again. */
  refreshLenses(): void;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly runtime: ServerRuntime;
  readonly client: ClientFacts;
  readonly settings: SettingsState;
  readonly documents: LogDocuments;
  readonly logs: WorkspaceLogs;
  readonly validator: Validator;
  /** Each workspace folder's `.cmlog/rules.json`, and whether the workspace is trusted to run them. */
  readonly userRules: UserRuleSets;
  readonly indexer: Indexing;
  /** Writes to the server's output (never stdout, which may be the protocol stream). */
  readonly log: (message: string) => void;
}

// `cmlog check --format sarif`: SARIF 2.1.0 (OASIS), the format CI systems and SARIF viewers read.
// The rule catalog goes to tool.driver.rules; results are printed one per line as the rules find
// them (through jsonList), so a log with millions of findings is never one string.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repository, version } from '../../../package.json';
import type { Finding } from '../model';
import type { LogRef, Rule } from '../rules';
import { sarifLevel } from '../severity';
import type { Io } from './common';
import { jsonText } from './escape';
import { jsonList } from './jsonList';
import { plainOfMarkdown } from '../explain/plainMarkdown';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Relative artifact URIs are resolved against the folder cmlog ran in (where displayPath is relative to). */
export const URI_BASE = 'SRCROOT';

/** The rules of every log's catalog, each once, in catalog order (built-in first, then user rules). */
export function catalogOf(logs: readonly LogRef[], catalog: (target: LogRef) => readonly Rule[]): Rule[] {
  const seen = new Map<string, Rule>();
  for (const target of logs) for (const r of catalog(target)) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

/** SARIF's `text` is plain (viewers show it as is), `markdown` is rendered: explanations are Markdown. */
function ruleDescriptor(r: Rule) {
  const sources = r.sources.length ? '\n\nSources:\n' + r.sources.map((s) => `- ${s}`).join('\n') : '';
  const plain = plainOfMarkdown(r.explanation);
  return {
    id: r.id,
    shortDescription: { text: r.title },
    fullDescription: { text: plain, markdown: r.explanation },
    help: { text: plain + plainOfMarkdown(sources), markdown: `**${r.title}**\n\n${r.explanation}${sources}` },
    defaultConfiguration: { level: sarifLevel[r.defaultSeverity] },
  };
}

/** A path as cmlog shows it (relative with `/`, or absolute) as an artifactLocation. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file) || /^[A-Za-z]:[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodePath(file), uriBaseId: URI_BASE };
}

/** A relative `/`-separated path as a URI reference: each segment percent-encoded. */
const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');

/** A log inside an archive: the archive's path as shown, then each member's name (two for an archive in an archive). */
export type MemberChain = readonly string[];

/**
 * SARIF 2.1.0's nested artifacts (§3.24.3 parentIndex): a log inside a zip is a member artifact whose
 * location is relative to its parent, the archive, with a leading `/` (the spec's example of a file
 * in app.zip), and a result's artifactLocation names it by `index`. A path such as
 * `DEV2.zip!/DEV2/x.log` relative to SRCROOT names no file a viewer can open. Only the archives and
 * members that have results are listed: bounded by the logs, not by their findings.
 */
class Artifacts {
  readonly list: object[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly chainOf: (file: string) => MemberChain | undefined) {}

  location(file: string): { uri: string; uriBaseId?: string; index?: number } {
    const chain = this.chainOf(file);
    if (!chain || chain.length < 2) return artifactLocation(file);
    let index = this.add(chain[0], -1, artifactLocation(chain[0]));
    let key = chain[0];
    let uri = '';
    for (let k = 1; k < chain.length; k++) {
      key += '\u0000' + chain[k];
      uri = '/' + encodePath(chain[k]);
      index = this.add(key, index, { uri });
    }
    return { uri, index };
  }

  private add(key: string, parentIndex: number, location: object): number {
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.list.push(parentIndex < 0 ? { location } : { location, parentIndex }) - 1;
      this.byKey.set(key, i);
    }
    return i;
  }
}

/**
 * What the run could not do, for the invocation: `error` a path, log or rules file not read, or a
 * rule that failed; `warning` a file skipped as not a log (the run still succeeded, but a CI user
 * should see that a file named like a log was not checked).
 */
export interface Notification { level: 'error' | 'warning'; text: string }

export interface SarifWriter {
  result(d: Finding): void;
  /** Closes the document; `notifications` go to the invocation. */
  end(notifications: readonly Notification[], successful: boolean): void;
}

/**
 * Prints the document's head (tool, rules) now, then one result per call. `chainOf` says which
 * shown paths are logs inside archives (see Artifacts).
 */
export function sarifWriter(io: Io, rules: readonly Rule[], cwd = process.cwd(), chainOf: (file: string) => MemberChain | undefined = () => undefined): SarifWriter {
  const artifacts = new Artifacts(chainOf);
  const physical = (file: string, line: number, endLine = line) =>
    ({ physicalLocation: { artifactLocation: artifacts.location(file), region: { startLine: line + 1, endLine: endLine + 1 } } });
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const informationUri = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  io.out(`{\n  "$schema": ${jsonText(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [{\n` +
    `  "tool": {"driver": {"name": "cmlog", "version": ${jsonText(version)}, "informationUri": ${jsonText(informationUri)}, "rules": [`);
  const ruleList = jsonList(io);
  for (const r of rules) ruleList.item(ruleDescriptor(r));
  ruleList.end(`  ]}},\n  "originalUriBaseIds": {${jsonText(URI_BASE)}: {"uri": ${jsonText(pathToFileURL(cwd).href.replace(/\/?$/, '/'))}}},\n  "results": [`);
  const results = jsonList(io);
  return {
    result(d) {
      const ruleIndex = index.get(d.ruleId);
      results.item({
        ruleId: d.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: sarifLevel[d.severity],
        message: { text: d.message },
        locations: [physical(d.file, d.line, d.endLine)],
        ...(d.related?.length ? { relatedLocations: d.related.map((r, id) => ({ id, ...physical(r.file, r.line), message: { text: r.message } })) } : {}),
      });
    },
    end(notifications, successful) {
      const invocation = {
        executionSuccessful: successful,
        toolExecutionNotifications: notifications.map(({ level, text }) => ({ level, message: { text } })),
      };
      // After the results, which named them (a JSON object's members are unordered).
      if (artifacts.list.length === 0) {
        results.end(`  ],\n  "invocations": [${jsonText(invocation)}]\n  }]\n}`);
        return;
      }
      results.end(`  ],\n  "invocations": [${jsonText(invocation)}],\n  "artifacts": [`);
      const listed = jsonList(io);
      for (const a of artifacts.list) listed.item(a);
      listed.end('  ]\n  }]\n}');
    },
  };
}

// The merged views the client has asked for, by view URI: their answers map lines back to the
// logs, for hovers, links and problems. A view is forgotten when its document closes.
import type { Connection } from 'vscode-languageserver';
import { mergedDiagnostics } from '../features/merged';
import type { Validator } from '../features/validation';
import { MERGED_SCHEME, type MergedAnswer } from '../protocol';

export const isMerged = (uri: string) => uri.startsWith(MERGED_SCHEME + ':');

export class MergedViews {
  private readonly views = new Map<string, MergedAnswer>();

  constructor(private readonly connection: Connection, private readonly validator: Validator) {}

  get(uri: string): MergedAnswer | undefined { return this.views.get(uri); }
  set(uri: string, answer: MergedAnswer): void { this.views.set(uri, answer); }
  delete(uri: string): void { this.views.delete(uri); }

  /** Sends the problems of the logs a view shows, on its lines. */
  publish(uri: string): void {
    const answer = this.views.get(uri);
    if (answer) void this.connection.sendDiagnostics({ uri, diagnostics: mergedDiagnostics(answer, (u) => this.validator.findingsOf(u)) });
  }
}

// "CMLog: Merge logs…": a read-only virtual document of the entries of several logs sorted by
// UTC (CMTrace's "merge selected files"). The server builds it and maps each line back to its
// source, so hovers, problems and links work there too. The filters live in the URI, so the same
// view can be opened again.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, MERGED_SCHEME, Requests, type MergedParams } from '../../server/src/protocol';
import { severityName } from '../../server/src/severity';
import { mergedNoteMessage, noLogsInFolderMessage } from './notifications';

const SEVERITIES = [...severityName].reverse(); // most severe first

export function registerMergedView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const params = JSON.parse(uri.query || '{}') as MergedParams;
      const answer = await client()?.sendRequest(Requests.merged, { ...params, viewUri: uri.toString() });
      if (!answer) return 'The CMLog Lens server is not running.';
      for (const note of answer.notes) void vscode.window.showInformationMessage(mergedNoteMessage(note));
      return answer.text || '(no entries match the filters)\n';
    },
  };
  context.subscriptions.push(changed, vscode.workspace.registerTextDocumentContentProvider(MERGED_SCHEME, provider));

  context.subscriptions.push(vscode.commands.registerCommand(Commands.mergeLogs, async (preset?: MergedParams) => {
    const params = preset ?? (await pickParams());
    if (!params) return;
    const name = params.uris?.length === 1 ? path.basename(vscode.Uri.parse(params.uris[0]).fsPath) : `${params.uris?.length ?? 'all'} logs`;
    const uri = vscode.Uri.from({ scheme: MERGED_SCHEME, path: `/Merged ${name}.cmlogmerged`, query: JSON.stringify(params) });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'cmlog');
    await vscode.window.showTextDocument(doc, { preview: false });
  }));
}

/** Which logs (default: every log in the folder of the active one) and which severities. */
async function pickParams(): Promise<MergedParams | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active?.scheme === 'file' ? vscode.Uri.file(path.dirname(active.fsPath)) : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    void vscode.window.showWarningMessage('CMLog Lens: open a log or a folder first.');
    return undefined;
  }
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '*.{log,lo_,log_}'));
  if (files.length === 0) {
    void vscode.window.showWarningMessage(noLogsInFolderMessage(folder.fsPath));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    files.sort((a, b) => a.fsPath.localeCompare(b.fsPath)).map((f) => ({ label: path.basename(f.fsPath), uri: f, picked: true })),
    { canPickMany: true, title: 'CMLog: Merge logs — which logs?', placeHolder: 'All logs of the folder are selected' },
  );
  if (!picked || picked.length === 0) return undefined;
  const severities = await vscode.window.showQuickPick(SEVERITIES.map((s) => ({ label: s, picked: true })), {
    canPickMany: true, title: 'CMLog: Merge logs — which severities?',
  });
  if (!severities) return undefined;
  const range = await vscode.window.showInputBox({
    title: 'CMLog: Merge logs — time range (optional)',
    prompt: 'UTC range as ISO-8601 "from/to", e.g. 2014-09-15T17:00:00Z/2014-09-15T18:00:00Z; empty for all',
  });
  if (range === undefined) return undefined;
  const [from, to] = range.split('/').map((s) => s.trim());
  const more = await vscode.window.showInputBox({
    title: 'CMLog: Merge logs — components and threads (optional)',
    prompt: 'e.g. "component:CcmExec component:PolicyAgent thread:4321"; empty for all',
  });
  if (more === undefined) return undefined;
  const pick = (key: string) => [...more.matchAll(/(\S+?):(\S+)/g)].filter((m) => m[1].toLowerCase() === key).map((m) => m[2]);
  return {
    components: pick('component').length ? pick('component') : undefined,
    threads: pick('thread').length ? pick('thread') : undefined,
    uris: picked.map((p) => p.uri.toString()),
    severities: severities.length === SEVERITIES.length ? undefined : severities.map((s) => s.label as (typeof SEVERITIES)[number]),
    from: from || undefined,
    to: to || undefined,
  };
}

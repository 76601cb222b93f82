// Settings changes: one read at a time, and only what a change affects is redone (files:
// index again; times: re-time; anything else: validate again).
import { excludedGlobs } from '../features/settings';
import type { ServerContext } from './context';

/** Registers the handler; returns the function that reads the settings (and applies them). */
export function registerConfiguration(server: ServerContext): () => Promise<void> {
  const { connection, client, settings, documents, logs, validator, indexer } = server;
  let loaded = false;
  let reloading: Promise<void> | null = null;
  let reloadAgain = false;

  /** Reads the settings; the first read starts the index, later ones redo what their change affects. */
  async function apply(): Promise<void> {
    const what = () => {
      const scoped = settings.scoped;
      return {
        files: JSON.stringify([settings.window.include, scoped.folders.map((f) => excludedGlobs(f.scoped))]),
        times: JSON.stringify([scoped.window, ...scoped.folders.map((f) => f.scoped)].map((x) => [x.settings.defaultOffset, x.settings.folderOffsets, x.settings.offsetConvention])),
        all: JSON.stringify(scoped),
      };
    };
    const before = loaded ? what() : null;
    await settings.load(connection, client.configurationSupported, client.folders);
    loaded = true;
    if (!before) return void indexer.indexWorkspace();
    const now = what();
    if (before.all === now.all) return; // the same settings announced again
    if (before.files !== now.files || before.times !== now.times) documents.reparseAll();
    // How UTC is computed changed: tables re-time the logs they read from disk first, then, over the
    // same files, the index re-times its logs in one change (see Indexer.watch) and a merge of both
    // rebuilds once when the index says its logs changed; other files are indexed again below, read
    // with the new options. Either way each table orders again and says its banner.
    if (before.times !== now.times) {
      settings.timesChanged(before.files === now.files ? () => logs.setParseOptions((file) => settings.parseOptions(file)) : undefined);
    }
    if (before.files !== now.files) {
      // Other files: index again (the build under way is cancelled). The new index validates
      // everything when built.
      void indexer.indexWorkspace();
    } else if (before.times !== now.times) {
      // Only how UTC is computed: nothing is read again (re-timed above). A build under way reads its
      // remaining files with the new options.
      if (!indexer.building) for (const uri of indexer.validationTargets()) validator.schedule(uri);
    } else {
      for (const uri of indexer.validationTargets()) validator.schedule(uri);
    }
    connection.languages.semanticTokens.refresh();
    // A client without inlay hint refresh answers with an error: nothing to do then.
    connection.languages.inlayHint.refresh().catch(() => undefined);
    indexer.refreshLenses();
  }

  /** One settings read at a time; changes announced meanwhile make one more read, not one each. */
  function reload(): Promise<void> {
    if (reloading) { reloadAgain = true; return reloading; }
    reloading = (async () => {
      try {
        do { reloadAgain = false; await apply(); } while (reloadAgain);
      } finally { reloading = null; }
    })();
    return reloading;
  }

  // vscode-languageclient announces a change right after start-up (synchronize.configurationSection)
  // and again for the registration at initialized: each one only reads the settings again.
  connection.onDidChangeConfiguration(() => void reload());
  return reload;
}

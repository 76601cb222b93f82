// The only way out of the webview: the host's message channel (acquireVsCodeApi). Requests carry an
// id and are answered by a `response` with the same id; everything else goes to `onMessage`.
import type { FromWebview, ToWebview, WebviewMethod } from '../src/table/messages';

interface VsCodeApi { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

export class Host {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(onMessage: (m: ToWebview) => void) {
    window.addEventListener('message', (e: MessageEvent) => {
      const m = e.data as ToWebview;
      if (!m || typeof m !== 'object') return;
      if (m.kind === 'response') {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error !== undefined) w?.reject(new Error(m.error));
        else w?.resolve(m.result);
      } else onMessage(m);
    });
  }

  post(m: FromWebview): void {
    this.api.postMessage(m);
  }

  request<T>(method: WebviewMethod, params: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ kind: 'request', id, method, params });
    });
  }

  get state(): Record<string, unknown> {
    return (this.api.getState() as Record<string, unknown> | undefined) ?? {};
  }

  saveState(patch: Record<string, unknown>): void {
    this.api.setState({ ...this.state, ...patch });
  }
}

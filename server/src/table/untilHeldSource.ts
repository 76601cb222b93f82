// A log the server does not hold when its table opens, read from disk until the server holds it:
// a merge restored with the window asks for its logs before the workspace is indexed, and read
// from disk alone (not followed) it stayed as it was, "Live", whatever was appended. Once the
// server holds the log, the table shows and follows the server's model, as one opened later does.
import type { LogFile } from '../logFile';
import type { TableLogSource } from './view';

export class UntilHeldSource implements TableLogSource {
  private held: TableLogSource | undefined;

  /** `hold` gives the server's source for the log once the server holds it (undefined until then). */
  constructor(readonly key: string, readonly name: string, private readonly hold: () => TableLogSource | undefined, private disk: TableLogSource | undefined) {}

  private now(): TableLogSource | undefined {
    if (!this.held) {
      this.held = this.hold();
      if (this.held) {
        this.disk?.stop?.();
        this.disk = undefined;
      }
    }
    return this.held ?? this.disk;
  }

  log(): LogFile | undefined { return this.now()?.log(); }
  reading(): boolean { return this.now()?.reading() ?? false; }
  get failure(): string | undefined { return this.now()?.failure; }

  stop(): void {
    this.held?.stop?.();
    this.disk?.stop?.();
  }
}

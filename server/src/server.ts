// Language server entry point: wiring only (filled in by the extension work).
export {};

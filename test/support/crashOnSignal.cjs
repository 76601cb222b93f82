// Preloaded into the server by tests (node --require): SIGUSR2 throws an exception nobody catches,
// as a bug would, without any test hook in the shipped server.
process.on('SIGUSR2', () => { throw new Error('injected crash for tests'); });

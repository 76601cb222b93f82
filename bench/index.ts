// `npm run bench`: prints figures, never fails on them. Ratios are against baselines measured in
// the same run, so they mean the same on a fast or a slow machine.
import { benchCollections } from './collections';
import { benchErrorCodes } from './errorCodes';
import { benchMemory } from './memory';
import { benchParse } from './parse';
import { benchServer } from './server';
import { benchTimeline } from './timeline';

async function main(): Promise<void> {
  console.log(`# CMLog Lens benchmark (node ${process.version}, ${new Date().toISOString()})`);
  await benchParse();
  await benchTimeline();
  await benchServer();
  await benchMemory();
  await benchErrorCodes();
  await benchCollections();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

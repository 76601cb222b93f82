// `npm run bench`: prints figures, never fails on them. Ratios are against baselines measured in
// the same run, so they mean the same on a fast or a slow machine.
import { benchCollections } from './collections';
import { benchErrorCodes } from './errorCodes';
import { benchExport } from './export';
import { benchFormats } from './formats';
import { benchMemory } from './memory';
import { benchParse } from './parse';
import { benchServer } from './server';
import { benchTable } from './table';
import { benchTimeline } from './timeline';

async function main(): Promise<void> {
  console.log(`# CMLog Lens benchmark (node ${process.version}, ${new Date().toISOString()})`);
  await benchParse();
  await benchFormats();
  await benchTimeline();
  await benchTable();
  await benchServer();
  await benchMemory();
  await benchErrorCodes();
  await benchExport();
  await benchCollections();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

// The `cmlog` commands, one file each. Add a command here.
import { checkCommand } from './check';
import type { Command } from './common';
import { exportCommand } from './export';
import { lookupCommand } from './lookup';
import { relatedCommand } from './related';
import { timelineCommand } from './timeline';

export const commands: Command[] = [checkCommand, relatedCommand, timelineCommand, lookupCommand, exportCommand];

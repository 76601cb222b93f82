// The `cmlog` commands, one file each. Add a command here.
import { checkCommand } from './check';
import type { Command } from './common';

export const commands: Command[] = [checkCommand];

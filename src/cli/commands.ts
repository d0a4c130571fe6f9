import type { Command } from 'commander';
import type { CommandContext } from './context';
import { labelsCommands } from './labels';
import { registerPush } from './push';
import { solutionCommands } from './solution';
import { envCommands } from './env';

/** A group of subcommands (`crmkit labels …`, `crmkit solution …`) under one parent command. */
export interface CommandGroup {
  name: string;
  description: string;
  register: (parent: Command, ctx: CommandContext) => void;
}

/** Every command group the CLI offers; each module adds one line here. */
export const commandGroups: readonly CommandGroup[] = [
  {
    ...labelsCommands,
    register: (parent, ctx) => {
      labelsCommands.register(parent, ctx);
      registerPush(parent, ctx);
    },
  },
  solutionCommands,
  envCommands,
];

import type { Command } from 'commander';
import type { CommandContext } from './context';
import { labelsRoundTrip } from './labels';
import { labelsQaGroup } from './labels-qa';
import { solutionCommands } from './solution';

/**
 * A group of subcommands (`crmkit labels …`, `crmkit solution …`). Several groups may share a
 * name: each adds its own subcommands to the same parent command.
 */
export interface CommandGroup {
  name: string;
  description: string;
  register: (parent: Command, ctx: CommandContext) => void;
}

/** Every command group the CLI offers; each module adds one line here. */
export const commandGroups: readonly CommandGroup[] = [labelsRoundTrip, labelsQaGroup, solutionCommands];

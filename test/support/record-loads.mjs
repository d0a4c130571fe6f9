// Preloaded with `node --import`: appends the URL of every module the process resolves (its own
// files, packages, node:* built-ins) to the file named by CRMKIT_LOADED_LOG, one per line.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { log: process.env.CRMKIT_LOADED_LOG } });

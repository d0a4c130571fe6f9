// Preloaded with `node --import`: appends the URL of every module the process resolves (its own
// files, packages, node:* built-ins) to the file named by CRMKIT_LOADED_LOG, one per line. ES
// modules are seen by the module hooks; CommonJS `require` (e.g. through createRequire) by a
// wrapper of Module.prototype.require, since Node 20's hooks do not see it.
import { appendFileSync } from 'node:fs';
import Module, { isBuiltin, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.CRMKIT_LOADED_LOG;
register('./record-loads-hooks.mjs', import.meta.url, { data: { log } });

if (log !== undefined) {
  const require = Module.prototype.require;
  Module.prototype.require = function recordedRequire(id) {
    const loaded = require.call(this, id);
    const url = isBuiltin(id)
      ? id.startsWith('node:')
        ? id
        : `node:${id}`
      : pathToFileURL(Module._resolveFilename(id, this)).href;
    appendFileSync(log, `${url}\n`);
    return loaded;
  };
}

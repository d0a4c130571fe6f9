/** The toolkit's version, read from package.json at build time (bundled by esbuild, typed by tsc). */
import { version } from '../package.json';

export const VERSION: string = version;

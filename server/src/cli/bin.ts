import * as path from 'path';
import { main } from './main';

// Bundled as dist/cli.js; the schemas folder sits next to dist/.
process.exitCode = main(process.argv.slice(2), path.resolve(__dirname, '..', 'schemas'));

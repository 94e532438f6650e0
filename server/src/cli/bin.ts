import * as fs from 'fs';
import * as path from 'path';
import { main } from './main';
import type { CliIO } from './io';
import { readBounded } from '../node/safe-read';

// Bundled as dist/cli.js; schemas/ and package.json sit next to dist/.
const root = path.resolve(__dirname, '..');

function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

// A reader that stops early (`mesh-config check . | head`) closes the pipe: that is not a failure
// worth a stack trace. Stop quietly, keeping the exit code a shell pipeline expects from a closed pipe.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io: CliIO = {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readStdin: (maxBytes) => readBounded(0, maxBytes),
};

process.exitCode = main(process.argv.slice(2), { schemasDir: path.join(root, 'schemas'), version: packageVersion() }, io);

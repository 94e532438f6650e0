#!/usr/bin/env node
'use strict';
// The Mesh Config language server for any LSP client (Neovim, Helix, Emacs, JetBrains, ...).
// The bundled server takes its transport from the command line; editors pass --stdio.
const path = require('path');

const USAGE = `Usage: mesh-config-language-server --stdio

Speaks the Language Server Protocol over standard input and output; point your editor's LSP client at this
command with the --stdio argument. (--node-ipc, --socket=PORT and --pipe=NAME work too.)
Settings go in the "meshConfig" section of the client's configuration (targetVersion, rules, maxFileSizeKB).`;

const args = process.argv.slice(2);

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require(path.join(__dirname, '..', 'package.json')).version}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket=|pipe=)/.test(arg))) {
  // Without a transport the LSP library throws with a stack trace; say what to do instead.
  process.stderr.write(`mesh-config-language-server: no transport given; start it as "mesh-config-language-server --stdio"\n`);
  process.exitCode = 2;
} else {
  require('../dist/server.js');
}

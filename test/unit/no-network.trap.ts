/**
 * Preloaded with `node --require` before the code under test: replaces every
 * way Node offers to reach the network with a function that records the
 * attempt (to the file named by MESH_NETWORK_LOG) and then fails it.
 */
import * as fs from 'fs';

const log = process.env.MESH_NETWORK_LOG;
if (!log) throw new Error('MESH_NETWORK_LOG is not set');

function record(what: string): void {
  fs.appendFileSync(log!, `${what}\n${new Error().stack?.split('\n').slice(2, 6).join('\n') ?? ''}\n`);
}

function trap(target: Record<string, unknown>, name: string, label: string): void {
  if (typeof target[name] !== 'function') return;
  target[name] = function trapped(): never {
    record(label);
    throw new Error(`network access attempted: ${label}`);
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
const modules: Record<string, string[]> = {
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer', 'createSecureContext'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  dns: ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse'],
  dgram: ['createSocket'],
};
for (const [name, functions] of Object.entries(modules)) {
  const exported = require(name) as Record<string, unknown>;
  for (const fn of functions) trap(exported, fn, `${name}.${fn}`);
}
const dnsPromises = (require('dns') as { promises: Record<string, unknown> }).promises;
for (const fn of modules.dns) trap(dnsPromises, fn, `dns.promises.${fn}`);
const net = require('net') as { Socket: { prototype: Record<string, unknown> }; Server: { prototype: Record<string, unknown> } };
trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
trap(net.Server.prototype, 'listen', 'net.Server#listen');
const globals = globalThis as unknown as Record<string, unknown>;
for (const name of ['fetch', 'WebSocket', 'EventSource']) trap(globals, name, `global ${name}`);

fs.appendFileSync(log, 'TRAP INSTALLED\n');

// Loaded with `--import` into every Node 24 process of the node24 test step (NODE_OPTIONS).
// better-sqlite3 is the one dependency built against one Node ABI; the main node_modules holds
// Node 20's build. Every load of it (by name or by its path in node_modules, as Vitest and tsx
// resolve it) is sent to the copy built for Node 24 in SPREEKKAMER_NODE24_MODULES.
import * as nodeModule from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const modules = process.env.SPREEKKAMER_NODE24_MODULES;
if (!modules) throw new Error('SPREEKKAMER_NODE24_MODULES is not set');
const ours = path.join(modules, 'node_modules', 'better-sqlite3');
const marker = `${path.sep}node_modules${path.sep}better-sqlite3${path.sep}`;

/**
 * @typedef {{ url: string, format?: string | null, shortCircuit?: boolean }} Resolved
 * @typedef {(specifier: string, context: unknown) => Resolved} NextResolve
 * @typedef {{ resolve: (specifier: string, context: unknown, nextResolve: NextResolve) => Resolved }} Hooks
 */
// module.registerHooks is Node 22.15+/24 (this file only ever runs there); @types/node is Node 20's.
const { registerHooks } = /** @type {{ registerHooks: (hooks: Hooks) => void }} */ (/** @type {unknown} */ (nodeModule));

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'better-sqlite3') return { url: pathToFileURL(path.join(ours, 'lib', 'index.js')).href, format: 'commonjs', shortCircuit: true };
    const resolved = nextResolve(specifier, context);
    if (!resolved.url.startsWith('file:')) return resolved;
    const file = fileURLToPath(resolved.url);
    const at = file.indexOf(marker);
    if (at === -1 || file.startsWith(ours)) return resolved;
    return { ...resolved, url: pathToFileURL(path.join(ours, file.slice(at + marker.length))).href };
  },
});

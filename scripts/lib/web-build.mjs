import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { log, repoRoot, run } from './run.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Newest modification time (ms) of a file or of any file below a directory; 0 when absent.
 * @param {string} path
 * @returns {number}
 */
export function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** @param {string} root */
export function webSources(root = repoRoot) {
  return [
    join(root, 'apps/web/src'),
    join(root, 'apps/web/public'),
    join(root, 'apps/web/index.html'),
    join(root, 'apps/web/vite.config.ts'),
    join(root, 'apps/web/package.json'),
    join(root, 'packages/shared/src'),
  ];
}

/**
 * True when apps/web/dist is missing or older than any source that goes into it.
 * @param {string} [root]
 */
export function webBuildNeeded(root = repoRoot) {
  const built = join(root, 'apps/web/dist/index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return webSources(root).some((source) => newestMtime(source) > builtAt);
}

/**
 * Builds the web app when its sources changed since the last build.
 * @param {{ force?: boolean, root?: string }} [options]
 * @returns {Promise<'built' | 'up to date' | 'no web app'>}
 */
export async function ensureWebBuild({ force = false, root = repoRoot } = {}) {
  if (!existsSync(join(root, 'apps/web/index.html'))) {
    log('Warning: apps/web/index.html does not exist yet; not building the web app.');
    return 'no web app';
  }
  if (!force && !webBuildNeeded(root)) return 'up to date';
  log('Building the web app…');
  const code = await run(npm, ['run', 'build', '-w', '@spreekkamer/web'], { cwd: root });
  if (code !== 0) throw new Error(`Building the web app failed (exit code ${code}). See the output above.`);
  return 'built';
}

/**
 * The JavaScript a browser fetches before the first page shows: the entry script and every chunk
 * index.html preloads with it. Lazy pages are not in it.
 * @param {string} distDir
 * @returns {{ files: number, rawBytes: number, gzipBytes: number }}
 */
export function firstLoadJavaScript(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const paths = new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? ''));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of paths) {
    const bytes = readFileSync(join(distDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: paths.size, rawBytes, gzipBytes };
}

/**
 * What each page loaded on demand adds to the first load: for every lazily imported module in the
 * build manifest, the gzip size of the chunks it needs that the first load does not hold already.
 * @param {string} distDir
 * @returns {{ page: string, gzipBytes: number, files: number }[]} largest first
 */
export function onDemandJavaScript(distDir) {
  /** @type {Record<string, { file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[] }>} */
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
  /** @param {string} key @param {Set<string>} into */
  const reach = (key, into) => {
    const entry = manifest[key];
    if (!entry || into.has(entry.file)) return into;
    into.add(entry.file);
    for (const next of entry.imports ?? []) reach(next, into);
    return into;
  };
  const first = new Set();
  for (const [key, entry] of Object.entries(manifest)) if (entry.isEntry) reach(key, first);
  /** @type {Map<string, number>} */
  const sizes = new Map();
  const gzipOf = (/** @type {string} */ file) => {
    if (!sizes.has(file)) sizes.set(file, file.endsWith('.js') ? gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length : 0);
    return sizes.get(file) ?? 0;
  };
  return Object.entries(manifest)
    .filter(([, entry]) => entry.isDynamicEntry && entry.file.endsWith('.js') && !entry.src?.endsWith('.json'))
    .map(([key, entry]) => {
      const extra = [...reach(key, new Set())].filter((file) => !first.has(file) && file.endsWith('.js'));
      return { page: (entry.src ?? key).replace(/^src\//, '').replace(/\.tsx?$/, ''), gzipBytes: extra.reduce((sum, file) => sum + gzipOf(file), 0), files: extra.length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

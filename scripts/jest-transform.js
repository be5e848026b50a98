// Jest transform: TypeScript to CommonJS with esbuild, transpile only (type-checking is
// `npm run typecheck`). esbuild already comes with tsx; swc's and jest 30's native bindings are
// not published for every platform on every registry mirror, which breaks `npm ci` there.
const crypto = require('node:crypto');
const fs = require('node:fs');
const { transformSync, version } = require('esbuild');

const OPTIONS = {
  format: 'cjs',
  target: 'node20',
  sourcemap: 'external',
  // CommonJS all the way: lazy `import()` of our own modules becomes `require`, as tsc emits it.
  supported: { 'dynamic-import': false },
};
// Cached transforms must change when this file or esbuild changes, not only the sources.
const SELF = crypto.createHash('sha256').update(fs.readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return crypto.createHash('sha256').update(SELF).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const { code, map } = transformSync(source, { ...OPTIONS, loader: filename.endsWith('.tsx') ? 'tsx' : 'ts', sourcefile: filename });
    return { code, map };
  },
};

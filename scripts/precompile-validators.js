// Compiles the validator of every schema the package ships (lib/imports/schemas/<group>.json:
// provider kinds, Crossplane's own kinds, the built-in Kubernetes kinds) into standalone code in
// lib/imports/schemas/validators/, so `validate` loads code instead of running ajv's compiler.
// Part of `npm run build`, after tsc. Files whose key already exists are kept (the key hashes
// everything the code depends on), files no schema needs any more are removed. Code another
// build of the same dependencies compiled is taken from the validator cache of the checkout's
// node_modules (the one `validate` uses), after checking that it loads: a build from a fresh
// copy of the sources, such as `npm pack`, then compiles only the schemas that changed.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const lib = path.join(__dirname, '..', 'lib');
const schemas = path.join(lib, 'imports', 'schemas');
const { translateSchema } = require(path.join(lib, 'src', 'validate', 'openapi-ajv.js'));
const { defaultCacheDir, generateValidatorCode, loadValidatorCode, validatorKey, ValidatorDir } = require(path.join(lib, 'src', 'validate', 'validator-code.js'));

const out = new ValidatorDir(path.join(schemas, 'validators'));
const cacheDir = defaultCacheDir(path.join(__dirname, '..'));
const cache = cacheDir === undefined ? undefined : new ValidatorDir(cacheDir);
const wanted = new Set();
let compiled = 0;
let reused = 0;

/** The code the cache holds under `key`, when it is whole and loads as a validator. */
function cachedCode(key) {
  if (!cache) return undefined;
  try {
    const code = zlib.gunzipSync(fs.readFileSync(path.join(cache.dir, `${key}.js.gz`))).toString('utf8');
    loadValidatorCode(code);
    return code;
  } catch {
    return undefined;
  }
}

const t0 = Date.now();
// Built-in kinds of other Kubernetes releases sit in kubernetes-<version>/ folders.
const groupFiles = [
  ...fs.readdirSync(schemas).filter((f) => f.endsWith('.json')),
  ...fs.readdirSync(schemas).filter((d) => d.startsWith('kubernetes-') && fs.statSync(path.join(schemas, d)).isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(schemas, d)).filter((f) => f.endsWith('.json')).map((f) => path.join(d, f))),
].sort();
for (const file of groupFiles) {
  const group = JSON.parse(fs.readFileSync(path.join(schemas, file), 'utf8'));
  for (const kind of group.kinds ?? []) {
    for (const version of kind.versions ?? []) {
      const translated = translateSchema(version.schema ?? {}).schema;
      const key = validatorKey(translated);
      if (wanted.has(key)) continue;
      wanted.add(key);
      if (fs.existsSync(path.join(out.dir, `${key}.js.gz`))) continue;
      let code = cachedCode(key);
      if (code !== undefined) {
        out.write(key, code);
        reused++;
        continue;
      }
      try {
        code = generateValidatorCode(translated);
      } catch {
        continue; // compiled (and reported) at run time, as before
      }
      out.write(key, code);
      cache?.write(key, code);
      compiled++;
    }
  }
}
fs.mkdirSync(out.dir, { recursive: true });
for (const f of fs.readdirSync(out.dir)) {
  if (!wanted.has(f.replace(/\.js\.gz$/, ''))) fs.rmSync(path.join(out.dir, f), { force: true });
}
process.stderr.write(`precompiled validators: ${wanted.size} schemas, ${compiled} compiled now, ${reused} from the cache, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

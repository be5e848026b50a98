// Copies the generated schema files next to the compiled imports/schemas/index.js, which finds
// them through __dirname (tsc only emits .ts output).
const fs = require('node:fs');
const path = require('node:path');

const from = path.join(__dirname, '..', 'imports', 'schemas');
const to = path.join(__dirname, '..', 'lib', 'imports', 'schemas');
// Built-in kinds of other Kubernetes releases sit in kubernetes-<version>/ folders.
function copy(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    if (e.isDirectory()) copy(path.join(src, e.name), path.join(dst, e.name));
    else if (e.name.endsWith('.json')) fs.copyFileSync(path.join(src, e.name), path.join(dst, e.name));
  }
}
copy(from, to);

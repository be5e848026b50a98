// Copies the generated schema files next to the compiled imports/schemas/index.js, which finds
// them through __dirname (tsc only emits .ts output).
const fs = require('node:fs');
const path = require('node:path');

const from = path.join(__dirname, '..', 'imports', 'schemas');
const to = path.join(__dirname, '..', 'lib', 'imports', 'schemas');
fs.mkdirSync(to, { recursive: true });
for (const file of fs.readdirSync(from).filter((f) => f.endsWith('.json'))) {
  fs.copyFileSync(path.join(from, file), path.join(to, file));
}

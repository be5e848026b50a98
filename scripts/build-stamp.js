// Tells whether lib/ was built from the sources as they are now, so the repository's own tools
// (the cdk8s validation plugin of `npx cdk8s synth`) can load the compiled code instead of
// compiling src/ through tsx on every run, and fall back to src/ the moment lib/ is stale.
//
// The stamp is a hash of the path, size and modification time of every file the build reads
// (src/, imports/, the tsconfigs and package.json). `npm run build` records it in two steps:
// `begin` before tsc reads the sources (an edit during the build then makes the stamp
// mismatch) and `end` after the last build step (a failed build leaves no stamp). Comparing
// costs a walk of about 360 files, a few milliseconds.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const stampFile = (root) => path.join(root, 'lib', '.sources-stamp');
const SOURCE_DIRS = ['src', 'imports'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** A hash of what the build reads, as the files are now. */
function sourcesHash(root = ROOT) {
  const lines = [];
  const add = (rel) => {
    const st = fs.statSync(path.join(root, rel));
    lines.push(`${rel}\t${st.size}\t${st.mtimeMs}`);
  };
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else add(child);
    }
  };
  SOURCE_DIRS.forEach(walk);
  SOURCE_FILES.forEach(add);
  return crypto.createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

/** Whether lib/ holds a finished build of the sources as they are now. */
function libIsCurrent(root = ROOT) {
  let recorded;
  try {
    recorded = fs.readFileSync(stampFile(root), 'utf8').trim();
  } catch {
    return false;
  }
  try {
    return recorded === sourcesHash(root);
  } catch {
    return false;
  }
}

module.exports = { libIsCurrent, sourcesHash };

if (require.main === module) {
  const step = process.argv[2];
  const stamp = stampFile(ROOT);
  if (step === 'begin') {
    fs.rmSync(stamp, { force: true });
    fs.mkdirSync(path.dirname(stamp), { recursive: true });
    fs.writeFileSync(`${stamp}.pending`, `${sourcesHash()}\n`);
  } else if (step === 'end') {
    fs.renameSync(`${stamp}.pending`, stamp);
  } else {
    process.stderr.write('usage: node scripts/build-stamp.js begin|end\n');
    process.exitCode = 1;
  }
}

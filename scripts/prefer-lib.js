// Preloaded by the app command of cdk8s.yaml, before tsx registers: when `npm run build` built
// lib/ from the sources as they are now (scripts/build-stamp.js), tsx reads tsconfig.lib.json,
// whose missing `paths` let `cdk8s-crossplane` resolve to the compiled lib/ as it does in an
// installed package. The app then loads compiled code, a sixth less CPU for the examples than
// compiling src/ through tsx, where even cached compilations carry inline source maps that
// node decodes. With no build or a stale one, tsconfig.json maps the package to src/.
const path = require('node:path');
const { libIsCurrent } = require('./build-stamp');

if (process.env.TSX_TSCONFIG_PATH === undefined && libIsCurrent()) {
  process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.lib.json');
}

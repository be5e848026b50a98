// Run by test/_setup/sequencer.js in the background: builds the packed package and the project
// the install tests share (test/_helpers/packed-package.ts), so no test worker has to.
import { packedPackage } from '../_helpers/packed-package';

packedPackage().catch(() => process.exit(1));

// Bundled CommonJS dependencies (commander, yauzl …) call require() for Node's own modules, which an
// ES module does not have: one require for the whole bundle, made once, before any of them runs.
import { createRequire } from 'node:module';

globalThis.require ??= createRequire(import.meta.url);

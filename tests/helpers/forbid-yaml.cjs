// Preloaded (node -r) into a run that must not parse YAML: requiring the yaml package fails it.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'yaml') throw new Error('the yaml package was loaded');
  return load.call(this, request, ...rest);
};

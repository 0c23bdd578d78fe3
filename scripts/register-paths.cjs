// Resolves the workspace's `@dsyb/<lib>` imports in the compiled output under dist/.
const path = require('node:path');
const { register } = require('tsconfig-paths');

register({ baseUrl: path.resolve(__dirname, '../dist'), paths: { '@dsyb/*': ['libs/*/src'] } });

// Layer rules for src/ (run by `npm run lint`). The simulator is layered so
// that each folder imports only the ones below it:
//
//   engine  <-  actors  <-  world  <-  scenarios  <-  content
//                                  <-  http
//   format (engine, scenarios, content)    runner (all of the above)
//
// and nothing in src/simulator reaches React, Docusaurus or the UI.
/** @type {import('dependency-cruiser').IConfiguration} */

const SIM = '^src/simulator/';
const layer = (name) => `${SIM}${name}/`;

/** Folder `from` must not import any of `to`. */
function forbid(from, to, comment) {
  return {
    name: `${from}-not-to-${to.join('-')}`,
    comment,
    severity: 'error',
    from: { path: layer(from) },
    to: { path: `${SIM}(${to.join('|')})/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module imports itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No two folders import each other, directly or through others.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    forbid(
      'engine',
      ['actors', 'world', 'scenarios', 'content', 'http', 'format', 'runner'],
      'The engine core (types, clock, ids, errors, recorder, host, references) stands alone.',
    ),
    forbid(
      'actors',
      ['world', 'scenarios', 'content', 'http', 'format', 'runner'],
      'Actors see only the engine core (through ActorHost), never the world that holds them.',
    ),
    forbid(
      'world',
      ['scenarios', 'content', 'http', 'format', 'runner'],
      'A world is built from actors and data; it knows no scenario, text or transport.',
    ),
    forbid(
      'scenarios',
      ['content', 'http', 'format', 'runner'],
      'The step and scenario tables own the ids; teaching text is keyed by them, not the reverse.',
    ),
    forbid(
      'content',
      ['actors', 'world', 'http', 'format', 'runner'],
      'Teaching text may use ids and types, not behaviour.',
    ),
    forbid(
      'http',
      ['scenarios', 'content', 'format', 'runner'],
      'The HTTP layer routes requests to a world; it knows no scenario.',
    ),
    forbid(
      'format',
      ['actors', 'world', 'http', 'runner'],
      'Formatting turns records into text; it runs nothing.',
    ),
    {
      name: 'simulator-framework-free',
      comment: 'No React, Docusaurus or UI code in the simulator.',
      severity: 'error',
      from: { path: SIM },
      to: {
        path: [
          '^src/(components|pages|theme|verified-examples|mock-server)/',
          '^node_modules/(react|react-dom|@docusaurus|@mdx-js|clsx|prism-react-renderer)/',
        ],
      },
    },
    {
      name: 'src-not-to-tests',
      comment: 'Shipped code never imports test support.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      comment:
        'Every import resolves, except the aliases Docusaurus provides at build time and generated diagrams.',
      to: {
        couldNotResolve: true,
        pathNot: [
          '^@(theme|theme-original|docusaurus)/',
          '^@site/src/diagrams/generated/',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|build|\\.docusaurus)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};

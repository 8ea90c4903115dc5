/** Boundaries that bite (STYLE.md): pure domains, contexts that meet only through contracts. */
const contexts = ['partnership', 'learning', 'challenge', 'people'];
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ holds deciders and events: no frameworks, database, broker or Node I/O.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: '(^|/)node_modules/(@nestjs|typeorm|pg|kafkajs|express|class-validator)(/|$)|^(fs|http|https|net|crypto|child_process)$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-depends-only-on-core',
      severity: 'error',
      comment: 'domain/ may import its own domain and the event-sourcing core types, nothing else in the repo.',
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: { path: '^(apps|libs)/', pathNot: ['^libs/$1/src/domain/', '^libs/event-sourcing/src/(core|index)'] },
    },
    ...contexts.map((context) => ({
      name: `no-cross-context-${context}`,
      severity: 'error',
      comment: 'Bounded contexts never import each other; they meet through ports and contracts.',
      from: { path: `^libs/${context}/` },
      to: { path: `^libs/(${contexts.filter((c) => c !== context).join('|')})/` },
    })),
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: '\\.spec\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|^libs/testing/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

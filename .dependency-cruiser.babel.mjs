/**
 * How dependency-cruiser reads TypeScript here. Its own TypeScript reader needs the compiler's
 * JavaScript API, which TypeScript 7 no longer has, and its swc reader cannot read TSX yet on the
 * versions that run on Node 20; so Babel strips the types and compiles JSX (which dependency-
 * cruiser's JavaScript reader would otherwise misread), and dependency-cruiser reads what is left. Type-only imports (`import type`, `{ type X }`) are kept as imports first: a circle of
 * them is still a circle in the design, and the import graph must show it.
 */
const keepTypeImports = () => ({
  visitor: {
    Program(path) {
      for (const statement of path.node.body) {
        const reExport = (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') && statement.source;
        if (statement.type === 'ImportDeclaration') statement.importKind = 'value';
        if (reExport) statement.exportKind = 'value';
        if (statement.type === 'ImportDeclaration' || reExport) {
          for (const specifier of statement.specifiers ?? []) {
            if (specifier.importKind) specifier.importKind = 'value';
            if (specifier.exportKind) specifier.exportKind = 'value';
          }
        }
      }
    },
  },
});

export default {
  babelrc: false,
  configFile: false,
  plugins: [keepTypeImports, ['@babel/plugin-transform-react-jsx', { runtime: 'automatic' }]],
  // onlyRemoveTypeImports: an import no value uses stays, as it does under verbatimModuleSyntax.
  presets: [['@babel/preset-typescript', { onlyRemoveTypeImports: true }]],
};

// ESLint rule `layers/imports`: a file's relative imports must stay inside what its layer may use. The import is
// resolved to a repository path first, so `../store/x` and `../../store/x` are the same import wherever they are
// written; package names (node:*, electron, better-sqlite3) are left to `no-restricted-imports`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CODE_EXTENSION = /\.(ts|tsx|js|mjs|cjs)$/;

/** `**` any path, `*` one path segment, `{a,b}` alternatives; matched against a repository path without extension. */
function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function compile(globs) {
  return (globs ?? []).map((glob) => ({ glob, re: globToRegExp(glob) }));
}

/** @type {import('eslint').Rule.RuleModule} */
const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps a layer's imports to the layers it may use." },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          deny: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: { outside: '{{target}}: {{message}}' },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const allow = options.allow ? compile(options.allow) : null;
    const deny = compile(options.deny);
    const message = options.message ?? 'this layer may not import it.';
    const dir = path.dirname(context.filename);

    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.relative(ROOT, path.resolve(dir, source.value)).split(path.sep).join('/');
      const bare = target.replace(CODE_EXTENSION, '');
      const matches = (list) => list.some(({ re }) => re.test(bare) || re.test(`${bare}/index`));
      if ((allow && !matches(allow)) || matches(deny)) {
        context.report({ node, messageId: 'outside', data: { target, message } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export const layersPlugin = { rules: { imports: importsRule } };

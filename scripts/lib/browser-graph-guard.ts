import { builtinModules } from 'node:module';
import type { Plugin } from 'vite';
// Packages that only run under Node (native addons, servers, browsers launched from Node); eslint.config.js
// reads the same list.

import NODE_ONLY_PACKAGES from './node-only-packages.json' with { type: 'json' };

const builtins = new Set(builtinModules);

/** Why `source` cannot go into a browser bundle, or null when it can. */
export function nodeOnlyReason(source: string, checkBuiltins = true): string | null {
  if (checkBuiltins && (source.startsWith('node:') || builtins.has(source.split('/')[0]!)))
    return `the Node built-in "${source}"`;
  const pkg = NODE_ONLY_PACKAGES.find((p) => source === p || source.startsWith(`${p}/`));
  return pkg ? `the Node-only package "${pkg}"` : null;
}

/**
 * Fails the browser build (and answers the dev server's request with the error) when anything the
 * SPA or the in-browser mock reaches imports a Node built-in or a Node-only package: issue 20's
 * blank page came from mocks → createApp → auth/passwords.ts → @node-rs/argon2. What the server
 * needs that the browser lacks is injected into createApp (docs/decisions/010).
 */
export function browserGraphGuard(): Plugin {
  return {
    name: 'browser-graph-guard',
    enforce: 'pre',
    resolveId(source, importer) {
      if (this.environment.config.consumer !== 'client' || !importer) return null;
      // Packages may reach for a built-in on a path the browser never takes (iconv-lite's streams);
      // Vite stubs those. Our own code may not, and no one may import a Node-only package.
      const ours = !importer.includes('/node_modules/');
      const reason = nodeOnlyReason(source, ours);
      if (!reason) return null;
      this.error(
        `${importer} imports ${reason}, which cannot run in the browser. Code the SPA or the mock reaches ` +
          `must not import Node-only modules: inject them through createApp's dependencies instead ` +
          `(docs/decisions/010-injected-hasher-and-static-demo.md).`,
      );
    },
  };
}

/**
 * `zod` as the browser gets it (vite.config.ts resolves the bare `zod` to this module): zod itself,
 * told first that the page may not evaluate strings.
 *
 * zod compiles its object parsers with `new Function` where it can. The server's Content Security
 * Policy forbids that (script-src without 'unsafe-eval'), so in the browser zod fell back to its
 * interpreter anyway, but only after probing: the refused `new Function` raised a
 * `securitypolicyviolation` on every page load, which a CSP report endpoint would log as an attack.
 * `jitless` skips the probe (zod's documented setting for strict CSPs).
 *
 * It has to be set before the first object schema is built: each reads it as it is made. As every
 * module that builds a schema imports zod, it runs first whatever order the bundler gives the
 * modules of a chunk (a `z.config` call in a module of its own ran after the schemas: rolldown
 * orders a shared chunk's modules as it sees fit, docs/decisions/025).
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';

/**
 * The first step of the app's start (main.tsx, decision record 024): the API contract, zod and its
 * schemas, evaluated in a task of its own before the app that parses its answers with them. Imported
 * for its evaluation alone: main.tsx importing `@/domain/contract` itself would keep every export of
 * the barrel in the build (the module's namespace), the server's queries included.
 */
import '@/domain/contract';

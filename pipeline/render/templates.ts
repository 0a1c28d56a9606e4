/**
 * Templates are data: CSS and EPUB package templates live in
 * pipeline/templates/ and are read once per process.
 */
import { readFileSync } from 'node:fs'

const cache = new Map<string, string>()

export function template(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = readFileSync(new URL(`../templates/${name}`, import.meta.url), 'utf8')
    cache.set(name, text)
  }
  return text
}

/** The live preview calls this when a template file changes, so the next read sees the edit. */
export function forgetTemplates(): void {
  cache.clear()
}

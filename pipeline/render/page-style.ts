/** Put CSS before a page's own stylesheet (its first `<style>`): the @font-face rules of the fonts it carries. */
import type { Element, Root } from 'hast'

export function prependStyle(page: Root, css: string): void {
  const html = page.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html')
  const head = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'head')
  const style = head?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'style')
  const text = style?.children[0]
  if (text?.type === 'text') text.value = css + text.value
}

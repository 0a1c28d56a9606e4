/**
 * Reading and writing the XML of exchange files. Reading: xml-js (the
 * parser the `xliff` package uses), keeping white space between inline
 * elements, with its multi-line errors turned into one line with the place.
 * Writing: by hand, because an indenting serializer would put line breaks
 * inside mixed content (`<target>a <pc>b</pc></target>`), which is text.
 */
import convert from 'xml-js'
import { ExchangeError } from './exchange-error.ts'

export type XmlElement = convert.Element

export function parseXml(xml: string, shownPath: string, expected: string): XmlElement {
  if (xml.trim() === '') throw new ExchangeError(`Unexpected empty file, expected ${expected}`, shownPath, 1, 1)
  try {
    return convert.xml2js(xml, { compact: false, captureSpacesBetweenElements: true }) as XmlElement
  } catch (error) {
    const message = (error as Error).message
    const [reason = message] = message.split('\n')
    const line = Number(/Line: (\d+)/.exec(message)?.[1] ?? 0) + 1
    const column = Number(/Column: (\d+)/.exec(message)?.[1] ?? 1)
    throw new ExchangeError(`Unexpected XML (${reason.replace(/\.$/, '')}), expected ${expected}`, shownPath, line, column)
  }
}

/** Child elements named `name` (any namespace prefix). */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return (element?.elements ?? []).filter((child) => child.type === 'element' && localName(child) === name)
}

export function localName(element: XmlElement): string {
  const name = String(element.name ?? '')
  return name.slice(name.indexOf(':') + 1)
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attributes?.[name]
  return value === undefined ? undefined : String(value)
}

/** All text inside an element, markup dropped. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return ''
  if (element.type === 'text' || element.type === 'cdata') return String(element.text ?? element.cdata ?? '')
  return (element.elements ?? []).map(textOf).join('')
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;')
}

/** `<name a="b">` (or `<name a="b"/>` when `selfClosing`). */
export function tag(name: string, attributes: Record<string, string | undefined>, selfClosing = false): string {
  const list = Object.entries(attributes).filter(([, value]) => value !== undefined).map(([key, value]) => ` ${key}="${escapeAttribute(value!)}"`)
  return `<${name}${list.join('')}${selfClosing ? '/' : ''}>`
}

/** The line (1-based) of the `occurrence`-th match of `pattern` in `text`, for messages. */
export function lineOf(text: string, pattern: RegExp, occurrence: number): number {
  const matches = [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))]
  const match = matches[occurrence] ?? matches[matches.length - 1]
  return match ? text.slice(0, match.index).split('\n').length : 1
}

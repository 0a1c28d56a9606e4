/**
 * Images set as blocks: scaled to the measure (and to a height that leaves
 * room for text), at the text's start side, tagged Figure with their alt
 * text; an image inside a link carries the link's annotation.
 */
import type { Element, ElementContent } from 'hast'
import type { PdfState } from '../state.ts'
import { tagged } from '../structure.ts'
import { frameOf } from '../typeset.ts'

const MAX_IMAGE_HEIGHT = 300

type OpenImage = (src: string) => { width: number; height: number }

/** Draw an image at the cursor and move the cursor below it; `keep` points below it stay on its page (a caption). */
export function placeImage(state: PdfState, img: Element, link?: string, keep = 4): void {
  const localPath = img.properties.dataLocalPath
  if (typeof localPath !== 'string') return
  const { doc } = state
  const frame = frameOf(state)
  const image = (doc as unknown as { openImage: OpenImage }).openImage(localPath)
  const scale = Math.min(1, frame.width / image.width, MAX_IMAGE_HEIGHT / image.height)
  const [width, height] = [image.width * scale, image.height * scale]
  state.ensureSpace(height + keep)
  // Images sit at the text's start side: the right in a right-to-left edition.
  const x = frame.left + (state.edition.dir === 'rtl' ? frame.width - width : 0)
  const y = doc.y
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : ''
  tagged(state, 'Figure', { alt }, () => doc.image(image as unknown as string, x, y, { width, height }))
  if (link && !link.startsWith('#')) doc.link(x, y, width, height, link)
  doc.y = y + height + 4
}

/** The image of a paragraph that holds nothing else (maybe inside a link), with that link. */
export function soleImageOf(paragraph: Element): { img: Element; link?: string | undefined } | undefined {
  const meaningful = (nodes: ElementContent[]) => nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''))
  const only = meaningful(paragraph.children)
  if (only.length !== 1 || only[0]!.type !== 'element') return undefined
  const child = only[0]!
  if (child.tagName === 'img') return { img: child }
  if (child.tagName !== 'a') return undefined
  const inner = meaningful(child.children)
  const href = typeof child.properties.href === 'string' ? child.properties.href : undefined
  return inner.length === 1 && inner[0]!.type === 'element' && inner[0]!.tagName === 'img' ? { img: inner[0]!, link: href } : undefined
}

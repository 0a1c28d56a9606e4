/** An inline style's `display` is read as CSS reads a declaration list: in order, the last valid one winning, `!important` first. */
import { describe, expect, it } from 'vitest'
import { styleDisplay } from '../pipeline/content/inline-style.ts'
import { hiddenBy } from '../pipeline/content/unshown-html.ts'

describe('styleDisplay', () => {
  it('takes the last display declaration', () => {
    expect(styleDisplay('display:none;display:inline')).toBe('inline')
    expect(styleDisplay('display: inline; color: red; display: none')).toBe('none')
    expect(styleDisplay('color: red')).toBeUndefined()
  })

  it('lets an !important declaration win over a later plain one, and the last important over an earlier', () => {
    expect(styleDisplay('display: none !important; display: inline')).toBe('none')
    expect(styleDisplay('display: none ! IMPORTANT; display: block !important')).toBe('block')
  })

  it('reads names and keywords whatever their case and spacing, and skips comments', () => {
    expect(styleDisplay('  DISPLAY :\n None ; Display:\tINLINE  ')).toBe('inline')
    expect(styleDisplay('display: none; /* display: inline; */')).toBe('none')
    expect(styleDisplay('display: /* hidden */ none; display: inline /* after */')).toBe('inline')
    expect(styleDisplay('display: inline /* an unterminated comment; display: none')).toBe('inline')
    expect(styleDisplay('display: inline  flow-root')).toBe('inline flow-root')
  })

  it('drops a declaration that is not a display value, as a browser does', () => {
    expect(styleDisplay('display: none; display: nonsense')).toBe('none')
    expect(styleDisplay('display: none; display:')).toBe('none')
    expect(styleDisplay('display: none; display: none inline')).toBe('none')
    expect(styleDisplay('display: none; displays: inline; display-x: block')).toBe('none')
  })

  it('splits at semicolons outside quotes and brackets only', () => {
    expect(styleDisplay('display: none; background: url("a;display:inline"); content: ";display:block"')).toBe('none')
  })

  it('counts a global keyword or a var() as shown', () => {
    expect(styleDisplay('display: none; display: initial')).toBe('initial')
    expect(styleDisplay('display: none; display: var(--shown)')).toBe('var(--shown)')
  })
})

describe('hiddenBy', () => {
  it('hides by hidden or a winning display: none; an inline display overrides hidden, not until-found', () => {
    expect(hiddenBy({ style: 'display:none;display:inline' })).toBe(false)
    expect(hiddenBy({ style: 'display:inline;display:none' })).toBe(true)
    expect(hiddenBy({ hidden: true })).toBe(true)
    expect(hiddenBy({ hidden: true, style: 'display: block' })).toBe(false)
    expect(hiddenBy({ hidden: true, style: 'display: none' })).toBe(true)
    expect(hiddenBy({ hidden: 'until-found', style: 'display: block' })).toBe(true)
    expect(hiddenBy({ 'aria-hidden': 'true' })).toBe(false)
  })
})

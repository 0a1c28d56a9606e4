/** The parts of the `xliff` package we use (it ships no types). */
declare module 'xliff/js2xliff' {
  import type { XliffJs } from 'xliff/xliff2js'
  export default function js2xliff(js: XliffJs, options?: { indent?: string }): Promise<string>
}

declare module 'xliff/xliff2js' {
  export interface XliffUnit {
    source?: unknown
    target?: unknown
    note?: unknown
  }
  export interface XliffJs {
    sourceLanguage: string
    targetLanguage?: string
    resources: Record<string, Record<string, XliffUnit>>
  }
  export default function xliff2js(xml: string): Promise<XliffJs>
}

/** The parts of png-js (pdfkit's PNG reader) that inspect-image.ts uses. */
declare module 'png-js' {
  export default class PNG {
    constructor(data: Uint8Array)
    width: number
    height: number
    colors?: number
    pixelBitlength: number
    imgData: Uint8Array
  }
}

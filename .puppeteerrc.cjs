// Ace by DAISY drives Chromium through puppeteer. Never download a browser:
// use Debian's chromium (apt-get install chromium), as CI does.
module.exports = {
  skipDownload: true,
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium'
}

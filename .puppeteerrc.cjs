// @memlab/core pulls in puppeteer; its install step would download a browser, which this machine and CI cannot reach.
module.exports = { skipDownload: true };

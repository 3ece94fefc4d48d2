// Lighthouse (the pinned npm package) on one page, in the Chromium the tests
// use, with its JSON report written to a file. Called by
// scripts/tools/benchmark_reader.py:
//
//   node scripts/tools/lighthouse_run.mjs SETTINGS.json
//
// SETTINGS.json: {"url", "report", "chrome", "chromeFlags": [...],
// "onlyCategories": [...], "settings": {...} (Lighthouse settings merged into
// its default configuration)}.
//
// Why not the `lighthouse` command: after writing its report it keeps Node
// running for about 4.5 seconds more (something in it holds the event loop)
// before it exits, on every page. This script exits as soon as the report is
// written and Chromium is stopped.
import fs from "node:fs";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const options = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const chrome = await chromeLauncher.launch({ chromePath: options.chrome, chromeFlags: options.chromeFlags });
let code = 0;
try {
  const config = { extends: "lighthouse:default", settings: options.settings || {} };
  const result = await lighthouse(
    options.url,
    { port: chrome.port, output: "json", logLevel: "error", onlyCategories: options.onlyCategories },
    config,
  );
  fs.writeFileSync(options.report, result.report);
  if (result.lhr.runtimeError) {
    console.error(`Lighthouse could not check ${options.url}: ${result.lhr.runtimeError.message}`);
    code = 1;
  }
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  chrome.kill();
}
process.exit(code);

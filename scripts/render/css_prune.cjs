// Prune the theme's stylesheet to the rules the built site uses, with PurgeCSS.
// Run by scripts/render/css_prune.py, which says what to read on stdin (JSON):
//   {"css": "<Material's CSS>", "script_words": [...],
//    "selectors": {"tags": [...], "classes": [...], "ids": [...],
//                  "attributes": {"names": [...], "values": [...]}},
//    "safelist": {"standard": [...], "variables": [...]}}
// and gets the pruned CSS on stdout. "selectors" are the pages' tags, classes,
// ids and attributes as the site model read them from its one parse of each
// page; instead, "html": [paths] has PurgeCSS's HTML parser read the pages
// (slower: it parses every page again; the same result, which the tests
// check). "script_words" are the words in the strings of the site's own
// scripts, where any class, tag or attribute a script sets or looks for is
// written (css_prune.py reads them; PurgeCSS keeps a rule any of them names).
"use strict";

const { PurgeCSS } = require("purgecss");
const fromHtml = require("purgecss-from-html").default || require("purgecss-from-html");

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const [result] = await new PurgeCSS().purge({
    css: [{ raw: job.css, name: "theme.css" }],
    content: [
      ...(job.html || []),
      { raw: JSON.stringify(job.script_words), extension: "words" },
      ...(job.selectors ? [{ raw: JSON.stringify(job.selectors), extension: "selectors" }] : []),
    ],
    extractors: [
      { extractor: fromHtml, extensions: ["html"] },
      { extractor: (raw) => JSON.parse(raw), extensions: ["words"] },
      { extractor: (raw) => JSON.parse(raw), extensions: ["selectors"] },
    ],
    safelist: job.safelist,
    // Custom properties and animations nothing left refers to go too.
    variables: true,
    keyframes: true,
  });
  process.stdout.write(result.css);
}

main().catch((error) => {
  process.stderr.write(String((error && error.stack) || error) + "\n");
  process.exit(1);
});

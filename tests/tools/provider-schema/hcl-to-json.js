// Parses Terraform files with HashiCorp's HCL parser (@cdktf/hcl2json, hcl compiled to wasm) and prints one JSON
// object: { "<file>": <the file as HCL JSON> } or { "<file>": { "__error": "<parser message>" } }.
// Usage: node hcl-to-json.js <node_modules dir> <file.tf>...
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, ...files] = process.argv.slice(2);
const { parse } = require(path.resolve(modules, "@cdktf", "hcl2json"));

(async () => {
  const result = {};
  for (const file of files) {
    try {
      result[file] = await parse(file, fs.readFileSync(file, "utf8"));
    } catch (error) {
      result[file] = { __error: String(error && error.message ? error.message : error) };
    }
  }
  process.stdout.write(JSON.stringify(result));
})();

// Verify's schema check, run by node once per Verify run (ManifestSchemaValidator). It validates every Kubernetes
// object Verify collected against the schemas of the packages in package.json: Argo CD's kinds with the validators
// @kubernetes-models/argo-cd generates from Argo CD v3's API types, core kinds with kubernetes-models.
//
//   node validate-manifests.mjs --version
//   node validate-manifests.mjs --index       (once, by the installer: the declared types, see declarations(), and
//                                              the bundle of the validators every run loads, see bundle())
//   node validate-manifests.mjs <input directory> <wait seconds>
//
// The process starts with Verify and validates while helm still renders: it loads the validators, then validates each
// batch as it arrives in <input directory> ("0.json", "1.json", ..., each written whole by rename) holding
// [{ "object": {...} }, ...], until the file "end" (written last) names how many batches there are. It then prints
// [{ "index": n, "errors": [{ "path": [...], "message" }] }], n counting the objects of all batches in order.
// Messages name schema facts only (types, allowed values), never a value from the object: values may be secrets.
import { existsSync, readdirSync, readFileSync, renameSync, watch, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const packages = ["@kubernetes-models/argo-cd", "kubernetes-models"];
const argoKinds = ["Application", "AppProject", "ApplicationSet"];
const argoGroup = "argoproj.io";

if (Number(process.versions.node.split(".")[0]) < 20) {
  console.error(`Node.js ${process.versions.node} is too old for Verify's schema check; install Node.js 20 or later`);
  process.exit(3);
}

if (process.argv[2] === "--version") {
  const versions = packages.map((name) => `${name}@${JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8")).version}`);
  console.log(versions.join(" "));
  process.exit(0);
}

const [input, waitSeconds] = process.argv.slice(2);
const validators = new Map();

// The kinds the chart renders and the environments commit: every run meets them, so their validators are loaded at
// start, while Verify's helm runs. Any other kind (an ApplicationSet, whose validator alone takes as long to load as an
// Application's) is loaded when an object of it arrives; on two cores a validator loaded in vain slows helm down.
const preloaded = [["argoproj.io/v1alpha1", "Application"], ["argoproj.io/v1alpha1", "AppProject"], ["batch/v1", "Job"], ["v1", "Secret"], ["v1", "ConfigMap"]];

// Each validator is an ES module importing dozens of others (its types, ajv's runtime, the formats); node resolving
// and compiling them one by one took most of a run's CPU (0.6 s of 0.9 s). The installer bundles the preloaded ones
// into this one file (esbuild, from package-lock.json); without it they are loaded from node_modules as before.
const bundleFile = join(here, "preloaded-validators.mjs");

async function validatorFor(apiVersion, kind) {
  const key = `${apiVersion} ${kind}`;
  if (!validators.has(key)) {
    validators.set(key, load(apiVersion, kind));
  }

  return validators.get(key);
}

// The model module of a kind ("<package>/<group>/<version>/<Kind>.js") names its compiled validator in _schemas/.
function schemaModule(apiVersion, kind) {
  if (typeof kind !== "string" || !/^[A-Za-z0-9]+$/.test(kind)) {
    return null;
  }

  // Without an apiVersion only Argo CD's kinds are recognisable; their validator then reports the missing apiVersion.
  const versionPath = typeof apiVersion === "string" && /^[A-Za-z0-9.\-]+(\/[A-Za-z0-9]+)?$/.test(apiVersion)
    ? apiVersion
    : argoKinds.includes(kind) ? "argoproj.io/v1alpha1" : null;
  if (versionPath === null) {
    return null;
  }

  for (const name of packages) {
    const root = join(here, "node_modules", name);
    const model = join(root, ...versionPath.split("/"), `${kind}.js`);
    if (!existsSync(model)) {
      continue;
    }

    const text = readFileSync(model, "utf8");
    const schema = /from"(\.\.\/[^"]*_schemas\/[A-Za-z0-9]+\.js)"/.exec(text);
    if (!text.includes(`this.kind="${kind}"`) || schema === null) {
      continue; // a type such as v1/Affinity, not a kind
    }

    return { owner: name, path: join(dirname(model), schema[1]) };
  }

  return null;
}

async function load(apiVersion, kind) {
  const module = schemaModule(apiVersion, kind);
  return module === null ? null : { owner: module.owner, check: (await import(pathToFileURL(module.path).href)).validate };
}

// The bundle exports each preloaded kind's validator as "<owner>|<apiVersion>|<kind>" (see bundle()).
async function loadPreloaded() {
  if (!existsSync(bundleFile)) {
    await Promise.all(preloaded.map(([apiVersion, kind]) => validatorFor(apiVersion, kind)));
    return;
  }

  const bundled = await import(pathToFileURL(bundleFile).href);
  for (const [name, check] of Object.entries(bundled.validators)) {
    const [owner, apiVersion, kind] = name.split("|");
    validators.set(`${apiVersion} ${kind}`, Promise.resolve({ owner, check }));
  }
}

// Run once by the installer (--index): one ES module holding the preloaded validators and everything they import.
async function bundle() {
  const entries = preloaded.map(([apiVersion, kind]) => {
    const module = schemaModule(apiVersion, kind);
    if (module === null) {
      throw new Error(`the packages have no validator for ${apiVersion} ${kind}`);
    }

    return [`${module.owner}|${apiVersion}|${kind}`, module.path];
  });
  const source = entries.map(([, path], index) => `import { validate as v${index} } from ${JSON.stringify(path)};`).join("\n")
    + `\nexport const validators = { ${entries.map(([name], index) => `${JSON.stringify(name)}: v${index}`).join(", ")} };\n`;
  // The binary esbuild runs is the one npm installed from the lock file, whatever the environment names.
  delete process.env.ESBUILD_BINARY_PATH;
  const { build } = await import("esbuild");
  await build({
    stdin: { contents: source, resolveDir: here, sourcefile: "preloaded-validators-entry.mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    minify: true,
    legalComments: "none",
    logLevel: "error",
    // The bundled CommonJS parts (uri-js) require node's punycode: an ES module has no require of its own.
    banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
    outfile: `${bundleFile}.partial`,
  });
  renameSync(`${bundleFile}.partial`, bundleFile);
}

// What Argo CD v3 serves under argoproj.io: the versions and kinds of the package's models (a model module sets
// this.kind), read only when an argoproj.io object has no validator. Its API server answers any other kind or version
// with "no matches for kind", so such an object is a problem, not a kind without a schema.
let argoServed = null;

function argoCdServes() {
  if (argoServed === null) {
    argoServed = new Map();
    const group = join(here, "node_modules", packages[0], argoGroup);
    for (const version of readdirSync(group, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
      const kinds = readdirSync(join(group, version))
        .filter((file) => file.endsWith(".js") && file !== "index.js")
        .map((file) => file.slice(0, -3))
        .filter((kind) => readFileSync(join(group, version, `${kind}.js`), "utf8").includes(`this.kind="${kind}"`));
      argoServed.set(version, kinds.sort());
    }
  }

  return argoServed;
}

function unservedArgoCd(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || (apiVersion !== argoGroup && !apiVersion.startsWith(`${argoGroup}/`))) {
    return [];
  }

  const served = argoCdServes();
  const versions = [...served.keys()].sort();
  const version = apiVersion.slice(argoGroup.length + 1);
  if (!served.has(version)) {
    return [{ path: ["apiVersion"], message: `is not a version Argo CD v3 serves (${argoGroup} serves ${versions.join(", ")})` }];
  }

  if (typeof kind !== "string" || kind.length === 0) {
    return [{ path: ["kind"], message: "is required" }];
  }

  const kinds = served.get(version);
  const named = kinds.filter((candidate) => !(candidate.endsWith("List") && kinds.includes(candidate.slice(0, -4))));
  return kinds.includes(kind) ? [] : [{ path: ["kind"], message: `is not a kind Argo CD v3 serves in ${argoGroup}/${version} (it serves ${named.join(", ")})` }];
}

// The generated validators check types, required fields and allowed values, but accept any extra field. The API
// server does not (a structural schema prunes or, with strict field validation, rejects unknown fields). Watching
// which fields the validator reads tells the declared ones apart: an object whose fields it reads one by one has a
// fixed set of fields; one it enumerates is a map; one it never looks into is free-form (preserved unknown fields).
function tracked(value, path, objects) {
  if (value === null || typeof value !== "object") {
    return value;
  }

  const entry = { value, path, read: new Set(), enumerated: false };
  objects.push(entry);
  const children = new Map();
  return new Proxy(value, {
    get(target, property, receiver) {
      if (typeof property !== "string") {
        return Reflect.get(target, property, receiver);
      }

      entry.read.add(property);
      const child = Reflect.get(target, property, receiver);
      if (!Object.hasOwn(target, property) || child === null || typeof child !== "object") {
        return child;
      }

      if (!children.has(property)) {
        children.set(property, tracked(child, [...path, property], objects));
      }

      return children.get(property);
    },
    has(target, property) {
      if (typeof property === "string") {
        entry.read.add(property);
      }

      return Reflect.has(target, property);
    },
    ownKeys(target) {
      entry.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

// Some declared fields (plain strings, mostly) are never read by the validator, so the reads alone would call them
// unknown. The package's type declarations (*.d.ts) list every field of every type: an object's fields are those of
// the smallest declared type(s) holding every field the validator read.

// The installer writes them once into declared-types.json (--index), so a Verify run reads one file instead of
// every declaration file of the package; without that file they are read here.
const declaredTypes = new Map();
const indexFile = join(here, "declared-types.json");
let declaredIndex = null;

function declarations(owner) {
  if (!declaredTypes.has(owner)) {
    declaredIndex ??= existsSync(indexFile) ? JSON.parse(readFileSync(indexFile, "utf8")) : {};
    declaredTypes.set(owner, Array.isArray(declaredIndex[owner]) ? declaredIndex[owner].map((fields) => new Set(fields)) : scanDeclarations(owner));
  }

  return declaredTypes.get(owner);
}

function scanDeclarations(owner) {
  const types = [];
  const seen = new Set();
  for (const name of [owner, "@kubernetes-models/apimachinery"]) {
    for (const file of readdirSync(join(here, "node_modules", name), { recursive: true })) {
      if (!String(file).endsWith(".d.ts") || String(file).startsWith("_schemas")) {
        continue;
      }

      for (const fields of objectTypes(readFileSync(join(here, "node_modules", name, String(file)), "utf8"))) {
        const key = [...fields].sort().join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          types.push(fields);
        }
      }
    }
  }

  return types;
}

// Every "{ ... }" of a declaration file with the quoted field names directly inside it: interfaces, classes and
// inline object types alike.
function* objectTypes(text) {
  const stack = [];
  const field = /^"([^"]+)"\??:/;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === "{") {
      stack.push(new Set());
    } else if (character === "}") {
      const fields = stack.pop();
      if (fields && fields.size > 0) {
        yield fields;
      }
    } else if (character === "/" && text[index + 1] === "*") {
      index = text.indexOf("*/", index + 2);
      if (index < 0) {
        break;
      }
    } else if (character === "\"" && stack.length > 0) {
      const match = field.exec(text.slice(index, index + 200));
      if (match) {
        stack[stack.length - 1].add(match[1]);
        index += match[0].length - 1;
      }
    }
  }
}

function knownFields(owner, read) {
  const candidates = declarations(owner).filter((fields) => [...read].every((key) => fields.has(key)));
  if (candidates.length === 0) {
    return read;
  }

  const smallest = Math.min(...candidates.map((fields) => fields.size));
  return new Set(candidates.filter((fields) => fields.size === smallest).flatMap((fields) => [...fields]));
}

function unknownFields(owner, objects) {
  const errors = [];
  for (const { value, path, read, enumerated } of objects) {
    if (Array.isArray(value) || enumerated || read.size === 0) {
      continue;
    }

    const unread = Object.keys(value).filter((key) => !read.has(key));
    const known = unread.length === 0 ? read : knownFields(owner, read);
    for (const key of unread.filter((candidate) => !known.has(candidate))) {
      errors.push({ path: [...path, key], message: "is not a field of this kind's schema (the API server prunes or rejects unknown fields)" });
    }
  }

  return errors;
}

function describe(error) {
  const params = error.params ?? {};
  switch (error.keyword) {
    case "type": return `must be ${Array.isArray(params.type) ? params.type.join(" or ") : params.type}`;
    case "required": return "is required";
    case "enum": return `must be one of: ${(params.allowedValues ?? []).map((allowed) => JSON.stringify(allowed)).join(", ")}`;
    case "const": return `must be ${JSON.stringify(params.allowedValue)}`;
    case "format": return `must be a valid ${params.format}`;
    case "pattern": return `must match ${params.pattern}`;
    case "minLength": return `must have at least ${params.limit} character(s)`;
    case "maxLength": return `must have at most ${params.limit} character(s)`;
    case "minItems": return `must have at least ${params.limit} item(s)`;
    case "maxItems": return `must have at most ${params.limit} item(s)`;
    case "minimum": case "maximum": case "exclusiveMinimum": case "exclusiveMaximum": return `must be ${params.comparison} ${params.limit}`;
    case "oneOf": case "anyOf": return "matches none of the forms the schema allows";
    default: return `violates the schema's '${error.keyword}'`;
  }
}

function segments(instancePath) {
  return instancePath === "" ? [] : instancePath.slice(1).split("/").map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
}

async function validate(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    return [];
  }

  const validator = await validatorFor(object.apiVersion, object.kind);
  const errors = [];
  const name = object.metadata?.name;
  if (typeof name !== "string" || name.length === 0) {
    // The schema leaves it optional (generateName), but the API server refuses a nameless object and apply needs one.
    errors.push({ path: ["metadata", "name"], message: "is required: the API server refuses an object without a name" });
  }

  if (validator === null) {
    return [...errors, ...unservedArgoCd(object)];
  }

  const objects = [];
  const valid = validator.check(tracked(object, [], objects));
  for (const error of valid ? [] : validator.check.errors ?? []) {
    const path = segments(error.instancePath);
    if (error.keyword === "required" && error.params?.missingProperty) {
      path.push(error.params.missingProperty);
    }

    if (!(error.keyword === "required" && path.join("/") === "metadata/name")) {
      errors.push({ path, message: describe(error) });
    }
  }

  // Below a field of the wrong shape the validator read nothing: its fields are not reported as unknown as well.
  const wrong = errors.map((error) => error.path.join("\u0000"));
  const below = (path) => {
    const key = path.join("\u0000");
    return wrong.some((prefix) => key === prefix || key.startsWith(`${prefix}\u0000`));
  };
  return [...errors, ...unknownFields(validator.owner, objects).filter((error) => !below(error.path))];
}

// Resolves after the given time, or earlier when something changes in the watched directory (a batch renamed into place).
let wake = null;

function change(milliseconds) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      wake = null;
      resolve();
    }, milliseconds);
    wake = () => {
      clearTimeout(timer);
      wake = null;
      resolve();
    };
  });
}

async function main() {
  if (input === "--index") {
    writeFileSync(indexFile, JSON.stringify(Object.fromEntries(packages.map((owner) => [owner, scanDeclarations(owner).map((fields) => [...fields])]))));
    await bundle();
    return;
  }

  if (!input) {
    console.error("usage: validate-manifests.mjs --version | --index | <input directory> <wait seconds>");
    process.exit(2);
  }

  // Loaded while Verify's helm runs, so they are ready when the first batch arrives.
  await loadPreloaded();
  // Polled briefly at first (batches follow each other within a second or two), then gently. A Verify that died
  // without stopping us leaves us with another parent: then there is nobody to answer.
  const started = Date.now();
  const parent = process.ppid;
  let watcher = null;
  try {
    watcher = watch(input, () => wake?.());
  } catch {
    // no file watching here: polling alone finds the batches
  }

  const results = [];
  let batch = 0;
  let offset = 0;
  for (;;) {
    const file = join(input, `${batch}.json`);
    if (existsSync(file)) {
      const documents = JSON.parse(readFileSync(file, "utf8"));
      for (let index = 0; index < documents.length; index++) {
        const errors = await validate(documents[index].object);
        if (errors.length > 0) {
          results.push({ index: offset + index, errors });
        }
      }

      offset += documents.length;
      batch++;
      continue;
    }

    // "end" is written after the last batch: when it names no more batches than were read, every one was.
    const end = join(input, "end");
    if (existsSync(end) && Number(readFileSync(end, "utf8")) <= batch) {
      break;
    }

    if (Date.now() - started > Number(waitSeconds ?? 0) * 1000 || process.ppid !== parent) {
      console.error(`the input in ${input} did not end within ${waitSeconds} s`);
      process.exit(4);
    }

    await change(Date.now() - started < 10_000 ? 5 : 100);
  }

  watcher?.close();
  process.stdout.write(JSON.stringify(results));
}

await main();

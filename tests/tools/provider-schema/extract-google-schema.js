// Derives the hashicorp/google provider's schema from @cdktf/provider-google, whose classes are generated from that
// provider's own `terraform providers schema -json`:
//   - arguments, blocks and which are required come from the jsii manifest (.jsii): each resource's Config struct
//     and its nested block structs; a property's Terraform name is the anchor of its registry link.
//   - the attributes a resource exports (what `google_x.y.attr` may name) come from the generated getters in lib/,
//     which read `this.getStringAttribute('snake_name')` or wrap a nested block as `new XList(this, "snake_name")`.
// Usage: node extract-google-schema.js <node_modules dir> <output.json>. Writes the output atomically.
"use strict";
const fs = require("fs");
const path = require("path");

const [modules, output] = process.argv.slice(2);
if (!modules || !output) {
  console.error("usage: node extract-google-schema.js <node_modules dir> <output.json>");
  process.exit(2);
}

const packageDir = path.join(modules, "@cdktf", "provider-google");
const packageJson = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));
const provider = packageJson.cdktf && packageJson.cdktf.provider;
if (!provider || !/^registry\.terraform\.io\/hashicorp\/google$/.test(provider.name)) {
  console.error(`${packageDir}/package.json does not name the hashicorp/google provider it was generated from`);
  process.exit(1);
}

const jsii = JSON.parse(fs.readFileSync(path.join(packageDir, ".jsii"), "utf8"));
const types = jsii.types;

const camelToSnake = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

function terraformName(property) {
  const docs = `${property.docs?.summary ?? ""} ${property.docs?.remarks ?? ""}`;
  const anchor = /#([a-z0-9_]+) [A-Za-z0-9]+#/.exec(docs);
  return anchor ? anchor[1] : camelToSnake(property.name);
}

// The struct a property's type refers to (directly, as a list, or in a union with IResolvable), or null.
function structOf(type) {
  if (!type) return null;
  if (type.fqn) {
    const target = types[type.fqn];
    return target && target.kind === "interface" && target.datatype ? type.fqn : null;
  }
  if (type.collection) return structOf(type.collection.elementtype);
  if (type.union) {
    for (const member of type.union.types) {
      const struct = structOf(member);
      if (struct) return struct;
    }
  }
  return null;
}

function blockSchema(structFqn, depth) {
  const schema = { arguments: {}, blocks: {} };
  for (const property of types[structFqn].properties ?? []) {
    const name = terraformName(property);
    const nested = depth < 12 ? structOf(property.type) : null;
    if (nested) {
      schema.blocks[name] = { required: !property.optional, block: blockSchema(nested, depth + 1) };
    } else {
      schema.arguments[name] = { required: !property.optional };
    }
  }
  return schema;
}

// --- exported attributes, from the generated getters -------------------------------------------------------------
const classCache = new Map();

function classesIn(dir) {
  if (classCache.has(dir)) return classCache.get(dir);
  const files = [path.join(dir, "index.js")];
  const structs = path.join(dir, "index-structs");
  if (fs.existsSync(structs)) {
    files.push(...fs.readdirSync(structs).filter((f) => f.endsWith(".js")).map((f) => path.join(structs, f)));
  }
  const classes = new Map();
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    const starts = [...text.matchAll(/^class (\w+) extends [\w.]+ \{/gm)];
    starts.forEach((start, i) => {
      const body = text.slice(start.index, i + 1 < starts.length ? starts[i + 1].index : text.length);
      classes.set(start[1], body);
    });
  }
  classCache.set(dir, classes);
  return classes;
}

function exportedBy(classes, className, depth) {
  const body = classes.get(className);
  const exported = {};
  if (!body || depth > 6) return exported;
  for (const match of body.matchAll(/get (\w+)\(\) \{\s*return this\.get\w*Attribute\('([a-z0-9_]+)'\);/g)) {
    exported[match[2]] = {};
  }
  const fields = new Map();
  for (const match of body.matchAll(/this\._(\w+) = new ([\w.]+)\(this, "([a-z0-9_]+)"/g)) {
    fields.set(match[1], { type: match[2].split(".").pop(), name: match[3] });
  }
  for (const match of body.matchAll(/get (\w+)\(\) \{\s*return this\._(\w+);\s*\}/g)) {
    const field = fields.get(match[2]);
    if (!field || match[1].endsWith("Input")) continue;
    const element = field.type.endsWith("List") ? `${field.type.slice(0, -4)}OutputReference` : field.type;
    exported[field.name] = classes.has(element) ? exportedBy(classes, element, depth + 1) : {};
  }
  return exported;
}

// --- resources, data sources and the provider ---------------------------------------------------------------------
const schema = {
  provider: { source: "hashicorp/google", version: provider.version, generated_package: `${packageJson.name}@${packageJson.version}` },
  provider_config: null,
  resources: {},
  data_sources: {},
};

for (const [fqn, type] of Object.entries(types)) {
  if (type.kind !== "class") continue;
  const config = type.initializer?.parameters?.[2]?.type?.fqn;
  if (type.base === "cdktf.TerraformProvider") {
    schema.provider_config = blockSchema(config, 0);
    continue;
  }
  const kind = type.base === "cdktf.TerraformResource" ? "resources" : type.base === "cdktf.TerraformDataSource" ? "data_sources" : null;
  if (!kind) continue;
  const link = /docs\/(?:resources|data-sources)\/[a-z0-9_]+ (google_[a-z0-9_]+)\}/.exec(type.docs?.summary ?? "");
  if (!link || !config) {
    console.error(`cannot tell the Terraform type of ${fqn}`);
    process.exit(1);
  }
  const block = blockSchema(config, 0);
  const dir = path.join(packageDir, "lib", path.dirname(type.locationInModule.filename).replace(/^src\//, ""));
  const exported = exportedBy(classesIn(dir), type.name, 0);
  if (Object.keys(exported).length === 0) {
    console.error(`found no exported attributes of ${link[1]} in ${dir}`);
    process.exit(1);
  }
  schema[kind][link[1]] = { ...block, exported };
}

if (!schema.provider_config || Object.keys(schema.resources).length < 1000) {
  console.error(`the schema looks incomplete: ${Object.keys(schema.resources).length} resources`);
  process.exit(1);
}

const temporary = `${output}.${process.pid}.tmp`;
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(temporary, JSON.stringify(schema));
fs.renameSync(temporary, output);
console.log(`${Object.keys(schema.resources).length} resources, ${Object.keys(schema.data_sources).length} data sources of hashicorp/google ${provider.version}`);

// Compiles every Spector scenario folder (node_modules/@typespec/http-specs/specs/**/main.tsp) to OpenAPI 3, one
// compiler process for all of them, into openapi/<area>/<scenario>.yaml. The outputs are committed: they change only
// when the pinned packages do, and compiling them all takes minutes that CI need not spend. Run: node compile.mjs
import { compile, NodeHost } from "@typespec/compiler";
import { readdir, mkdir, copyFile, rm, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

const specs = path.resolve("node_modules/@typespec/http-specs/specs");
const out = path.resolve("openapi");
const temp = path.resolve(".tsp-out");

async function* mains(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* mains(full);
    else if (entry.name === "main.tsp") yield full;
  }
}

// @typespec/openapi3 1.9 looks example parameters up by name in a plain object, so special-words' parameter named
// `constructor` reaches Object.prototype.constructor and the emitter crashes. Patched here, locally and idempotently,
// before anything is compiled: own properties only.
const emitterFile = path.resolve("node_modules/@typespec/openapi3/dist/src/openapi.js");
const emitter = await readFile(emitterFile, "utf8");
const lookup = "examples.parameters[httpProp.options.name] ?? []";
if (emitter.includes(lookup)) {
  await writeFile(emitterFile, emitter.replace(lookup, "(Object.hasOwn(examples.parameters, httpProp.options.name) ? examples.parameters[httpProp.options.name] : [])"));
}

// OpenAPI has no query string in a path: the emitter refuses the whole routes folder for its six query-continuation
// operations (`@route("primitive?fixed=true{&param}")`; a `{?param}` expansion is a query parameter, which it takes). Those are compiled out of a copy, and listed as not
// expressible with the emitter's message; the folder's other scenarios compile as they are.
const queryInPath = /@scenario\s*@scenarioDoc\("""(?:(?!""")[\s\S])*"""\)\s*@route\("[^"{?]*\?[^"]*"\)\s*op\s+`?(\w+)`?[^;]*;/g;
async function withoutQueryInPath(main, scenario) {
  const source = await readFile(main, "utf8");
  const dropped = [...source.matchAll(queryInPath)];
  if (dropped.length === 0) return { main, dropped: [] };
  const copy = path.join(temp, "sources", scenario, "main.tsp");
  await mkdir(path.dirname(copy), { recursive: true });
  await writeFile(copy, source.replace(queryInPath, ""));
  return { main: copy, dropped: dropped.map(m => m[0].match(/@route\("([^"]*)"\)/)[1]) };
}

const report = [];
await rm(out, { recursive: true, force: true });
for await (const original of mains(specs)) {
  const scenario = path.relative(specs, path.dirname(original)).split(path.sep).join("/");
  const outputDir = path.join(temp, scenario);
  const { main, dropped } = await withoutQueryInPath(original, scenario);
  try {
    const program = await compile(NodeHost, main, { emit: ["@typespec/openapi3"], outputDir, options: { "@typespec/openapi3": { "file-type": "yaml" } } });
    const errors = program.diagnostics.filter(d => d.severity === "error");
    const emitted = [];
    async function* files(dir) {
      if (!existsSync(dir)) return;
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isFile() && entry.name.endsWith(".yaml")) yield full;
      }
    }
    // Only this scenario's own output: a nested scenario (type/union/discriminated) writes below it.
    for await (const file of files(path.join(outputDir, "@typespec", "openapi3"))) emitted.push(file);
    emitted.sort();
    for (const file of emitted) {
      // Versioned specs emit one document per version: openapi.v1.yaml, openapi.v2.yaml.
      const suffix = path.basename(file, ".yaml").replace(/^openapi\.?/, "");
      const target = path.join(out, scenario + (suffix ? "." + suffix : "") + ".yaml");
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(file, target);
    }
    report.push({ scenario, files: emitted.length, errors: errors.map(e => e.message), notExpressible: dropped.map(route => ({ route, message: "OpenAPI does not allow paths containing a query string." })) });
  } catch (error) {
    report.push({ scenario, files: 0, errors: [String(error && error.message || error)] });
  }
}
await rm(temp, { recursive: true, force: true });
await import("./scenarios.mjs"); // the scenarios' data, written next to the documents

// The test project takes every document as AdditionalFiles, each in a namespace of its own named after its path.
const pascal = text => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join("");
const documents = [];
async function* yamls(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* yamls(full);
    else if (entry.name.endsWith(".yaml")) yield full;
  }
}
for await (const file of yamls(out)) documents.push(path.relative(out, file).split(path.sep).join("/"));
documents.sort();
const items = documents.map(d => {
  const ns = "Spector." + d.replace(/\.yaml$/, "").split("/").map(pascal).map(p => /^[0-9]/.test(p) ? "V" + p : p).join(".");
  return `    <AdditionalFiles Include="$(MSBuildThisFileDirectory)${d}" ClientGenNamespace="${ns}" />`;
});
await writeFile(path.join(out, "Spector.props"), `<Project>
  <!-- Written by tests/spector/compile.mjs: one AdditionalFiles item per compiled Spector scenario document. -->
  <ItemGroup>
${items.join("\n")}
  </ItemGroup>
</Project>
`);
report.sort((a, b) => a.scenario.localeCompare(b.scenario));
await writeFile(path.join(out, "compile-report.json"), JSON.stringify(report, null, 2) + "\n");
console.log(report.map(r => `${r.files ? "ok " : "ERR"} ${r.scenario}${r.errors.length ? ": " + r.errors[0] : ""}`).join("\n"));

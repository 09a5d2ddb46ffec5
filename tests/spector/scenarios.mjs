// Writes openapi/scenarios.json: every Spector scenario's requests and responses as data (method, uri, query, headers,
// path parameters, bodies), read from @typespec/http-specs' mockapi.js files, for the tests' scenario driver. Bodies are
// text when they are text and base64 when they are bytes; "{baseUrl}" stands where the mock would put its own address.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";

const specsRoot = "node_modules/@typespec/http-specs/dist/specs";
const baseUrl = "{baseUrl}";

function mockApiFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return mockApiFiles(path);
    return name === "mockapi.js" ? [path] : [];
  });
}

function content(raw) {
  if (raw === undefined || raw === null) return {};
  if (Buffer.isBuffer(raw)) return { base64: raw.toString("base64") };
  if (typeof raw === "string") return { text: raw };
  if (typeof raw.serialize === "function") return { text: raw.serialize({ baseUrl }) };
  return { text: JSON.stringify(raw) };
}

function plain(value) {
  if (value === undefined) return undefined;
  if (Buffer.isBuffer(value)) return { base64: value.toString("base64") };
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    if (value.isDyn) return baseUrl;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function body(mockBody) {
  if (!mockBody) return undefined;
  if (mockBody.kind === "multipart") {
    return {
      contentType: mockBody.contentType,
      parts: plain(mockBody.parts ?? {}),
      files: (mockBody.files ?? []).map((file) => ({
        fieldName: file.fieldname, fileName: file.originalname, contentType: file.mimetype,
        base64: Buffer.from(file.buffer).toString("base64"),
      })),
    };
  }
  return { contentType: mockBody.contentType, ...content(mockBody.rawContent) };
}

const scenarios = [];
for (const file of mockApiFiles(specsRoot)) {
  const area = relative(specsRoot, join(file, "..")).split(sep).join("/");
  const module = await import(pathToFileURL(file));
  for (const [name, scenario] of Object.entries(module.Scenarios ?? {})) {
    scenarios.push({
      name, area, passCondition: scenario.passCondition, code: scenario.code,
      apis: scenario.apis.map((api) => ({
        method: api.method.toUpperCase(),
        uri: api.uri.replace(/\\:/g, ":"), // express escapes a literal colon
        query: plain(api.request?.query),
        pathParams: plain(api.request?.pathParams),
        headers: plain(api.request?.headers),
        body: body(api.request?.body ?? (api.request?.files ? { kind: "multipart", contentType: "multipart/form-data", files: api.request.files } : undefined)),
        status: api.response.status,
        responseHeaders: plain(api.response.headers),
        responseBody: body(api.response.body),
      })),
    });
  }
}
writeFileSync("openapi/scenarios.json", JSON.stringify(scenarios, null, 1) + "\n");
console.log(`${scenarios.length} scenarios written to openapi/scenarios.json`);

// Validates every answer the API tests receive against openapi/openapi.yaml with Ajv (JSON Schema
// 2020-12, the dialect of OpenAPI 3.1). An answer whose operation, status or body the spec does not
// describe fails the test that received it.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const spec = parse(readFileSync(join(root, 'openapi', 'openapi.yaml'), 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema(spec, 'spec');

const pointer = (...parts) => parts.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

// The spec's path template for a concrete path, e.g. /v1/dialogues/abc -> /v1/dialogues/{id}.
export function templateFor(path) {
  const segments = path.split('?')[0].split('/');
  for (const template of Object.keys(spec.paths || {})) {
    const t = template.split('/');
    if (t.length !== segments.length) continue;
    // A parameter segment may carry a literal suffix: {id}.atom, {resource}.csv.
    const fits = (s, seg) => seg !== '' && seg.endsWith(s.slice(s.indexOf('}') + 1)) && seg.length > s.length - s.indexOf('}') - 1;
    if (t.every((s, i) => (s.startsWith('{') && fits(s, segments[i])) || s === segments[i])) return template;
  }
  return null;
}

export class ContractError extends Error {}

// Throws ContractError when the answer drifts from the spec.
export function validateResponse(method, path, res) {
  const template = templateFor(path);
  const m = method.toLowerCase();
  if (!template) {
    if (res.status === 404) return; // an unknown address answered 404: nothing to describe
    throw new ContractError(`${method} ${path}: no path in the spec`);
  }
  const operation = spec.paths[template][m];
  if (!operation) {
    if (res.status === 405) return;
    throw new ContractError(`${method} ${template}: no operation in the spec`);
  }
  const exact = String(res.status), range = `${exact[0]}XX`;
  const statusKey = exact in operation.responses ? exact : range in operation.responses ? range : 'default';
  const response = operation.responses[statusKey];
  if (!response) throw new ContractError(`${method} ${template}: status ${res.status} is not in the spec`);
  const resolved = response.$ref ? resolveRef(response.$ref) : response;
  const content = resolved.content;
  if (!content) {
    if (res.text) throw new ContractError(`${method} ${template} ${res.status}: spec has no body, got one`);
    return;
  }
  const type = (res.headers.get('content-type') || '').split(';')[0].trim();
  const media = content[type];
  if (!media) throw new ContractError(`${method} ${template} ${res.status}: content type ${type} not in spec`);
  if (!media.schema || !type.includes('json')) return;
  const base = response.$ref
    ? response.$ref.replace(/^#/, '')
    : '/' + pointer('paths', template, m, 'responses', statusKey);
  const validate = ajv.getSchema(`spec#${base}/${pointer('content', type, 'schema')}`);
  if (!validate(res.body)) {
    throw new ContractError(
      `${method} ${template} ${res.status}: body does not match the spec: ` +
        ajv.errorsText(validate.errors, { dataVar: 'body' }) + `\n${res.text.slice(0, 500)}`,
    );
  }
}

function resolveRef(ref) {
  return ref.replace(/^#\//, '').split('/').reduce((node, part) => node[part.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
}

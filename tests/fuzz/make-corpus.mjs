#!/usr/bin/env node
// Writes the seed corpus of every fuzz target (tests/fuzz/corpus/<target>/) from the requests the
// API tests make (bodies as in tests/api/*.test.mjs and harness.mjs). Run it again after changing
// it; the files are checked in. In request targets, @D0..@D8 stand for the demo dialogues
// (followed_up, draft, planned, preparing, in_dialogue, analysing, reported, answered, decided) and
// @R0 for a demo receipt; the keys are "fuzz-<role>" (see request_path.cpp).
import { mkdirSync, writeFileSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { completePlan } from '../api/harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

function write(target, data) {
  const dir = join(root, target);
  mkdirSync(dir, { recursive: true });
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  writeFileSync(join(dir, createHash('sha1').update(bytes).digest('hex')), bytes);
}

function request(method, target, { key, body, headers = {} } = {}) {
  const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1:8080'];
  if (key) lines.push(`Authorization: Bearer fuzz-${key}`);
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body !== undefined) {
    lines.push('Content-Type: application/json');
    lines.push(`Content-Length: ${Buffer.byteLength(payload)}`);
  }
  return lines.join('\r\n') + '\r\n\r\n' + payload;
}

const plan = completePlan();
const activity = {
  method: 'dialogue_cafe', held_on: '2027-03-04', place: 'Folkets hus, Jokkmokk',
  participants: { total: 20, by_group: { inland: 12 } },
  documentation: { public: 'Samtal om vårdcentralens öppettider.', internal: 'Lokalen var för liten; boka större.' },
};
const contribution = {
  text: 'Vårdcentralen behöver kvällsöppet.', channel: 'web', language: 'sv',
  contact: { email: 'kerstin.lindqvist@example.se', name: 'Kerstin Lindqvist', consent: true },
};
const bodyDoc = {
  name: 'Beredningen för hållbar utveckling', kind: 'preparatory_committee',
  principles: { ladder_min: 2, ladder_max: 4, feedback_days: 21, languages: ['sv', 'en', 'fi'],
    target_groups: [{ key: 'unga', label: 'Unga 16-25 år', expected_share: 0.12 }] },
};
const yearly = { items: [{ title: 'Regionplan 2028-2031', question_areas: ['Tillgänglighet till vård'], methods: ['survey'], declared_level: 3 }] };
const organisation = { name: 'Jokkmokks kommun', name_en: 'Jokkmokk Municipality', kind: 'municipality', url: 'https://www.jokkmokk.se' };

rmSync(root, { recursive: true, force: true });

// --- request_path: whole HTTP requests -------------------------------------------------------
const R = (...a) => write('request_path', request(...a));
R('GET', '/health');
R('GET', '/v1/ladder');
R('POST', '/v1/ladder/classify', { body: { methods: ['dialogue_cafe', 'survey'], feedback: true } });
R('GET', '/v1/dialogues?limit=2');
R('GET', '/v1/dialogues?limit=1&cursor=ZGlhbG9ndWU6MDFNODJYU1hLNTRE', { key: 'editor' });
R('GET', '/v1/dialogues/@D0');
R('GET', '/v1/dialogues/@D0/timeline');
R('GET', '/v1/dialogues/@D0/ladder');
R('GET', '/v1/dialogues/@D0/representation', { key: 'editor' });
R('GET', '/v1/dialogues/@D0/contributions?limit=3', { key: 'editor' });
R('GET', '/v1/dialogues/@D0/feedback', { key: 'editor' });
R('GET', '/v1/dialogues/@D0/feedback/public');
R('GET', '/v1/dialogues/@D0/measures');
R('GET', '/v1/dialogues/@D0/report');
R('GET', '/v1/dialogues/@D0/decision');
R('GET', `/v1/receipts/@R0`);
R('GET', '/v1/receipts/k7q2-9xmd-4tpa');
R('POST', '/v1/dialogues', { key: 'editor', body: plan });
R('POST', '/v1/dialogues', { key: 'editor', body: { ...plan, id: 'x', state: 'decided', colour: 'red' } });
R('PATCH', '/v1/dialogues/@D1', { key: 'editor', body: { purpose: 'Ny text', period: { end: '2027-06-30' } }, headers: { 'If-Match': '"1"' } });
R('POST', '/v1/dialogues/@D1/transitions', { key: 'editor', body: { to: 'planned' } });
R('POST', '/v1/dialogues/@D4/transitions', { key: 'editor', body: { to: 'analysing', note: 'Dialogen är avslutad.' } });
R('POST', '/v1/dialogues/@D4/activities', { key: 'editor', body: activity });
R('POST', '/v1/dialogues/@D4/contributions', { key: 'portal', body: contribution });
R('POST', '/v1/dialogues/@D4/contributions', { key: 'portal', body: { text: 'Fler bussar till Gällivare.', channel: 'web' }, headers: { 'Idempotency-Key': 'form-4711' } });
R('POST', '/v1/dialogues/@D4/checkpoints', { key: 'editor', body: { held_on: '2027-03-15', note: 'Unga saknas.', actions: ['Besök gymnasiet i Kiruna'] } });
R('POST', '/v1/dialogues/@D5/needs', { key: 'editor', body: { title: 'Vård på kvällen', contribution_ids: [] } });
R('PUT', '/v1/dialogues/@D5/report', { key: 'editor', body: { title: 'Rapport', presented_on: '2027-06-14', need_ids: [] } });
R('PUT', '/v1/dialogues/@D6/answer', { key: 'editor', body: { answered_on: '2027-08-20', text: 'Styrelsen svarar.', measures: [{ title: 'Kvällsöppet', need_ids: [] }] } });
R('POST', '/v1/webhooks', { key: 'admin', body: { url: 'http://127.0.0.1:9/hook', events: ['feedback.delivered'] } });
R('GET', '/v1/webhooks', { key: 'admin' });
R('DELETE', '/v1/contacts', { key: 'admin', body: { email: 'kerstin.lindqvist@example.se' } });
R('POST', '/v1/organisations', { key: 'operator', body: organisation });
R('GET', '/v1/organisations', { key: 'operator' });
R('POST', '/v1/bodies', { key: 'admin', body: bodyDoc });
R('GET', '/v1/bodies', { key: 'editor' });
R('PUT', '/v1/bodies/nope/plans/2027', { key: 'admin', body: yearly });
R('GET', '/v1/feedback/overdue', { key: 'editor' });
R('POST', '/v1/dialogues', { key: 'editor', body: '{"title": "trasig' });
R('POST', '/v1/dialogues', { key: 'nobody', body: plan });
R('GET', '/v1/nothing/here');
R('DELETE', '/v1/ladder');

// --- json_readers: first byte picks the reader (0 plan, 1 body, 2 yearly plan, 3 organisation, 4 design)
const J = (pick, value) => write('json_readers', Buffer.concat([Buffer.from([pick]), Buffer.from(JSON.stringify(value))]));
J(0, plan);
J(0, { ...plan, declared_level: 9, methods: ['telepathy'], period: { start: '2027-05-31', end: '2027-02-01' } });
J(0, { title: '', target_groups: [{ key: 'Unga!', expected_share: 2 }] });
J(1, bodyDoc);
J(1, { name: 'Fel', kind: 'parliament', principles: { ladder_min: 4, ladder_max: 2, languages: ['Svenska'] } });
J(2, yearly);
J(3, organisation);
J(3, { kind: 'kingdom', colour: 'red' });
J(4, { methods: ['dialogue_cafe', 'survey'], feedback: true });

// --- query_cursor: request targets -------------------------------------------------------------
const Q = (t) => write('query_cursor', t);
Q('/v1/dialogues');
Q('/v1/dialogues?limit=20');
Q('/v1/dialogues?limit=0&cursor=');
Q('/v1/dialogues?limit=100&cursor=ZGlhbG9ndWU6MDFNODJYU1hLNTRE');
Q('/v1/dialogues?state=in_dialogue&q=v%C3%A5rd+i+inlandet&limit=5');
Q('/v1/dialogues?cursor=%%%&limit=1e3&&=&a');

// --- receipt: typed receipt codes -----------------------------------------------------------------
for (const r of ['K7Q2-9XMD-4TPA', 'k7q2 9xmd 4tpa', 'K7Q29XMD4TPA', 'KOQ2-IXMD-LTPA', 'K7Q2-9XMD-4TP', 'ÅÄÖ-1234', '']) write('receipt', r);

// --- oembed: url NUL maxwidth NUL maxheight NUL format -------------------------------------------
const O = (...parts) => write('oembed', parts.join('\0'));
O('https://dialog.example.se/d/d-public');
O('https://dialog.example.se/d/d-public/', '600', '', 'json');
O('https://dialog.example.se/embed/ladder/d-public?x=1#top', '320', '200');
O('https://dialog.example.se/embed/teapot/d-public');
O('https%3A%2F%2Fdialog.example.se%2Fd%2Fd-public', '', '', 'xml');
O('https://evil.example.com/d/d-public', '-5', 'abc');

// --- decidim: the parser's byte (0 version, 1 process, 2 meetings, 3 proposals, 4 results), then
// a recorded answer's "data" from ../shared/fixtures/decidim/graphql/responses/; bytes that are not
// JSON take the HTML and address path ---------------------------------------------------------------
const responses = join(root, '..', '..', '..', '..', 'shared', 'fixtures', 'decidim', 'graphql', 'responses');
const parserOf = [['version', 0], ['process', 1], ['meetings', 2], ['component', 2], ['proposals', 3], ['results', 4]];
for (const file of readdirSync(responses).filter((f) => f.endsWith('.json')).sort()) {
  const data = JSON.parse(readFileSync(join(responses, file), 'utf8')).data;
  const parser = parserOf.find(([prefix]) => file.startsWith(prefix));
  if (data && parser) write('decidim', Buffer.concat([Buffer.from([parser[1]]), Buffer.from(JSON.stringify(data))]));
}
write('decidim', '\0<p>Mer <b>v&aring;rd</b> n&auml;ra hemmet</p><script>alert(1)</script>');
write('decidim', '\0Storgatan 1, 981 31 Kiruna');

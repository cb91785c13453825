// Validates the query documents in adapters/decidim/queries.cpp against the fixtures' schema
// subsets (0.27 and 0.28), and re-executes each over its recorded answer.
// Usage: G=$(mktemp -d); (cd "$G" && npm init -y >/dev/null && npm i graphql@16) &&
//        NODE_PATH="$G"/node_modules node tests/decidim/check_queries.mjs
import fs from 'fs';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const { buildSchema, graphql, parse, validate } = require('graphql');
const repo = new URL('../..', import.meta.url).pathname;
const fixtures = repo + '../shared/fixtures/decidim/graphql/';
const src = fs.readFileSync(repo + 'adapters/decidim/queries.cpp', 'utf8');
const docs = [...src.matchAll(/R"\(([\s\S]*?)\)"/g)].map((m) => m[1]);
const answers = {
  DecidimVersion: ['version.v0.27.json', {}],
  ProcessWithStepsAndComponents: ['process.v0.28.json', { id: '12' }],
  MeetingsPage: ['meetings_page1.json', { componentId: '101', first: 50 }],
  ProposalsPage: ['proposals_page1.json', { componentId: '102', first: 6 }],
  ResultsPage: ['results_page1.json', { componentId: '103', first: 50 }],
};
let bad = 0;
for (const v of ['0.27', '0.28']) {
  const schema = buildSchema(fs.readFileSync(fixtures + `schema/subset.v${v}.graphql`, 'utf8'));
  for (const t of ['ComponentInterface', 'Author']) {
    const type = schema.getType(t);
    if (type) type.resolveType = (o) => o.__typename;
  }
  for (const doc of docs) {
    const op = doc.match(/query (\w+)/)[1];
    const errs = validate(schema, parse(doc));
    if (errs.length) { bad++; console.log('INVALID', op, v, errs.map(String)); continue; }
    const [file, vars] = answers[op];
    const name = op === 'ProcessWithStepsAndComponents' ? `process.v${v}.json` : file;
    const data = JSON.parse(fs.readFileSync(fixtures + 'responses/' + name, 'utf8')).data;
    const res = await graphql({ schema, source: doc, rootValue: data, variableValues: vars });
    if (res.errors) { bad++; console.log('EXEC ERRORS', op, v, res.errors.map(String)); continue; }
    console.log('ok', op, v);
  }
}
process.exit(bad ? 1 : 0);

// A portal's view of dialogd, written against the client generated from openapi.yaml. If the
// contract changes shape, this stops compiling; if the service drifts, the scenario fails.
import createClient from 'openapi-fetch';
import type { paths } from './dialogd.js';

const base = process.env.DIALOGD_URL!;
const editor = createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${process.env.EDITOR_KEY}` } });
const portal = createClient<paths>({ baseUrl: base, headers: { Authorization: `Bearer ${process.env.PORTAL_KEY}` } });

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const created = await editor.POST('/v1/dialogues', {
  body: {
    title: 'Kollektivtrafik i Norrbottens inland',
    case_number: '512-2027',
    purpose: 'Att förstå hur resor till vården fungerar i inlandet.',
    question_areas: ['Resor till vårdcentral'],
    target_groups: [{ key: 'inland', label: 'Boende i inlandet', expected_share: 0.3 }],
    methods: ['dialogue_cafe'],
    declared_level: 3,
    feedback_plan: { channels: ['email', 'web'], promise: 'Du får rapporten per e-post.' },
  },
});
check(created.response.status === 201 && created.data, `create: ${created.response.status}`);
const id = created.data.id;

for (const to of ['planned', 'preparing', 'in_dialogue'] as const) {
  const moved = await editor.POST('/v1/dialogues/{id}/transitions', { params: { path: { id } }, body: { to } });
  check(moved.data?.state === to, `transition to ${to}: ${moved.response.status}`);
}

const activity = await editor.POST('/v1/dialogues/{id}/activities', {
  params: { path: { id } },
  body: { method: 'dialogue_cafe', held_on: '2027-03-04', participants: { total: 12, by_group: { inland: 12 } } },
});
check(activity.response.status === 201, `activity: ${activity.response.status}`);

const contribution = await portal.POST('/v1/dialogues/{id}/contributions', {
  params: { path: { id } },
  body: { text: 'Bussen till vårdcentralen går bara två gånger om dagen.', channel: 'web' },
});
check(contribution.data?.receipt, `contribution: ${contribution.response.status}`);

const read = await portal.GET('/v1/dialogues/{id}', { params: { path: { id } } });
check(read.data?.counts.contributions === 1, 'counts');
check(read.data.ladder.derived === 3, 'ladder');

const classified = await portal.POST('/v1/ladder/classify', { body: { methods: ['survey'], declared_level: 3 } });
check(classified.data?.rule === 'R4', 'classify');

const problem = await editor.POST('/v1/dialogues/{id}/transitions', { params: { path: { id } }, body: { to: 'closed' } });
check(problem.response.status === 409 && problem.error, 'a refused transition is a typed error');

console.log(`client smoke: dialogue ${id}, receipt ${contribution.data.receipt}: 1 passed, 0 failed`);

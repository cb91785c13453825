// The /widgets gallery: every widget live on one dialogue (?dialogue=ID, else the first dialogue
// in_dialogue, else the first one), each with the snippet a webmaster copies. Served as a file so
// that the page needs no inline script.
const WIDGETS = [
  ['status', 'Where the dialogue stands: its lifecycle, the dates behind it, what comes next and when citizens hear back.'],
  ['ladder', 'The step of the participation ladder, with what the input can and cannot change.'],
  ['contribute', 'The contribution form; shows a receipt code after sending. Needs a widget key (key="...").'],
  ['receipt', 'Enter a receipt code and see the whole trace to the outcome.'],
  ['feedback', 'The public feedback entries.'],
  ['representation', 'Reached versus expected share per target group, as a chart and a table.'],
];
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
};

async function firstDialogue() {
  try {
    for (const q of ['?state=in_dialogue&limit=1', '?limit=1']) {
      const res = await fetch('/v1/dialogues' + q);
      if (res.ok) {
        const { items } = await res.json();
        if (items.length) return items[0].id;
      }
    }
  } catch {
    // dialogd did not answer: the note below says there is nothing to show.
  }
  return null;
}

function snippet(name, id, key) {
  const src = new URL('/widgets/v1/dialogd.js', location.href).href;
  const attrs = name === 'receipt' ? '' : ` dialogue="${id}"` + (name === 'contribute' ? ` key="${key || 'YOUR-WIDGET-KEY'}"` : '');
  const embed = new URL(`/embed/${name}/${name === 'receipt' ? '-' : id}`, location.href).href;
  return [`<script type="module" src="${src}"></script>\n<dialogd-${name}${attrs}></dialogd-${name}>`,
    `<iframe src="${embed}${name === 'contribute' ? '?key=' + (key || 'YOUR-WIDGET-KEY') : ''}" title="dialogd ${name}" width="100%" height="600"></iframe>`];
}

function show(id, key) {
  const gallery = $('gallery');
  gallery.replaceChildren();
  for (const [name, what] of WIDGETS) {
    const widget = document.createElement(`dialogd-${name}`);
    if (name !== 'receipt') widget.setAttribute('dialogue', id);
    if (name === 'contribute' && key) widget.setAttribute('key', key);
    widget.setAttribute('heading-level', '3');
    widget.setAttribute('lang', lang);
    const [script, iframe] = snippet(name, id, key);
    const copy = (text, what) => {
      const b = el('button', { type: 'button', 'aria-label': `Copy the ${what} for dialogd-${name}` }, 'Copy');
      b.addEventListener('click', async () => {
        try { await navigator.clipboard.writeText(text); $('note').textContent = 'Copied.'; } catch { $('note').textContent = 'Select the text and copy it.'; }
      });
      return b;
    };
    gallery.append(el('section', { id: `w-${name}`, 'aria-labelledby': `t-${name}` },
      el('h2', { id: `t-${name}` }, `<dialogd-${name}>`), el('p', {}, what), widget,
      el('h3', {}, 'Snippet'), el('pre', {}, el('code', {}, script)), copy(script, 'snippet'),
      el('h3', {}, 'As an iframe'), el('pre', {}, el('code', {}, iframe)), copy(iframe, 'iframe')));
  }
}

// The page stays English; the widgets switch (their lang attribute beats the page's).
let lang = params.get('lang') === 'sv' ? 'sv' : 'en';
function setLang(l) {
  lang = l;
  for (const w of $('gallery').children) w.querySelector('[dialogue], dialogd-receipt')?.setAttribute('lang', lang);
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
}
for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLang(b.dataset.lang));

const id = params.get('dialogue') || await firstDialogue();
$('dialogue').value = id || '';
$('key').value = params.get('key') || '';
if (id) { show(id, params.get('key')); setLang(lang); }
else $('note').textContent = 'There is no dialogue yet: create one through the API, then come back.';

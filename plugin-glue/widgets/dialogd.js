// dialogd widgets v1: web components a webmaster embeds with
//   <script type="module" src="https://dialogd.example.se/widgets/v1/dialogd.js"></script>
//   <dialogd-status dialogue="ID"></dialogd-status>
// Plain ES module, no dependencies, no inline styles or eval (works under a strict CSP). Each widget
// renders into an open shadow root, is themed by --dialogd-* custom properties and ::part(), and
// speaks Swedish or English from its lang attribute or the page's. See docs/widgets.md.

// dialogd's address: this script's own URL, two folders up (/widgets/v1/dialogd.js).
const BASE = new URL('../../', import.meta.url);

const STATES = ['draft', 'planned', 'preparing', 'in_dialogue', 'analysing', 'reported', 'answered',
  'decided', 'followed_up', 'closed'];

const T = {
  sv: {
    loading: 'Laddar …', failed: 'Kunde inte hämta uppgifterna. Försök igen senare.',
    status: 'Dialogens läge', step: (i, n) => `Steg ${i} av ${n}`, period: 'Dialogen pågår',
    entered: 'sedan', next: 'Nästa steg', feedbackTitle: 'När får du återkoppling?',
    afterReport: (d) => `Senast ${d} dagar efter att rapporten presenterats.`,
    afterDecision: (d) => `Senast ${d} dagar efter fullmäktiges beslut.`,
    followUp: 'Omkring ett år efter beslutet berättar vi vad som blivit gjort.',
    cancelled: 'Dialogen avbröts.',
    states: ['Förslag', 'Genomförandeplan', 'Kunskapsuppbyggnad', 'Dialoger pågår', 'Analys',
      'Rapport till fullmäktige', 'Styrelsens svar', 'Fullmäktiges beslut', 'Återföring', 'Avslutad',
      'Avbruten'],
    ladder: 'Delaktighetstrappan', ladderSteps: 'Trappans steg', current: 'denna dialog',
    promise: 'Vad vi lovar', can: 'Det här kan dina synpunkter påverka', cannot: 'Det här kan de inte ändra',
    canText: ['Du får veta vad som planeras och varför.', 'Dina synpunkter vägs in innan beslutet fattas.',
      'Dina synpunkter formar de alternativ som politikerna väljer mellan.',
      'Medborgarnas förslag ligger till grund för beslutet.', 'Du är med och fattar beslutet.'],
    cannotText: ['Beslutet är redan fattat; informationen ändrar det inte.',
      'Politikerna fattar beslutet och kan välja annorlunda än du föreslår.',
      'Det slutliga beslutet fattas av fullmäktige.',
      'Beslutet fattas formellt av fullmäktige inom de ramar som finns.',
      'Ramarna (budget och lagar) ligger fast.'],
    contribute: 'Lämna synpunkter', text: 'Din synpunkt', textHint: 'Skriv med egna ord.',
    themes: 'Vilket område gäller det? (valfritt)', groups: 'Stämmer något av detta in på dig? (valfritt)',
    contact: 'Vill du få återkoppling? (valfritt)', email: 'E-postadress', name: 'Namn',
    consent: 'Jag samtycker till att min e-postadress och mitt namn sparas för att jag ska få återkoppling. De visas aldrig offentligt och raderas när dialogen avslutas.',
    send: 'Skicka', sending: 'Skickar …', closed: 'Dialogen tar inte emot synpunkter just nu.',
    thanks: 'Tack! Din synpunkt är mottagen.', receiptIs: 'Ditt kvittonummer:',
    receiptHint: 'Spara koden. Med den kan du följa vad som händer med din synpunkt.',
    another: 'Lämna en synpunkt till', fix: 'Rätta följande:',
    blank: 'Skriv din synpunkt.', badEmail: 'Ange en giltig e-postadress, till exempel namn@exempel.se.',
    needConsent: 'Kryssa i samtycket om du vill få återkoppling, annars lämna e-postadressen tom.',
    noKey: 'Widgeten saknar en giltig nyckel; kontakta webbplatsens ansvariga.',
    notAllowed: 'Synpunkter kan inte skickas från den här webbplatsen.',
    tooMany: (s) => `Du har skickat många synpunkter. Försök igen om ${s} sekunder.`,
    retry: 'Det gick inte att skicka. Försök igen; du får inte dubbla synpunkter.',
    receipt: 'Följ ditt bidrag', code: 'Kvittokod', codeHint: 'Till exempel K7Q2-9XMD-4TPA.',
    show: 'Visa', noCode: 'Ange din kvittokod.', unknownCode: 'Vi hittar ingen synpunkt med den koden. Kontrollera koden.',
    yourInput: 'Din synpunkt', sentOn: 'lämnad', dialogue: 'Dialog', handled: 'Hur den hanterades',
    notYet: 'Inte ännu', needs: 'Behov som den bidrog till', inReport: 'i rapporten',
    report: 'Rapporten', decision: 'Fullmäktiges beslut', followUpT: 'Återföring',
    dueFollowUp: 'uppföljning senast', measures: 'Åtgärder', noMeasure: 'Ingen åtgärd:',
    dispositions: { need: 'Blev ett behov', wish: 'Ett önskemål', solution: 'Ett lösningsförslag',
      out_of_scope: 'Utanför dialogens ram', duplicate: 'Samma som en annan synpunkt' },
    decisions: { proposed: 'föreslagen', adopted: 'beslutad', rejected: 'avslagen' },
    mstatus: { planned: 'planerad', in_progress: 'pågår', done: 'genomförd', not_done: 'inte genomförd',
      cancelled: 'avbruten' },
    feedback: 'Återkoppling', noFeedback: 'Ingen återkoppling är publicerad ännu.',
    moments: { report: 'Rapporten', decision: 'Beslutet', follow_up: 'Återföringen',
      cancellation: 'Avbrottet' },
    representation: 'Vilka har vi nått?', group: 'Grupp', expected: 'Förväntad andel',
    reached: 'Nådd andel', people: 'Antal', under: 'underrepresenterad', ok: 'nådd',
    totalP: (n) => `${n} deltagare hittills.`, chart: 'Diagram: nådd mot förväntad andel per grupp',
  },
  en: {
    loading: 'Loading …', failed: 'Could not load the details. Please try again later.',
    status: 'Where the dialogue stands', step: (i, n) => `Step ${i} of ${n}`, period: 'The dialogue runs',
    entered: 'since', next: 'Next step', feedbackTitle: 'When will you hear back?',
    afterReport: (d) => `Within ${d} days of the report being presented.`,
    afterDecision: (d) => `Within ${d} days of the council's decision.`,
    followUp: 'About a year after the decision we tell you what has been done.',
    cancelled: 'The dialogue was cancelled.',
    states: ['Draft', 'Planned', 'Building knowledge', 'In dialogue', 'Analysing',
      'Reported to the council', "The board's answer", "The council's decision", 'Followed up',
      'Closed', 'Cancelled'],
    ladder: 'The participation ladder', ladderSteps: 'Steps of the ladder', current: 'this dialogue',
    promise: 'Our promise', can: 'What your input can change', cannot: 'What it cannot change',
    canText: ['You learn what is planned and why.', 'Your views are weighed before the decision is made.',
      'Your views shape the alternatives the politicians choose between.',
      "Citizens' proposals are the basis of the decision.", 'You take part in making the decision.'],
    cannotText: ['The decision is already made; the information does not change it.',
      'The politicians decide and may choose differently from what you propose.',
      'The final decision is made by the council.',
      'The council formally decides, within the existing limits.',
      'The limits (budget and law) are fixed.'],
    contribute: 'Contribute', text: 'Your contribution', textHint: 'Write in your own words.',
    themes: 'Which area is it about? (optional)', groups: 'Does any of this describe you? (optional)',
    contact: 'Do you want to hear back? (optional)', email: 'Email address', name: 'Name',
    consent: 'I agree that my email address and name are kept so that I can be told what became of my input. They are never shown publicly and are erased when the dialogue closes.',
    send: 'Send', sending: 'Sending …', closed: 'The dialogue is not taking contributions now.',
    thanks: 'Thank you! Your contribution has been received.', receiptIs: 'Your receipt code:',
    receiptHint: 'Keep the code. With it you can follow what becomes of your input.',
    another: 'Send another contribution', fix: 'Please correct the following:',
    blank: 'Write your contribution.', badEmail: 'Enter a valid email address, such as name@example.com.',
    needConsent: 'Tick the consent box to hear back, or leave the email address empty.',
    noKey: 'This widget has no valid key; contact the website\'s editors.',
    notAllowed: 'Contributions cannot be sent from this website.',
    tooMany: (s) => `You have sent many contributions. Try again in ${s} seconds.`,
    retry: 'Sending failed. Please try again; it will not be sent twice.',
    receipt: 'Follow your contribution', code: 'Receipt code', codeHint: 'For example K7Q2-9XMD-4TPA.',
    show: 'Show', noCode: 'Enter your receipt code.', unknownCode: 'We find no contribution with that code. Check the code.',
    yourInput: 'Your contribution', sentOn: 'sent', dialogue: 'Dialogue', handled: 'How it was handled',
    notYet: 'Not yet', needs: 'Needs it contributed to', inReport: 'in the report',
    report: 'The report', decision: "The council's decision", followUpT: 'Follow-up',
    dueFollowUp: 'follow-up due', measures: 'Measures', noMeasure: 'No measure:',
    dispositions: { need: 'Became a need', wish: 'A wish', solution: 'A proposed solution',
      out_of_scope: 'Outside the dialogue\'s scope', duplicate: 'Same as another contribution' },
    decisions: { proposed: 'proposed', adopted: 'adopted', rejected: 'rejected' },
    mstatus: { planned: 'planned', in_progress: 'in progress', done: 'done', not_done: 'not done',
      cancelled: 'cancelled' },
    feedback: 'Feedback', noFeedback: 'No feedback has been published yet.',
    moments: { report: 'The report', decision: 'The decision', follow_up: 'The follow-up',
      cancellation: 'The cancellation' },
    representation: 'Who has been reached?', group: 'Group', expected: 'Expected share',
    reached: 'Reached share', people: 'People', under: 'under-represented', ok: 'reached',
    totalP: (n) => `${n} participants so far.`, chart: 'Chart: reached versus expected share per group',
  },
};

const CSS = `:host{display:block;margin:var(--dialogd-margin,0 0 1rem);color:var(--dialogd-text,#1b1b1b);font:var(--dialogd-font,inherit);line-height:1.5}
:host([hidden]){display:none}*{box-sizing:border-box}
.w{background:var(--dialogd-background,#fff);border:1px solid var(--dialogd-border,#767676);border-radius:var(--dialogd-radius,.5rem);padding:var(--dialogd-padding,1rem);max-width:100%;overflow-wrap:anywhere}
h2,h3,h4,h5{margin:0 0 .5rem;line-height:1.25}p{margin:0 0 .75rem}ul,ol{margin:0 0 .75rem;padding-left:1.25rem}
a{color:var(--dialogd-link,#0b5394)}
button{font:inherit;background:var(--dialogd-accent,#0b5394);color:var(--dialogd-accent-text,#fff);border:2px solid transparent;border-radius:var(--dialogd-radius,.5rem);padding:.5rem 1rem;cursor:pointer;margin:.25rem .5rem .25rem 0}
button[aria-disabled=true]{cursor:progress}
input,textarea{font:inherit;color:inherit;background:var(--dialogd-input-background,#fff);border:1px solid var(--dialogd-input-border,#595959);border-radius:.25rem;padding:.5rem;max-width:100%}
input[type=text],input[type=email],textarea{width:100%}textarea{min-height:7rem}
input[type=checkbox]{width:1.25rem;height:1.25rem;margin:.15rem .5rem 0 0;flex:none}
:focus-visible{outline:3px solid var(--dialogd-focus,#b3128a);outline-offset:2px}
[aria-invalid=true]{border-color:var(--dialogd-error,#b00020);border-width:2px}
label,legend{font-weight:600}.f{margin:0 0 1rem}.c{display:flex;align-items:flex-start;margin:.25rem 0}.c label{font-weight:400}
fieldset{border:1px solid var(--dialogd-border,#767676);border-radius:.25rem;margin:0 0 1rem;padding:.5rem .75rem;min-width:0}
.h{color:var(--dialogd-muted,#545454);font-size:.9em;margin:.1rem 0 .25rem}
.e{color:var(--dialogd-error,#b00020);font-weight:600;margin:.25rem 0}.e:empty{display:none}
.ok{border-left:4px solid var(--dialogd-accent,#0b5394);padding-left:.75rem}.ok:empty{display:none}
.code{font-family:ui-monospace,monospace;font-size:1.4em;font-weight:700;letter-spacing:.05em}
ol.s{list-style:none;padding:0}ol.s li{padding:.15rem 0 .15rem .75rem;border-left:4px solid var(--dialogd-border,#767676)}
ol.s li[aria-current]{border-color:var(--dialogd-accent,#0b5394);font-weight:700}
table{border-collapse:collapse;width:100%;margin:0 0 .75rem}caption{text-align:left;font-weight:600}
th,td{text-align:left;padding:.25rem .5rem .25rem 0;border-bottom:1px solid var(--dialogd-border,#767676)}
svg{display:block;width:100%;max-width:32rem;height:auto;margin:0 0 .75rem}
dt{font-weight:600}dd{margin:0 0 .5rem 1rem}[part=live]:not(:empty){margin-top:1rem}[tabindex="-1"]:focus{outline:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

let sheet;
function styles(root) {
  try {
    sheet ||= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const s = document.createElement('style'); // older browsers without constructable sheets
    s.textContent = CSS;
    root.append(s);
  }
}

// h('p', {class: 'x'}, 'text', child): elements and text nodes only, never parsed markup.
function h(tag, attrs, ...kids) {
  const svg = /^(svg|rect|text|g|line|title)$/.test(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...kids.flat(9).filter((k) => k != null && k !== false));
  return el;
}

async function get(path, lang) {
  const res = await fetch(new URL(path, BASE), { headers: { accept: 'application/json', 'accept-language': lang } });
  if (!res.ok) throw Object.assign(new Error(res.statusText), { status: res.status });
  return res.json();
}

const randomKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const pct = (x) => `${Math.round(x * 100)} %`;
let ids = 0;

const live = new Set();
new MutationObserver(() => live.forEach((w) => w.render())).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

class Widget extends HTMLElement {
  static observedAttributes = ['lang', 'dialogue', 'key', 'code', 'heading-level'];
  constructor() {
    super();
    this.uid = `d${++ids}`;
    const root = this.attachShadow({ mode: 'open' });
    styles(root);
    // The frame stays; renders replace only the heading's text and the body, so the live region
    // (results, receipts) is the same element all along and screen readers announce its changes.
    this.head = h('span', { id: `${this.uid}h` });
    this.main = h('div', { part: 'body' });
    this.live = h('div', { role: 'status', part: 'live' });
    root.append(h('section', { class: 'w', part: 'container', 'aria-labelledby': `${this.uid}h` },
      this.hd = this.hx(0, this.head), ...(this.liveFirst ? [this.live, this.main] : [this.main, this.live])));
  }
  connectedCallback() { live.add(this); this.refresh(); }
  disconnectedCallback() { live.delete(this); }
  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected) return;
    if (name === 'dialogue' || name === 'code') this.refresh(); else this.render();
  }
  get lang_() {
    const l = this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'sv';
    return /^en\b/i.test(l) ? 'en' : 'sv';
  }
  get t() { return T[this.lang_]; }
  get id_() { return encodeURIComponent(this.getAttribute('dialogue') || ''); }
  hx(n, ...kids) {
    const level = Math.min(6, Math.max(1, +this.getAttribute('heading-level') || 2) + n);
    return h(`h${level}`, { part: 'heading' }, ...kids);
  }
  async refresh() {
    const n = this.seq = (this.seq || 0) + 1; // only the latest load may render
    this.data = null; this.failed = false; this.render();
    let data = null, failed = false;
    try { data = await this.load(); } catch (e) { failed = e; }
    if (n !== this.seq) return;
    this.data = data; this.failed = failed;
    this.render();
  }
  load() { return null; }
  render() {
    const t = this.t;
    this.main.parentNode.lang = this.lang_;
    this.head.textContent = this.title_(t);
    const hd = this.hx(0);
    if (hd.tagName !== this.hd.tagName) { hd.append(this.head); this.hd.replaceWith(hd); this.hd = hd; }
    const body = this.failed ? h('p', { role: 'alert', class: 'e', part: 'error' }, t.failed)
      : this.data === null ? h('p', {}, t.loading) : this.view(t);
    this.main.replaceChildren(...[body].flat(9).filter(Boolean));
  }
}

const stateName = (t, s) => t.states[s === 'cancelled' ? 10 : STATES.indexOf(s)] || s;

class Status extends Widget {
  title_(t) { return t.status; }
  async load() {
    const [d, tl] = await Promise.all([get(`v1/dialogues/${this.id_}`), get(`v1/dialogues/${this.id_}/timeline?limit=100`).catch(() => ({ items: [] }))]);
    return { d, tl: tl.items };
  }
  view(t) {
    const { d, tl } = this.data;
    const at = Object.fromEntries(tl.filter((e) => e.kind === 'transition').map((e) => [e.to, e.at.slice(0, 10)]));
    const i = STATES.indexOf(d.state), fp = d.feedback_plan || {};
    return [
      this.hx(1, d.title),
      d.state === 'cancelled' ? h('p', { part: 'state' }, t.cancelled)
        : h('p', { part: 'state' }, h('strong', {}, stateName(t, d.state)), ` (${t.step(i + 1, STATES.length)})`, at[d.state] ? ` ${t.entered} ${at[d.state]}` : ''),
      d.period ? h('p', {}, `${t.period} ${d.period.start} – ${d.period.end}.`) : null,
      h('ol', { class: 's', part: 'steps' }, STATES.map((s, k) => h('li', { 'aria-current': k === i ? 'step' : false }, stateName(t, s), at[s] ? ` (${at[s]})` : ''))),
      i >= 0 && i < STATES.length - 1 ? h('p', {}, h('strong', {}, `${t.next}: `), stateName(t, STATES[i + 1])) : null,
      this.hx(1, t.feedbackTitle),
      fp.promise ? h('p', { part: 'promise' }, fp.promise) : null,
      h('ul', {}, fp.days_after_report ? h('li', {}, t.afterReport(fp.days_after_report)) : null,
        fp.days_after_decision ? h('li', {}, t.afterDecision(fp.days_after_decision)) : null, h('li', {}, t.followUp)),
    ];
  }
}

class Ladder extends Widget {
  title_(t) { return t.ladder; }
  load() { this.loadedIn = this.lang_; return get(`v1/dialogues/${this.id_}/ladder`, this.lang_); }
  render() {
    // The service words its warnings in the language asked for: reload when the language changes.
    if (this.data && this.loadedIn !== this.lang_) this.refresh(); else super.render();
  }
  view(t) {
    const l = this.data, lang = this.lang_, k = l.level - 1;
    const names = { sv: ['Information', 'Konsultation', 'Dialog', 'Inflytande', 'Medbestämmande'], en: ['Information', 'Consultation', 'Dialogue', 'Influence', 'Co-decision'] }[lang];
    return [
      h('p', { part: 'level' }, h('strong', {}, l.name[lang]), ` (${t.step(l.level, 5)})`),
      h('ol', { class: 's', part: 'steps', 'aria-label': t.ladderSteps },
        names.map((n, j) => h('li', { 'aria-current': j === k ? 'step' : false }, n, j === k ? ` – ${t.current}` : ''))),
      this.hx(1, t.promise), h('p', { part: 'promise' }, l.promise[lang]),
      this.hx(1, t.can), h('p', {}, t.canText[k]),
      this.hx(1, t.cannot), h('p', {}, t.cannotText[k]),
      l.warnings?.length ? h('ul', {}, l.warnings.map((w) => h('li', {}, w.message))) : null,
    ];
  }
}

// Maps a JSON path of a 422 answer to the form's field.
const fieldOf = (path) => path === 'text' ? 'text' : path.startsWith('themes') ? 'themes'
  : path.startsWith('groups') ? 'groups' : path === 'contact.email' ? 'email'
  : path === 'contact.name' ? 'name' : path.startsWith('contact') ? 'consent' : 'form';

class Contribute extends Widget {
  constructor() { super(); this.v = { text: '', themes: [], groups: [], email: '', name: '', consent: false }; this.errors = {}; }
  get liveFirst() { return true; }
  title_(t) { return t.contribute; }
  load() { return get(`v1/dialogues/${this.id_}`); }
  message(t, e) {
    if (e.code === 'blank') return t.blank;
    if (e.code === 'consent_required') return t.needConsent;
    if (e.field === 'contact.email') return t.badEmail;
    return e.message;
  }
  view(t) {
    const d = this.data, u = this.uid, v = this.v, err = this.errors;
    this.live.replaceChildren(...(this.receipt ? [h('div', { class: 'ok', part: 'receipt' },
      h('p', { tabindex: '-1' }, t.thanks), h('p', {}, t.receiptIs, ' ', h('span', { class: 'code' }, this.receipt)), h('p', {}, t.receiptHint))] : []));
    if (d.state !== 'in_dialogue') return h('p', {}, t.closed);
    if (this.receipt) return h('button', { type: 'button', part: 'button', onclick: () => { this.receipt = null; this.render(); this.shadowRoot.querySelector('textarea')?.focus(); } }, t.another);
    const fe = (f) => h('p', { id: `${u}-${f}-e`, class: 'e', part: 'error' }, err[f] || '');
    const desc = (f, hint) => [hint ? `${u}-${f}-h` : '', err[f] ? `${u}-${f}-e` : ''].join(' ').trim() || false;
    const input = (f, type, auto) => h('div', { class: 'f' }, h('label', { for: `${u}-${f}`, part: 'label' }, t[f]), fe(f),
      h('input', { id: `${u}-${f}`, type, name: f, value: v[f], autocomplete: auto, part: 'input', 'aria-invalid': err[f] ? 'true' : false, 'aria-describedby': desc(f), oninput: (ev) => { v[f] = ev.target.value; } }));
    const boxes = (f, options) => options.length ? h('fieldset', { part: 'fieldset', 'aria-describedby': desc(f) }, h('legend', {}, t[f]), fe(f),
      options.map(([value, label], j) => h('div', { class: 'c' }, h('input', { type: 'checkbox', id: `${u}-${f}${j}`, value, checked: v[f].includes(value), part: 'checkbox',
        onchange: (ev) => { v[f] = ev.target.checked ? [...v[f], value] : v[f].filter((x) => x !== value); } }), h('label', { for: `${u}-${f}${j}` }, label)))) : null;
    const summary = Object.keys(err).length ? h('div', { role: 'alert', class: 'e', part: 'error' }, t.fix,
      h('ul', {}, Object.values(err).map((m) => h('li', {}, m)))) : h('div', { role: 'alert' });
    return [
      h('p', {}, d.title),
      summary,
      h('form', { novalidate: true, part: 'form', onsubmit: (ev) => { ev.preventDefault(); this.submit(); } },
        h('div', { class: 'f' }, h('label', { for: `${u}-text`, part: 'label' }, t.text),
          h('p', { id: `${u}-text-h`, class: 'h' }, t.textHint), fe('text'),
          h('textarea', { id: `${u}-text`, name: 'text', required: true, part: 'input textarea', 'aria-invalid': err.text ? 'true' : false, 'aria-describedby': desc('text', true), oninput: (ev) => { v.text = ev.target.value; } }, v.text)),
        boxes('themes', (d.question_areas || []).map((q) => [q, q])),
        boxes('groups', (d.target_groups || []).map((g) => [g.key, g.label])),
        h('fieldset', { part: 'fieldset' }, h('legend', {}, t.contact), input('email', 'email', 'email'), input('name', 'text', 'name'),
          fe('consent'), h('div', { class: 'c' }, h('input', { type: 'checkbox', id: `${u}-consent`, checked: v.consent, part: 'checkbox', 'aria-invalid': err.consent ? 'true' : false, 'aria-describedby': desc('consent'), onchange: (ev) => { v.consent = ev.target.checked; } }),
            h('label', { for: `${u}-consent` }, t.consent))),
        fe('form'),
        h('button', { type: 'submit', part: 'button', 'aria-disabled': this.busy ? 'true' : false }, this.busy ? t.sending : t.send)),
    ];
  }
  focusFirstError() {
    const f = ['text', 'themes', 'groups', 'email', 'name', 'consent'].find((k) => this.errors[k]);
    const el = f === 'themes' || f === 'groups' ? this.shadowRoot.getElementById(`${this.uid}-${f}0`) : this.shadowRoot.getElementById(`${this.uid}-${f}`);
    el?.focus();
  }
  async submit() {
    if (this.busy) return;
    const t = this.t, v = this.v;
    this.errors = {};
    if (!v.text.trim()) this.errors.text = t.blank;
    if (v.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email)) this.errors.email = t.badEmail;
    if (v.email && !v.consent) this.errors.consent = t.needConsent;
    if (Object.keys(this.errors).length) { this.render(); this.focusFirstError(); return; }
    const body = { text: v.text.trim(), channel: 'web', language: this.lang_ };
    if (v.themes.length) body.themes = v.themes;
    if (v.groups.length) body.groups = v.groups;
    if (v.email) body.contact = { email: v.email, ...(v.name ? { name: v.name } : {}), consent: v.consent };
    const json = JSON.stringify(body);
    // One Idempotency-Key per submitted form: a retry of the same form reuses it, so a contribution
    // whose answer was lost is not stored twice.
    if (!this.sent || this.sent.json !== json) this.sent = { json, key: randomKey() };
    // The button keeps focus while sending: it is marked busy, not disabled or re-rendered.
    this.busy = true;
    const button = this.shadowRoot.querySelector('button[type=submit]');
    button.setAttribute('aria-disabled', 'true');
    button.textContent = t.sending;
    let res, problem;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 500 * 3 ** attempt));
      try {
        const headers = { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': this.sent.key };
        const key = this.getAttribute('key');
        if (key) headers.authorization = `Bearer ${key}`;
        res = await fetch(new URL(`v1/dialogues/${this.id_}/contributions`, BASE), { method: 'POST', headers, body: json });
        if (res.status < 500) break;
      } catch { res = null; }
    }
    this.busy = false;
    if (res?.ok) {
      this.receipt = (await res.json()).receipt;
      this.sent = null;
      this.v = { text: '', themes: [], groups: [], email: '', name: '', consent: false };
      this.render();
      this.live.querySelector('p')?.focus();
      return;
    }
    try { problem = res && await res.json(); } catch { problem = null; }
    if (res?.status === 422 && problem?.errors) {
      for (const e of problem.errors) { const f = fieldOf(e.field); this.errors[f] ||= this.message(t, e); }
    } else if (res?.status === 401) this.errors.form = t.noKey;
    else if (res?.status === 403) this.errors.form = t.notAllowed;
    else if (res?.status === 429) this.errors.form = t.tooMany(res.headers.get('retry-after') || 60);
    else if (res?.status === 409) this.errors.form = t.closed;
    else this.errors.form = t.retry;
    this.render();
    if (this.errors.form) this.shadowRoot.querySelector('button')?.focus(); else this.focusFirstError();
  }
}

class Receipt extends Widget {
  title_(t) { return t.receipt; }
  load() { return {}; }
  async refresh() {
    this.code ??= this.getAttribute('code') || '';
    this.data = {}; this.render();
    if (this.getAttribute('code')) { this.code = this.getAttribute('code'); this.lookup(false); }
  }
  async lookup(byUser = true) {
    const code = this.code.trim();
    this.error = code ? null : this.t.noCode;
    this.trace = null;
    if (code) {
      try { this.trace = await get(`v1/receipts/${encodeURIComponent(code)}`); } catch (e) { this.error = e.status === 404 ? 'unknown' : 'failed'; }
    }
    this.render();
    if (byUser) this.shadowRoot.querySelector('input')?.focus(); // re-rendered: keep the keyboard there
  }
  view(t) {
    this.live.replaceChildren(...(this.trace ? this.traceView(t, this.trace) : []));
    const u = this.uid, msg = this.error === 'unknown' ? t.unknownCode : this.error === 'failed' ? t.failed : this.error;
    return [
      h('form', { part: 'form', novalidate: true, onsubmit: (ev) => { ev.preventDefault(); this.lookup(); } },
        h('div', { class: 'f' }, h('label', { for: `${u}-code`, part: 'label' }, t.code), h('p', { id: `${u}-code-h`, class: 'h' }, t.codeHint),
          h('p', { id: `${u}-code-e`, class: 'e', part: 'error' }, msg || ''),
          h('input', { id: `${u}-code`, type: 'text', value: this.code, autocomplete: 'off', spellcheck: 'false', part: 'input', 'aria-invalid': msg ? 'true' : false,
            'aria-describedby': `${u}-code-h${msg ? ` ${u}-code-e` : ''}`, oninput: (ev) => { this.code = ev.target.value; } })),
        h('button', { type: 'submit', part: 'button' }, t.show)),
    ];
  }
  traceView(t, r) {
    const lang = this.lang_, dd = (label, ...v) => [h('dt', {}, label), h('dd', {}, ...v)];
    return [
      this.hx(1, r.receipt),
      h('dl', { part: 'trace' },
        dd(t.dialogue, r.dialogue.title, ` – ${stateName(t, r.dialogue.state)}`),
        dd(t.yourInput, h('q', {}, r.contribution.text), ` (${t.sentOn} ${r.contribution.submitted_on})`),
        dd(t.handled, r.disposition ? [T[lang].dispositions[r.disposition.value] || r.disposition.value, r.disposition.reason ? `: ${r.disposition.reason}` : ''] : t.notYet),
        r.needs.length ? dd(t.needs, h('ul', {}, r.needs.map((n) => h('li', {}, n.title, n.in_report ? ` (${t.inReport})` : '',
          n.board_answer ? h('ul', {}, n.board_answer.no_measure_reason ? h('li', {}, t.noMeasure, ' ', n.board_answer.no_measure_reason) : null,
            n.board_answer.measures.map((m) => h('li', {}, `${m.title}: ${t.decisions[m.decision]}`, m.rejection_reason ? ` (${m.rejection_reason})` : '',
              m.status ? `, ${t.mstatus[m.status]}` : '', m.progress != null ? ` ${m.progress} %` : ''))) : null)))) : null,
        dd(t.report, r.report ? [/^https?:\/\//i.test(r.report.url || '') ? h('a', { href: r.report.url }, r.report.title) : r.report.title, ` (${r.report.presented_on})`] : t.notYet),
        dd(t.decision, r.decision ? `${r.decision.reference}, ${r.decision.decided_on}; ${t.dueFollowUp} ${r.decision.follow_up_due_on}` : t.notYet),
        dd(t.followUpT, r.follow_up ? `${r.follow_up.held_on}: ${r.follow_up.summary}` : t.notYet)),
    ];
  }
}

class Feedback extends Widget {
  title_(t) { return t.feedback; }
  load() { return get(`v1/dialogues/${this.id_}/feedback/public?limit=100`); }
  view(t) {
    const items = this.data.items, lang = this.lang_;
    if (!items.length) return h('p', {}, t.noFeedback);
    return h('ul', { part: 'entries' }, items.map((e) => h('li', { part: 'entry' },
      this.hx(1, `${t.moments[e.moment] || e.moment}, ${e.date}`),
      e.note ? h('p', {}, e.note) : null,
      e.needs.length ? h('ul', {}, e.needs.map((n) => h('li', {}, h('strong', {}, n.title), ': ', n.outcome[lang]))) : null)));
  }
}

class Representation extends Widget {
  title_(t) { return t.representation; }
  load() { return get(`v1/dialogues/${this.id_}/representation`); }
  view(t) {
    const r = this.data, g = r.groups, row = 44, w = 320, x0 = 120, top = 8;
    const max = Math.max(0.01, ...g.flatMap((x) => [x.expected_share, x.reached_share]));
    const bar = (y, share, fill, height) => h('rect', { x: x0, y, width: Math.max(1, ((w - x0 - 40) * share) / max).toFixed(1), height, fill });
    const chart = h('svg', { viewBox: `0 0 ${w} ${top + g.length * row + 24}`, role: 'img', 'aria-label': t.chart, part: 'chart', focusable: 'false' },
      g.map((x, i) => {
        const y = top + i * row;
        return h('g', {},
          h('text', { x: 0, y: y + 18, 'font-size': 11, fill: 'currentColor' }, x.label.length > 20 ? x.label.slice(0, 19) + '…' : x.label),
          bar(y + 4, x.expected_share, '#767676', 12), bar(y + 18, x.reached_share, x.status === 'under' ? '#b00020' : '#0b5394', 12),
          h('text', { x: w - 36, y: y + 14, 'font-size': 10, fill: 'currentColor' }, pct(x.expected_share)),
          h('text', { x: w - 36, y: y + 28, 'font-size': 10, fill: 'currentColor' }, pct(x.reached_share)));
      }),
      h('rect', { x: x0, y: top + g.length * row + 6, width: 10, height: 10, fill: '#767676' }),
      h('text', { x: x0 + 14, y: top + g.length * row + 15, 'font-size': 10, fill: 'currentColor' }, t.expected),
      h('rect', { x: x0 + 100, y: top + g.length * row + 6, width: 10, height: 10, fill: '#0b5394' }),
      h('text', { x: x0 + 114, y: top + g.length * row + 15, 'font-size': 10, fill: 'currentColor' }, t.reached));
    return [
      h('p', {}, t.totalP(r.total_participants)),
      chart,
      h('table', { part: 'table' }, h('caption', {}, t.representation),
        h('thead', {}, h('tr', {}, [t.group, t.expected, t.reached, t.people].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, g.map((x) => h('tr', {}, h('th', { scope: 'row' }, x.label), h('td', {}, pct(x.expected_share)),
          h('td', {}, pct(x.reached_share), ` (${x.status === 'under' ? t.under : t.ok})`), h('td', {}, String(x.reached)))))),
    ];
  }
}

for (const [name, cls] of [['status', Status], ['ladder', Ladder], ['contribute', Contribute], ['receipt', Receipt], ['feedback', Feedback], ['representation', Representation]])
  if (!customElements.get(`dialogd-${name}`)) customElements.define(`dialogd-${name}`, cls);

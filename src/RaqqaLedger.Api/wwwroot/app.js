// The reporting timeline as charts: one small SVG per topic, a point per report on its publication day,
// colored by speaker, red-ringed where it contradicts an earlier report. Data: GET /claims?asOf=D (the
// board: what was published by D and each topic's status) and GET /timeline (the days and shifts).
// No inline script or style anywhere, so the page runs under a strict Content-Security-Policy.

const SVG_NS = 'http://www.w3.org/2000/svg';
const STORY_START = '2017-10-14';
const STORY_END = '2017-11-14';
const DAY_MS = 86_400_000;
const PAGE = 1000; // reports per topic asked for: the API's largest page
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PALETTE_SIZE = 10; // .sp-0 … .sp-9 in app.css; the outlet's own voice is .sp-outlet
const SHIFT_TEXT = {
  'first-report': 'first report',
  'new-value': 'a new figure or answer',
  'repetition': 'repeats an earlier report',
  'contradiction': 'contradicts an earlier report',
  'revision': 'revised by the ledger',
  'retraction': 'retracted by the ledger',
};

// Chart geometry, in viewBox units.
const WIDTH = 760;
const LEFT = 124;
const RIGHT = 16;
const TOP = 14;
const BOTTOM = 30;
const NUMERIC_HEIGHT = 120;
const BAND = 40;
const R = 4.5;
const DODGE = 11;

const $ = (id) => document.getElementById(id);
const asOfInput = $('as-of');
const statusLine = $('status');

let sequence = 0;
let inFlight = null;
let selectedClaimId = null;
/** claimId → { claim, entry } for everything shown: the details panel reads from here. */
let shown = new Map();

// ---- dates -------------------------------------------------------------------------------------

const toTime = (day) => Date.parse(`${day}T00:00:00Z`);
const dayOffset = (day) => Math.round((toTime(day) - toTime(STORY_START)) / DAY_MS);
const DAY_COUNT = dayOffset(STORY_END) + 1;

function shortDay(day) {
  const [, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]}`;
}

function longDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${LONG_MONTHS[m - 1]} ${y}`;
}

const isDay = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(toTime(s));

// ---- values ------------------------------------------------------------------------------------

const isNumeric = (v) => v !== null && typeof v === 'object';
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function number(n, topic) {
  const text = Number(n).toLocaleString('en-US');
  return topic.endsWith('.percent') ? `${text}%` : text;
}

function formatValue(v, topic) {
  if (v === true) return 'yes';
  if (v === false) return 'no';
  if (typeof v === 'string') return v.replaceAll('_', ' ');
  if (isNumeric(v)) {
    if (hasOwn(v, 'exact')) return number(v.exact, topic);
    if (hasOwn(v, 'approx')) return `about ${number(v.approx, topic)}`;
    if (hasOwn(v, 'min') && hasOwn(v, 'max')) return `${number(v.min, topic)} to ${number(v.max, topic)}`;
    if (hasOwn(v, 'min')) return `at least ${number(v.min, topic)}`;
    if (hasOwn(v, 'max')) return `at most ${number(v.max, topic)}`;
  }
  return JSON.stringify(v);
}

/** The short label drawn beside a point whose value is a bound or a range; exact and approximate figures get none. */
function boundLabel(v, topic) {
  if (!isNumeric(v)) return null;
  if (hasOwn(v, 'min') && hasOwn(v, 'max')) return `${number(v.min, topic)}–${number(v.max, topic)}`;
  if (hasOwn(v, 'min')) return `≥${number(v.min, topic)}`;
  if (hasOwn(v, 'max')) return `≤${number(v.max, topic)}`;
  return null;
}

/** Where a number is plotted: the figure itself, a range's middle, a bound's value. */
function plotNumber(v) {
  if (hasOwn(v, 'exact')) return Number(v.exact);
  if (hasOwn(v, 'approx')) return Number(v.approx);
  if (hasOwn(v, 'min') && hasOwn(v, 'max')) return (Number(v.min) + Number(v.max)) / 2;
  if (hasOwn(v, 'min')) return Number(v.min);
  if (hasOwn(v, 'max')) return Number(v.max);
  return 0;
}

function highest(v) {
  return hasOwn(v, 'max') ? Number(v.max) : plotNumber(v);
}

const speakerName = (claim) => claim.speaker ?? 'the outlet’s own voice';

// ---- the API -----------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(path, status, detail) {
    super(`${path}: ${detail}`);
    this.status = status;
  }
}

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(path, 0, 'the ledger API cannot be reached');
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`.trim();
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      // not problem details: keep the status line
    }
    throw new ApiError(path, response.status, detail);
  }
  return response.json();
}

// ---- loading -----------------------------------------------------------------------------------

async function refresh() {
  const asOf = asOfInput.value;
  const body = document.body;
  if (asOf && (!isDay(asOf) || asOf < STORY_START || asOf > STORY_END)) {
    showError(`Choose a date from ${longDay(STORY_START)} to ${longDay(STORY_END)}, or clear the date for everything.`);
    return;
  }
  inFlight?.abort();
  inFlight = new AbortController();
  const mine = ++sequence;
  body.dataset.state = 'loading';
  delete body.dataset.loadedAsOf;
  body.setAttribute('aria-busy', 'true');
  statusLine.classList.remove('error');
  statusLine.textContent = 'Loading…';
  try {
    // Both come a page at a time; the charts take the first (largest) page of each topic.
    const query = `?limit=${PAGE}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
    const [board, timeline] = await Promise.all([
      getJson(`/claims${query}`, inFlight.signal),
      getJson(`/timeline?limit=${PAGE}`, inFlight.signal),
    ]);
    if (mine !== sequence) return;
    render(board, timeline, asOf);
    body.dataset.state = 'ready';
    body.dataset.loadedAsOf = asOf || 'now';
  } catch (e) {
    if (e.name === 'AbortError' || mine !== sequence) return;
    showError(e instanceof ApiError ? e.message : `Could not draw the charts: ${e.message}`);
  } finally {
    if (mine === sequence) body.removeAttribute('aria-busy');
  }
}

function showError(message) {
  sequence++;
  inFlight?.abort();
  document.body.dataset.state = 'error';
  document.body.removeAttribute('aria-busy');
  delete document.body.dataset.loadedAsOf;
  statusLine.classList.add('error');
  statusLine.textContent = message;
}

// ---- rendering ---------------------------------------------------------------------------------

function svg(name, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  parent?.appendChild(element);
  return element;
}

function html(name, attributes = {}, text = null) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  if (text !== null) element.textContent = text;
  return element;
}

function render(board, timeline, asOf) {
  const published = new Set();
  const status = new Map();
  for (const topic of board.topics) {
    status.set(topic.topic, topic.status);
    for (const claim of topic.claims) published.add(claim.claimId);
  }

  // Colors by speaker are fixed over the whole story, so a speaker keeps its color at every date.
  const speakers = [...new Set(timeline.flatMap((t) => [...t.days.flatMap((d) => d.entries), ...t.undated])
    .map((e) => e.speaker).filter((s) => s !== null))].sort((a, b) => a.localeCompare(b));
  const colorOf = (speaker) => speaker === null ? 'sp-outlet' : `sp-${speakers.indexOf(speaker) % PALETTE_SIZE}`;

  shown = new Map();
  const counts = new Map();
  const topics = [...new Set([...timeline.map((t) => t.topic), ...board.topics.map((t) => t.topic)])].sort();
  const byTopic = new Map(timeline.map((t) => [t.topic, t]));
  const sections = [];
  const nav = html('ul');
  let dated = 0;
  let charted = 0;
  for (const topic of topics) {
    const line = byTopic.get(topic) ?? { topic, days: [], undated: [] };
    const entries = line.days
      .filter((d) => !asOf || d.day <= asOf)
      .flatMap((d) => d.entries.map((e) => ({ ...e, day: d.day })));
    for (const e of entries) {
      shown.set(e.claimId, { claim: e, entry: e, onBoard: published.has(e.claimId) });
      if (published.has(e.claimId)) counts.set(e.speaker, (counts.get(e.speaker) ?? 0) + 1);
    }
    dated += entries.length;
    if (entries.length > 0) charted++;
    const topicStatus = status.get(topic) ?? 'none';
    sections.push(renderTopic(line, entries, topicStatus, asOf, colorOf, published));
    const item = html('li');
    const link = html('a', { href: `#${topicId(topic)}`, class: `status-${topicStatus}` }, topic);
    item.append(link, ' ', statusBadge(topicStatus));
    nav.append(item);
  }
  $('topics').replaceChildren(...sections);
  $('topic-nav').replaceChildren(nav);

  // Reports of unknown date, from the timeline's undated lists: the board files them under their
  // topics when no date is asked for, and apart (in its own undated list) when one is.
  for (const claim of board.undated) published.add(claim.claimId);
  const undated = topics.flatMap((t) => byTopic.get(t)?.undated ?? []);
  for (const e of undated) {
    shown.set(e.claimId, { claim: e, entry: e, onBoard: published.has(e.claimId) });
    if (published.has(e.claimId)) counts.set(e.speaker, (counts.get(e.speaker) ?? 0) + 1);
  }
  renderUndated(undated, colorOf, published);
  renderLegend(speakers, colorOf, counts);

  const disputed = [...status.values()].filter((s) => s === 'disputed').length;
  const when = asOf ? `As of ${longDay(asOf)}` : 'Everything the ledger holds';
  statusLine.textContent = `${when}: ${dated} dated ${dated === 1 ? 'report' : 'reports'} on ${charted} of ${topics.length} topics` +
    `, ${disputed} disputed; ${undated.length} of unknown date.` +
    (board.topics.some((t) => t.count > t.claims.length) ? ` Long topics show their first ${PAGE} reports.` : '');

  if (selectedClaimId && shown.has(selectedClaimId)) select(selectedClaimId);
  else clearDetails();
}

function topicId(topic) {
  return `topic-${topic.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function statusBadge(status) {
  const text = status === 'none' ? 'no dated reports yet' : status;
  return html('span', { class: `badge status-${status}` }, text);
}

function renderTopic(line, entries, status, asOf, colorOf, published) {
  const { topic } = line;
  const section = html('section', {
    id: topicId(topic),
    class: `topic status-${status}`,
    'data-topic': topic,
    'data-status': status,
    'data-points': entries.length,
    'aria-labelledby': `${topicId(topic)}-heading`,
  });
  const heading = html('h3', { id: `${topicId(topic)}-heading` });
  heading.append(html('span', { class: 'topic-name' }, topic), ' ', statusBadge(status));
  section.append(heading);

  // The axis is fixed by every value the story holds, so it does not jump when the date changes.
  const allValues = [...line.days.flatMap((d) => d.entries), ...line.undated].map((e) => e.value);
  const numeric = allValues.length > 0 && allValues.every(isNumeric);
  const scale = numeric ? numericScale(allValues) : categoricalScale(allValues, topic);
  const height = TOP + scale.height + BOTTOM;
  const chart = svg('svg', {
    class: `chart ${numeric ? 'numeric' : 'categorical'}`,
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'group',
    'aria-label': `${topic}: ${entries.length} dated ${entries.length === 1 ? 'report' : 'reports'}`,
  });
  const x = (day) => LEFT + (dayOffset(day) + 0.5) * ((WIDTH - LEFT - RIGHT) / DAY_COUNT);
  const dayWidth = (WIDTH - LEFT - RIGHT) / DAY_COUNT;

  // Y axis: grid lines and labels.
  const yAxis = svg('g', { class: 'axis y-axis' }, chart);
  for (const tick of scale.ticks) {
    const y = TOP + tick.y;
    svg('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y }, yAxis);
    svg('text', { class: 'tick-label', x: LEFT - 8, y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, yAxis).textContent = tick.label;
  }

  // X axis: a tick a day, a label a week, and the last day.
  const xAxis = svg('g', { class: 'axis x-axis' }, chart);
  const base = TOP + scale.height;
  svg('line', { class: 'baseline', x1: LEFT, x2: WIDTH - RIGHT, y1: base, y2: base }, xAxis);
  for (let i = 0; i < DAY_COUNT; i++) {
    const day = new Date(toTime(STORY_START) + i * DAY_MS).toISOString().slice(0, 10);
    const labelled = i % 7 === 0 || day === STORY_END;
    svg('line', { class: labelled ? 'tick major' : 'tick', x1: x(day), x2: x(day), y1: base, y2: base + (labelled ? 6 : 3) }, xAxis);
    if (labelled) svg('text', { class: 'tick-label', x: x(day), y: base + 18, 'text-anchor': 'middle' }, xAxis).textContent = shortDay(day);
  }

  // What came after the as-of date is not known yet: shade it.
  if (asOf && asOf < STORY_END) {
    const edge = x(asOf) + dayWidth / 2;
    svg('rect', { class: 'after-as-of', x: edge, y: TOP, width: WIDTH - RIGHT - edge, height: scale.height }, chart);
    svg('line', { class: 'as-of-line', x1: edge, x2: edge, y1: TOP - 4, y2: base }, chart);
    svg('text', { class: 'as-of-label', x: edge + 4, y: TOP + 8 }, chart).textContent = `after ${shortDay(asOf)}: not yet published`;
  }

  // The points, dodged where several share a day and a value so each stays clickable.
  const marks = svg('g', { class: 'marks' }, chart);
  const groups = new Map();
  for (const e of entries) {
    const y = TOP + scale.y(e.value);
    const key = `${e.day}|${Math.round(y)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ e, y });
  }
  for (const group of groups.values()) {
    const columns = Math.min(group.length, 3);
    group.forEach(({ e, y }, i) => {
      const column = i % 3;
      const row = Math.floor(i / 3);
      const cx = x(e.day) + (column - (columns - 1) / 2) * DODGE;
      const cy = y + (row % 2 === 1 ? 1 : -1) * Math.ceil(row / 2) * DODGE;
      drawPoint(marks, e, cx, cy, scale, topic, colorOf, published.has(e.claimId));
    });
  }

  if (entries.length === 0) {
    const note = asOf ? `No dated reports by ${longDay(asOf)}.` : 'No dated reports.';
    svg('text', { class: 'empty-note', x: LEFT + (WIDTH - LEFT - RIGHT) / 2, y: TOP + scale.height / 2, 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, chart).textContent = note;
  }
  section.append(chart);
  return section;
}

function drawPoint(parent, e, cx, cy, scale, topic, colorOf, onBoard) {
  const shifts = e.shifts ?? [];
  const contradiction = shifts.includes('contradiction');
  const g = svg('g', { class: `mark ${colorOf(e.speaker)}` }, parent);
  const v = e.value;
  if (scale.numeric && hasOwn(v, 'min') && hasOwn(v, 'max')) {
    svg('line', { class: 'range', x1: cx, x2: cx, y1: TOP + scale.y({ exact: v.max }), y2: TOP + scale.y({ exact: v.min }) }, g);
  } else if (scale.numeric && hasOwn(v, 'min')) {
    svg('path', { class: 'bound', d: `M${cx} ${cy - R} V${cy - R - 11} M${cx - 3} ${cy - R - 8} L${cx} ${cy - R - 11} L${cx + 3} ${cy - R - 8}` }, g);
  } else if (scale.numeric && hasOwn(v, 'max')) {
    svg('path', { class: 'bound', d: `M${cx} ${cy + R} V${cy + R + 11} M${cx - 3} ${cy + R + 8} L${cx} ${cy + R + 11} L${cx + 3} ${cy + R + 8}` }, g);
  }
  if (contradiction) svg('circle', { class: 'dispute-ring', cx, cy, r: R + 2.5 }, g);
  const label = `${speakerName(e)}: ${formatValue(v, topic)}, ${longDay(e.day)}${contradiction ? ', contradicts an earlier report' : ''}${onBoard ? '' : ', retracted'}`;
  const point = svg('circle', {
    class: `point ${colorOf(e.speaker)}${contradiction ? ' disputed' : ''}${onBoard ? '' : ' off-board'}`,
    cx, cy, r: R,
    tabindex: 0,
    role: 'button',
    'aria-label': label,
    'data-claim-id': e.claimId,
    'data-topic': e.topic,
    'data-published': e.published ?? e.day,
    'data-speaker': e.speaker ?? '',
    'data-value': JSON.stringify(v),
    'data-shifts': shifts.join(' '),
  }, g);
  svg('title', {}, point).textContent = label;
  const text = scale.numeric ? boundLabel(v, topic) : null;
  if (text) svg('text', { class: 'value-label', x: cx + R + 3, y: cy, 'dominant-baseline': 'middle' }, g).textContent = text;
}

function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
}

function numericScale(values) {
  const max = Math.max(1, ...values.map(highest));
  const step = niceStep((max * 1.1) / 4);
  const top = Math.ceil((max * 1.1) / step) * step;
  const y = (v) => NUMERIC_HEIGHT * (1 - plotNumber(v) / top);
  const ticks = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push({ y: NUMERIC_HEIGHT * (1 - t / top), label: Number(t).toLocaleString('en-US') });
  return { numeric: true, height: NUMERIC_HEIGHT, y, ticks };
}

function categoricalScale(values, topic) {
  const keys = [...new Set(values.map((v) => JSON.stringify(v)))];
  // yes above no; other categories alphabetically; numbers (if a topic mixes them in) last.
  const rank = (k) => (k === 'true' ? 0 : k === 'false' ? 1 : k.startsWith('"') ? 2 : 3);
  keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (keys.length === 0) keys.push('true', 'false');
  const height = BAND * keys.length;
  const y = (v) => BAND * (keys.indexOf(JSON.stringify(v)) + 0.5);
  const ticks = keys.map((k, i) => ({ y: BAND * (i + 0.5), label: formatValue(JSON.parse(k), topic) }));
  return { numeric: false, height, y, ticks };
}

function renderUndated(claims, colorOf, published) {
  const list = $('undated');
  if (claims.length === 0) {
    list.replaceChildren(html('li', { class: 'hint' }, 'None.'));
    return;
  }
  list.replaceChildren(...claims.map((c) => {
    const onBoard = published.has(c.claimId);
    const item = html('li', {
      class: `undated-claim${onBoard ? '' : ' off-board'}`,
      'data-claim-id': c.claimId,
      'data-topic': c.topic,
      'data-speaker': c.speaker ?? '',
      'data-source': c.source,
    });
    const button = html('button', { type: 'button', class: 'claim-button', 'data-claim-id': c.claimId });
    const swatch = html('span', { class: `swatch ${colorOf(c.speaker)}`, 'aria-hidden': 'true' });
    button.append(swatch, html('span', { class: 'topic-name' }, c.topic), ` ${speakerName(c)}: ${formatValue(c.value, c.topic)}`);
    const note = onBoard ? '' : `; ${(c.shifts ?? []).map((s) => SHIFT_TEXT[s] ?? s).join(', ') || 'not on the board'}`;
    item.append(button, html('span', { class: 'hint' }, ` (${c.source}${note})`));
    return item;
  }));
}

function renderLegend(speakers, colorOf, counts) {
  const items = [null, ...speakers].map((s) => {
    const count = counts.get(s) ?? 0;
    const item = html('li', { class: `legend-item${count === 0 ? ' absent' : ''}`, 'data-speaker': s ?? '' });
    item.append(html('span', { class: `swatch ${colorOf(s)}`, 'aria-hidden': 'true' }),
      s ?? 'the outlet’s own voice', html('span', { class: 'count' }, ` ${count}`));
    return item;
  });
  $('legend').replaceChildren(...items);
}

// ---- details -----------------------------------------------------------------------------------

function select(claimId) {
  const item = shown.get(claimId);
  if (!item) return;
  selectedClaimId = claimId;
  for (const el of document.querySelectorAll('.point.selected, .undated-claim.selected')) el.classList.remove('selected');
  for (const el of document.querySelectorAll(`.point[data-claim-id="${CSS.escape(claimId)}"], .undated-claim[data-claim-id="${CSS.escape(claimId)}"]`)) el.classList.add('selected');

  const { claim, entry, onBoard } = item;
  const details = $('details');
  details.dataset.claimId = claimId;
  $('details-empty').hidden = true;
  $('details-body').hidden = false;
  $('detail-quote').textContent = claim.quote;
  const speaker = $('detail-speaker');
  speaker.textContent = speakerName(claim);
  if (claim.speakerAsWritten && claim.speakerAsWritten !== claim.speaker) speaker.append(html('span', { class: 'hint' }, ` (as written: “${claim.speakerAsWritten}”)`));
  $('detail-topic').textContent = claim.topic;
  $('detail-value').textContent = formatValue(claim.value, claim.topic);
  $('detail-published').textContent = claim.published ? `${longDay(claim.published)} (date ${claim.dateBasis})` : 'unknown';
  $('detail-source').textContent = claim.source;
  const article = $('detail-article');
  article.textContent = claim.articleId;
  article.href = `/articles/${encodeURIComponent(claim.articleId)}`;
  $('detail-outlet').textContent = claim.outlet ?? '—';
  $('detail-history').href = `/claims/${encodeURIComponent(claim.claimId)}/history`;

  const shifts = $('detail-shifts');
  shifts.replaceChildren();
  const parts = (entry.shifts ?? []).map((s) => SHIFT_TEXT[s] ?? s);
  if (!claim.published) parts.unshift('date unknown: not placed on a day');
  if (!onBoard) parts.push('not on the board as of this date');
  shifts.append(parts.join('; ') || '—');
  const other = entry?.contradictsClaimId && shown.get(entry.contradictsClaimId);
  if (other) {
    shifts.append(html('br'), 'contradicts ');
    shifts.append(html('button', { type: 'button', class: 'link-button', 'data-claim-id': entry.contradictsClaimId },
      `${speakerName(other.claim)}: ${formatValue(other.claim.value, other.claim.topic)}`));
  }
}

function clearDetails() {
  selectedClaimId = null;
  delete $('details').dataset.claimId;
  $('details-empty').hidden = false;
  $('details-body').hidden = true;
}

// ---- wiring ------------------------------------------------------------------------------------

function onActivate(event) {
  const target = event.target.closest?.('.point, .claim-button, .link-button');
  if (!target) return;
  if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  select(target.dataset.claimId);
}

for (const container of [$('topics'), $('undated'), $('details')]) {
  container.addEventListener('click', onActivate);
  container.addEventListener('keydown', onActivate);
}

$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  onDateChange();
});
asOfInput.addEventListener('change', onDateChange);
$('as-of-clear').addEventListener('click', () => {
  asOfInput.value = '';
  onDateChange();
});

function onDateChange() {
  const asOf = asOfInput.value;
  const url = new URL(window.location.href);
  if (asOf) url.searchParams.set('asOf', asOf);
  else url.searchParams.delete('asOf');
  history.replaceState(null, '', url);
  refresh();
}

const initial = new URLSearchParams(window.location.search).get('asOf');
if (initial && isDay(initial)) asOfInput.value = initial;
refresh();

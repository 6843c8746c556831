import { api, query as queryString } from '../api.js';
import { showProblem } from '../forms.js';
import { day, when, words } from '../format.js';
import { html } from '../html.js';
import { attentionTags, needsAttention, priorities, stateTag, states, suppliersOf } from '../jobs.js';
import { readContracts } from '../contracts.js';
import { can } from '../roles.js';

export const may = 'readJobs';

// The filters live in the query string under the API's own names, so a refusal naming a parameter links to its field.
const filterNames = ['state', 'supplierId', 'contractId', 'priority', 'overdue', 'raisedFrom', 'raisedTo', 'limit'];

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** London's clock reading at the instant `ms`, read as if it were UTC: its difference from `ms` is London's offset. */
function londonWall(ms) {
  const part = Object.fromEntries(london.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
}

/**
 * The UTC instant at which the London day `date` ("2026-03-29") starts, `days` later; staff pick days in London's
 * time. Anything that is not a date goes to the API as it is, so its refusal names the field.
 */
function startOfLondonDay(date, days = 0) {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!parts) return date;
  const midnight = Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]) + days);
  const guess = midnight - (londonWall(midnight) - midnight);
  const instant = midnight - (londonWall(guess) - guess);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

const option = (value, text, selected) => html`<option value="${value}"${selected === value ? html` selected` : ''}>${text}</option>`;

function select(id, label, selected, options) {
  return html`<div class="govuk-form-group">
      <label class="govuk-label" for="${id}">${label}</label>
      <select class="govuk-select" id="${id}" name="${id}">${option('', 'Any', selected)}${options.map(([value, text]) => option(value, text, selected))}</select>
    </div>`;
}

function dateField(id, label, hint, value) {
  return html`<div class="govuk-form-group">
      <label class="govuk-label" for="${id}">${label}</label>
      <div class="govuk-hint" id="${id}-hint">${hint}</div>
      <input class="govuk-input govuk-input--width-10" id="${id}" name="${id}" type="date" value="${value}" aria-describedby="${id}-hint">
    </div>`;
}

function filterForm(filters, list) {
  const column = (content) => html`<div class="govuk-grid-column-one-third">${content}</div>`;
  return html`<form id="filters" method="get" action="/jobs" novalidate>
      <h2 class="govuk-heading-m">Filter jobs</h2>
      <div class="govuk-grid-row">
        ${column(select('state', 'State', filters.state, states.map((s) => [s, words(s)])))}
        ${column(select('priority', 'Priority', filters.priority, priorities.map((p) => [p, words(p)])))}
        ${column(select('overdue', 'Overdue', filters.overdue, [['true', 'Yes'], ['false', 'No']]))}
      </div>
      <div class="govuk-grid-row">
        ${column(select('supplierId', 'Supplier', filters.supplierId, suppliersOf(list).map((s) => [s.supplierId, s.supplierName])))}
        ${column(select('contractId', 'Contract', filters.contractId, list.map((c) => [c.contractId, c.terms.title])))}
      </div>
      <div class="govuk-grid-row">
        ${column(dateField('raisedFrom', 'Raised on or after', 'Counted by the day in UK time.', filters.raisedFrom))}
        ${column(dateField('raisedTo', 'Raised on or before', 'Counted by the day in UK time.', filters.raisedTo))}
      </div>
      ${filters.limit ? html`<input type="hidden" name="limit" value="${filters.limit}">` : ''}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
        <a class="govuk-link" href="/jobs">Clear filters</a>
      </div>
    </form>`;
}

function row(job, supplierNames) {
  return html`<tr class="govuk-table__row${needsAttention(job) ? ' hl-row--attention' : ''}">
      <td class="govuk-table__cell"><a class="govuk-link" href="/jobs/${encodeURIComponent(job.jobId)}">${job.jobId}</a></td>
      <td class="govuk-table__cell">${job.propertyRef}</td>
      <td class="govuk-table__cell">${job.itemCode}</td>
      <td class="govuk-table__cell">${words(job.priority)}</td>
      <td class="govuk-table__cell">${supplierNames.get(job.supplierId) ?? job.supplierId}</td>
      <td class="govuk-table__cell">${stateTag(job.state)}${attentionTags(job)}</td>
      <td class="govuk-table__cell">${when(job.raisedAt)}</td>
      <td class="govuk-table__cell">${day(job.deadline)}</td>
    </tr>`;
}

const arrow = {
  prev: html`<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>`,
  next: html`<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>`,
};

/** GOV.UK pagination: "First page" back when on a later page, "Next page" with the API's cursor and the same filters. */
function pagination(filters, onLaterPage, next) {
  if (!onLaterPage && !next) return '';
  const first = onLaterPage
    ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/jobs${queryString(filters)}" rel="first">${arrow.prev}<span class="govuk-pagination__link-title">First page</span></a></div>`
    : '';
  const following = next
    ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/jobs${queryString({ ...filters, cursor: next })}" rel="next">${arrow.next}<span class="govuk-pagination__link-title">Next page</span></a></div>`
    : '';
  return html`<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">${first}${following}</nav>`;
}

function table(page, supplierNames) {
  if (page.jobs.length === 0) {
    return html`<p class="govuk-body" id="no-jobs">${page.next
      ? 'No jobs on this page match the filters. The list goes on: there may be more on the next page.'
      : 'No jobs match these filters.'}</p>`;
  }

  return html`<table class="govuk-table govuk-!-font-size-16">
      <caption class="govuk-table__caption govuk-table__caption--m">Jobs, newest raised first</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Job</th>
        <th scope="col" class="govuk-table__header">Property</th>
        <th scope="col" class="govuk-table__header">Item</th>
        <th scope="col" class="govuk-table__header">Priority</th>
        <th scope="col" class="govuk-table__header">Supplier</th>
        <th scope="col" class="govuk-table__header">State</th>
        <th scope="col" class="govuk-table__header">Raised</th>
        <th scope="col" class="govuk-table__header">Deadline</th>
      </tr></thead>
      <tbody class="govuk-table__body">${page.jobs.map((job) => row(job, supplierNames))}</tbody>
    </table>`;
}

export async function render(main, { caller, query }) {
  const filters = Object.fromEntries(filterNames.map((name) => [name, query.get(name) ?? '']));
  const cursor = query.get('cursor') ?? '';
  const list = (await readContracts()).contracts;
  const supplierNames = new Map(suppliersOf(list).map((s) => [s.supplierId, s.supplierName]));

  let page = null;
  let refusal = null;
  try {
    page = await api(`/jobs${queryString({
      ...filters, raisedFrom: startOfLondonDay(filters.raisedFrom), raisedTo: startOfLondonDay(filters.raisedTo, 1), cursor,
    })}`);
  } catch (error) {
    if (error.status !== 400) throw error;
    refusal = error;
    refusal.title = 'There is a problem';
    // The API checks the instant a day became; staff typed a day, so the message speaks of days.
    for (const field of ['raisedFrom', 'raisedTo']) {
      if (refusal.errors[field]) refusal.errors[field] = ['Enter a real date, such as 27 March 2026.'];
    }
  }

  main.innerHTML = html`
    <h1 class="govuk-heading-l">Jobs</h1>
    ${can(caller, 'raiseJobs') ? html`<a class="govuk-button" href="/jobs/new" data-module="govuk-button">Raise a job</a>` : ''}
    ${filterForm(filters, list)}
    ${page
      ? html`${table(page, supplierNames)}${pagination(filters, Boolean(cursor), page.next)}`
      : html`<p class="govuk-body">Correct the filter to see the jobs.</p>`}`;

  if (refusal) showProblem(main.querySelector('#filters'), refusal);
  return refusal ? 'Error: Jobs' : 'Jobs';
}

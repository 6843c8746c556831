import { api, download, query } from '../api.js';
import { axisPounds, chartBox, colours, drawChart } from '../charts.js';
import { money, month } from '../format.js';
import { showProblem } from '../forms.js';
import { html } from '../html.js';
import { contractTitle, readContracts } from '../contracts.js';

export const may = 'readSpend';

const groupings = [
  { value: 'month', text: 'Month' },
  { value: 'supplier', text: 'Supplier' },
  { value: 'contract', text: 'Contract' },
  { value: 'all', text: 'Month, supplier and contract' },
];

const figures = [
  ['listPrice', 'List price'], ['discounted', 'Discounted'], ['penalised', 'Penalised'], ['net', 'Net'], ['vat', 'VAT'], ['paid', 'Paid'],
];

/** Every month from `from` to `to` (YYYY-MM), so a month with nothing paid still has its place on the chart. */
function monthsBetween(from, to) {
  const months = [];
  let [year, m] = from.split('-').map(Number);
  for (let i = 0; i < 36; i++) {
    const text = `${year}-${String(m).padStart(2, '0')}`;
    months.push(text);
    if (text >= to) break;
    [year, m] = m === 12 ? [year + 1, 1] : [year, m + 1];
  }

  return months;
}

function form(values) {
  const input = (name, label) => html`<div class="govuk-form-group">
      <label class="govuk-label" for="${name}">${label}</label>
      <div class="govuk-hint" id="${name}-hint">For example, 2026-04</div>
      <input class="govuk-input govuk-input--width-10" id="${name}" name="${name}" type="text" inputmode="numeric" spellcheck="false" value="${values[name] ?? ''}" aria-describedby="${name}-hint">
    </div>`;
  return html`<form method="get" action="/spend" id="spend-filter" class="hl-filter" novalidate>
      ${input('from', 'From month')}
      ${input('to', 'To month')}
      <div class="govuk-form-group">
        <label class="govuk-label" for="groupBy">Group by</label>
        <select class="govuk-select" id="groupBy" name="groupBy">${groupings.map((g) => html`
          <option value="${g.value}"${g.value === values.groupBy ? html` selected` : ''}>${g.text}</option>`)}
        </select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show spend</button>
    </form>`;
}

function totals(total) {
  return html`<dl class="govuk-summary-list" id="spend-totals">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Jobs settled</dt><dd class="govuk-summary-list__value">${total.jobs}</dd></div>
      ${figures.map(([name, label]) => html`<div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">${label}</dt><dd class="govuk-summary-list__value">${money(total[name])}</dd></div>`)}
    </dl>`;
}

function linesTable(id, answer, groupBy, names) {
  const { byId, supplierNames } = names;
  const columns = [];
  if (groupBy === 'month' || groupBy === 'all') columns.push(['Month', (line) => month(line.month)]);
  if (groupBy !== 'month') {
    columns.push(['Supplier', (line) => html`<a class="govuk-link" href="/suppliers/${encodeURIComponent(line.supplierId)}">${supplierNames.get(line.supplierId) ?? line.supplierId}</a>`]);
  }
  if (groupBy === 'contract' || groupBy === 'all') columns.push(['Contract', (line) => contractTitle(byId, line.contractId)]);
  if (!answer.lines.length) return html`<p class="govuk-body" id="${id}">Nothing was settled in these months.</p>`;

  const numeric = (value) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${value}</td>`;
  return html`<table class="govuk-table hl-table--figures" id="${id}">
      <caption class="govuk-table__caption govuk-table__caption--m">Spend by ${groupings.find((g) => g.value === groupBy).text.toLowerCase()}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        ${columns.map(([label]) => html`<th scope="col" class="govuk-table__header">${label}</th>`)}
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Jobs</th>
        ${figures.map(([, label]) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${label}</th>`)}
      </tr></thead>
      <tbody class="govuk-table__body">${answer.lines.map((line) => html`
        <tr class="govuk-table__row">
          ${columns.map(([, value], i) => (i === 0 ? html`<th scope="row" class="govuk-table__header">${value(line)}</th>` : html`<td class="govuk-table__cell">${value(line)}</td>`))}
          ${numeric(line.jobs)}${figures.map(([name]) => numeric(money(line[name])))}
        </tr>`)}
      </tbody>
      <tfoot><tr class="govuk-table__row">
        <th scope="row" class="govuk-table__header" colspan="${columns.length}">Total</th>
        ${numeric(answer.total.jobs)}${figures.map(([name]) => numeric(money(answer.total[name])))}
      </tr></tfoot>
    </table>`;
}

function drawSpendChart(box, byMonth) {
  const months = monthsBetween(byMonth.from, byMonth.to);
  const lines = new Map(byMonth.lines.map((line) => [line.month, line]));
  const series = (name, label, colour) => ({ label, colour, data: months.map((m) => lines.get(m)?.[name] ?? 0) });
  drawChart(box, {
    kind: 'bar',
    stacked: true,
    labels: months.map(month),
    format: money,
    tick: axisPounds,
    series: [series('paid', 'Paid', colours.blue), series('discounted', 'Discounted', colours.green), series('penalised', 'Penalised', colours.red)],
  });
}

export async function render(main, { query: search }) {
  const values = { from: search.get('from') ?? '', to: search.get('to') ?? '', groupBy: search.get('groupBy') || 'month' };
  const parameters = (groupBy) => query({ from: values.from, to: values.to, groupBy: groupBy === 'all' ? '' : groupBy });
  main.innerHTML = html`
    <h1 class="govuk-heading-l">Spend</h1>
    <p class="govuk-body">What your association paid for its settled jobs, by the month of the settlement run: the list price, what the volume discount and the late penalty took off it, and what was paid with VAT.</p>
    ${form(values)}
    <div id="spend-results"></div>`;
  const filter = main.querySelector('#spend-filter');

  let answer;
  let byMonth;
  let names;
  try {
    [answer, byMonth, names] = await Promise.all([
      api(`/spend${parameters(values.groupBy)}`),
      values.groupBy === 'month' ? null : api(`/spend${parameters('month')}`),
      readContracts(),
    ]);
  } catch (error) {
    if (error.status !== 400) throw error;
    showProblem(filter, error);
    return 'Error: Spend';
  }

  byMonth ??= answer;
  // A blank field shows the default period it stood for, unless the user typed into it while the figures loaded.
  for (const name of ['from', 'to']) {
    const field = filter.querySelector(`#${name}`);
    if (field.value === values[name]) field.value = answer[name];
  }

  const period = answer.from === answer.to ? month(answer.from) : `${month(answer.from)} to ${month(answer.to)}`;
  main.querySelector('#spend-results').innerHTML = html`
    <h2 class="govuk-heading-m">Totals, ${period}</h2>
    ${totals(answer.total)}
    <button type="button" class="govuk-button govuk-button--secondary" id="download-csv" data-module="govuk-button">Download CSV</button>
    <h2 class="govuk-heading-m">By month</h2>
    ${byMonth.lines.length ? chartBox('spend-chart', `Stacked bar chart of what was paid, discounted and penalised each month, ${period}`, 'spend-month-table') : ''}
    ${linesTable('spend-month-table', byMonth, 'month', names)}
    ${values.groupBy === 'month' ? '' : linesTable('spend-table', answer, values.groupBy, names)}`;
  if (byMonth.lines.length) drawSpendChart(main.querySelector('#spend-chart'), byMonth);

  main.querySelector('#download-csv').addEventListener('click', async () => {
    const groupBy = values.groupBy === 'all' ? '' : values.groupBy;
    const response = await api(`/spend${query({ from: answer.from, to: answer.to, groupBy })}`, { accept: 'text/csv' });
    await download(response, `spend-${answer.from}-to-${answer.to}.csv`);
  });
  return 'Spend';
}

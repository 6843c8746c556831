import { api, download } from '../api.js';
import { showProblem } from '../forms.js';
import { html } from '../html.js';
import { money, month as monthName, when, words } from '../format.js';

export const may = 'readFeeStatements';

/** Last month in UTC, as "YYYY-MM": statements are by UTC month, and this month's is still open. */
function lastMonth() {
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return last.toISOString().slice(0, 7);
}

function statementSection(statement) {
  const closed = statement.status === 'closed';
  const lines = statement.lines ?? [];
  return html`
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt>
        <dd class="govuk-summary-list__value"><strong class="govuk-tag ${closed ? 'govuk-tag--green' : 'govuk-tag--yellow'}">${words(statement.status)}</strong></dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Jobs charged</dt>
        <dd class="govuk-summary-list__value">${statement.jobCount}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Total fee</dt>
        <dd class="govuk-summary-list__value">${money(statement.totalFee)}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Chain covered</dt>
        <dd class="govuk-summary-list__value">The first ${statement.treeSize} transactions of your chain</dd></div>
    </dl>
    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="download-csv">Download CSV</button>
    ${lines.length ? html`<table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m">Settled jobs charged</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Job</th>
          <th scope="col" class="govuk-table__header">Settled</th>
          <th scope="col" class="govuk-table__header">Ledger event</th>
          <th scope="col" class="govuk-table__header govuk-table__header--numeric">Fee</th>
        </tr></thead>
        <tbody class="govuk-table__body">${lines.map((line) => html`<tr class="govuk-table__row">
            <td class="govuk-table__cell"><a class="govuk-link" href="/jobs/${encodeURIComponent(line.jobId)}">${line.jobId}</a></td>
            <td class="govuk-table__cell">${when(line.recordedAt)}</td>
            <td class="govuk-table__cell"><a class="govuk-link hl-monospace" href="/ledger/receipts/${encodeURIComponent(line.eventId)}">${line.eventId}</a></td>
            <td class="govuk-table__cell govuk-table__cell--numeric">${money(line.fee)}</td>
          </tr>`)}
          <tr class="govuk-table__row hl-total">
            <th scope="row" class="govuk-table__header" colspan="3">Total</th>
            <td class="govuk-table__cell govuk-table__cell--numeric">${money(statement.totalFee)}</td>
          </tr>
        </tbody>
      </table>` : html`<p class="govuk-body">No settled jobs were charged in this month.</p>`}`;
}

export async function render(main, { query: search }) {
  const chosen = search.get('month') || lastMonth();
  main.innerHTML = html`
    <h1 class="govuk-heading-l">Fee statements</h1>
    <p class="govuk-body">The service’s fee for each job settled in a month, worked out from your chain.</p>
    <form method="get" action="/fee-statements" novalidate>
      <div class="govuk-form-group" id="month-group">
        <label class="govuk-label" for="month">Month</label>
        <div class="govuk-hint" id="month-hint">For example, 2026-03</div>
        <input class="govuk-input govuk-input--width-10" id="month" name="month" type="text" spellcheck="false" value="${chosen}" aria-describedby="month-hint">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Show statement</button>
    </form>
    <div id="statement"></div>`;

  const section = main.querySelector('#statement');
  let statement;
  try {
    statement = await api(`/fee-statements/${encodeURIComponent(chosen)}`);
  } catch (error) {
    if (error.status !== 400) throw error;
    // The API names the month it refused: show it by the field, as GOV.UK's error pattern does.
    showProblem(main.querySelector('form'), error);
    return 'Error: Fee statements';
  }

  section.innerHTML = html`<h2 class="govuk-heading-m">${monthName(statement.month)}</h2>${statementSection(statement)}`;
  main.querySelector('#download-csv').addEventListener('click', async () => {
    const response = await api(`/fee-statements/${encodeURIComponent(statement.month)}`, { accept: 'text/csv' });
    await download(response, `fee-statement-${statement.month}.csv`);
  });
  return `Fee statement for ${monthName(statement.month)}`;
}

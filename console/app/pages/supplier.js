import { api } from '../api.js';
import { axisPounds, chartBox, colours, drawChart } from '../charts.js';
import { day, money, month, percent, when, words } from '../format.js';
import { html } from '../html.js';
import { contractTitle, readContracts } from '../contracts.js';

export const may = 'readSuppliers';

// How near the late share may come below the threshold before the page warns that the supplier is heading for it.
const approaching = 0.02;

const asPercent = (value) => `${Number(value.toFixed(2))}%`;

/** The late share of the whole window: late jobs over jobs decided (on time or late), null when none is decided. */
function lateShare(months) {
  const late = months.reduce((sum, m) => sum + m.late, 0);
  const decided = months.reduce((sum, m) => sum + m.onTime + m.late, 0);
  return { late, decided, share: decided ? late / decided : null };
}

function warning(share, threshold, reduction) {
  if (share === null) return '';
  // Compared in hundredths of a percentage point, so 1 late in 10 is exactly at a 10% threshold.
  const at = (ratio) => Math.round(ratio * 1_000_000);
  let text;
  if (at(share) >= at(threshold)) {
    text = `The late share is at or over the contract’s ${percent(threshold)} threshold: the ${reduction ? `${percent(reduction)} ` : ''}late penalty applies.`;
  } else if (at(share) >= at(threshold - approaching)) {
    text = `The late share is within 2 percentage points of the contract’s ${percent(threshold)} threshold: this supplier is heading for the penalty.`;
  } else {
    return '';
  }

  return html`<div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> ${text}</strong>
    </div>`;
}

function monthsTable(id, contract) {
  return html`<table class="govuk-table" id="${id}">
      <caption class="govuk-table__caption govuk-table__caption--s">Jobs due each month</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Month</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Due</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">On time</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Late</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Late %</th>
      </tr></thead>
      <tbody class="govuk-table__body">${contract.months.map((m) => html`
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${month(m.month)}</th>
          <td class="govuk-table__cell govuk-table__cell--numeric">${m.due}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${m.onTime}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${m.late}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${percent(m.lateRatio)}</td>
        </tr>`)}
      </tbody>
    </table>`;
}

function lateJobs(contract) {
  if (!contract.openAndLate.length) return html`<p class="govuk-body">No job under this contract is open past its deadline.</p>`;
  return html`<table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">Jobs open past their deadline</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Job</th>
        <th scope="col" class="govuk-table__header">State</th>
        <th scope="col" class="govuk-table__header">Deadline</th>
      </tr></thead>
      <tbody class="govuk-table__body">${contract.openAndLate.map((job) => html`
        <tr class="govuk-table__row hl-row--attention">
          <td class="govuk-table__cell"><a class="govuk-link hl-monospace" href="/jobs/${encodeURIComponent(job.jobId)}">${job.jobId}</a></td>
          <td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--red">${words(job.state)}, late</strong></td>
          <td class="govuk-table__cell">${when(job.deadline)}</td>
        </tr>`)}
      </tbody>
    </table>`;
}

function spendTable(id, contract) {
  if (!contract.spend.length) return html`<p class="govuk-body" id="${id}">Nothing has been paid under this contract in these 12 months.</p>`;
  const cell = (pence) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${money(pence)}</td>`;
  return html`<table class="govuk-table hl-table--figures" id="${id}">
      <caption class="govuk-table__caption govuk-table__caption--s">Paid each month</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Month</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Jobs</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">List price</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Discounted</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Penalised</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Net</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">VAT</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Paid</th>
      </tr></thead>
      <tbody class="govuk-table__body">${contract.spend.map((line) => html`
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${month(line.month)}</th>
          <td class="govuk-table__cell govuk-table__cell--numeric">${line.jobs}</td>
          ${cell(line.listPrice)}${cell(line.discounted)}${cell(line.penalised)}${cell(line.net)}${cell(line.vat)}${cell(line.paid)}
        </tr>`)}
      </tbody>
    </table>`;
}

function section(contract, i, terms, title) {
  const { late, decided, share } = lateShare(contract.months);
  const threshold = Number(contract.latePenaltyThreshold);
  const reduction = terms?.latePenalty?.reduction;
  const shareText = share === null
    ? 'No job due in these 12 months has reached its deadline yet'
    : `${percent(share)}: ${late} of ${decided} ${decided === 1 ? 'job' : 'jobs'} due late`;
  return html`
    <section class="govuk-!-margin-bottom-9" aria-labelledby="contract-${i}">
      <h2 class="govuk-heading-l" id="contract-${i}">${title}</h2>
      <dl class="govuk-summary-list">
        ${terms ? html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Runs</dt>
          <dd class="govuk-summary-list__value">${day(terms.starts)} to ${day(terms.ends)}</dd></div>` : ''}
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Late-penalty threshold</dt>
          <dd class="govuk-summary-list__value">${percent(contract.latePenaltyThreshold)} of jobs late${reduction ? html`, taking ${percent(reduction)} off what is paid` : ''}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Late share, last 12 months</dt>
          <dd class="govuk-summary-list__value" id="late-share-${i}">${shareText}</dd></div>
      </dl>
      ${warning(share, threshold, reduction)}
      <h3 class="govuk-heading-m">Late jobs by month</h3>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">${chartBox(`late-chart-${i}`, `Line chart of the share of jobs late each month against the ${percent(threshold)} threshold, ${title}`, `late-table-${i}`)}</div>
        <div class="govuk-grid-column-one-half">${monthsTable(`late-table-${i}`, contract)}</div>
      </div>
      <h3 class="govuk-heading-m">Open and late</h3>
      ${lateJobs(contract)}
      <h3 class="govuk-heading-m">Spend by month</h3>
      ${contract.spend.length ? chartBox(`spend-chart-${i}`, `Bar chart of what was paid each month, ${title}`, `spend-table-${i}`) : ''}
      ${spendTable(`spend-table-${i}`, contract)}
    </section>`;
}

function draw(main, contract, i) {
  const threshold = Number(contract.latePenaltyThreshold) * 100;
  const labels = contract.months.map((m) => month(m.month));
  drawChart(main.querySelector(`#late-chart-${i}`), {
    labels,
    format: asPercent,
    suggestedMax: Math.min(100, threshold * 2),
    series: [
      { label: 'Late %', colour: colours.blue, data: contract.months.map((m) => (m.lateRatio === null ? null : Number((Number(m.lateRatio) * 100).toFixed(2)))) },
      { label: `Threshold ${asPercent(threshold)}`, colour: colours.red, dashed: true, data: contract.months.map(() => threshold) },
    ],
  });
  if (!contract.spend.length) return;
  const paid = new Map(contract.spend.map((line) => [line.month, line.paid]));
  drawChart(main.querySelector(`#spend-chart-${i}`), {
    kind: 'bar',
    labels,
    format: money,
    tick: axisPounds,
    series: [{ label: 'Paid', colour: colours.blue, data: contract.months.map((m) => paid.get(m.month) ?? 0) }],
  });
}

export async function render(main, { caller, values }) {
  const supplierId = values.supplierId;
  const [report, { byId, supplierNames }] = await Promise.all([
    api(`/suppliers/${encodeURIComponent(supplierId)}/performance`),
    readContracts(),
  ]);
  const name = supplierNames.get(supplierId) ?? supplierId;
  const contracts = report.contracts.map((contract, i) => section(contract, i, byId.get(contract.contractId)?.terms, contractTitle(byId, contract.contractId)));
  main.innerHTML = html`
    <a href="/suppliers" class="govuk-back-link">Suppliers</a>
    <span class="govuk-caption-l">Supplier</span>
    <h1 class="govuk-heading-xl">${name}</h1>
    <p class="govuk-body">How ${name} kept to its deadlines on ${caller.associationName ?? 'your association'}’s jobs in the 12 months to ${month(report.asOf.slice(0, 7))}, contract by contract.
      A job counts in the month of its deadline: on time when first completed by then, late when completed after it or still open.
      Settlement’s late penalty counts the jobs of every association sharing a contract; this page counts yours.</p>
    ${contracts}`;
  report.contracts.forEach((contract, i) => draw(main, contract, i));
  return name;
}

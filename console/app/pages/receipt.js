import { api } from '../api.js';
import { html } from '../html.js';
import { stepNames, verifyReceipt } from '../receipts.js';

export const may = 'readLedger';

const tags = {
  passed: html`<strong class="govuk-tag govuk-tag--green">Passed</strong>`,
  failed: html`<strong class="govuk-tag govuk-tag--red">Failed</strong>`,
  'not checked': html`<strong class="govuk-tag govuk-tag--grey">Not checked</strong>`,
};

/** The outcome of a receipt check: a panel saying whether it held, then each step with its tag and why. */
export function resultMarkup(result) {
  const panel = result.verified
    ? html`<div class="govuk-panel govuk-panel--confirmation" id="receipt-result">
        <h2 class="govuk-panel__title">Receipt verified</h2>
        <div class="govuk-panel__body">Checked in this browser: the transaction is in a block signed by the service’s published key.</div>
      </div>`
    : html`<div class="govuk-panel hl-panel--failed" id="receipt-result">
        <h2 class="govuk-panel__title">Receipt failed: ${stepNames[failedStep(result)]}</h2>
        <div class="govuk-panel__body hl-monospace">${result.reason}</div>
      </div>`;
  const rows = Object.entries(stepNames).map(([name, label]) => {
    const step = result.steps[name];
    return html`<div class="govuk-summary-list__row" data-step="${name}">
        <dt class="govuk-summary-list__key">${label}</dt>
        <dd class="govuk-summary-list__value">${tags[step.status]}
          <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0 hl-monospace">${step.status === 'passed' ? step.detail : step.reason}</p></dd>
      </div>`;
  });
  return html`${panel}
    <h2 class="govuk-heading-m">Steps</h2>
    <dl class="govuk-summary-list" id="receipt-steps">${rows}</dl>`;
}

const failedStep = (result) => Object.keys(stepNames).find((name) => result.steps[name].status === 'failed');

/** The JSON of a receipt, shown so staff can keep it or hand it to an auditor. */
export const receiptJson = (receipt) => JSON.stringify(receipt, null, 2);

export async function render(main, { caller, values }) {
  const [receipt, jwks] = await Promise.all([
    api(`/ledger/${encodeURIComponent(caller.associationId)}/receipts/${encodeURIComponent(values.eventId)}`),
    api('/.well-known/jwks.json'),
  ]);
  const result = await verifyReceipt(receipt, jwks);
  main.innerHTML = html`
    <a href="/ledger" class="govuk-back-link">Back to the ledger</a>
    <span class="govuk-caption-l">Receipt for event</span>
    <h1 class="govuk-heading-l hl-monospace">${values.eventId}</h1>
    ${resultMarkup(result)}
    <details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The receipt as the service gave it</span></summary>
      <div class="govuk-details__text"><pre class="hl-note" tabindex="0" aria-label="Receipt JSON">${receiptJson(receipt)}</pre></div>
    </details>
    <p class="govuk-body"><a class="govuk-link" href="/ledger/receipt-check">Check a receipt you were given</a></p>`;
  return `Receipt for ${values.eventId}`;
}

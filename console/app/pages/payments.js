import { api, query } from '../api.js';
import { onSubmit } from '../forms.js';
import { html } from '../html.js';
import { can } from '../roles.js';
import { money, when, day } from '../format.js';

export const may = 'readPayments';

/** The first 12 hex digits of a SHA-256, enough to tell batches apart on screen; the whole hash is on the batch's page. */
export const shortHash = (sha256) => `${String(sha256).slice(0, 12)}…`;

const flaggedTag = html`<strong class="govuk-tag govuk-tag--red">Bank details changed recently</strong>`;

/** The approved jobs of a supplier, which settlement holds while the change to its bank details is unconfirmed. */
async function heldJobs(supplierId) {
  const page = await api(`/jobs${query({ state: 'approved', supplierId, limit: 100 })}`);
  return page.jobs;
}

function pendingSection(changes, held, caller) {
  if (!changes.length) return '';
  const confirm = can(caller, 'confirmBankDetails');
  const rows = changes.map((change, i) => {
    const jobs = held[i];
    const jobList = jobs.length
      ? html`<ul class="govuk-list">${jobs.map((job) => html`<li><a class="govuk-link" href="/jobs/${encodeURIComponent(job.jobId)}">${job.jobId}</a></li>`)}</ul>`
      : 'None waiting';
    const action = confirm
      ? html`<form class="hl-confirm-bank" data-supplier-id="${change.supplierId}" data-change-event-id="${change.changeEventId}" novalidate>
          <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
            Confirm the new bank details<span class="govuk-visually-hidden"> of ${change.supplierName}</span></button>
        </form>`
      : 'An administrator must confirm it';
    return html`<tr class="govuk-table__row">
        <th scope="row" class="govuk-table__header">${change.supplierName} <span class="govuk-body-s hl-monospace">(${change.supplierId})</span></th>
        <td class="govuk-table__cell">${when(change.occurredAt)}</td>
        <td class="govuk-table__cell hl-monospace">${change.changeEventId}</td>
        <td class="govuk-table__cell">${jobList}</td>
        <td class="govuk-table__cell">${action}</td>
      </tr>`;
  });
  return html`
    <h2 class="govuk-heading-m" id="pending-changes">Bank details waiting for confirmation</h2>
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
        These suppliers’ bank details changed. Their approved jobs are held, not paid, until an administrator checks
        the new details with the supplier, through a contact you already knew, and confirms them.</strong>
    </div>
    <table class="govuk-table" aria-labelledby="pending-changes">
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Supplier</th>
        <th scope="col" class="govuk-table__header">Changed</th>
        <th scope="col" class="govuk-table__header">Change</th>
        <th scope="col" class="govuk-table__header">Held jobs</th>
        <th scope="col" class="govuk-table__header">Action</th>
      </tr></thead>
      <tbody class="govuk-table__body">${rows}</tbody>
    </table>`;
}

function batchesTable(batches) {
  if (!batches.length) return html`<p class="govuk-body">No payment batches yet. Settlement files one when approved jobs are paid.</p>`;
  const sum = (name) => batches.reduce((total, batch) => total + Number(batch[name] ?? 0), 0);
  const flagged = batches.filter((batch) => batch.payeesWithRecentBankChanges?.length).length;
  const rows = batches.map((batch) => {
    const payees = batch.payeesWithRecentBankChanges ?? [];
    return html`<tr class="govuk-table__row${payees.length ? ' hl-row--attention' : ''}">
        <td class="govuk-table__cell"><a class="govuk-link" href="/payments/${encodeURIComponent(batch.batchId)}">${when(batch.createdAt)}</a>
          ${payees.length ? html`<br>${flaggedTag}<span class="govuk-body-s"> ${payees.join(', ')}</span>` : ''}</td>
        <td class="govuk-table__cell">${day(batch.paymentDate)}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${batch.numberOfJobs}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${batch.numberOfTransactions}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${money(batch.controlSum)}</td>
        <td class="govuk-table__cell hl-monospace">${shortHash(batch.manifestSha256)}</td>
      </tr>`;
  });
  return html`
    ${flagged ? html`<div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
          ${flagged === 1 ? 'One batch pays' : `${flagged} batches pay`} a supplier whose bank details changed in the 30 days before it was settled. Check the details before you send the files to the bank.</strong>
      </div>` : ''}
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Payment batches</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Created</th>
        <th scope="col" class="govuk-table__header">Payment date</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Jobs</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Transactions</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Control sum</th>
        <th scope="col" class="govuk-table__header">Manifest SHA-256</th>
      </tr></thead>
      <tbody class="govuk-table__body">${rows}
        <tr class="govuk-table__row hl-total">
          <th scope="row" class="govuk-table__header" colspan="2">Total of ${batches.length} ${batches.length === 1 ? 'batch' : 'batches'}</th>
          <td class="govuk-table__cell govuk-table__cell--numeric">${sum('numberOfJobs')}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${sum('numberOfTransactions')}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${money(sum('controlSum'))}</td>
          <td class="govuk-table__cell"></td>
        </tr>
      </tbody>
    </table>`;
}

export async function render(main, { caller, query: search }) {
  const [{ batches }, { changes }] = await Promise.all([api('/payment-batches'), api('/bank-details-changes')]);
  const held = await Promise.all(changes.map((change) => heldJobs(change.supplierId)));
  const newest = [...batches].reverse();
  const confirmed = search.get('confirmed');
  main.innerHTML = html`
    ${confirmed ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="confirmed-title" data-module="govuk-notification-banner">
        <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="confirmed-title">Success</h2></div>
        <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">You confirmed the new bank details of ${confirmed}. Its held jobs are paid by the next settlement run.</p></div>
      </div>` : ''}
    <h1 class="govuk-heading-l">Payments</h1>
    ${pendingSection(changes, held, caller)}
    ${batchesTable(newest)}`;

  main.querySelectorAll('form.hl-confirm-bank').forEach((form) => onSubmit(form, async () => {
    const { supplierId, changeEventId } = form.dataset;
    await api(`/suppliers/${encodeURIComponent(supplierId)}/bank-details/confirmations`, { method: 'POST', body: { changeEventId } });
    location.assign(`/payments${query({ confirmed: supplierId })}`);
  }));
  return 'Payments';
}
